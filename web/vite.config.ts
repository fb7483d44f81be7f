// The web app's build, and the dev server that proxies the API (REST and the live events
// WebSocket) to a running backend, so development has one origin like production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = process.env.JOBSWIPE_BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed file names let the backend cache them for a year.
    assetsDir: 'assets',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': { target: backend, ws: true, changeOrigin: false } },
  },
});
