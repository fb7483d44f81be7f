// How the entry points (main.ts, worker/main.ts) start and stop. A process that cannot start says
// why in one plain message (no stack trace: the message names the setting and what to do) and
// exits 1, so an orchestrator sees the failure at once; one that is told to stop does so within a
// deadline.
import type { Logger } from './logger.ts';

export function startupFailed(err: unknown): never {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

/** Runs a start-up step whose failure is a configuration problem, not a bug. */
export function attempt<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    return startupFailed(err);
  }
}

/**
 * On SIGINT or SIGTERM (once), runs `stop` and exits 0; exits 1 if it fails or has not finished
 * within `deadlineMs` (set below the orchestrator's stop timeout, so the process ends on its own).
 */
export function onShutdown(log: Logger, deadlineMs: number, stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, deadlineMs }, 'shutting down');
    setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    stop(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
