// The in-page core as one IIFE script, built from the TypeScript source with esbuild the first
// time a process needs it and kept in memory after that.
import { join } from 'node:path';
import { build } from 'esbuild';

const ENTRY = join(import.meta.dirname, '..', 'core', 'install.ts');

let bundle: Promise<string> | undefined;

/** Source of the script that defines `globalThis.__jobswipeCore` in a page. */
export function coreBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the in-page core');
    return file.text;
  });
  bundle.catch(() => {
    bundle = undefined;
  });
  return bundle;
}
