// The in-page half of trusted input. A Playwright host runs the core in an isolated world and
// exposes one binding there (the employer's page cannot see or call it); every gesture the core
// wants becomes a request through it, which the host performs with real input (`page.mouse`,
// `page.keyboard`, CDP's file chooser) and then answers. The core still decides what to fill
// and reads it back; only the gesture moves. A gesture the host cannot perform where the page
// would take it (a hidden select, a native date input, a control covered by another) falls back
// to the synthetic events, and the read-back judges the result as it always does. Native date and
// time inputs are typed field by field, as a person types into Chromium's segmented control.
import { centreOf } from './controls.ts';
import { isVisible, waitFor } from './dom.ts';
import { SYNTHETIC_INPUT } from './fill.ts';
import { type DriverKey, type InputDriver, useInputDriver } from './input-driver.ts';
import type { ClickTarget, FilePayload } from './types.ts';

/** What the host is asked to do; coordinates are in the viewport of the frame the core runs in. */
export type HostGesture =
  /** With `modifier` held (Ctrl, ⌘ on a Mac: add to a multi-select's selection). */
  | ({ kind: 'click'; modifier?: 'ControlOrMeta' } & ClickTarget)
  /** Select all in the focused control, then insert `text` as one edit (Delete when empty). */
  | { kind: 'insert'; text: string }
  /** Select all and delete in the focused control, then type `text` key by key. */
  | { kind: 'type'; text: string }
  | { kind: 'press'; key: DriverKey | 'ArrowUp'; times: number }
  /** Press each key in turn (the digits of a segmented date input, ArrowRight between its fields). */
  | { kind: 'keys'; keys: string[] }
  /** Attach the host's file of this name to the request's element (`hostElement`). */
  | { kind: 'upload'; name: string };

export interface HostRequest {
  id: number;
  gesture: HostGesture;
}

/** A host that never answers (its page closed mid-call) must not hang the core forever. */
const GESTURE_TIMEOUT_MS = 20_000;

const pending = new Map<number, { element: Element; done: (error: string | null) => void }>();
let nextId = 1;

/** Text controls whose value keyboard input cannot write: left to the page's events. */
const NOT_TYPED = /^(week|color|range|file|checkbox|radio|hidden)$/;

/** Native inputs Chromium draws as fields to type digits into (month / day / year, hour / minute / AM-PM). */
const SEGMENTED = /^(date|time|month|datetime-local)$/;

/**
 * A field of a segmented input: Y year, M month, N month drawn by name (a month input's "March"),
 * D day, H hour (0–23), h hour (1–12), m minute, a AM/PM. Two digits fill a numeric field and move
 * to the next; a year takes up to six digits and a named month waits for more, so ArrowRight
 * leaves them: unlike Tab, it never leaves the input itself for the control after it.
 */
type Segment = 'Y' | 'M' | 'N' | 'D' | 'H' | 'h' | 'm' | 'a';

/**
 * The layouts the browser may draw `type` in, the likeliest first. Chromium lays the fields out by
 * its own language, which the page's `Intl` (the page's locale) only guesses at: the read-back
 * after each try decides.
 */
function layouts(type: string): Segment[][] {
  const locale = globalThis.navigator?.language;
  const guess = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2027, 0, 15))
    .flatMap((p) => (p.type === 'year' ? 'Y' : p.type === 'month' ? 'M' : p.type === 'day' ? 'D' : []))
    .join('');
  const dates = [...new Set([guess, 'MDY', 'DMY', 'YMD'])];
  const hour12 = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12;
  const times = hour12 ? ['hma', 'Hm'] : ['Hm', 'hma'];
  const orders =
    type === 'time'
      ? times
      : type === 'month'
        ? [...new Set(dates.flatMap((d) => [d.replace('D', '').replace('M', 'N'), d.replace('D', '')]))]
        : type === 'datetime-local'
          ? dates.flatMap((d) => times.map((t) => d + t))
          : dates;
  return orders.map((o) => o.split('') as Segment[]);
}

/** The keys that type `value` (the input's own format, "2027-01-15T14:30") into `layout`, or null. */
function segmentKeys(layout: Segment[], value: string): string[] | null {
  const date = /^(\d{4,6})-(\d{2})(?:-(\d{2}))?/.exec(value);
  const time = /(?:^|T)(\d{2}):(\d{2})$/.exec(value);
  const hour = Number(time?.[1]);
  const fields: Partial<Record<Segment, string>> = {
    Y: date?.[1],
    M: date?.[2],
    N: date?.[2],
    D: date?.[3],
    H: time?.[1],
    h: time ? String(hour % 12 || 12).padStart(2, '0') : undefined,
    m: time?.[2],
    a: time ? (hour < 12 ? 'A' : 'P') : undefined,
  };
  const keys: string[] = [];
  for (const [i, segment] of layout.entries()) {
    const text = fields[segment];
    if (text === undefined) return null;
    keys.push(...text.split(''));
    if ((segment === 'Y' || segment === 'N') && i < layout.length - 1) keys.push('ArrowRight');
  }
  return keys;
}

function ask(binding: string, element: Element, gesture: HostGesture): Promise<boolean> {
  const call = (globalThis as unknown as Record<string, ((payload: string) => void) | undefined>)[binding];
  if (typeof call !== 'function') return Promise.resolve(false);
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish('the host did not answer'), GESTURE_TIMEOUT_MS);
    const finish = (error: string | null) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(error === null);
    };
    pending.set(id, { element, done: finish });
    call(JSON.stringify({ id, gesture } satisfies HostRequest));
  });
}

/** The host performed request `id` (or could not: `error`). */
export function hostAnswered(id: number, error: string | null = null): void {
  pending.get(id)?.done(error);
}

/** The element request `id` is about (the host attaches files to it). */
export function hostElement(id: number): Element | null {
  return pending.get(id)?.element ?? null;
}

/** The element a click at its centre would reach: itself, a child, or a label of it. */
function reachable(el: HTMLElement): HTMLElement | null {
  const hits = (target: HTMLElement) => {
    const rect = target.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    const root = target.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint?.(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return !!hit && (hit === target || target.contains(hit) || hit.closest('label')?.control === el);
  };
  el.scrollIntoView?.({ block: 'center', behavior: 'instant' });
  if (hits(el)) return el;
  const labels = Array.from((el as HTMLInputElement).labels ?? []).filter(isVisible);
  for (const label of labels) {
    label.scrollIntoView?.({ block: 'center', behavior: 'instant' });
    if (hits(label)) return label;
  }
  return null;
}

/** Focus where the keyboard reaches it: programmatic focus, then a trusted click on it. */
async function focusFor(binding: string, el: HTMLElement): Promise<boolean> {
  const focused = () => (el.getRootNode() as Document | ShadowRoot).activeElement === el;
  el.focus();
  if (focused()) return true;
  const target = reachable(el);
  if (target && (await ask(binding, target, { kind: 'click', ...centreOf(target) }))) return focused();
  return false;
}

/**
 * Types `value` into a native date or time input field by field, trying each layout the browser
 * may use until the input holds it (false: none did, or the keyboard cannot reach it).
 */
async function typeSegments(binding: string, el: HTMLInputElement, value: string): Promise<boolean> {
  if (el.value === value) return true;
  if (el.readOnly || el.disabled || !isVisible(el)) return false;
  for (const layout of layouts(el.type)) {
    const keys = segmentKeys(layout, value);
    if (!keys) continue;
    // Focused afresh, the input starts typing in its first field.
    el.blur();
    if (!(await focusFor(binding, el))) return false;
    const arrived = watch(el, 'keyup');
    if (!(await ask(binding, el, { kind: 'keys', keys }))) return false;
    await arrived.until(keys.length);
    if (el.value === value) return true;
  }
  return false;
}

/** Arrow presses that move a closed select from its option to `index` (disabled ones are skipped). */
function arrowsTo(select: HTMLSelectElement, index: number): { key: 'ArrowDown' | 'ArrowUp'; times: number } {
  const usable = (o: HTMLOptionElement) =>
    !o.disabled && !o.hidden && !(o.parentElement as HTMLOptGroupElement).disabled;
  const options = Array.from(select.options);
  const from = select.selectedIndex;
  const between = index > from ? options.slice(from + 1, index + 1) : options.slice(index, from);
  return { key: index > from ? 'ArrowDown' : 'ArrowUp', times: between.filter(usable).length };
}

/**
 * The file the host attached is the applicant's and can be read: the browser reads it from disk
 * when the form sends it, and a browser running as another user (a sandboxed test profile) sees
 * an empty file or is refused only then.
 */
function readable(input: HTMLInputElement, payload: FilePayload): Promise<boolean> {
  const file = input.files?.[0];
  const bytes = Math.floor((payload.base64.length * 3) / 4) - (payload.base64.match(/=+$/)?.[0].length ?? 0);
  if (!file || file.size !== bytes) return Promise.resolve(false);
  return file
    .slice(0, 1)
    .arrayBuffer()
    .then(
      () => true,
      () => false,
    );
}

/** How long the core waits for a performed gesture's events to reach the page. */
const ARRIVAL_MS = 1_000;

/**
 * Counts `type` events reaching `target` from now on. Input for a cross-site frame is routed to
 * its process after the host's gesture returned, so the core waits for it before it reads the page.
 */
function watch(target: EventTarget, type: string): { until(count: number): Promise<void> } {
  let seen = 0;
  const count = () => {
    seen++;
  };
  target.addEventListener(type, count, true);
  return {
    async until(wanted) {
      await waitFor(() => seen >= wanted, ARRIVAL_MS);
      target.removeEventListener(type, count, true);
    },
  };
}

/** The driver that asks the host, through `binding`, for every gesture it can perform. */
export function hostInput(binding: string): InputDriver {
  const gesture = (el: Element, g: HostGesture) => ask(binding, el, g);
  /** A trusted click (with `modifier` held) where the element can be reached; false: it cannot. */
  const clickWith = async (el: HTMLElement, modifier?: 'ControlOrMeta') => {
    const target = reachable(el);
    const clicks = target && watch(target, 'click');
    const clicked = !!target && (await gesture(target, { kind: 'click', modifier, ...centreOf(target) }));
    await clicks?.until(clicked ? 1 : 0);
    return clicked;
  };
  return {
    async click(el) {
      if (!(await clickWith(el))) await SYNTHETIC_INPUT.click(el);
    },
    async clickToAdd(el) {
      if (!(await clickWith(el, 'ControlOrMeta'))) await SYNTHETIC_INPUT.clickToAdd(el);
    },
    async fill(el, text) {
      if (el.tagName === 'INPUT' && SEGMENTED.test((el as HTMLInputElement).type)) {
        if (!(await typeSegments(binding, el as HTMLInputElement, text))) await SYNTHETIC_INPUT.fill(el, text);
        return;
      }
      const typed = el.tagName === 'TEXTAREA' || !NOT_TYPED.test((el as HTMLInputElement).type);
      const writable = typed && !el.readOnly && !el.disabled && isVisible(el);
      const inputs = watch(el, 'input');
      const edits = el.value === text ? 0 : 1;
      const inserted = writable && (await focusFor(binding, el)) && (await gesture(el, { kind: 'insert', text }));
      await inputs.until(inserted ? edits : 0);
      if (!inserted) await SYNTHETIC_INPUT.fill(el, text);
    },
    async type(el, text) {
      if ((await focusFor(binding, el)) && (await gesture(el, { kind: 'type', text })))
        await waitFor(() => el.value === text, ARRIVAL_MS);
      else await SYNTHETIC_INPUT.type(el, text);
    },
    async select(el, value) {
      const index = Array.from(el.options).findIndex((o) => o.value === value);
      if (index === el.selectedIndex) return;
      // A select the page hides behind its own button cannot take the keyboard: its events it is.
      const keyboard = index >= 0 && !el.multiple && !el.disabled && isVisible(el) && (await focusFor(binding, el));
      if (keyboard && (await gesture(el, { kind: 'press', ...arrowsTo(el, index) })))
        await waitFor(() => el.value === value, ARRIVAL_MS);
      if (el.value === value) return;
      await SYNTHETIC_INPUT.select(el, value);
      await SYNTHETIC_INPUT.blur(el);
    },
    async press(el, key) {
      if (!(await gesture(el, { kind: 'press', key, times: 1 }))) await SYNTHETIC_INPUT.press(el, key);
    },
    async blur(el) {
      // The browser fires change (for an edited value) and focusout itself, trusted.
      el.blur();
    },
    async upload(el, file: FilePayload) {
      if (!((await gesture(el, { kind: 'upload', name: file.name })) && (await readable(el, file))))
        await SYNTHETIC_INPUT.upload(el, file);
    },
  };
}

/** Called by the host once per document: from now on this core's gestures are trusted input. */
export function useHostInput(binding: string): void {
  useInputDriver(hostInput(binding));
}
