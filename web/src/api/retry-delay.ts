// How long to wait before trying JobSwipe again after `failures` failed tries in a row: short at
// first, growing to a ceiling that is then kept.
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function retryDelay(failures: number, delays: readonly number[] = RETRY_DELAYS_MS): number {
  return delays[Math.min(failures, delays.length - 1)] ?? 30_000;
}
