// After the user moves to another page, focus goes to that page's heading, as it would after a
// full page load for a screen reader: the new page is announced and Tab starts from its top.
import { useEffect, useRef } from 'react';

/** Pages load on demand: look for the heading for this long. */
const WAIT_MS = 3_000;

export function useFocusHeadingOnNavigate(path: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is what calls for the focus
  useEffect(() => {
    // The first page of a visit keeps the browser's own starting focus.
    if (first.current) {
      first.current = false;
      return;
    }
    const until = performance.now() + WAIT_MS;
    let frame = 0;
    const look = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading && !document.querySelector('main[aria-busy="true"]')) {
        heading.tabIndex = -1;
        heading.focus();
        return;
      }
      if (performance.now() < until) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [path]);
}
