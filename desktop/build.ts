// `npm run build`: the Electron app's three parts into dist/, as package.json "main" expects them:
// main.js (main process) and agent-host.js (the utility process), ESM bundles of our own code
// with npm packages left to node_modules; preload.cjs, one CommonJS file as a sandboxed preload
// must be; renderer/ (Vite, React). It downloads nothing: no Electron binary is needed to build.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CORE_BUILD } from '@jobswipe/automations/runner/core-bundle';
import react from '@vitejs/plugin-react';
import { build as bundle, type Plugin } from 'esbuild';
import { build as vite } from 'vite';

const root = import.meta.dirname;

/** Our workspaces are TypeScript sources: bundled. Every other package stays an import. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@jobswipe/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Builds into `dist` (tests give a folder of their own). */
/**
 * The engine builds its in-page core from TypeScript on first use; a packaged app has no sources,
 * so the finished script is built now and stands in for that module (as the backend's build does).
 */
const prebuiltCore: Plugin = {
  name: 'prebuilt-core',
  setup(build) {
    const module = createRequire(import.meta.url).resolve('@jobswipe/automations/runner/core-bundle');
    build.onLoad({ filter: /core-bundle\.ts$/ }, async (args) => {
      if (args.path !== module) return undefined;
      const script = (await bundle(CORE_BUILD)).outputFiles[0]?.text;
      if (!script) throw new Error('esbuild produced no output for the in-page core');
      return {
        contents: `export function coreBundle() { return Promise.resolve(${JSON.stringify(script)}); }`,
        loader: 'js',
      };
    });
  },
};

export async function buildDesktop(dist = join(root, 'dist')): Promise<void> {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const node = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' } as const;
  await bundle({
    ...node,
    entryPoints: { main: join(root, 'src/main/index.ts'), 'agent-host': join(root, 'src/agent-host/host.ts') },
    outdir: dist,
    format: 'esm',
    plugins: [npmPackagesExternal, prebuiltCore],
  });
  await bundle({
    ...node,
    entryPoints: [join(root, 'src/preload/preload.ts')],
    outfile: join(dist, 'preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
  await vite({
    configFile: false,
    root: join(root, 'src/renderer'),
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(dist, 'renderer'), emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  await copyFile(join(root, 'resources/icon.png'), join(dist, 'icon.png'));
}

if (process.argv[1] === import.meta.filename) await buildDesktop();
