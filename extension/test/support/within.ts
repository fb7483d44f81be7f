// A test step that cannot hang: Playwright's page.close, mouse, keyboard and evaluate, and CDP
// calls, take no timeout of their own, and expect.poll waits for its callback however long it takes.

/** How long one step of a test may take before it fails with what it was doing. */
export const STEP_MS = 30_000;

/** `work`'s result, or an error naming `what` once `ms` passed without one. */
export async function within<T>(what: string, work: Promise<T>, ms = STEP_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
