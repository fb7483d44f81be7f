// The backend compiled to JavaScript for plain `node` (production runs no TypeScript at run time):
// each entry point bundled with esbuild, with our own workspaces (@jobswipe/*) compiled in and
// every npm package left to node_modules (the production dependencies). Two things change on the
// way, so the built code behaves as the source does:
// - `import.meta.url`, `.dirname` and `.filename` still name the source file's place, so what
//   sits beside the sources (Lua scripts, migrations, web/dist) is found from any output folder;
// - the automation engine's in-page core, which the source builds with esbuild on first use, is
//   built now and shipped as a string.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_BUILD } from '@jobswipe/automations/runner/core-bundle';
import { build, type Plugin } from 'esbuild';

export const BACKEND_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Output name → source, each runnable as `node <outDir>/<name>.js`. */
export const ENTRIES = {
  main: 'src/main.ts',
  worker: 'src/worker/main.ts',
  seed: 'src/cli/seed.ts',
  'import-jobs': 'src/cli/import-jobs.ts',
  'make-operator': 'src/cli/make-operator.ts',
} as const;

export interface BuiltBackend {
  outDir: string;
  /** Absolute path of each entry's output. */
  entries: Record<keyof typeof ENTRIES | 'migrate', string>;
}

/**
 * Builds into `outDir`, which must sit inside the repository (node resolves the npm packages the
 * output imports from the node_modules above it).
 */
export async function buildBackend(outDir = join(BACKEND_ROOT, 'dist')): Promise<BuiltBackend> {
  const require = createRequire(import.meta.url);
  const migrateCli = require.resolve('@jobswipe/db/cli/migrate');
  await build({
    entryPoints: {
      ...Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, join(BACKEND_ROOT, src)])),
      migrate: migrateCli,
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Chunks beside the entries: every output file is one folder away from the sources.
    chunkNames: 'chunk-[hash]',
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [npmPackagesExternal(), sourceLocations(outDir), prebuiltCore(require)],
  });
  const entries = Object.fromEntries(
    [...Object.keys(ENTRIES), 'migrate'].map((name) => [name, join(outDir, `${name}.js`)]),
  ) as BuiltBackend['entries'];
  return { outDir, entries };
}

/** npm packages stay imports (installed as production dependencies); our workspaces are compiled in. */
function npmPackagesExternal(): Plugin {
  return {
    name: 'npm-packages-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        args.path.startsWith('@jobswipe/') ? undefined : { external: true },
      );
    },
  };
}

/** `import.meta.url/dirname/filename` of a source file keep naming that file from the output folder. */
function sourceLocations(outDir: string): Plugin {
  return {
    name: 'source-locations',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const toPosix = (p: string) => p.split(sep).join('/');
        const file = JSON.stringify(toPosix(relative(outDir, args.path)));
        const dir = JSON.stringify(`${toPosix(relative(outDir, dirname(args.path))) || '.'}/`);
        const path = (rel: string) => `decodeURIComponent(new URL(${rel}, import.meta.url).pathname)`;
        const contents = text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, what: string) =>
          what === 'url'
            ? `new URL(${file}, import.meta.url).href`
            : what === 'filename'
              ? path(file)
              : `${path(dir)}.replace(/\\/$/, '')`,
        );
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** The in-page core built now, its module replaced by the finished script. */
function prebuiltCore(require: NodeJS.Require): Plugin {
  const module = require.resolve('@jobswipe/automations/runner/core-bundle');
  return {
    name: 'prebuilt-core',
    setup(b) {
      b.onLoad({ filter: new RegExp(`^${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }, async () => {
        const result = await build(CORE_BUILD);
        const script = result.outputFiles[0]?.text;
        if (!script) throw new Error('esbuild produced no output for the in-page core');
        return {
          contents: `const SCRIPT = ${JSON.stringify(script)};\nexport function coreBundle() { return Promise.resolve(SCRIPT); }\n`,
          loader: 'js',
        };
      });
    },
  };
}
