// The web's live events for one user, over a real WebSocket to /v1/events (the access token in
// the first frame, as the site sends it).
import type { ApplicationEvent, EventsServerMessage } from '@jobswipe/protocol/events';
import { expect } from 'vitest';
import { WebSocket } from 'ws';

export interface EventsStream {
  events: EventsServerMessage[];
  /** The status each application went through, in order, from its status events. */
  statuses(applicationId: string): string[];
  close(): void;
}

export async function watchEvents(backendUrl: string, accessToken: string): Promise<EventsStream> {
  const events: EventsServerMessage[] = [];
  const ws = new WebSocket(`${backendUrl.replace(/^http/, 'ws')}/v1/events`);
  ws.on('message', (data) => events.push(JSON.parse(String(data)) as EventsServerMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'auth', token: accessToken }));
  await expect.poll(() => events.some((e) => e.type === 'ready')).toBe(true);
  return {
    events,
    statuses: (applicationId) =>
      events
        .filter(
          (e): e is ApplicationEvent =>
            e.type === 'application' && e.kind === 'status' && e.application.id === applicationId,
        )
        .map((e) => e.application.status),
    close: () => ws.close(),
  };
}
