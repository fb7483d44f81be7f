// One live events connection per page, shared by every component that listens: it opens with the
// first listener and closes with the last.
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../services.tsx';
import { EventsClient, type LiveStatus, type ServerMessage } from './events-client.ts';

let shared: { client: EventsClient; users: number } | null = null;

export function useLiveEvents(handlers: { onMessage?: (m: ServerMessage) => void; onReady?: () => void }): LiveStatus {
  const { session } = useServices();
  const latest = useRef(handlers);
  latest.current = handlers;
  const [status, setStatus] = useState<LiveStatus>(shared?.client.liveStatus ?? 'connecting');

  useEffect(() => {
    if (!shared) {
      const client = new EventsClient({ token: () => session.accessToken() });
      shared = { client, users: 0 };
      client.start();
    }
    const entry = shared;
    entry.users += 1;
    const { client } = entry;
    setStatus(client.liveStatus);
    const offs = [
      client.onMessage((m) => latest.current.onMessage?.(m)),
      client.onReady(() => latest.current.onReady?.()),
      client.onStatus(() => setStatus(client.liveStatus)),
    ];
    return () => {
      for (const off of offs) off();
      entry.users -= 1;
      if (entry.users === 0) {
        client.stop();
        if (shared === entry) shared = null;
      }
    };
  }, [session]);

  return status;
}
