// The entry script, kept small so it runs while the rest downloads: it signs the user back in and
// fetches the deck's first page (boot/early.ts), then loads the React app (root.tsx), whose files
// index.html already preloads in parallel.
import { startEarly } from './boot/early.ts';
import { savedFilters } from './deck/filter-store.ts';
import './styles.css';

startEarly(savedFilters);
void import('./root.tsx');

// The offline shell (production only: the dev server serves sources that change). Registered
// once the page is idle: its first download of every page's code must not slow the first page.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5_000 });
    else setTimeout(register, 1_000);
  });
}
