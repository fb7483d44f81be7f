// The window's page. It knows main only through `window.jobswipe`, the preload's bridge.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { JobSwipeBridge } from '../shared/ipc.ts';
import { App } from './app.tsx';
import '../../../web/src/styles.css';
import './desktop.css';

declare global {
  interface Window {
    jobswipe: JobSwipeBridge;
  }
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App bridge={window.jobswipe} />
    </StrictMode>,
  );
}
