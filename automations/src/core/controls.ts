// Finding the controls that move an application along (Apply, Next, Submit) by selector or by the
// words on them, and clicking them after the current call returns so a navigation cannot cut off
// the answer to the host.
import { deepElements, isVisible, textOf } from './dom.ts';
import { realClick } from './fill.ts';

export interface Control {
  /** ATS-specific selectors, tried first. */
  selectors: string[];
  /** Words on a button, link or submit input. */
  text: RegExp;
}

const CLICKABLE = 'button,a[href],input[type="submit"],input[type="button"],[role="button"],[role="link"]';

function labelOf(el: Element): string {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).value.trim();
  return textOf(el) || el.getAttribute('aria-label')?.trim() || '';
}

function usable(el: Element): boolean {
  return isVisible(el) && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true';
}

/** The first visible, enabled control matching `control`, with the text a user would read on it. */
export function findControl(doc: Document, control: Control): { element: HTMLElement; label: string } | null {
  const elements = deepElements(doc);
  for (const selector of control.selectors) {
    const el = elements.find((e) => e.matches(selector) && usable(e));
    if (el) return { element: el as HTMLElement, label: labelOf(el) || selector };
  }
  const byText = elements.filter((e) => e.matches(CLICKABLE) && usable(e) && control.text.test(labelOf(e)));
  const el = byText[byText.length - 1];
  return el ? { element: el as HTMLElement, label: labelOf(el) } : null;
}

const CLICKED = 'data-jobswipe-clicked';
/** How long a clicked control is left alone while the page responds. */
const CLICK_GRACE_MS = 8_000;

/**
 * Clicks on the next task, so the caller's answer leaves the page before any navigation starts.
 * The control is marked, so a host that looks again before the page responded does not click twice.
 */
export function clickSoon(el: HTMLElement): void {
  el.setAttribute(CLICKED, String(Date.now()));
  setTimeout(() => realClick(el), 0);
}

/** True while the page has not yet responded to the last click on `el`. */
export function recentlyClicked(el: HTMLElement): boolean {
  const at = Number(el.getAttribute(CLICKED));
  return at > 0 && Date.now() - at < CLICK_GRACE_MS;
}
