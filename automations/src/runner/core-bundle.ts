// The in-page core as one IIFE script, built from the TypeScript source with esbuild the first
// time a process needs it and kept in memory after that. A built server (backend/build) compiles
// it ahead with the same options and ships the script instead of this build step.
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

export const CORE_BUILD = {
  entryPoints: [join(import.meta.dirname, '..', 'core', 'install.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome110',
  write: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'silent',
} as const satisfies BuildOptions;

let bundle: Promise<string> | undefined;

/** Source of the script that defines `globalThis.__jobswipeCore` in a page. */
export function coreBundle(): Promise<string> {
  bundle ??= build(CORE_BUILD).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the in-page core');
    return file.text;
  });
  bundle.catch(() => {
    bundle = undefined;
  });
  return bundle;
}
