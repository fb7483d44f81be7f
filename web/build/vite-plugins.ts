// Build steps of the web app beyond Vite's own: every text file is also written brotli- and
// gzip-compressed at the highest levels (the backend serves those as they are, spending no CPU per
// request), and the service worker learns the name of every file of the build, so it can keep all
// pages' code for offline use after the first visit.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { HtmlTagDescriptor, Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 1024;

export function precompress(): Plugin {
  return {
    name: 'jobswipe-precompress',
    apply: 'build',
    // After the files are written: until then other plugins may still change a chunk's code.
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      await Promise.all(
        Object.keys(bundle)
          .filter((fileName) => COMPRESSIBLE.test(fileName))
          .map(async (fileName) => {
            const bytes = await readFile(join(dir, fileName));
            if (bytes.length < MIN_BYTES) return;
            const br = brotliCompressSync(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            });
            await writeFile(join(dir, `${fileName}.br`), br);
            await writeFile(join(dir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
          }),
      );
    },
  };
}

/** The placeholder in the service worker's source that becomes the list of the build's files. */
export const BUILD_FILES_TOKEN = '__JOBSWIPE_BUILD_FILES__';

/**
 * Writes the files of this build into the service worker: the hashed ones (page chunks, styles)
 * and those copied from public/ (the web app manifest and its icons, for the home-screen app).
 */
export function serviceWorkerFileList(workerChunk: string): Plugin {
  let publicDir = '';
  return {
    name: 'jobswipe-sw-file-list',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const worker = bundle[workerChunk];
      if (worker?.type !== 'chunk') this.error(`the service worker chunk ${workerChunk} is missing`);
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/') && !/\.(br|gz|map)$/.test(name))
        .map((name) => `/${name}`);
      const copied = publicDir ? await readdir(publicDir, { recursive: true, withFileTypes: true }) : [];
      for (const entry of copied) {
        if (entry.isFile())
          files.push(`/${relative(publicDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
      }
      files.sort();
      const token = new RegExp(`(["'\`])${BUILD_FILES_TOKEN}\\1`, 'g');
      if (!token.test(worker.code)) this.error(`${workerChunk} does not use ${BUILD_FILES_TOKEN}`);
      worker.code = worker.code.replace(token, JSON.stringify(files));
    },
  };
}

/**
 * index.html preloads the chunk the entry imports at once (`entryImport`, the React app) and
 * everything it imports: the browser fetches them in parallel with the entry instead of learning
 * of them only once the entry has run.
 */
export function preloadEntryImport(entryImport: string): Plugin {
  return {
    name: 'jobswipe-preload-entry-import',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry) return [];
        const target = Object.values(bundle).find(
          (out) => out.type === 'chunk' && out.facadeModuleId?.endsWith(entryImport),
        );
        if (target?.type !== 'chunk') throw new Error(`no chunk is built from ${entryImport}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const out = bundle[fileName];
          if (fileName === entry.fileName || files.has(fileName) || out?.type !== 'chunk') return;
          files.add(fileName);
          for (const imported of out.imports) visit(imported);
        };
        visit(target.fileName);
        return [...files].map(
          (file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
            injectTo: 'head',
          }),
        );
      },
    },
  };
}
