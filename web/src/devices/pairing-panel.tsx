// Pairing a desktop app or the extension: show the short code, then wait until the device has
// typed it. A device event says so at once; polling the pairing covers a missing live connection.
import type { PairingStatus, PairStartResponse } from '@jobswipe/protocol';
import { pairLinkUrl } from '@jobswipe/protocol/pair-link';
import { useEffect, useState } from 'react';
import type { ServerMessage } from '../events/events-client.ts';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';

const POLL_MS = 2_000;

export function PairingPanel({
  pairing,
  lastEvent,
  onRestart,
  onPaired,
  onClose,
}: {
  pairing: PairStartResponse;
  lastEvent: ServerMessage | null;
  onRestart: () => void;
  onPaired: () => void;
  onClose: () => void;
}) {
  const { api } = useServices();
  const [status, setStatus] = useState<PairingStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const waiting = status === null || status.status === 'pending';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a device event is a reason to check now
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const check = () =>
      api
        .pairing(pairing.pairingId)
        .then((s) => {
          if (!live) return;
          setStatus(s);
          setError(null);
          if (s.status === 'completed') onPaired();
        })
        .catch((err: unknown) => live && setError(err));
    void check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, pairing.pairingId, waiting, lastEvent]);

  return (
    <section className="panel pairing" aria-labelledby="pair-title" aria-live="polite">
      <h2 id="pair-title">Pair a device</h2>
      <ErrorNote error={error} />
      {waiting && (
        <>
          <p>Open the JobSwipe desktop app or extension, choose “Pair with account”, and type this code:</p>
          <p className="pair-code" data-testid="pair-code">
            {pairing.code}
          </p>
          <p>
            <a className="btn btn-small" href={pairLinkUrl(pairing.code, window.location.origin)}>
              Open in the desktop app
            </a>
          </p>
          <p className="muted small">
            <span className="spinner" aria-hidden="true" /> Waiting for your device… The code works until{' '}
            {new Date(pairing.expiresAt).toLocaleTimeString()}.
          </p>
        </>
      )}
      {status?.status === 'completed' && (
        <div className="note note-ok" role="status">
          <span aria-hidden="true">✓</span>
          <p>Paired {status.device?.name ?? 'your device'}. It can now apply for you.</p>
        </div>
      )}
      {status?.status === 'expired' && (
        <div className="note note-warn">
          <p>This code expired before a device used it.</p>
          <button type="button" className="btn btn-small" onClick={onRestart}>
            Get a new code
          </button>
        </div>
      )}
      <button type="button" className="btn btn-ghost" onClick={onClose}>
        {status?.status === 'completed' ? 'Done' : 'Cancel'}
      </button>
    </section>
  );
}
