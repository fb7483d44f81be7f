import type { LiveStatus } from './events-client.ts';

/** Whether the page updates by itself right now; text as well as colour. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const text = { live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…' }[status];
  return (
    <span className={`live live-${status}`} role="status" data-testid="live-status">
      <span className="live-dot" aria-hidden="true" /> {text}
    </span>
  );
}
