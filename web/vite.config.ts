// The web app's build, and the dev server that proxies the API (REST and the live events
// WebSocket) to a running backend, so development has one origin like production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress, preloadEntryImport, serviceWorkerFileList } from './build/vite-plugins.ts';

const backend = process.env.JOBSWIPE_BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), preloadEntryImport('src/root.tsx'), serviceWorkerFileList('sw.js'), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed file names let the backend cache them for a year.
    assetsDir: 'assets',
    rolldownOptions: {
      // The build's timing report would flag the deliberate cost of maximum brotli compression.
      checks: { pluginTimings: false },
      input: { index: 'index.html', sw: 'src/service-worker.ts' },
      // The service worker keeps one unhashed name: the page registers it by that name.
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': { target: backend, ws: true, changeOrigin: false } },
  },
});
