import type { ReactNode } from 'react';

/**
 * A box that scrolls its own content (a wide table, a long text) rather than the page: it takes
 * focus and has a name, so a keyboard user can scroll it too.
 */
export function ScrollRegion({
  label,
  className = 'table-wrap',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled
    <section className={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
