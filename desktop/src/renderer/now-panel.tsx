// What the agent is applying to now (company, title, step, percent, and a live thumbnail of the
// page while it runs) and the others running beside it; the connection and the offers it has had.
import type { CurrentApplication, DesktopState } from '../shared/ipc.ts';

function Progress({ app }: { app: CurrentApplication }) {
  const label = `${app.title} at ${app.company}`;
  return (
    <div className="progress">
      <div className="progress-text">
        <span>Step: {app.step}</span>
        <span>{app.percent}%</span>
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={app.percent}
        aria-valuetext={`${app.step}, ${app.percent}%`}
      >
        <div className="bar-fill" style={{ width: `${app.percent}%` }} />
      </div>
    </div>
  );
}

export function NowPanel({ state }: { state: DesktopState }) {
  const [current, ...others] = state.running;
  return (
    <section className="panel" aria-labelledby="now-title" data-testid="now">
      <h2 id="now-title">Applying now</h2>
      {current ? (
        <article className="current" aria-label={`${current.title} at ${current.company}`}>
          <p className="company">{current.company}</p>
          <p className="title">{current.title}</p>
          {current.attempt > 1 && <p className="muted">Attempt {current.attempt}</p>}
          <Progress app={current} />
          {current.thumbnail && (
            <img
              className="live-thumbnail"
              src={current.thumbnail}
              alt={`The application form of ${current.title} at ${current.company}, as it is being filled in`}
              data-testid="live-thumbnail"
            />
          )}
        </article>
      ) : (
        <p className="muted">
          {state.paused
            ? 'Paused. Resume to take new applications.'
            : state.connection === 'connected'
              ? 'Nothing right now. Your next right-swipe starts here.'
              : 'Not connected to JobSwipe yet.'}
        </p>
      )}
      <h3>Also running</h3>
      {others.length ? (
        <ul className="list" aria-label="Also running">
          {others.map((app) => (
            <li key={app.applicationId}>
              <span>
                {app.title} at {app.company}
              </span>
              <Progress app={app} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          Nothing else. Up to {state.settings.capacity} at once; offers so far: {state.offers}.
        </p>
      )}
    </section>
  );
}
