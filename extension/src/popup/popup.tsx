// The popup: pairing (the code from the web's Devices page), then what this browser is doing
// (connection, the application it is applying to now with its step), pause and resume, the
// settings, sites waiting for the user's grant, the queue and the applications that need the
// user, which open on the web.
import type { ApplicationSummary } from '@jobswipe/protocol';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PopupReply, PopupRequest } from '../background/messages.ts';
import { deviceApi } from '../background/server-api.ts';
import { credentialsItem } from '../background/stored.ts';
import { SettingsControls, SiteAccessWaiting } from '../ui/settings-controls.tsx';

type Ready = Extract<PopupReply, { ok: true }>;

const REFRESH_MS = 1_000;

export function ask(request: PopupRequest): Promise<PopupReply> {
  return browser.runtime.sendMessage(request) as Promise<PopupReply>;
}

export function PairForm({ onReply }: { onReply: (reply: PopupReply) => void }) {
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        onReply(await ask({ type: 'pair', server, code }));
        setBusy(false);
      }}
    >
      <p className="muted small">On the JobSwipe site, open Devices and choose “Pair a device”.</p>
      <label>
        JobSwipe address
        <input
          name="server"
          type="url"
          required
          placeholder="https://jobswipe.app"
          value={server}
          onChange={(e) => setServer(e.target.value)}
        />
      </label>
      <label>
        Code
        <input name="code" required placeholder="K7PX-Q2MD" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Pair this browser
      </button>
    </form>
  );
}

function AppList({ title, items, server }: { title: string; items: ApplicationSummary[]; server: string }) {
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h2 className="small">{title}</h2>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <a href={`${server}/applications/${a.id}`} target="_blank" rel="noreferrer">
              {a.job.title} · {a.job.company}
            </a>{' '}
            <span className="muted small">{a.status.toLowerCase().replace('_', ' ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Paired({ ready, onReply }: { ready: Ready; onReply: (reply: PopupReply) => void }) {
  const { state, settings } = ready;
  const [queue, setQueue] = useState<ApplicationSummary[]>([]);
  const [needsYou, setNeedsYou] = useState<ApplicationSummary[]>([]);
  const server = state.paired?.server ?? '';

  useEffect(() => {
    void credentialsItem.getValue().then(async (credentials) => {
      if (!credentials) return;
      const api = deviceApi(credentials);
      const [q, n] = await Promise.all([api.queue().catch(() => null), api.questions().catch(() => null)]);
      setQueue(q?.items ?? []);
      setNeedsYou(n?.items ?? []);
    });
  }, []);

  return (
    <>
      <p data-testid="connection">
        <span className={`status ${state.connected ? 'status-good' : 'status-neutral'}`}>
          {state.connected ? 'Connected' : 'Offline'}
        </span>{' '}
        <span className="muted small">{server}</span>
      </p>
      {state.running.map((r) => (
        <p key={r.applicationId} data-testid="running">
          Applying to {r.title}: {r.step} ({r.percent}%)
        </p>
      ))}
      <button
        type="button"
        className="btn"
        onClick={async () => onReply(await ask({ type: 'settings', settings: { paused: !settings.paused } }))}
      >
        {settings.paused ? 'Resume applying' : 'Pause applying'}
      </button>
      <SettingsControls
        settings={settings}
        change={async (change) => onReply(await ask({ type: 'settings', settings: change }))}
      />
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer" className="small">
        All settings
      </a>
      <SiteAccessWaiting />
      <AppList title="Needs you" items={needsYou} server={server} />
      <AppList title="Queue" items={queue} server={server} />
      <button type="button" className="btn btn-ghost" onClick={async () => onReply(await ask({ type: 'signOut' }))}>
        Disconnect this browser
      </button>
    </>
  );
}

export function Popup() {
  const [reply, setReply] = useState<PopupReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onReply = useCallback((r: PopupReply) => {
    if (r.ok) {
      setReply(r);
      setError(null);
    } else setError(r.error);
  }, []);
  // Live while open: the connection and the running application's step change under it.
  useEffect(() => {
    const refresh = () => void ask({ type: 'state' }).then((r) => r.ok && setReply(r));
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <main className="popup">
      <h1>JobSwipe</h1>
      {error && (
        <p className="note note-warn" role="alert">
          {error}
        </p>
      )}
      {reply?.ok && (reply.state.paired ? <Paired ready={reply} onReply={onReply} /> : <PairForm onReply={onReply} />)}
    </main>
  );
}
