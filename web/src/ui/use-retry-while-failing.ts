// Tries again, while something could not reach JobSwipe, when the browser says it is back online
// and on a backoff timer meanwhile: the server can come back (after a restart, or on a network
// with no internet yet) without the browser ever going offline, and the page must notice by itself.
import { useEffect } from 'react';
import { retryDelay } from '../api/retry-delay.ts';

export function useRetryWhileFailing(failing: boolean, retry: () => void): void {
  useEffect(() => {
    if (!failing) return;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        failures += 1;
        retry();
        schedule();
      }, retryDelay(failures));
    };
    schedule();
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [failing, retry]);
}
