// A process that cannot start says why in one plain message (no stack trace: the message names
// the setting and what to do) and exits 1, so an orchestrator sees the failure at once.
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
