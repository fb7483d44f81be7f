// The options page: which JobSwipe this browser is paired with (pair with a code, or disconnect to
// pair with another address), applying (pause, applications at once, pause while locked), the
// autofill on forms the user opens (everywhere, and per site), and the sites the extension may
// work on. The web's look; native controls with labels, so every setting is reachable and changed
// with the keyboard.
import { useCallback, useEffect, useState } from 'react';
import type { PopupReply } from '../background/messages.ts';
import { ask, PairForm } from '../popup/popup.tsx';
import { SettingsControls, SiteAccess, SiteAutofill } from '../ui/settings-controls.tsx';

export function Options() {
  const [reply, setReply] = useState<PopupReply | null>(null);
  const onReply = useCallback((r: PopupReply) => setReply(r), []);
  useEffect(() => {
    void ask({ type: 'state' }).then(setReply);
  }, []);
  if (!reply) return null;
  if (!reply.ok) {
    return (
      <p className="note note-warn" role="alert">
        {reply.error}
      </p>
    );
  }
  const { state, settings } = reply;
  return (
    <main className="options">
      <h1>JobSwipe settings</h1>
      <section aria-label="JobSwipe address">
        <h2>JobSwipe address</h2>
        {state.paired ? (
          <>
            <p data-testid="server">
              Paired with <strong>{state.paired.server}</strong>{' '}
              <span className={`status ${state.connected ? 'status-good' : 'status-neutral'}`}>
                {state.connected ? 'Connected' : 'Offline'}
              </span>
            </p>
            <button
              type="button"
              className="btn btn-ghost"
              onClick={async () => onReply(await ask({ type: 'signOut' }))}
            >
              Disconnect to use another address
            </button>
          </>
        ) : (
          <PairForm onReply={onReply} />
        )}
      </section>
      <section aria-label="Applying">
        <h2>Applying</h2>
        <label className="small check">
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={async (e) => onReply(await ask({ type: 'settings', settings: { paused: e.target.checked } }))}
          />{' '}
          Paused
        </label>
        <SettingsControls
          settings={settings}
          change={async (change) => onReply(await ask({ type: 'settings', settings: change }))}
        />
      </section>
      <SiteAutofill />
      <SiteAccess />
    </main>
  );
}
