// Pairing: the code from the site's Devices page, typed or brought by a jobswipe://pair link. A
// link only fills the form; the user confirms it, and sees which server it pairs with.
import { type FormEvent, useEffect, useState } from 'react';
import type { DesktopState, JobSwipeBridge } from '../shared/ipc.ts';
import { bridgeError } from './use-desktop.ts';

export function PairingPanel({ bridge, state }: { bridge: JobSwipeBridge; state: DesktopState }) {
  const offer = state.pairingOffer;
  const [code, setCode] = useState(offer?.code ?? '');
  const [server, setServer] = useState(offer?.server ?? state.paired?.server ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new link fills the form; the same link pushed again with the state leaves the typing alone.
  const offerCode = offer?.code;
  const offerServer = offer?.server;
  useEffect(() => {
    if (offerCode && offerServer) {
      setCode(offerCode);
      setServer(offerServer);
    }
  }, [offerCode, offerServer]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    bridge
      .pair({ code, server })
      .catch((err: unknown) => setError(bridgeError(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel" aria-labelledby="pair-title">
      <h2 id="pair-title">{offer ? 'Pair this computer?' : 'Pair this computer'}</h2>
      <p className="muted">
        {offer
          ? `A pairing link asks to connect this computer to ${offer.server}. Pair only if you opened it from your own JobSwipe Devices page.`
          : 'On the JobSwipe site open Devices, choose "Pair a device" and type the code here.'}
      </p>
      <form onSubmit={submit} className="form">
        <label>
          Pairing code
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        <label>
          JobSwipe address
          <input
            name="server"
            type="url"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            placeholder="https://jobswipe.app"
            required
          />
        </label>
        {error && (
          <p className="note note-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Pairing…' : 'Pair'}
        </button>
      </form>
    </section>
  );
}
