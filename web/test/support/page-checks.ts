// Checks every page must pass, run in the page itself: nothing wider than the screen (the page
// never scrolls sideways; a table may scroll inside its own box) and no serious or critical
// accessibility violation found by axe-core.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What makes the page wider than its viewport: the document's own overflow, and each element whose
 * box ends past the right edge outside a box that scrolls it. Empty when the page fits.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const scrolling = document.scrollingElement ?? document.documentElement;
    if (scrolling.scrollWidth > width)
      found.push(`the page is ${scrolling.scrollWidth}px wide in a ${width}px viewport`);
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip')
          return true;
      }
      return false;
    };
    const overflows = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > width + 0.5 && !clipped(el);
    };
    for (const el of document.body.querySelectorAll('*')) {
      // The innermost culprits: an ancestor sticks out only because its child does.
      if (!overflows(el) || [...el.children].some(overflows)) continue;
      const box = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      found.push(`${name} ends at ${Math.round(box.right)}px: "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    // html/body hiding the overflow would only hide the problem.
    for (const el of [document.documentElement, document.body]) {
      const { overflowX } = getComputedStyle(el);
      if (overflowX === 'hidden' || overflowX === 'clip') found.push(`${el.tagName} hides horizontal overflow`);
    }
    return found.slice(0, 10);
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, as a console would: the page's own policy forbids inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
