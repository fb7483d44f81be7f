// The operators' view: where applications are per status and lane, how long the oldest queued
// one has waited, devices online, and the dead-letter list with requeue.
import { APPLICATION_STATUSES, Lane } from '@jobswipe/protocol';
import { useState } from 'react';
import { StatusBadge } from '../applications/status-label.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { ScrollRegion } from '../ui/scroll-region.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import { useResource } from '../ui/use-resource.ts';

function age(seconds: number | null): string {
  if (seconds === null) return 'nothing queued';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function OpsPage() {
  const { api } = useServices();
  const stats = useResource(() => api.queueStats());
  const dead = useResource(() => api.deadLetters());
  const [requeue, setRequeue] = useState<{ id: string | null; error: unknown }>({ id: null, error: null });
  const count = (status: string, lane: string) =>
    stats.data?.counts.find((c) => c.status === status && c.lane === lane)?.count ?? 0;

  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Operations</h1>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void Promise.all([stats.reload(), dead.reload()])}
        >
          Refresh
        </button>
      </div>
      <ErrorNote error={stats.error} onRetry={() => void stats.reload()} />
      {stats.data && (
        <>
          <div className="kpis">
            <div className="kpi">
              <span className="kpi-value">{age(stats.data.oldestQueuedAgeSeconds)}</span>
              <span className="muted small">oldest queued</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{stats.data.devicesOnline}</span>
              <span className="muted small">devices online</span>
            </div>
          </div>
          <section className="panel" aria-labelledby="counts-title">
            <h2 id="counts-title">Applications by status</h2>
            <ScrollRegion label="Applications by status and lane">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    {Lane.options.map((lane) => (
                      <th scope="col" key={lane}>
                        {lane}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {APPLICATION_STATUSES.map((status) => (
                    <tr key={status}>
                      <th scope="row">
                        <StatusBadge status={status} />
                      </th>
                      {Lane.options.map((lane) => (
                        <td key={lane}>{count(status, lane)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
      <section className="panel" aria-labelledby="dead-title">
        <h2 id="dead-title">Dead letters</h2>
        <ErrorNote error={dead.error} onRetry={() => void dead.reload()} />
        <ErrorNote error={requeue.error} />
        {dead.data && dead.data.items.length === 0 && <p className="muted">Nothing is dead.</p>}
        <ul className="app-list">
          {dead.data?.items.map((item) => (
            <li key={item.id} className="app-row" data-testid="dead-letter">
              <div className="app-link">
                <span className="app-main">
                  <span className="app-title">
                    {item.job.title} · {item.job.company}
                  </span>
                  <span className="muted small">
                    {item.userEmail} · {item.lane} lane · {item.attempt} of {item.maxAttempts} attempts · died{' '}
                    {timeAgo(item.diedAt)}
                  </span>
                  <span className="small">{item.lastError ?? 'No error was recorded.'}</span>
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={requeue.id === item.id}
                  onClick={async () => {
                    setRequeue({ id: item.id, error: null });
                    try {
                      await api.requeueDead(item.id);
                      await Promise.all([dead.reload(), stats.reload()]);
                      setRequeue({ id: null, error: null });
                    } catch (err) {
                      setRequeue({ id: null, error: err });
                    }
                  }}
                >
                  Requeue
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
