// "Connect this browser": when the JobSwipe extension is installed in this browser, pair it in one
// click. The page starts a pairing and hands the code to the extension through
// externally_connectable; the extension pairs with this page's own origin as its server.
import { EXTENSION_ID, type ExtensionReply, type ExtensionRequest } from '@jobswipe/protocol/extension-link';
import { useEffect, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';

interface ExternalRuntime {
  sendMessage(extensionId: string, message: ExtensionRequest, callback: (reply: unknown) => void): void;
  lastError?: { message?: string };
}

/** `chrome.runtime` exists on this page only when an extension lists the page's origin as one that may message it. */
function runtime(): ExternalRuntime | null {
  return (globalThis as { chrome?: { runtime?: ExternalRuntime } }).chrome?.runtime ?? null;
}

function ask(request: ExtensionRequest): Promise<ExtensionReply | null> {
  const rt = runtime();
  if (!rt?.sendMessage) return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      // No extension with this id: the reply is undefined and lastError is set.
      rt.sendMessage(EXTENSION_ID, request, (reply) => {
        void rt.lastError;
        resolve((reply as ExtensionReply | undefined) ?? null);
      });
    } catch {
      resolve(null);
    }
  });
}

export function ConnectBrowser({ onPaired }: { onPaired: () => void }) {
  const { api } = useServices();
  const [status, setStatus] = useState<ExtensionReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void ask({ type: 'status' }).then(setStatus);
  }, []);

  if (!status?.ok) return null;
  if (status.paired?.server === location.origin) {
    return (
      <p className="muted small" data-testid="browser-connected">
        This browser's JobSwipe extension is connected.
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const { code } = await api.startPairing();
            const reply = await ask({ type: 'pair', code });
            if (!reply?.ok)
              throw new Error(reply?.error ?? 'The extension did not answer. Reload the page and try again.');
            setStatus(reply);
            onPaired();
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        Connect this browser
      </button>
      <ErrorNote error={error} />
    </>
  );
}
