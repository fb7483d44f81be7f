// Field discovery: every control a user could fill, grouped the way a user sees it (a radio group
// is one question), with its accessible name, type, options and required flag.
import type { FieldType } from '@jobswipe/protocol';
import {
  accessibleName,
  CONTROLS,
  groupLabel,
  nearbyText,
  optionLabel,
  orphanLabel,
  ownText,
} from './accessible-name.ts';
import { byIdInRoot, deepElements, isVisible, parentElement, textOf, textWithout } from './dom.ts';
import type { DiscoveredField } from './types.ts';

const TEXT_TYPES: Record<string, FieldType> = {
  text: 'text',
  search: 'text',
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  month: 'date',
  'datetime-local': 'date',
  time: 'text',
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

/**
 * A "Required" badge after the question (a visually hidden span, Workable's "First name Required"):
 * a marker, no part of the question. Capitalised or set off by a comma or dash, so "…sponsorship
 * required" keeps its words.
 */
const REQUIRED_BADGE = /(\s*[,–-]\s*|\s+)Required\s*$|\s*[,–-]\s*required\s*$/;

/** Strips required markers from a label for display and keying. */
export function cleanLabel(label: string): string {
  return label
    .replace(/\(required\)|\(optional\)/gi, '')
    .replace(REQUIRED_BADGE, '')
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

/** "Required" said in the accessible name ("Email (Required)", "Email, required"), or a marker. */
const REQUIRED_NAME = /[*✱]|\(required\)|(^|[,\s-])required\s*$|^required\b/i;
const REQUIRED_MARK = /[*✱]|\brequired\b/i;
const LABELS = 'label,legend,[class*="label" i],[id*="label" i],[data-automation-id*="label" i]';

/** A class saying required (`required`, `is-required`, BambooHR's `fab-Label--required`), not `not-required`. */
const REQUIRED_CLASS = /^(?!.*(not|non|un)[-_]?required)(.*[-_])?required$/i;

function requiredClass(el: Element): boolean {
  return Array.from(el.classList).some((c) => REQUIRED_CLASS.test(c));
}

/** An asterisk drawn by the stylesheet (`label::after { content: "*" }`): in no text, seen by every user. */
function styledMark(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  return ['::after', '::before'].some((pseudo) => /[*✱]/.test(view.getComputedStyle(el, pseudo).content));
}

/** A label that says its field is required: a marker in its text, its class or its stylesheet. */
function labelMarksRequired(l: Element): boolean {
  const text = l.textContent ?? '';
  if (text.trim().length >= 300) return false;
  return REQUIRED_MARK.test(text) || requiredClass(l) || styledMark(l);
}

/**
 * Required-ness from every signal pages use: the control's own attribute, "Required" or a marker
 * in its name, and on the wrapper that holds this field alone: `aria-required` or a required class
 * on a div, or a marker the label hides from the accessible name (an `aria-hidden` asterisk, a
 * legend's `*`, a class, an asterisk the stylesheet draws).
 */
function markedRequired(el: Element, label: string, own: Element[] = [el]): boolean {
  if ((el as HTMLInputElement).required === true || el.getAttribute('aria-required') === 'true') return true;
  if (REQUIRED_NAME.test(label)) return true;
  for (let node = parentElement(el), level = 0; node && level < 5; node = parentElement(node), level++) {
    if (node.tagName === 'FORM' || node.tagName === 'BODY') break;
    const others = Array.from(node.querySelectorAll(CONTROLS)).some(
      (c) => !own.includes(c) && !own.some((o) => o.contains(c)) && c !== node,
    );
    if (others) break;
    if (node.getAttribute('aria-required') === 'true' || requiredClass(node)) return true;
    // An option's own label says nothing about the group; a single control's wrapping label does.
    const labels = Array.from(node.querySelectorAll(LABELS)).filter(
      (l) => own.length === 1 || !own.some((o) => l.contains(o)),
    );
    if (labels.some(labelMarksRequired)) return true;
  }
  return false;
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
function groupQuestion(first: Element, own: Element[] = [first]): string {
  const group = groupLabel(first) || orphanLabel(first, own);
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
    const question = groupQuestion(first, list);
    if (isHoneypot(first, question)) continue;
    const required = list.some((i) => markedRequired(i, '', list)) || markedRequired(first, question, list);
    const type: FieldType = kind === 'checkbox' ? 'checkbox_group' : yesNo(options) ? 'yes_no' : 'radio';
    out.push(field(first, question, type, kind === 'checkbox' ? 'checkbox_group' : 'radio', options, required));
  }
  return out;
}

/** A button that chooses rather than acts: `type="button"`, or one that says whether it is pressed. */
function choiceButton(el: Element): el is HTMLElement {
  if (el.tagName !== 'BUTTON' && el.getAttribute('role') !== 'button') return false;
  return el.hasAttribute('aria-pressed') || (el as HTMLButtonElement).type === 'button';
}

/** The buttons of a choice group: the container's children, or each child's only button. */
function groupButtons(container: Element): HTMLElement[] | null {
  const children = Array.from(container.children).filter((c) => c.tagName !== 'INPUT' || isVisible(c));
  const buttons = children.map((c) => {
    if (choiceButton(c)) return c;
    const inner = c.querySelectorAll('button,[role="button"]');
    return inner.length === 1 && choiceButton(inner[0]!) && !c.querySelector('input,select,textarea') ? inner[0] : null;
  });
  if (buttons.some((b) => !b) || buttons.length < 2 || buttons.length > 8) return null;
  return buttons as HTMLElement[];
}

/**
 * Groups of plain buttons that act as a choice (Ashby's Yes/No, `aria-pressed` toggles),
 * recognised by their container; the question is the group's label, a `<label>` that names no
 * control, or the text before the group.
 */
function buttonGroups(elements: Element[]): DiscoveredField[] {
  const out: DiscoveredField[] = [];
  const seen = new Set<Element>();
  for (const el of elements) {
    if (!choiceButton(el)) continue;
    for (const container of [el.parentElement, el.parentElement?.parentElement]) {
      if (!container || seen.has(container)) continue;
      const buttons = groupButtons(container);
      if (!buttons) continue;
      seen.add(container);
      const texts = buttons.map((b) => textOf(b) || b.getAttribute('aria-label')?.trim() || '');
      if (texts.some((t) => !BUTTON_GROUP_TEXT.test(t) || NAVIGATION_TEXT.test(t))) break;
      if (!buttons.some(isVisible)) break;
      const question =
        container.getAttribute('aria-label') ??
        (groupLabel(container) ||
          orphanLabel(container, buttons) ||
          nearbyText(container) ||
          accessibleName(container));
      const options = buttons.map((b, i) => ({ label: texts[i]!, element: b }));
      const required = markedRequired(container, question, [container]);
      out.push(
        field(container as HTMLElement, question, yesNo(options) ? 'yes_no' : 'radio', 'buttons', options, required),
      );
      break;
    }
  }
  return out;
}

/** `div[role=radio]` chips outside any radiogroup: the chips sharing a parent are one question. */
function radioChips(elements: Element[]): DiscoveredField[] {
  const byParent = new Map<Element, HTMLElement[]>();
  for (const el of elements) {
    if (el.getAttribute('role') !== 'radio' || el.closest('[role="radiogroup"]') || el.tagName === 'INPUT') continue;
    const parent = parentElement(el);
    if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), el as HTMLElement]);
  }
  const out: DiscoveredField[] = [];
  for (const [parent, chips] of byParent) {
    if (!chips.some(isVisible)) continue;
    const options = chips.map((r) => ({ label: cleanLabel(optionLabel(r) || textOf(r)), element: r }));
    const question =
      parent.getAttribute('aria-label') ??
      (groupLabel(parent) || orphanLabel(parent, chips) || nearbyText(parent) || accessibleName(parent));
    const required = markedRequired(parent, question, [parent]);
    out.push(field(parent as HTMLElement, question, yesNo(options) ? 'yes_no' : 'radio', 'buttons', options, required));
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

/** "Search", "Type to search", "Start typing…": the box looks answers up, it does not take free text. */
const SEARCH_PLACEHOLDER = /^(search|type to search|start typing|begin typing)\b/i;

/**
 * A text box that picks from a list without saying `role="combobox"`: one that opens a listbox
 * (`aria-haspopup`, Workday's `data-uxi-widget-type="selectinput"`), or a
 * question's box whose placeholder says "Search" (Workday's prompts: "How Did You Hear About Us?"
 * is picked from a two-level list; typed text is dropped).
 */
function searchPicker(input: HTMLInputElement): boolean {
  if (input.getAttribute('aria-haspopup') === 'listbox') return true;
  if (input.getAttribute('data-uxi-widget-type') === 'selectinput') return true;
  return SEARCH_PLACEHOLDER.test(input.placeholder.trim()) && !SEARCH_PLACEHOLDER.test(accessibleName(input));
}

/** A date input the user cannot type in, whose popup calendar sets it. */
export function opensCalendar(input: HTMLInputElement): boolean {
  const popup = input.getAttribute('aria-haspopup');
  return (
    popup === 'dialog' ||
    popup === 'grid' ||
    DATE_PLACEHOLDER.test(input.placeholder) ||
    /date|calendar/i.test(`${hintsOf(input)} ${input.className}`)
  );
}

type DatePart = 'month' | 'day' | 'year';
const PART_WORDS: Array<[DatePart, RegExp]> = [
  ['month', /\b(month|mm|mon)\b/],
  ['day', /\b(day|dd)\b/],
  ['year', /\b(year|yyyy|yy)\b/],
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PART_CONTROL =
  'select,input:not([type]),input[type="text"],input[type="number"],input[type="tel"],[role="spinbutton"]';

/** A month (1–12) from "3", "03", "March" or "Mar", else null. */
export function monthNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 12 ? Number(t) : null;
  const i = MONTHS.indexOf(t.slice(0, 3));
  return i >= 0 && /^[a-z]+\.?$/.test(t) ? i + 1 : null;
}

/** Which part of a split date a control is: by its own words, else by what a select offers. */
function datePart(el: Element): DatePart | null {
  if (!el.matches(PART_CONTROL)) return null;
  const words = [
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    el.getAttribute('name'),
    el.id,
    el.getAttribute('data-automation-id'),
  ]
    .map((w) => (w ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[^A-Za-z]+/g, ' '))
    .join(' ')
    .toLowerCase();
  const byWords = PART_WORDS.filter(([, re]) => re.test(words)).map(([part]) => part);
  if (byWords.length === 1) return byWords[0]!;
  if (el.tagName !== 'SELECT') return null;
  const options = Array.from((el as HTMLSelectElement).options)
    .filter((o) => !isPlaceholderOption(o.text, o.value))
    .map((o) => o.text.trim());
  if (options.length === 12 && options.every((o) => monthNumber(o) !== null)) return 'month';
  if (options.length >= 28 && options.length <= 31 && options.every((o, i) => Number(o) === i + 1)) return 'day';
  if (options.length >= 2 && options.every((o) => /^(19|20)\d\d$/.test(o))) return 'year';
  return null;
}

const PART_NAME = /^(month|day|year|mm|dd|yyyy|yy)$/i;

/**
 * Dates split into month / day / year selects, inputs or spinbuttons (Workday's date sections):
 * one field per date, its parts as options named by what they hold.
 */
function dateGroups(elements: Element[]): DiscoveredField[] {
  const parts = new Map<Element, DatePart>();
  for (const el of elements) {
    const part = datePart(el);
    if (part && isVisible(el) && !(el as HTMLInputElement).disabled) parts.set(el, part);
  }
  const groups = new Map<Element, Element[]>();
  for (const [el, part] of parts) {
    if (part !== 'month') continue;
    for (let node = parentElement(el), level = 0; node && level < 3; node = parentElement(node), level++) {
      const inside = [...parts.keys()].filter((p) => node.contains(p) || node.shadowRoot?.contains(p));
      const kinds = inside.map((p) => parts.get(p));
      if (!kinds.includes('year')) continue;
      if (new Set(kinds).size === kinds.length) groups.set(node, inside);
      break;
    }
  }
  const out: DiscoveredField[] = [];
  for (const [container, members] of groups) {
    const candidates = [
      groupLabel(members[0]!),
      orphanLabel(container, members),
      ...members.map((m) => accessibleName(m)),
      nearbyText(container),
    ];
    const label = candidates.find((c) => c && !PART_NAME.test(cleanLabel(c))) ?? '';
    const options = members.map((m) => ({ label: parts.get(m)!, element: m as HTMLElement }));
    const required = members.some((m) => markedRequired(m, '', members)) || markedRequired(members[0]!, label, members);
    out.push(field(container as HTMLElement, label, 'date', 'date_parts', options, required));
  }
  return out;
}

/**
 * The button a component kit draws over a hidden native select (BambooHR's Fabric keeps the
 * select, `required` and all, for validation and autofill): the one visible popup button in a
 * wrapper that holds no other control.
 */
export function selectToggle(select: HTMLSelectElement): HTMLElement | null {
  for (let node = parentElement(select), level = 0; node && level < 3; node = parentElement(node), level++) {
    const buttons = Array.from(node.querySelectorAll('button[aria-haspopup],[role="button"][aria-haspopup]')).filter(
      isVisible,
    );
    const others = Array.from(node.querySelectorAll('input,textarea,select')).filter(
      (c) => c !== select && isVisible(c),
    );
    if (others.length) return null;
    if (buttons.length === 1) return buttons[0] as HTMLElement;
    if (buttons.length > 1) return null;
  }
  return null;
}

/**
 * What a person clicks to choose in a select a UI kit hides, and the kit's part of the page: the
 * popup button in the select's wrapper (BambooHR), else the widget drawn right beside the select
 * (Select2's selection, Chosen's `<id>_chosen` container, neither a form control) while it shows a
 * prompt or one of the select's options (an empty multiple one: its search box's placeholder).
 */
export function selectWidget(select: HTMLSelectElement): { opener: HTMLElement; container: Element } | null {
  const toggle = selectToggle(select);
  if (toggle) return { opener: toggle, container: toggle };
  const texts = new Set(Array.from(select.options, (o) => o.text.trim().toLowerCase()));
  const beside = [select.nextElementSibling, select.id ? byIdInRoot(select, `${select.id}_chosen`) : null];
  for (const container of beside) {
    if (!container || !isVisible(container) || container.matches(CONTROLS)) continue;
    if (container.querySelector('select,textarea')) continue;
    const opener =
      Array.from(container.querySelectorAll<HTMLElement>('[role="combobox"],[aria-haspopup],a,button,[tabindex]')).find(
        isVisible,
      ) ?? (container as HTMLElement);
    const shown = textOf(opener).trim() || (opener.querySelector('input')?.placeholder.trim() ?? '');
    if (shown && (isPlaceholderOption(shown, shown) || texts.has(shown.toLowerCase()))) return { opener, container };
  }
  return null;
}

/** Every fillable field under `root` (the whole page by default), in document order. */
export function discoverFields(root?: Document | Element): DiscoveredField[] {
  const elements = deepElements(root).filter((el) => !el.closest('[role="listbox"],[role="menu"],template'));
  const fields: Array<DiscoveredField & { order: number }> = [];
  const order = new Map<Element, number>(elements.map((el, i) => [el, i]));
  const push = (f: DiscoveredField) =>
    fields.push({ ...f, order: order.get(f.element) ?? order.get(f.options[0]?.element as Element) ?? 0 });
  // The parts of the page a UI kit draws for a hidden select: that select's field, not fields of their own.
  const kits: Element[] = [];
  const radios: HTMLInputElement[] = [];
  const checkboxes: HTMLInputElement[] = [];
  const dates = dateGroups(elements);
  const inDate = new Set(dates.flatMap((f) => f.options.map((o) => o.element as Element)));
  for (const f of dates) push(f);

  for (const el of elements) {
    if (inDate.has(el) || kits.some((k) => k.contains(el))) continue;
    if (el.tagName === 'INPUT') {
      const input = el as HTMLInputElement;
      const type = (input.getAttribute('type') ?? '').toLowerCase();
      if (type === 'radio') radios.push(input);
      else if (type === 'checkbox') checkboxes.push(input);
      else if (type === 'file') {
        if (!input.disabled) push(field(input, accessibleName(input), 'file', 'file'));
      } else if (type in TEXT_TYPES) {
        // A read-only input that opens a calendar is filled by picking the day in it.
        const combobox = input.getAttribute('role') === 'combobox' || searchPicker(input);
        if (input.disabled || (input.readOnly && !combobox && !opensCalendar(input)) || !isVisible(input)) continue;
        const label = accessibleName(input);
        if (isHoneypot(input, label)) continue;
        const dateFormat = DATE_PLACEHOLDER.exec(input.placeholder)?.[0];
        if (combobox) push(field(input, label, 'combobox', 'combobox'));
        else if (input.readOnly) push(field(input, label, 'date', 'date'));
        else if (dateFormat) push({ ...field(input, label, 'date', 'date'), dateFormat: dateFormat.toUpperCase() });
        else push(field(input, label, TEXT_TYPES[type] ?? 'text', TEXT_TYPES[type] === 'date' ? 'date' : 'text'));
      }
    } else if (el.tagName === 'TEXTAREA') {
      const area = el as HTMLTextAreaElement;
      if (area.disabled || area.readOnly || !isVisible(area)) continue;
      const label = accessibleName(area);
      if (!isHoneypot(area, label)) push(field(area, label, 'textarea', 'text'));
    } else if (el.tagName === 'SELECT') {
      const select = el as HTMLSelectElement;
      if (select.disabled) continue;
      const widget = isVisible(select) ? null : selectWidget(select);
      if (!isVisible(select) && !widget) continue;
      if (widget) kits.push(widget.container);
      const toggle = widget?.opener;
      // The kit's button may be named by what it shows (Select2's): then the select's label asks.
      const asked = toggle ? pickerQuestion(accessibleName(toggle), textOf(toggle)) : '';
      const label = asked && asked !== textOf(toggle ?? select) ? asked : accessibleName(select) || asked;
      if (isHoneypot(toggle ?? select, label)) continue;
      const options = Array.from(select.options)
        .filter((o) => !o.disabled && !isPlaceholderOption(o.text, o.value))
        .map((o) => ({ label: cleanLabel(o.text), element: o as HTMLElement }));
      push(field(select, label, select.multiple ? 'checkbox_group' : 'select', 'select', options));
    } else if (el.getAttribute('role') === 'radiogroup') {
      const radiosInGroup = Array.from(el.querySelectorAll('[role="radio"]')) as HTMLElement[];
      if (!radiosInGroup.length || !isVisible(el)) continue;
      const options = radiosInGroup.map((r) => ({ label: cleanLabel(optionLabel(r) || textOf(r)), element: r }));
      const label = accessibleName(el) || orphanLabel(el) || nearbyText(el);
      const required = markedRequired(el, label, [el]);
      push(field(el as HTMLElement, label, yesNo(options) ? 'yes_no' : 'radio', 'buttons', options, required));
    } else if (el.getAttribute('role') === 'checkbox' && isVisible(el)) {
      // A checkbox drawn by a component kit (`<button role="checkbox" aria-checked>`): no input to find.
      const label = accessibleName(el) || orphanLabel(el) || nearbyText(el);
      if (!isHoneypot(el, label))
        push(field(el as HTMLElement, label, 'checkbox', 'checkbox', [{ label, element: el as HTMLElement }]));
    } else if (
      (el.getAttribute('role') === 'combobox' || el.getAttribute('aria-haspopup') === 'listbox') &&
      el.tagName !== 'INPUT' &&
      isVisible(el)
    ) {
      const name = accessibleName(el);
      push(
        field(
          el as HTMLElement,
          pickerQuestion(name, textOf(el)),
          'combobox',
          'combobox',
          listboxOptions(el),
          markedRequired(el, name),
        ),
      );
    }
  }
  for (const f of groupInputs(radios, 'radio')) push(f);
  for (const f of groupInputs(checkboxes, 'checkbox')) push(f);
  for (const f of buttonGroups(elements)) push(f);
  for (const f of radioChips(elements)) push(f);
  return fields.sort((a, b) => a.order - b.order).map(({ order: _order, ...f }) => f);
}

/**
 * The question a listbox button asks. Workday names it "State Select One Required": the question,
 * what the button shows (its placeholder, later the pick) and the required flag. The shown text
 * and that flag are no part of the question, which must read the same before and after a pick.
 */
function pickerQuestion(name: string, shown: string): string {
  const question = shown && name !== shown ? name.replace(shown, ' ') : name;
  return (
    question
      .replace(/[,\s-]+required\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim() || name
  );
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
      return isSelected(el) ? 'true' : '';
    case 'buttons':
      return f.options
        .filter((o) => isSelected(o.element))
        .map((o) => o.label)
        .join(', ');
    case 'combobox': {
      const text = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : ownText(el) || textOf(el);
      if (text.trim() && !isPlaceholderOption(text, text)) return text.trim();
      return el.tagName === 'INPUT' ? chosenChips(el) || shownValue(el) : '';
    }
    case 'file': {
      const names = Array.from((el as HTMLInputElement).files ?? []).map((file) => file.name);
      return names.length ? names.join(', ') : uploadedNames(el);
    }
    case 'date_parts':
      return datePartsValue(f);
  }
}

/** A split date as YYYY-MM-DD (YYYY-MM without a day part), '' while a part is empty. */
function datePartsValue(f: DiscoveredField): string {
  const read = (name: DatePart): string => {
    const el = f.options.find((o) => o.label === name)?.element;
    if (!el) return '';
    if (el.tagName === 'SELECT') {
      const option = (el as HTMLSelectElement).selectedOptions[0];
      return option && !isPlaceholderOption(option.text, option.value) ? option.text.trim() : '';
    }
    return (el as HTMLInputElement).value?.trim() ?? el.getAttribute('aria-valuenow') ?? '';
  };
  const [year, month, day] = [read('year'), monthNumber(read('month')), read('day')];
  if (!/^\d{4}$/.test(year) || !month) return '';
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (!f.options.some((o) => o.label === 'day')) return ym;
  return /^\d{1,2}$/.test(day) ? `${ym}-${day.padStart(2, '0')}` : '';
}

/** What names or describes a control (its label, hint, error message): never the value it shows. */
function aboutIds(input: Element): string[] {
  return ['aria-labelledby', 'aria-describedby', 'aria-errormessage'].flatMap((a) =>
    (input.getAttribute(a) ?? '').split(/\s+/).filter(Boolean),
  );
}

const NOT_A_VALUE = '[class*="placeholder" i],[aria-hidden="true"],svg,[role="alert"],[aria-live],[class*="error" i]';

/** A picker that shows its choice in a sibling element (react-select's single value), not in the input. */
function shownValue(input: Element): string {
  const about = aboutIds(input);
  let node = parentElement(input);
  for (let level = 0; node && level < 3; level++, node = parentElement(node)) {
    if (node.querySelector('label,legend') || node.querySelectorAll(CONTROLS).length > 1) break;
    // A kit's label drawn as a span (named by aria-labelledby) or its error beside the input is
    // not what the field shows.
    const labels = about.map((id) => `[id="${CSS.escape(id)}"]`);
    const text = textWithout(node, [NOT_A_VALUE, ...labels].join(','));
    if (text && !isPlaceholderOption(text, text)) return text;
  }
  return '';
}

const FILE_NAME = /[\w()[\].,'-]+\.(pdf|docx?|rtf|odt|txt|pages)\b/gi;

/** Uploaders that send the file to their own endpoint and clear the input show its name instead. */
function uploadedNames(input: Element): string {
  let node = parentElement(input);
  for (let level = 0; node && level < 4; level++, node = parentElement(node)) {
    if (node.tagName === 'FORM' || node.querySelectorAll('input[type="file"]').length > 1) break;
    const names = (textOf(node).match(FILE_NAME) ?? []).map((n) => n.trim());
    if (names.length) return names.join(', ');
  }
  return '';
}
