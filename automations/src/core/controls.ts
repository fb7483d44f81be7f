// Finding the controls that move an application along (Apply, Next, Submit) by selector or by the
// words on them, and clicking them after the current call returns so a navigation cannot cut off
// the answer to the host.
import { deepElements, isVisible, textOf } from './dom.ts';
import { realClick } from './fill.ts';
import type { ClickTarget, FilledField, StepInput, StepResult } from './types.ts';

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

const MODAL = 'dialog[open],[role="dialog"],[role="alertdialog"],[aria-modal="true"]';

/**
 * The visible, enabled control matching `control`, with the text a user would read on it. An open
 * dialog's own controls come first: a user cannot reach the page behind it (Workday's "Start Your
 * Application" choices sit in front of a second Apply button lower on the posting). `skip` leaves
 * out controls already tried without effect.
 */
export function findControl(
  doc: Document,
  control: Control,
  skip: (el: Element) => boolean = () => false,
): { element: HTMLElement; label: string } | null {
  const all = deepElements(doc);
  const modal = all.filter((e) => e.matches(MODAL) && isVisible(e)).pop();
  const scopes = modal ? [all.filter((e) => modal.contains(e)), all] : [all];
  for (const elements of scopes) {
    for (const selector of control.selectors) {
      const el = elements.find((e) => e.matches(selector) && usable(e) && !skip(e));
      if (el) return { element: el as HTMLElement, label: labelOf(el) || selector };
    }
    const byText = elements.filter(
      (e) => e.matches(CLICKABLE) && usable(e) && !skip(e) && control.text.test(labelOf(e)),
    );
    const el = byText[byText.length - 1];
    if (el) return { element: el as HTMLElement, label: labelOf(el) };
  }
  return null;
}

/** How long a clicked control is left alone while the page responds. */
const CLICK_GRACE_MS = 8_000;

/**
 * Controls this core clicked, when and how often, by what the page looked like (`view`) and the
 * words on the control: wizards built with React or Workday's framework render a new button (and
 * new field ids) after every click, so the element itself cannot say "clicked before". Kept in the
 * core's own memory (it lives as long as the document it was injected into), never as an
 * attribute the employer's page could see.
 */
const clicks = new Map<string, { at: number; times: number }>();

/** What the host keeps across documents (`StepInput.clicked`) to know a click was made before. */
export const clickKey = (el: Element, view: string) => `${view}\u0000${labelOf(el)}`;

function remember(el: Element, view: string): void {
  const key = clickKey(el, view);
  clicks.set(key, { at: Date.now(), times: (clicks.get(key)?.times ?? 0) + 1 });
}

/**
 * Clicks on the next task, so the caller's answer leaves the page before any navigation starts.
 * The time and what the page looked like (`view`) are remembered, so a host that looks again
 * before the page responded does not click twice — while a wizard that reuses the same button for
 * its next page (the view changed) is clicked again.
 */
function clickSoon(el: HTMLElement, view = ''): void {
  remember(el, view);
  setTimeout(() => realClick(el), 0);
}

/**
 * For a host with trusted input: remembers the click like `clickSoon` but leaves it to the host,
 * and returns the control's centre in the viewport of the frame the core runs in (controls in
 * same-origin iframes are offset by their frames).
 */
export function clickTarget(el: HTMLElement, view = ''): ClickTarget {
  remember(el, view);
  return centreOf(el);
}

/**
 * The element's centre, scrolled into view, in the viewport of the frame the core runs in
 * (elements in same-origin iframes are offset by their frames).
 */
export function centreOf(el: HTMLElement): ClickTarget {
  // Instantly: a page's smooth scrolling would move the control after it was measured.
  el.scrollIntoView?.({ block: 'center', behavior: 'instant' });
  const rect = el.getBoundingClientRect();
  let x = rect.left + rect.width / 2;
  let y = rect.top + rect.height / 2;
  for (let view: Window | null = el.ownerDocument.defaultView; view && view !== window; view = view.parent) {
    const frame = view.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
  }
  return { x, y };
}

/** Clicks `el` now (synthetic), or with `trusted` returns where the host must click. */
export function press(el: HTMLElement, view: string, trusted: boolean | undefined): ClickTarget | undefined {
  if (trusted) return clickTarget(el, view);
  clickSoon(el, view);
  return undefined;
}

/**
 * A step that leads on by pressing `el`: clicked now (synthetic) or, with `trustedClicks`, where
 * the host clicks it; `pressed` (by default the click's key) goes to the host's record.
 */
export function advance(
  el: HTMLElement,
  view: string,
  input: Pick<StepInput, 'trustedClicks'>,
  result: { action: string; ats: string; filled?: FilledField[]; pressed?: string },
): StepResult {
  const pressed = result.pressed ?? clickKey(el, view);
  const click = press(el, view, input.trustedClicks);
  return { status: 'advanced', filled: [], ...result, pressed, ...(click ? { click } : {}) };
}

/** True while the page still looks as it did when `el` was clicked, for a short while. */
export function recentlyClicked(el: HTMLElement, view = ''): boolean {
  const click = clicks.get(clickKey(el, view));
  return !!click && Date.now() - click.at < CLICK_GRACE_MS;
}

/**
 * How many times `el` was clicked on this very view, however long ago: the page did not move on.
 * `earlier` holds the host's keys of clicks made by cores injected into earlier documents.
 */
export function clicksOnView(el: Element, view = '', earlier: string[] = []): number {
  const key = clickKey(el, view);
  return Math.max(clicks.get(key)?.times ?? 0, earlier.filter((k) => k === key).length);
}
