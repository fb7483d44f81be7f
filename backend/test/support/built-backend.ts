// The backend as production runs it: compiled by backend/build into a folder of this test file's
// own (inside the backend, so node finds node_modules above it), with the web app built too.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureWebBuild } from '@jobswipe/web/build/build-web';
import { BACKEND_ROOT, type BuiltBackend, buildBackend } from '../../build/bundle.ts';

export interface TestBuild extends BuiltBackend {
  remove(): Promise<void>;
}

export async function buildForTest(): Promise<TestBuild> {
  await ensureWebBuild();
  const built = await buildBackend(join(BACKEND_ROOT, 'dist', `test-${randomBytes(4).toString('hex')}`));
  return { ...built, remove: () => rm(built.outDir, { recursive: true, force: true }) };
}
