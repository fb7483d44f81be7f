// The Chromium packaged with the app, when the build has one: `npm run dist` fetches playwright's
// Chromium build (scripts/fetch-chromium.mjs) into the app's resources, in a folder holding
// bundled-chromium.json, which names its executable. A development build, or a package built
// without it, has none; the settings say so rather than offer it.
import { accessSync, constants, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';

/** Its folder inside the app's resources (electron-builder's extraResources `to`). */
export const BUNDLED_CHROMIUM_DIR = 'chromium';
export const BUNDLED_CHROMIUM_MANIFEST = 'bundled-chromium.json';

const Manifest = z.object({ executable: z.string().min(1) });

/** The bundled Chromium's executable under `resourcesDir`, or null when none is there (or it cannot run). */
export function bundledChromium(resourcesDir: string | null | undefined): string | null {
  if (!resourcesDir) return null;
  const dir = join(resourcesDir, BUNDLED_CHROMIUM_DIR);
  let manifest: z.infer<typeof Manifest>;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, BUNDLED_CHROMIUM_MANIFEST), 'utf8')));
  } catch {
    return null;
  }
  const executable = resolve(dir, manifest.executable);
  // The manifest names a file inside its own folder, nothing elsewhere on the machine.
  const inside = relative(dir, executable);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  try {
    accessSync(executable, constants.X_OK);
    return executable;
  } catch {
    return null;
  }
}
