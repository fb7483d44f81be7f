// Vitest global setup: `wxt build` once, so every test loads what `npm run build` ships.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export default async function buildExtension(): Promise<void> {
  const cwd = new URL('../..', import.meta.url).pathname;
  await promisify(execFile)('npx', ['wxt', 'build'], { cwd, maxBuffer: 10 * 1024 * 1024 });
}
