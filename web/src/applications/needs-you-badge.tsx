// The Applications tab's badge: how many applications wait on the user (a question to answer),
// read on every page change and kept live by the application events.
import type { TrackerCounts } from '@jobswipe/protocol';
import { useCallback, useEffect } from 'react';
import { useLiveEvents } from '../events/use-live-events.ts';
import { usePath } from '../router.tsx';
import { useServices } from '../services.tsx';
import { useResource } from '../ui/use-resource.ts';

export function NeedsYouBadge() {
  const { api } = useServices();
  const path = usePath();
  const counts = useResource<TrackerCounts>(() => api.trackerCounts());
  const { reload } = counts;
  useEffect(() => {
    void path;
    void reload();
  }, [path, reload]);
  useLiveEvents({
    onReady: useCallback(() => void reload(), [reload]),
    onMessage: (m) => {
      if (m.type === 'application') void reload();
    },
  });
  const n = counts.data?.needs_you ?? 0;
  if (n === 0) return null;
  return (
    <span className="badge" data-testid="needs-you-badge" title={`${n} need${n === 1 ? 's' : ''} you`}>
      {n}
      <span className="visually-hidden"> need{n === 1 ? 's' : ''} you</span>
    </span>
  );
}
