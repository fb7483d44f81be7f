// Field discovery: every control a user could fill, grouped the way a user sees it (a radio group
// is one question), with its accessible name, type, options and required flag.
import type { FieldType } from '@jobswipe/protocol';
import { accessibleName, groupLabel, nearbyText, optionLabel, ownText } from './accessible-name.ts';
import { byIdInRoot, deepElements, isVisible, parentElement, textOf } from './dom.ts';
import type { DiscoveredField } from './types.ts';

const TEXT_TYPES: Record<string, FieldType> = {
  text: 'text',
  search: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  '': 'text',
};
const HONEYPOT = /honeypot|leave (this )?(field )?(blank|empty)|do not (fill|enter)|bot[-_ ]?field|^hp[-_]|fax_only/i;
const PLACEHOLDER_OPTION =
  /^(select|choose|please select|please choose|--|—|-+$|select one|select an option|none selected)/i;
/** A date typed as text shows its format as the placeholder. */
const DATE_PLACEHOLDER = /\b(mm\/dd\/yyyy|dd\/mm\/yyyy|yyyy-mm-dd|dd\.mm\.yyyy)\b/i;
const BUTTON_GROUP_TEXT = /^.{1,40}$/;
const NAVIGATION_TEXT =
  /^(next|back|previous|continue|submit|apply|save|cancel|close|upload|attach|remove|delete|clear|add|enter manually|paste)/i;

export function isPlaceholderOption(text: string, value = 'x'): boolean {
  return value === '' || PLACEHOLDER_OPTION.test(text.trim());
}

/** Strips required markers from a label for display and keying. */
export function cleanLabel(label: string): string {
  return label
    .replace(/\(required\)|\(optional\)/gi, '')
    .replace(/\s*[*✱]+\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function hintsOf(el: Element): string {
  return ['name', 'id', 'autocomplete', 'placeholder', 'data-automation-id', 'data-qa', 'data-testid']
    .map((attr) => el.getAttribute(attr) ?? '')
    .join(' ')
    .toLowerCase();
}

function markedRequired(el: Element, label: string): boolean {
  return (
    (el as HTMLInputElement).required === true ||
    el.getAttribute('aria-required') === 'true' ||
    /[*✱]|\(required\)/i.test(label)
  );
}

function isHoneypot(el: Element, label: string): boolean {
  return HONEYPOT.test(hintsOf(el)) || HONEYPOT.test(label);
}

function field(
  el: HTMLElement,
  label: string,
  type: FieldType,
  widget: DiscoveredField['widget'],
  options: DiscoveredField['options'] = [],
  required = markedRequired(el, label),
): DiscoveredField {
  const placeholder = el.getAttribute('placeholder')?.trim();
  return {
    label: cleanLabel(label),
    hints: hintsOf(el),
    ...(placeholder ? { placeholder } : {}),
    type,
    required,
    element: el,
    options,
    widget,
  };
}

/** The question a radio/checkbox group asks: its legend, group label or the text before it. */
function groupQuestion(first: Element): string {
  const group = groupLabel(first);
  if (group) return group;
  const container = first.closest('[role="radiogroup"],[role="group"],fieldset') ?? parentElement(first);
  return (container && nearbyText(container)) || accessibleName(first);
}

function yesNo(options: DiscoveredField['options']): boolean {
  const labels = options.map((o) => o.label.trim().toLowerCase());
  return labels.length === 2 && labels.includes('yes') && labels.includes('no');
}

/** Radio and checkbox inputs sharing a name are one question. */
function groupInputs(inputs: HTMLInputElement[], kind: 'radio' | 'checkbox'): DiscoveredField[] {
  // Same name in the same document or shadow root is one group; an unnamed input stands alone.
  const groups = new Map<Node, Map<string, HTMLInputElement[]>>();
  for (const input of inputs) {
    const root = input.getRootNode();
    const byName = groups.get(root) ?? new Map<string, HTMLInputElement[]>();
    groups.set(root, byName);
    const key = input.name || `#${byName.size}`;
    byName.set(key, [...(byName.get(key) ?? []), input]);
  }
  const out: DiscoveredField[] = [];
  for (const list of [...groups.values()].flatMap((byName) => [...byName.values()])) {
    const first = list[0]!;
    const visible = list.some((i) => isVisible(i) || isVisible(i.closest('label') ?? i.parentElement ?? i));
    if (!visible) continue;
    const options = list.map((i) => ({ label: cleanLabel(optionLabel(i)), element: i as HTMLElement }));
    if (kind === 'checkbox' && list.length === 1) {
      const label = accessibleName(first);
      if (isHoneypot(first, label)) continue;
      out.push(field(first, label, 'checkbox', 'checkbox', options));
      continue;
    }
    const question = groupQuestion(first);
    if (isHoneypot(first, question)) continue;
    const required = list.some((i) => markedRequired(i, '')) || markedRequired(first, question);
    const type: FieldType = kind === 'checkbox' ? 'checkbox_group' : yesNo(options) ? 'yes_no' : 'radio';
    out.push(field(first, question, type, kind === 'checkbox' ? 'checkbox_group' : 'radio', options, required));
  }
  return out;
}

/** Groups of plain buttons that act as a choice (Ashby's Yes/No), recognised by their container. */
function buttonGroups(elements: Element[]): DiscoveredField[] {
  const out: DiscoveredField[] = [];
  const seen = new Set<Element>();
  for (const el of elements) {
    if (el.tagName !== 'BUTTON' || seen.has(el.parentElement ?? el)) continue;
    const container = el.parentElement;
    if (!container) continue;
    seen.add(container);
    const buttons = Array.from(container.children).filter(
      (c): c is HTMLButtonElement => c.tagName === 'BUTTON' && (c as HTMLButtonElement).type === 'button',
    );
    if (buttons.length < 2 || buttons.length > 8 || buttons.length !== container.children.length) continue;
    const texts = buttons.map((b) => textOf(b));
    if (texts.some((t) => !BUTTON_GROUP_TEXT.test(t) || NAVIGATION_TEXT.test(t))) continue;
    if (!buttons.some(isVisible)) continue;
    const question =
      container.getAttribute('aria-label') ??
      (groupLabel(container) || nearbyText(container) || accessibleName(container));
    const options = buttons.map((b, i) => ({ label: texts[i]!, element: b as HTMLElement }));
    const required = markedRequired(container, question);
    out.push(
      field(container as HTMLElement, question, yesNo(options) ? 'yes_no' : 'radio', 'buttons', options, required),
    );
  }
  return out;
}

/** Options of an ARIA combobox's listbox, when it is rendered. */
export function listboxOptions(combobox: Element): DiscoveredField['options'] {
  const ids = `${combobox.getAttribute('aria-controls') ?? ''} ${combobox.getAttribute('aria-owns') ?? ''}`.trim();
  const boxes = ids
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => byIdInRoot(combobox, id))
    .filter((b): b is Element => b !== null);
  const options = boxes.flatMap((box) => Array.from(box.querySelectorAll('[role="option"]')));
  return options
    .filter((o) => o.getAttribute('aria-disabled') !== 'true')
    .map((o) => ({ label: cleanLabel(textOf(o)), element: o as HTMLElement }));
}

/** Every fillable field under `root` (the whole page by default), in document order. */
export function discoverFields(root?: Document | Element): DiscoveredField[] {
  const elements = deepElements(root).filter((el) => !el.closest('[role="listbox"],[role="menu"],template'));
  const fields: Array<DiscoveredField & { order: number }> = [];
  const order = new Map<Element, number>(elements.map((el, i) => [el, i]));
  const push = (f: DiscoveredField) =>
    fields.push({ ...f, order: order.get(f.element) ?? order.get(f.options[0]?.element as Element) ?? 0 });
  const radios: HTMLInputElement[] = [];
  const checkboxes: HTMLInputElement[] = [];

  for (const el of elements) {
    if (el.tagName === 'INPUT') {
      const input = el as HTMLInputElement;
      const type = (input.getAttribute('type') ?? '').toLowerCase();
      if (type === 'radio') radios.push(input);
      else if (type === 'checkbox') checkboxes.push(input);
      else if (type === 'file') {
        if (!input.disabled) push(field(input, accessibleName(input), 'file', 'file'));
      } else if (type in TEXT_TYPES) {
        if (input.disabled || input.readOnly || !isVisible(input)) continue;
        const label = accessibleName(input);
        if (isHoneypot(input, label)) continue;
        const dateFormat = DATE_PLACEHOLDER.exec(input.placeholder)?.[0];
        if (input.getAttribute('role') === 'combobox') push(field(input, label, 'combobox', 'combobox'));
        else if (dateFormat) push({ ...field(input, label, 'date', 'date'), dateFormat: dateFormat.toUpperCase() });
        else push(field(input, label, TEXT_TYPES[type] ?? 'text', type === 'date' ? 'date' : 'text'));
      }
    } else if (el.tagName === 'TEXTAREA') {
      const area = el as HTMLTextAreaElement;
      if (area.disabled || area.readOnly || !isVisible(area)) continue;
      const label = accessibleName(area);
      if (!isHoneypot(area, label)) push(field(area, label, 'textarea', 'text'));
    } else if (el.tagName === 'SELECT') {
      const select = el as HTMLSelectElement;
      if (select.disabled || !isVisible(select)) continue;
      const label = accessibleName(select);
      if (isHoneypot(select, label)) continue;
      const options = Array.from(select.options)
        .filter((o) => !o.disabled && !isPlaceholderOption(o.text, o.value))
        .map((o) => ({ label: cleanLabel(o.text), element: o as HTMLElement }));
      push(field(select, label, select.multiple ? 'checkbox_group' : 'select', 'select', options));
    } else if (el.getAttribute('role') === 'radiogroup') {
      const radiosInGroup = Array.from(el.querySelectorAll('[role="radio"]')) as HTMLElement[];
      if (!radiosInGroup.length || !isVisible(el)) continue;
      const options = radiosInGroup.map((r) => ({ label: cleanLabel(optionLabel(r) || textOf(r)), element: r }));
      const label = accessibleName(el) || nearbyText(el);
      push(field(el as HTMLElement, label, yesNo(options) ? 'yes_no' : 'radio', 'buttons', options));
    } else if (
      (el.getAttribute('role') === 'combobox' || el.getAttribute('aria-haspopup') === 'listbox') &&
      el.tagName !== 'INPUT' &&
      isVisible(el)
    ) {
      push(field(el as HTMLElement, accessibleName(el), 'combobox', 'combobox', listboxOptions(el)));
    }
  }
  for (const f of groupInputs(radios, 'radio')) push(f);
  for (const f of groupInputs(checkboxes, 'checkbox')) push(f);
  for (const f of buttonGroups(elements)) push(f);
  return fields.sort((a, b) => a.order - b.order).map(({ order: _order, ...f }) => f);
}

/** A chosen option of a button group or ARIA radio group (each library marks it its own way). */
export function isSelected(el: Element): boolean {
  return (
    (el as HTMLInputElement).checked === true ||
    el.getAttribute('aria-pressed') === 'true' ||
    el.getAttribute('aria-checked') === 'true' ||
    el.getAttribute('aria-selected') === 'true' ||
    el.getAttribute('data-selected') === 'true' ||
    /\b(selected|active|is-selected|checked)\b/i.test(el.getAttribute('class') ?? '')
  );
}

/** Searchable pickers clear their box once an option is picked and show the pick as a chip beside it. */
const CHIP =
  '[data-automation-id="selectedItem"],[role="option"][aria-selected="true"],[class*="chip" i],[class*="pill" i],[class*="tag" i]';

function chosenChips(input: Element): string {
  let container = parentElement(input);
  for (let i = 0; i < 2 && container; i++) {
    const chips = Array.from(container.querySelectorAll(CHIP)).filter((c) => !c.contains(input) && isVisible(c));
    if (chips.length) return chips.map((c) => ownText(c) || textOf(c)).join(', ');
    container = parentElement(container);
  }
  return '';
}

/** What the field holds now, as text ('' when empty or on a placeholder option). */
export function currentValue(f: DiscoveredField): string {
  const el = f.element;
  switch (f.widget) {
    case 'text':
    case 'date':
      return (el as HTMLInputElement).value.trim();
    case 'select': {
      const select = el as HTMLSelectElement;
      return Array.from(select.selectedOptions)
        .filter((o) => !isPlaceholderOption(o.text, o.value))
        .map((o) => o.text.trim())
        .join(', ');
    }
    case 'radio':
    case 'checkbox_group':
      return f.options
        .filter((o) => (o.element as HTMLInputElement).checked)
        .map((o) => o.label)
        .join(', ');
    case 'checkbox':
      return (el as HTMLInputElement).checked ? 'true' : '';
    case 'buttons':
      return f.options
        .filter((o) => isSelected(o.element))
        .map((o) => o.label)
        .join(', ');
    case 'combobox': {
      const text = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : ownText(el) || textOf(el);
      if (text.trim() && !isPlaceholderOption(text, text)) return text.trim();
      return el.tagName === 'INPUT' ? chosenChips(el) : '';
    }
    case 'file':
      return Array.from((el as HTMLInputElement).files ?? [])
        .map((file) => file.name)
        .join(', ');
  }
}
