// Filling so that React and other frameworks register the value: the prototype's native value
// setter plus input/change events (a plain `.value =` is swallowed by React's value tracker),
// real click sequences for custom widgets, and per-key typing where an autocomplete listens.
import { isSelected, listboxOptions } from './discover.ts';
import { deepElements, delay, isVisible, textOf, waitFor, windowOf } from './dom.ts';
import { matchOption, norm } from './option-match.ts';
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
export function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
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

async function fillCombobox(field: DiscoveredField, value: FillValue): Promise<FillOutcome> {
  const el = field.element;
  const isInput = el.tagName === 'INPUT';
  realClick(el);
  if (isInput) fire(el, 'keydown', { key: 'ArrowDown' } as KeyboardEventInit);
  // A select-like combobox lists every option once open; a searchable one needs typing first.
  let chosen = await waitFor(() => chooseFrom(openOptions(el), value), isInput ? 250 : 800);
  const search = searchText(value);
  if (!chosen && isInput && search) {
    await typeKeys(el as HTMLInputElement, search);
    chosen = await waitFor(() => chooseFrom(openOptions(el), value), 3_000);
  }
  if (!chosen) {
    const typed = typeof value === 'string' && isInput && !openOptions(el).length;
    if (typed) {
      // A free-text combobox with no suggestions keeps what was typed.
      typeValue(el as HTMLInputElement, value as string);
      blur(el);
      return { ok: true, value: value as string };
    }
    if (isInput) {
      setNativeValue(el as HTMLInputElement, '');
      fire(el, 'input');
    }
    fire(el, 'keydown', { key: 'Escape' } as KeyboardEventInit);
    return { ok: false, reason: `no option of "${field.label}" matches "${wantedText(value)}"` };
  }
  realClick(chosen.element);
  await waitFor(() => !isVisible(chosen.element) || !chosen.element.isConnected, 1_000);
  if (isInput) blur(el);
  return { ok: true, value: chosen.label };
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

function uploadFile(input: HTMLInputElement, file: FilePayload): FillOutcome {
  const view = windowOf(input);
  const bytes = Uint8Array.from(view.atob(file.base64), (c) => c.charCodeAt(0));
  const transfer = new view.DataTransfer();
  transfer.items.add(new view.File([bytes], file.name, { type: file.mime }));
  input.files = transfer.files;
  fire(input, 'input');
  fire(input, 'change');
  return { ok: true, value: file.name };
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
    case 'text': {
      const input = el as HTMLInputElement;
      typeValue(input, wantedText(value));
      blur(input);
      return { ok: true, value: input.value };
    }
    case 'date': {
      const iso = toIsoDate(wantedText(value));
      if (!iso) return { ok: false, reason: `"${wantedText(value)}" is not a date` };
      const written = formatDate(iso, field.dateFormat);
      typeValue(el as HTMLInputElement, written);
      blur(el);
      return { ok: true, value: written };
    }
    case 'select': {
      const select = el as HTMLSelectElement;
      const values = Array.isArray(value) ? value : [value];
      const chosen = values.map((v) => pick(field.options, v)).filter((o) => o !== null);
      if (!chosen.length) return noOption(field, value);
      select.focus();
      if (select.multiple) for (const o of chosen) (o.element as HTMLOptionElement).selected = true;
      else setNativeValue(select, (chosen[0]!.element as HTMLOptionElement).value);
      fire(select, 'input');
      blur(select);
      return { ok: true, value: chosen.map((o) => o.label).join(', ') };
    }
    case 'checkbox': {
      const want = typeof value === 'boolean' ? value : /^(yes|true|1|on|checked)$/i.test(wantedText(value));
      if (isSelected(el) !== want) realClick(el);
      return { ok: true, value: want ? 'true' : 'false' };
    }
    case 'checkbox_group': {
      const values = Array.isArray(value) ? value : [value];
      const chosen = values.map((v) => pick(field.options, v)).filter((o) => o !== null);
      if (!chosen.length) return noOption(field, value);
      for (const o of chosen) if (!isSelected(o.element)) realClick(o.element);
      return { ok: true, value: chosen.map((o) => o.label).join(', ') };
    }
    case 'radio':
    case 'buttons': {
      const chosen = pick(field.options, value);
      if (!chosen) return noOption(field, value);
      if (!isSelected(chosen.element)) realClick(chosen.element);
      return { ok: true, value: chosen.label };
    }
    case 'combobox':
      return fillCombobox(field, value);
  }
}
