// The applications tracker: every right-swipe, what JobSwipe is doing with it (live), and after
// submission where it stands with the employer (the user's own stage). Search, one view at a time
// with its count, and a sort; the choice is kept in the address so a reload or Back keeps it.
import { TRACKER_VIEWS, type TrackerPage, TrackerSort, TrackerView } from '@jobswipe/protocol';
import { useCallback, useEffect, useState } from 'react';
import { LiveBadge } from '../events/live-badge.tsx';
import { useLiveEvents } from '../events/use-live-events.ts';
import { Link, navigate } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Icon } from '../ui/icon.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import { useResource } from '../ui/use-resource.ts';
import { withLiveState } from './live-update.ts';
import { StageBadge, VIEW_LABELS } from './stage-label.tsx';
import { laneText, ProgressBar, StatusBadge } from './status-label.tsx';

const SORTS: { value: TrackerSort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'company', label: 'Company A–Z' },
  { value: 'stage_changed', label: 'Stage changed' },
];

interface Choice {
  view: TrackerView;
  sort: TrackerSort;
  q: string;
}

function readChoice(): Choice {
  const params = new URLSearchParams(location.search);
  return {
    view: TrackerView.catch('all').parse(params.get('view') ?? 'all'),
    sort: TrackerSort.catch('newest').parse(params.get('sort') ?? 'newest'),
    q: params.get('q') ?? '',
  };
}

function choiceUrl(c: Choice): string {
  const params = new URLSearchParams();
  if (c.view !== 'all') params.set('view', c.view);
  if (c.sort !== 'newest') params.set('sort', c.sort);
  if (c.q.trim()) params.set('q', c.q.trim());
  const text = params.toString();
  return `/applications${text ? `?${text}` : ''}`;
}

/** Search as the user types, once they pause. */
const SEARCH_PAUSE_MS = 300;

export function ApplicationsPage() {
  const { api } = useServices();
  const [choice, setChoiceState] = useState<Choice>(readChoice);
  const [typed, setTyped] = useState(choice.q);
  const setChoice = useCallback((next: Choice) => {
    setChoiceState(next);
    navigate(choiceUrl(next), { replace: true });
  }, []);
  const key = JSON.stringify(choice);
  const list = useResource(
    () => api.tracker({ view: choice.view, sort: choice.sort, q: choice.q.trim() || undefined }),
    key,
  );
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const { reload, set } = list;

  useEffect(() => {
    if (typed === choice.q) return;
    const timer = setTimeout(() => setChoice({ ...choice, q: typed }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, choice, setChoice]);

  const live = useLiveEvents({
    onReady: useCallback(() => void reload(), [reload]),
    onMessage: (m) => {
      if (m.type !== 'application') return;
      const known = list.data?.items.find((a) => a.id === m.application.id);
      // A new application, or one that moves to another view: the counts change too.
      if (!known || known.status !== m.application.status) return void reload();
      set((page) => page && { ...page, items: page.items.map((a) => withLiveState(a, m.application)) });
    },
  });

  async function loadMore(page: TrackerPage) {
    if (!page.nextCursor) return;
    setMore({ busy: true, error: null });
    try {
      const next = await api.tracker({
        view: choice.view,
        sort: choice.sort,
        q: choice.q.trim() || undefined,
        cursor: page.nextCursor,
      });
      set((p) => p && { ...next, items: [...p.items, ...next.items] });
      setMore({ busy: false, error: null });
    } catch (err) {
      setMore({ busy: false, error: err });
    }
  }

  const page = list.data;
  const searching = choice.q.trim() !== '';
  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Applications</h1>
        <LiveBadge status={live} />
      </div>
      <div className="tracker-tools">
        <label className="tracker-search">
          <span className="visually-hidden">Search applications</span>
          <input
            type="search"
            placeholder="Search title, company or notes"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <label className="tracker-sort">
          <span>Sort</span>
          <select
            value={choice.sort}
            onChange={(e) => setChoice({ ...choice, sort: TrackerSort.parse(e.target.value) })}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="chips">
        <legend className="visually-hidden">Show</legend>
        {TRACKER_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className="chip"
            aria-pressed={choice.view === v}
            onClick={() => setChoice({ ...choice, view: v })}
          >
            {VIEW_LABELS[v]}
            {page && <span className="chip-count"> {page.counts[v]}</span>}
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
          <h2>
            {searching
              ? `Nothing matches “${choice.q.trim()}”`
              : `No applications ${choice.view === 'all' ? 'yet' : 'here'}`}
          </h2>
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
                  {app.notes && <span className="app-notes small">{app.notes}</span>}
                </span>
                <span className="app-side">
                  <span className="row">
                    <StatusBadge status={app.status} />
                    {app.stage && <StageBadge stage={app.stage} />}
                  </span>
                  <span className="muted small">
                    {laneText(app.lane, app.executor, app.byHand)} · {app.byHand ? 'applied' : 'swiped'}{' '}
                    {timeAgo(app.createdAt)}
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
