// Filling so that React and other frameworks register the value: the prototype's native value
// setter plus input/change events (a plain `.value =` is swallowed by React's value tracker),
// real click sequences for custom widgets, and per-key typing where an autocomplete listens.
import {
  currentValue,
  isPlaceholderOption,
  isSelected,
  listboxOptions,
  monthNumber,
  selectWidget,
} from './discover.ts';
import { deepElements, delay, isVisible, textOf, waitFor, windowOf } from './dom.ts';
import { type InputDriver, inputDriver } from './input-driver.ts';
import { matchOption, norm } from './option-match.ts';
import { isoDateTime, time24 } from './read-back.ts';
import type { DiscoveredField, FilePayload } from './types.ts';

export type FillValue = string | string[] | boolean | number | FilePayload;

export type FillOutcome = { ok: true; value: string } | { ok: false; reason: string };

function fire(el: Element, type: string, init: EventInit = {}): void {
  const view = windowOf(el);
  const Ctor = type.startsWith('key') ? view.KeyboardEvent : type === 'input' ? view.InputEvent : view.Event;
  el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true, ...init }));
}

/** Sets `value` the way a user's typing would, bypassing framework value trackers. */
export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const view = windowOf(el);
  const proto =
    el.tagName === 'TEXTAREA'
      ? view.HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? view.HTMLSelectElement.prototype
        : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
}

/** The pointer and mouse sequence custom widgets listen to, then the click. */
export function realClick(el: HTMLElement): void {
  const view = windowOf(el);
  el.scrollIntoView?.({ block: 'center' });
  const init = { bubbles: true, cancelable: true, composed: true, view, button: 0 };
  el.dispatchEvent(new view.PointerEvent('pointerdown', init));
  el.dispatchEvent(new view.MouseEvent('mousedown', init));
  el.focus?.();
  el.dispatchEvent(new view.PointerEvent('pointerup', init));
  el.dispatchEvent(new view.MouseEvent('mouseup', init));
  el.click();
}

/** Writes `value` as one edit, with the events a framework listens to. */
function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.focus();
  setNativeValue(el, value);
  fire(el, 'input', { inputType: 'insertText', data: value } as InputEventInit);
  fire(el, 'change');
}

/** Types `value` one key at a time, for autocompletes that search as the user types. */
async function typeKeys(el: HTMLInputElement, value: string): Promise<void> {
  el.focus();
  setNativeValue(el, '');
  fire(el, 'input', { inputType: 'deleteContentBackward' } as InputEventInit);
  for (let i = 0; i < value.length; i++) {
    const key = value[i]!;
    fire(el, 'keydown', { key } as KeyboardEventInit);
    setNativeValue(el, value.slice(0, i + 1));
    fire(el, 'input', { inputType: 'insertText', data: key } as InputEventInit);
    fire(el, 'keyup', { key } as KeyboardEventInit);
  }
  await delay(20);
}

function blur(el: HTMLElement): void {
  fire(el, 'change');
  el.blur();
  fire(el, 'focusout');
}

/** The gestures as synthetic DOM events: the extension's input, which has no trusted one. */
export const SYNTHETIC_INPUT: InputDriver = {
  click: async (el) => realClick(el),
  async clickToAdd(el) {
    const select = el.tagName === 'OPTION' ? el.closest('select') : null;
    if (!select) return realClick(el);
    (el as HTMLOptionElement).selected = !(el as HTMLOptionElement).selected;
    fire(select, 'input');
    fire(select, 'change');
  },
  fill: async (el, text) => typeValue(el, text),
  type: typeKeys,
  async select(el, value) {
    el.focus();
    setNativeValue(el, value);
    fire(el, 'input');
  },
  async press(el, key) {
    const active = el.ownerDocument.activeElement;
    for (const target of new Set([el, active instanceof Element ? active : el])) {
      fire(target, 'keydown', { key, code: key } as KeyboardEventInit);
      fire(target, 'keyup', { key, code: key } as KeyboardEventInit);
    }
  },
  blur: async (el) => blur(el),
  async upload(input, file) {
    const view = windowOf(input);
    const bytes = Uint8Array.from(view.atob(file.base64), (c) => c.charCodeAt(0));
    const transfer = new view.DataTransfer();
    transfer.items.add(new view.File([bytes], file.name, { type: file.mime }));
    input.files = transfer.files;
    fire(input, 'input');
    fire(input, 'change');
  },
};

/** The host's trusted input where it installed it (Playwright), else the synthetic events. */
export const driver = () => inputDriver(SYNTHETIC_INPUT);

/** Types `text` into a text control and leaves it, as a person would (sign-in forms). */
export async function typeInto(el: HTMLInputElement, text: string): Promise<void> {
  await driver().fill(el, text);
  await driver().blur(el);
}

function wantedText(value: FillValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return value.name;
  return String(value);
}

function pick(options: DiscoveredField['options'], value: FillValue): DiscoveredField['options'][number] | null {
  if (typeof value === 'object' && !Array.isArray(value)) return null;
  const wanted = Array.isArray(value) ? (value[0] ?? '') : value;
  const label = matchOption(
    options.map((o) => o.label),
    wanted,
  );
  return options.find((o) => o.label === label) ?? null;
}

const noOption = (field: DiscoveredField, value: FillValue): FillOutcome => ({
  ok: false,
  reason: `none of the options [${field.options.map((o) => o.label).join(' | ')}] matches "${wantedText(value)}"`,
});

/** Visible options of the popup a combobox opened (by aria-controls, else any open listbox). */
function openOptions(combobox: HTMLElement): DiscoveredField['options'] {
  const own = listboxOptions(combobox).filter((o) => isVisible(o.element));
  if (own.length) return own;
  return deepElements(combobox.ownerDocument)
    .filter(
      (el) => el.getAttribute('role') === 'option' && isVisible(el) && el.getAttribute('aria-disabled') !== 'true',
    )
    .map((el) => ({ label: textOf(el), element: el as HTMLElement }));
}

/** What to type into a searchable combobox: a place's city, an answer's words; nothing for a number. */
function searchText(value: FillValue): string | null {
  if (typeof value === 'number') return null;
  if (typeof value === 'string') return value.split(',')[0]!.trim();
  return wantedText(value);
}

function chooseFrom(options: DiscoveredField['options'], value: FillValue): DiscoveredField['options'][number] | null {
  if (!options.length) return null;
  return pick(options, value) ?? (typeof value === 'string' ? bestPrefix(options, value) : null);
}

const MENU_ITEM = /^(option|menuitem|treeitem)$/;

/**
 * Opens a kit's menu button and clicks the item labelled `label`: an option or menu item, or a
 * list item the click drew (Chosen's results carry no role).
 */
async function pickInMenu(toggle: HTMLElement, label: string): Promise<void> {
  const doc = toggle.ownerDocument;
  const listed = new Set(deepElements(doc).filter((el) => el.tagName === 'LI' && isVisible(el)));
  await driver().click(toggle);
  const item = await waitFor(
    () =>
      deepElements(doc).find(
        (el) =>
          (MENU_ITEM.test(el.getAttribute('role') ?? '') || (el.tagName === 'LI' && !listed.has(el))) &&
          isVisible(el) &&
          norm(textOf(el)) === norm(label),
      ) ?? null,
    1_000,
  );
  if (item) await driver().click(item as HTMLElement);
  else await closePopup(toggle);
}

/** Closes whatever popup is open (a portaled listbox that hid the rest of the page). */
function closePopup(el: HTMLElement): Promise<void> {
  return driver().press(el, 'Escape');
}

/** An option that opens a second level (Workday's "Social Media" › "LinkedIn"), not an answer. */
function isCategory(option: HTMLElement): boolean {
  return (
    option.hasAttribute('aria-haspopup') ||
    option.hasAttribute('aria-expanded') ||
    /[›>»]\s*$/.test(textOf(option)) ||
    !!option.querySelector(
      '[class*="chevron" i],[class*="arrow" i],[class*="caret" i],[data-automation-id*="chevron" i]',
    )
  );
}

/** "Back", or the way up a level drawn as an arrow before the category's name ("← Social Media"). */
const BACK = /^(back|previous)\b|^[‹<←]|\bback\b/i;

/** Opens each category of a two-level picker in turn, looking for the answer among its options. */
async function throughCategories(
  el: HTMLElement,
  value: FillValue,
): Promise<DiscoveredField['options'][number] | null> {
  const categories = openOptions(el)
    .filter((o) => isCategory(o.element))
    .map((o) => o.label);
  for (const category of categories.slice(0, 12)) {
    const option = openOptions(el).find((o) => o.label === category);
    if (!option) break;
    await driver().click(option.element);
    const inner = await waitFor(() => {
      const now = openOptions(el);
      // The list empties while the page renders the next level: wait for that level's options.
      return now.length && !now.some((o) => o.label === category) ? now : null;
    }, 1_000);
    const leaves = (inner ?? []).filter((o) => !isCategory(o.element) && !BACK.test(o.label));
    const chosen = chooseFrom(leaves, value);
    if (chosen) return chosen;
    const back = deepElements(el.ownerDocument).find(
      (b) =>
        b.matches('button,[role="button"],[role="option"]') &&
        isVisible(b) &&
        BACK.test(textOf(b) || b.getAttribute('aria-label') || ''),
    );
    if (back) await driver().click(back as HTMLElement);
    else {
      await closePopup(el);
      await driver().click(el);
    }
    await waitFor(() => openOptions(el).some((o) => o.label === category), 1_000);
  }
  return null;
}

/** What to try typing into a typeahead: the whole answer, then its first words. */
function searchTexts(value: FillValue): string[] {
  const full = searchText(value);
  if (!full) return [];
  const words = full.split(/\s+/);
  return [...new Set([full, words.length > 2 ? words.slice(0, 2).join(' ') : '', words[0] ?? ''])].filter(
    (t) => t.length >= 2,
  );
}

const SLOW_SEARCH_MS = 8_000;

/**
 * Suggestions still to come for `text`: the list shows an earlier prefix's (none mentions what
 * was typed), or nothing yet though the box says it suggests (aria-autocomplete list or both).
 */
function awaitsSuggestions(box: HTMLInputElement, options: DiscoveredField['options'], text: string): boolean {
  if (options.length) return !options.some((o) => norm(o.label).includes(norm(text)));
  return ['list', 'both'].includes(box.getAttribute('aria-autocomplete') ?? '');
}

/**
 * Types the answer, then its first words, into a combobox's search `box` until a suggestion
 * matches; `patienceMs` is how long the first suggestions may take to come.
 */
async function searchFor(
  el: HTMLElement,
  box: HTMLInputElement,
  value: FillValue,
  patienceMs: number,
): Promise<{ chosen: DiscoveredField['options'][number] | null; suggested: boolean }> {
  let chosen: DiscoveredField['options'][number] | null = null;
  let suggested = false;
  for (const text of searchTexts(value)) {
    await driver().type(box, text);
    chosen = await waitFor(() => chooseFrom(openOptions(el), value), suggested ? 1_500 : patienceMs);
    if (!chosen && awaitsSuggestions(box, openOptions(el), text)) {
      // A slow search: wait for the answer to what was typed before taking the list, or its
      // absence, as final.
      await waitFor(() => !awaitsSuggestions(box, openOptions(el), text), SLOW_SEARCH_MS);
      chosen = chooseFrom(openOptions(el), value);
    }
    suggested ||= openOptions(el).length > 0;
    // Nothing suggested for the whole answer: a free-text box, or a list without it.
    if (chosen || !suggested) break;
  }
  return { chosen, suggested };
}

async function fillCombobox(field: DiscoveredField, value: FillValue): Promise<FillOutcome> {
  const el = field.element;
  await driver().click(el);
  if (el.tagName === 'INPUT') await driver().press(el, 'ArrowDown');
  // A select-like combobox lists every option once open; a searchable one needs typing first
  // (into itself, or into the search box its popup focuses).
  let chosen = await waitFor(() => chooseFrom(openOptions(el), value), el.tagName === 'INPUT' ? 250 : 800);
  if (!chosen && openOptions(el).length) chosen = await throughCategories(el, value);
  const active = el.ownerDocument.activeElement;
  const box = (el.tagName === 'INPUT' ? el : active?.tagName === 'INPUT' ? active : null) as HTMLInputElement | null;
  let suggested = false;
  if (!chosen && box) ({ chosen, suggested } = await searchFor(el, box, value, 3_000));
  if (!chosen && box === el && typeof value === 'string' && !suggested) {
    // A free-text combobox with no suggestions keeps what was typed.
    await driver().fill(box, value);
    await driver().blur(el);
    await waitFor(() => norm(box.value) !== norm(value), 300);
    if (norm(box.value) === norm(value)) return { ok: true, value };
    // It dropped the text nobody picked: a typeahead whose suggestions were only slow (a loaded
    // proxy, a busy site). Searched again, with the patience of a slow search.
    await driver().click(el);
    ({ chosen, suggested } = await searchFor(el, box, value, SLOW_SEARCH_MS));
  }
  if (!chosen) {
    if (box) await driver().fill(box, '');
    await closePopup(el);
    return { ok: false, reason: `no option of "${field.label}" matches "${wantedText(value)}"` };
  }
  await driver().click(chosen.element);
  await waitFor(() => !isVisible(chosen.element) || !chosen.element.isConnected, 1_000);
  // A multi-select keeps its list open (and the page behind it aria-hidden) after a pick.
  if (isVisible(chosen.element) || !isVisible(el)) await closePopup(el);
  if (el.tagName === 'INPUT') await driver().blur(el);
  return { ok: true, value: chosen.label };
}

/** A tag picker ("select all that apply") answered with several values: each one not yet a tag is picked in turn. */
async function fillTags(field: DiscoveredField, values: string[]): Promise<FillOutcome> {
  const picked: string[] = [];
  for (const value of values) {
    const tag = currentValue(field)
      .split(/,\s*/)
      .find((t) => norm(t) === norm(value) || norm(t).startsWith(`${norm(value)} `));
    const result = tag ? { ok: true as const, value: tag } : await fillCombobox(field, value);
    if (!result.ok) return result;
    picked.push(result.value);
  }
  return { ok: true, value: picked.join(', ') };
}

/** For autocompletes: the suggestion that starts with what the profile says ("Berlin" → "Berlin, Germany"). */
function bestPrefix(options: DiscoveredField['options'], value: string): DiscoveredField['options'][number] | null {
  const parts = value
    .split(',')
    .map((s) => norm(s))
    .filter(Boolean);
  const scored = options
    .map((o) => ({ o, n: norm(o.label) }))
    .filter(({ n }) => parts[0] && n.startsWith(parts[0]))
    .map(({ o, n }) => ({ o, score: parts.filter((p) => n.includes(p)).length }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.o ?? null;
}

/** An uploader still sending the file to its endpoint: a progress bar, aria-busy, "Uploading…". */
function uploading(input: HTMLInputElement): boolean {
  let node: Element | null = input.parentElement;
  for (let level = 0; node && level < 4 && node.tagName !== 'FORM'; level++, node = node.parentElement) {
    const busy = Array.from(node.querySelectorAll('[role="progressbar"],[aria-busy="true"]')).some(isVisible);
    if (busy || /\buploading\b/i.test(textOf(node))) return true;
  }
  return false;
}

async function uploadFile(input: HTMLInputElement, file: FilePayload): Promise<FillOutcome> {
  await driver().upload(input, file);
  // Uploaded to a separate endpoint: the form takes the file only once that request is done.
  await delay(50);
  await waitFor(() => !uploading(input), 15_000);
  return { ok: true, value: file.name };
}

const MONTH_NAMES = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i;
const CALENDAR = '[role="dialog"],[role="grid"],table,[class*="calendar" i],[class*="datepicker" i]';
const DAY_CELL = 'button,td,[role="gridcell"],[role="button"],[role="option"]';
const OUTSIDE = /outside|other-month|prev-month|next-month|disabled|muted/i;

/** The open calendar popup: the smallest visible container of at least 28 day cells. */
function openCalendar(doc: Document): Element | null {
  const candidates = deepElements(doc).filter(
    (el) => el.matches(CALENDAR) && isVisible(el) && dayCells(el).length >= 28,
  );
  return candidates.find((c) => !candidates.some((other) => other !== c && c.contains(other))) ?? null;
}

function dayCells(calendar: Element): HTMLElement[] {
  return Array.from(calendar.querySelectorAll<HTMLElement>(DAY_CELL)).filter(
    (c) => /^\d{1,2}$/.test(textOf(c)) && !c.querySelector(DAY_CELL),
  );
}

/** The month a calendar shows, as YYYY-MM, from its heading ("January 2027"). */
function shownMonth(calendar: Element): string | null {
  let root: Element | null = calendar;
  for (let level = 0; root && level < 3; level++, root = root.parentElement) {
    const m = MONTH_NAMES.exec(textOf(root));
    if (m) return `${m[2]}-${String(monthNumber(m[1]!)).padStart(2, '0')}`;
  }
  return null;
}

/** Picks `iso` in the calendar the read-only input opens: moves month by month, clicks the day. */
async function pickFromCalendar(input: HTMLInputElement, iso: string): Promise<FillOutcome> {
  await driver().click(input);
  const failed = async (why: string): Promise<FillOutcome> => {
    await closePopup(input);
    return { ok: false, reason: `the calendar of this date field ${why}` };
  };
  for (let moves = 0; moves < 48; moves++) {
    const calendar = await waitFor(() => openCalendar(input.ownerDocument), 1_500);
    if (!calendar) return failed('did not open');
    const month = shownMonth(calendar);
    if (!month) return failed('names no month');
    const target = iso.slice(0, 7);
    if (month === target) {
      const day = dayCells(calendar).find(
        (c) =>
          Number(textOf(c)) === Number(iso.slice(8)) &&
          !OUTSIDE.test(c.className) &&
          c.getAttribute('aria-disabled') !== 'true' &&
          !(c as HTMLButtonElement).disabled,
      );
      if (!day) return failed(`offers no ${iso}`);
      await driver().click(day);
      await waitFor(() => input.value.trim(), 1_000);
      await driver().blur(input);
      return { ok: true, value: input.value };
    }
    const forward = target > month;
    const nav = Array.from(
      calendar.parentElement?.querySelectorAll<HTMLElement>('button,[role="button"],a') ?? [],
    ).find(
      (b) =>
        isVisible(b) &&
        (forward ? NEXT_MONTH : PREVIOUS_MONTH).test(`${textOf(b)} ${b.getAttribute('aria-label') ?? ''} ${b.title}`),
    );
    if (!nav) return failed(`cannot move to ${target}`);
    await driver().click(nav);
    await waitFor(() => shownMonth(calendar) !== month || !calendar.isConnected, 1_000);
  }
  return failed(`never reached ${iso}`);
}

const NEXT_MONTH = /\bnext\b|›|»|→|^\s*>\s*$/i;
const PREVIOUS_MONTH = /\bprev(ious)?\b|‹|«|←|^\s*<\s*$/i;

/** One part of a split date: the option or text that means `want` (a number: 1 = January). */
async function fillDatePart(el: HTMLElement, part: string, want: number): Promise<boolean> {
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    const options = Array.from(select.options).filter((o) => !isPlaceholderOption(o.text, o.value));
    const means = (text: string) => (part === 'month' ? monthNumber(text) : Number(text.trim()));
    const option = options.find((o) => means(o.text) === want) ?? options.find((o) => means(o.value) === want);
    if (!option) return false;
    await driver().select(select, option.value);
    await driver().blur(select);
    return true;
  }
  const text = part === 'year' ? String(want) : String(want).padStart(2, '0');
  if (el.getAttribute('role') === 'spinbutton') await driver().type(el as HTMLInputElement, text);
  else await driver().fill(el as HTMLInputElement, text);
  await driver().blur(el);
  return true;
}

/** The answer in a native date, month or datetime-local input's own format ("2027-01-15T14:30"), or null. */
function nativeDate(type: string, text: string): string | null {
  if (type === 'datetime-local') return isoDateTime(text);
  const iso = toIsoDate(text);
  return iso && type === 'month' ? iso.slice(0, 7) : iso;
}

/** The select's option `option`, chosen as a person would: in the select, or in the kit's widget that hides it. */
async function chooseOne(select: HTMLSelectElement, option: DiscoveredField['options'][number]): Promise<void> {
  const value = (option.element as HTMLOptionElement).value;
  // A select a kit hides: picked in the kit's own dropdown, which must then have set the select.
  const toggle = isVisible(select) ? null : selectWidget(select)?.opener;
  if (toggle && !norm(textOf(toggle)).includes(norm(option.label))) {
    await pickInMenu(toggle, option.label);
    if (await waitFor(() => select.value === value, 1_000)) return;
  }
  await driver().select(select, value);
  await driver().blur(select);
}

/**
 * Ctrl-clicks each option of a multi-select whose state differs from the answer (a person's way);
 * one a kit hides (Select2's tags) gets each missing option picked in the kit's dropdown.
 */
async function chooseMany(select: HTMLSelectElement, wanted: HTMLElement[]): Promise<void> {
  const toggle = isVisible(select) ? null : selectWidget(select)?.opener;
  for (const option of Array.from(select.options)) {
    if (option.disabled || option.selected === wanted.includes(option)) continue;
    if (toggle && !option.selected) {
      await pickInMenu(toggle, option.text);
      if (await waitFor(() => option.selected, 1_000)) continue;
    }
    await driver().clickToAdd(option);
  }
  await driver().blur(select);
}

function toIsoDate(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** An ISO date written in the field's own pattern ("MM/DD/YYYY"), or ISO for a native date input. */
function formatDate(iso: string, pattern = 'YYYY-MM-DD'): string {
  const [year, month, day] = iso.split('-') as [string, string, string];
  return pattern.replace('YYYY', year).replace('MM', month).replace('DD', day);
}

/** Puts `value` into `field`. Option fields take the option that means the value. */
export async function fillField(field: DiscoveredField, value: FillValue): Promise<FillOutcome> {
  const el = field.element;
  switch (field.widget) {
    case 'file':
      if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'expected a file' };
      return uploadFile(el as HTMLInputElement, value);
    case 'date_parts': {
      const iso = toIsoDate(wantedText(value));
      if (!iso) return { ok: false, reason: `"${wantedText(value)}" is not a date` };
      const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
      for (const part of field.options) {
        const want = part.label === 'year' ? year : part.label === 'month' ? month : day;
        if (!(await fillDatePart(part.element, part.label, want)))
          return { ok: false, reason: `the ${part.label} of "${field.label}" offers no ${want}` };
      }
      return { ok: true, value: field.options.some((o) => o.label === 'day') ? iso : iso.slice(0, 7) };
    }
    case 'text': {
      const input = el as HTMLInputElement;
      const text = wantedText(value);
      await driver().fill(input, (input.type === 'time' && time24(text)) || text);
      await driver().blur(input);
      return { ok: true, value: input.value };
    }
    case 'date': {
      const input = el as HTMLInputElement;
      const native = /^(month|datetime-local)$/.test(input.type);
      const iso = native ? nativeDate(input.type, wantedText(value)) : toIsoDate(wantedText(value));
      if (!iso) return { ok: false, reason: `"${wantedText(value)}" is not a date` };
      if (input.readOnly) return pickFromCalendar(input, iso);
      const written = native ? iso : formatDate(iso, field.dateFormat);
      await driver().fill(el as HTMLInputElement, written);
      await driver().blur(el);
      return { ok: true, value: written };
    }
    case 'select': {
      const select = el as HTMLSelectElement;
      const values = Array.isArray(value) ? value : [value];
      const chosen = values.map((v) => pick(field.options, v)).filter((o) => o !== null);
      if (!chosen.length) return noOption(field, value);
      if (select.multiple)
        await chooseMany(
          select,
          chosen.map((o) => o.element),
        );
      else await chooseOne(select, chosen[0]!);
      return { ok: true, value: chosen.map((o) => o.label).join(', ') };
    }
    case 'checkbox': {
      const want = typeof value === 'boolean' ? value : /^(yes|true|1|on|checked)$/i.test(wantedText(value));
      if (isSelected(el) !== want) await driver().click(el);
      return { ok: true, value: want ? 'true' : 'false' };
    }
    case 'checkbox_group': {
      const values = Array.isArray(value) ? value : [value];
      const chosen = values.map((v) => pick(field.options, v)).filter((o) => o !== null);
      if (!chosen.length) return noOption(field, value);
      for (const o of chosen) if (!isSelected(o.element)) await driver().click(o.element);
      return { ok: true, value: chosen.map((o) => o.label).join(', ') };
    }
    case 'radio':
    case 'buttons': {
      const chosen = pick(field.options, value);
      if (!chosen) return noOption(field, value);
      if (!isSelected(chosen.element)) await driver().click(chosen.element);
      return { ok: true, value: chosen.label };
    }
    case 'combobox':
      return Array.isArray(value) && value.length > 1 ? fillTags(field, value) : fillCombobox(field, value);
  }
}
