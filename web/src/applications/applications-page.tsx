// The applications dashboard: every right-swipe and what is happening to it, updated live.
import { type ApplicationStatus, HELD_STATUSES, TERMINAL_STATUSES, WAITING_STATUSES } from '@jobswipe/protocol';
import { useCallback, useState } from 'react';
import type { ApplicationsPage as Page } from '../api/client.ts';
import { LiveBadge } from '../events/live-badge.tsx';
import { useLiveEvents } from '../events/use-live-events.ts';
import { Link } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Icon } from '../ui/icon.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import { useResource } from '../ui/use-resource.ts';
import { withLiveState } from './live-update.ts';
import { laneText, ProgressBar, StatusBadge } from './status-label.tsx';

const FILTERS: { id: string; label: string; statuses?: ApplicationStatus[] }[] = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs you', statuses: ['NEEDS_ATTENTION'] },
  { id: 'active', label: 'In progress', statuses: ['QUEUED', ...HELD_STATUSES, ...WAITING_STATUSES] },
  { id: 'done', label: 'Finished', statuses: [...TERMINAL_STATUSES, 'FAILED', 'DEAD'] },
];

export function ApplicationsPage() {
  const { api } = useServices();
  const [filter, setFilter] = useState('all');
  const statuses = FILTERS.find((f) => f.id === filter)?.statuses;
  const list = useResource(() => api.applications(statuses), filter);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const { reload, set } = list;

  const live = useLiveEvents({
    onReady: useCallback(() => void reload(), [reload]),
    onMessage: (m) => {
      if (m.type !== 'application') return;
      const known = list.data?.items.some((a) => a.id === m.application.id);
      if (!known) return void reload();
      set((page) => page && { ...page, items: page.items.map((a) => withLiveState(a, m.application)) });
    },
  });

  async function loadMore(page: Page) {
    if (!page.nextCursor) return;
    setMore({ busy: true, error: null });
    try {
      const next = await api.applications(statuses, page.nextCursor);
      set((p) => p && { items: [...p.items, ...next.items], nextCursor: next.nextCursor });
      setMore({ busy: false, error: null });
    } catch (err) {
      setMore({ busy: false, error: err });
    }
  }

  const page = list.data;
  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Applications</h1>
        <LiveBadge status={live} />
      </div>
      <fieldset className="chips">
        <legend className="visually-hidden">Show</legend>
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className="chip"
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
      </fieldset>
      <ErrorNote error={list.error} onRetry={() => void reload()} />
      {!page && list.loading && <p className="muted">Loading your applications…</p>}
      {page && page.items.length === 0 && (
        <div className="empty">
          <p className="empty-icon">
            <Icon name="inbox" size={48} />
          </p>
          <h2>No applications {filter === 'all' ? 'yet' : 'here'}</h2>
          <p className="muted">Swipe right on a job and it shows up here, live, as it is applied to.</p>
          <Link className="btn btn-primary" to="/">
            Find jobs
          </Link>
        </div>
      )}
      {page && page.items.length > 0 && (
        <ul className="app-list">
          {page.items.map((app) => (
            <li key={app.id} className="app-row" data-testid="application-row" data-status={app.status}>
              <Link to={`/applications/${app.id}`} className="app-link">
                <span className="app-main">
                  <span className="app-title">{app.job.title}</span>
                  <span className="muted">
                    {app.job.company} · {app.job.location}
                  </span>
                </span>
                <span className="app-side">
                  <StatusBadge status={app.status} />
                  <span className="muted small">
                    {laneText(app.lane, app.executor)} · swiped {timeAgo(app.createdAt)}
                  </span>
                </span>
              </Link>
              {(app.status === 'RUNNING' || app.status === 'CLAIMED') && (
                <ProgressBar step={app.progressStep} pct={app.progressPct} />
              )}
              {app.status === 'NEEDS_ATTENTION' && (
                <p className="small warn-text">
                  <span aria-hidden="true">!</span> A question needs your answer.{' '}
                  <Link to={`/applications/${app.id}`}>Answer it</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={more.error} />
      {page?.nextCursor && (
        <button type="button" className="btn btn-block" disabled={more.busy} onClick={() => void loadMore(page)}>
          {more.busy ? 'Loading…' : 'Show more'}
        </button>
      )}
    </main>
  );
}
