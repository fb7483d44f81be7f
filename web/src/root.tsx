// The app's React root, loaded by the entry script (main.tsx) while the session and the deck's
// first page are already on their way: it renders the app and, once the user is known, runs the
// swipe outbox's sync.
import { StrictMode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { api, outbox, session } from './boot/early.ts';
import { SwipeSync } from './offline/swipe-sync.ts';
import { ServicesProvider } from './services.tsx';

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
      current = new SwipeSync({ outbox: box, userId, api });
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
