// Tries again, while something could not reach JobSwipe, when the browser says it is back online
// and on a backoff timer meanwhile: the server can come back (after a restart, or on a network
// with no internet yet) without the browser ever going offline, and the page must notice by itself.
import { useEffect } from 'react';

const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];

export function useRetryWhileFailing(failing: boolean, retry: () => void): void {
  useEffect(() => {
    if (!failing) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          attempt += 1;
          retry();
          schedule();
        },
        RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)],
      );
    };
    schedule();
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [failing, retry]);
}
