// The entry point: creates the session, the API client and the swipe outbox for the signed-in
// user, then renders the app.
import { StrictMode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client.ts';
import { App } from './app.tsx';
import { SwipeOutbox } from './offline/swipe-outbox.ts';
import { SwipeSync } from './offline/swipe-sync.ts';
import { ServicesProvider } from './services.tsx';
import { Session } from './session/session.ts';
import './styles.css';

const session = new Session();
const api = new ApiClient(session);
// Both start at once: the deck needs the session and the outbox's waiting swipes.
const outbox = SwipeOutbox.open();
void session.restore().catch(() => undefined);

function Root() {
  const state = useSyncExternalStore(
    (l) => session.subscribe(l),
    () => session.state,
  );
  const userId = state.user?.id ?? null;
  const [sync, setSync] = useState<SwipeSync | null>(null);

  useEffect(() => {
    if (!userId) return;
    let current: SwipeSync | null = null;
    let cancelled = false;
    void outbox.then(async (box) => {
      if (cancelled) return;
      current = new SwipeSync({ outbox: box, userId, send: (body) => api.swipe(body) });
      await current.reload();
      setSync(current);
      void current.flush();
    });
    return () => {
      cancelled = true;
      current?.stop();
      setSync(null);
    };
  }, [userId]);

  // Swipes made offline go out as soon as the session is back.
  useEffect(() => {
    if (state.status === 'signed_in') void sync?.flush();
  }, [state.status, sync]);

  const services = useMemo(() => ({ session, api, sync }), [sync]);
  return (
    <ServicesProvider value={services}>
      <App />
    </ServicesProvider>
  );
}

// The offline shell (production only: the dev server serves sources that change).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
