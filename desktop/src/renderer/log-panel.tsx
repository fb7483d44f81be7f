// The agent's log, for support: the newest lines at the bottom, in a box that scrolls.
import type { JobSwipeBridge } from '../shared/ipc.ts';
import { useLog } from './use-desktop.ts';

export function LogPanel({ bridge }: { bridge: JobSwipeBridge }) {
  const lines = useLog(bridge);
  return (
    <section className="panel" aria-labelledby="log-title">
      <h2 id="log-title">Log</h2>
      <details>
        <summary>Show the log ({lines.length} lines)</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls, so keyboard users must be able to reach it. */}
        <ol className="log" aria-label="Log lines" tabIndex={0} data-testid="log">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are only ever appended.
            <li key={i} className={`log-${line.level}`}>
              <time dateTime={line.time}>{line.time.slice(11, 19)}</time> {line.level} {line.msg}
              {line.applicationId ? ` (${line.applicationId})` : ''}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
