// The user's devices (desktop apps and extensions that apply from the user's own computer):
// pair a new one, see which are online, revoke one.
import type { DeviceView, PairStartResponse } from '@jobswipe/protocol';
import { useState } from 'react';
import type { ServerMessage } from '../events/events-client.ts';
import { LiveBadge } from '../events/live-badge.tsx';
import { useLiveEvents } from '../events/use-live-events.ts';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Icon } from '../ui/icon.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import { useResource } from '../ui/use-resource.ts';
import { ConnectBrowser } from './connect-browser.tsx';
import { PairingPanel } from './pairing-panel.tsx';

function DeviceRow({ device, onRevoke }: { device: DeviceView; onRevoke: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revoked = device.revokedAt !== null;
  return (
    <li className="device" data-testid="device-row">
      <span className="device-icon" aria-hidden="true">
        <Icon name={device.kind === 'desktop' ? 'laptop' : 'puzzle'} size={28} />
      </span>
      <span className="app-main">
        <span className="app-title">{device.name}</span>
        <span className="muted small">
          {device.kind === 'desktop' ? 'Desktop app' : 'Browser extension'}
          {device.version ? ` ${device.version}` : ''} ·{' '}
          {revoked ? 'revoked' : device.lastSeenAt ? `last seen ${timeAgo(device.lastSeenAt)}` : 'never connected'}
        </span>
      </span>
      {!revoked && (
        <span className={`status ${device.online ? 'status-good' : 'status-neutral'}`}>
          <span aria-hidden="true">{device.online ? '●' : '○'}</span> {device.online ? 'Online' : 'Offline'}
        </span>
      )}
      {!revoked && (
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={busy}
          onClick={async () => {
            if (!window.confirm(`Revoke ${device.name}? It will stop applying for you and must be paired again.`))
              return;
            setBusy(true);
            try {
              await onRevoke();
            } catch (err) {
              setError(err);
              setBusy(false);
            }
          }}
        >
          Revoke
        </button>
      )}
      <ErrorNote error={error} />
    </li>
  );
}

export function DevicesPage() {
  const { api } = useServices();
  const list = useResource(() => api.devices());
  const [pairing, setPairing] = useState<PairStartResponse | null>(null);
  const [pairError, setPairError] = useState<unknown>(null);
  const [lastEvent, setLastEvent] = useState<ServerMessage | null>(null);
  const live = useLiveEvents({
    onReady: () => void list.reload(),
    onMessage: (m) => {
      if (m.type !== 'device') return;
      setLastEvent(m);
      void list.reload();
    },
  });
  const devices = list.data?.devices ?? [];

  async function startPairing() {
    setPairError(null);
    try {
      setPairing(await api.startPairing());
    } catch (err) {
      setPairError(err);
    }
  }
  const active = devices.filter((d) => !d.revokedAt);

  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Devices</h1>
        <LiveBadge status={live} />
      </div>
      <p className="muted">
        A paired desktop app or browser extension applies from your own computer: your IP, your logins, no server quota
        used.
      </p>
      {pairing ? (
        <PairingPanel
          key={pairing.pairingId}
          pairing={pairing}
          lastEvent={lastEvent}
          onRestart={() => void startPairing()}
          onPaired={() => void list.reload()}
          onClose={() => setPairing(null)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void startPairing()}>
            Pair a device
          </button>
          <ConnectBrowser onPaired={() => void list.reload()} />
        </div>
      )}
      <ErrorNote error={pairError} onRetry={() => void startPairing()} />
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.data && active.length === 0 && !pairing && <p className="muted">No devices yet.</p>}
      <ul className="device-list">
        {devices.map((d) => (
          <DeviceRow
            key={d.id}
            device={d}
            onRevoke={async () => {
              await api.revokeDevice(d.id);
              await list.reload();
            }}
          />
        ))}
      </ul>
    </main>
  );
}
