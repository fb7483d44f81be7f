// Plain-DOM controls the never-tuned forms are built from. Each keeps its value in `values` (set
// by the events a person's typing and clicking fire, as React-controlled inputs do), not in the
// DOM, and each form lays them out in its own vendor's markup and class names. What the controls
// do follows the public descriptions of the real widgets: react-select menus portaled to <body>
// that hide the rest of the page from assistive technology while open, typeaheads that forget
// text nobody picked, Workday's two-level prompts and date spinbuttons, calendars, file buttons.
import { readPageData } from '../../client/page-data.ts';
import { type FieldValue, postApplication, toFormData } from '../../client/post-application.ts';
import type { SubmitAnswer } from '../../shared/spa-shell.ts';
import type { FieldOption, FieldSpec } from '../../spec/form-spec.ts';

export const data = readPageData();
export const values: Record<string, FieldValue> = {};

type Child = Node | string | null | undefined | false;
type Prop = string | number | boolean | undefined | null | ((e: Event) => void);

/** An element: `on*` function props become listeners, `true` a bare attribute, null/false/undefined nothing. */
export function h(tag: string, props: Record<string, Prop> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false && v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function field(name: string): FieldSpec {
  const found = data.fields.find((f) => f.name === name);
  if (!found) throw new Error(`The page data has no field "${name}".`);
  return found;
}

export function set(name: string, value: FieldValue): void {
  values[name] = value;
  errorSlots.get(name)?.replaceChildren();
}

export function text(name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : '';
}

function idOf(f: FieldSpec, attrs: Record<string, Prop>): string {
  return typeof attrs.id === 'string' ? attrs.id : f.id;
}

const INPUT_TYPES: Partial<Record<FieldSpec['type'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
};

export function textInput(f: FieldSpec, attrs: Record<string, Prop> = {}): HTMLElement {
  return h('input', {
    id: f.id,
    name: f.name,
    type: INPUT_TYPES[f.type] ?? 'text',
    autocomplete: 'off',
    value: text(f.name),
    ...attrs,
    onInput: (e) => set(f.name, (e.target as HTMLInputElement).value),
  });
}

export function textArea(f: FieldSpec, attrs: Record<string, Prop> = {}): HTMLElement {
  const area = h('textarea', {
    id: f.id,
    name: f.name,
    rows: 5,
    ...attrs,
    onInput: (e) => set(f.name, (e.target as HTMLTextAreaElement).value),
  });
  (area as HTMLTextAreaElement).value = text(f.name);
  return area;
}

export function nativeSelect(f: FieldSpec, attrs: Record<string, Prop> = {}, placeholder = 'Select...'): HTMLElement {
  const current = text(f.name);
  return h(
    'select',
    { id: f.id, name: f.name, ...attrs, onChange: (e) => set(f.name, (e.target as HTMLSelectElement).value) },
    h('option', { value: '' }, placeholder),
    ...(f.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)),
  );
}

/** One checkbox; its value is the field's first option (or "on") when ticked. */
export function checkbox(f: FieldSpec, attrs: Record<string, Prop> = {}): HTMLElement {
  const on = f.options?.[0]?.value ?? 'on';
  return h('input', {
    type: 'checkbox',
    id: f.id,
    name: f.name,
    value: on,
    checked: values[f.name] === on,
    ...attrs,
    onChange: (e) => set(f.name, (e.target as HTMLInputElement).checked ? on : null),
  });
}

/** Native radio buttons, each inside its label. */
export function radios(f: FieldSpec, attrs: Record<string, Prop> = {}, optionClass = 'option'): HTMLElement[] {
  const id = idOf(f, attrs);
  return (f.options ?? []).map((o, i) =>
    h(
      'label',
      { class: optionClass },
      h('input', {
        type: 'radio',
        id: `${id}_${i}`,
        name: f.name,
        value: o.value,
        checked: values[f.name] === o.value,
        ...attrs,
        onChange: () => set(f.name, o.value),
      }),
      ` ${o.label}`,
    ),
  );
}

/** Yes/No (or any short choice) as toggle buttons with aria-pressed, the question text not tied to them. */
export function pressedButtons(f: FieldSpec, cls: { group: string; button: string; active: string }): HTMLElement {
  const buttons = (f.options ?? []).map((o) =>
    h(
      'button',
      {
        type: 'button',
        class: values[f.name] === o.value ? `${cls.button} ${cls.active}` : cls.button,
        'aria-pressed': values[f.name] === o.value ? 'true' : 'false',
        onClick: () => {
          set(f.name, o.value);
          for (const [i, b] of buttons.entries()) {
            const on = f.options?.[i]?.value === o.value;
            b.setAttribute('aria-pressed', on ? 'true' : 'false');
            b.className = on ? `${cls.button} ${cls.active}` : cls.button;
          }
        },
      },
      o.label,
    ),
  );
  return h('div', { class: cls.group }, ...buttons);
}

/** Choice chips: div[role=radio] inside a radiogroup, checked by click or Space/Enter. */
export function chips(
  f: FieldSpec,
  cls: { group: string; chip: string; active: string },
  labelledBy: string,
): HTMLElement {
  const chipEls = (f.options ?? []).map((o) => {
    const choose = () => {
      set(f.name, o.value);
      for (const [i, c] of chipEls.entries()) {
        const on = f.options?.[i]?.value === o.value;
        c.setAttribute('aria-checked', on ? 'true' : 'false');
        c.className = on ? `${cls.chip} ${cls.active}` : cls.chip;
      }
    };
    return h(
      'div',
      {
        role: 'radio',
        tabindex: '0',
        class: cls.chip,
        'aria-checked': values[f.name] === o.value ? 'true' : 'false',
        onClick: choose,
        onKeydown: (e) => {
          const key = (e as KeyboardEvent).key;
          if (key === ' ' || key === 'Enter') {
            e.preventDefault();
            choose();
          }
        },
      },
      o.label,
    );
  });
  return h('div', { role: 'radiogroup', class: cls.group, 'aria-labelledby': labelledBy }, ...chipEls);
}

export interface ListClasses {
  list: string;
  option: string;
  active: string;
}

interface OpenList {
  el: HTMLElement;
  close(): void;
  move(delta: number): void;
  pickActive(): void;
}

interface ListItem {
  label: string;
  selected?: boolean;
  /** Extra attributes (Workday's data-automation-id on each prompt option). */
  attrs?: Record<string, Prop>;
  onPick(): void;
}

/**
 * A listbox under `anchor`: inline after it, or portaled to the end of <body> and positioned by
 * hand; with `hideOthers`, everything else in <body> is aria-hidden while it is open (as
 * react-select and Workday popups do). Closes on a pick, Escape or a press outside.
 */
function openList(
  anchor: HTMLElement,
  items: ListItem[],
  o: { id: string; cls: ListClasses; portal: boolean; hideOthers?: boolean; onClose?: () => void },
): OpenList {
  let active = -1;
  const optionEls = items.map((item, i) =>
    h(
      'div',
      {
        role: 'option',
        id: `${o.id}-option-${i}`,
        class: o.cls.option,
        'aria-selected': item.selected ? 'true' : 'false',
        ...item.attrs,
        onMousedown: (e) => e.preventDefault(),
        onClick: () => {
          close();
          item.onPick();
        },
      },
      item.label,
    ),
  );
  const el = h('div', { role: 'listbox', id: o.id, class: o.cls.list, tabindex: '-1' }, ...optionEls);
  const hidden: Array<[Element, string | null]> = [];
  if (o.portal) {
    const r = anchor.getBoundingClientRect();
    el.style.position = 'absolute';
    el.style.top = `${r.bottom + window.scrollY + 2}px`;
    el.style.left = `${r.left + window.scrollX}px`;
    el.style.width = `${Math.max(r.width, 220)}px`;
    el.style.zIndex = '1000';
    if (o.hideOthers) {
      for (const child of Array.from(document.body.children)) {
        if (child.tagName === 'SCRIPT') continue;
        hidden.push([child, child.getAttribute('aria-hidden')]);
        child.setAttribute('aria-hidden', 'true');
      }
    }
    document.body.append(el);
  } else {
    anchor.after(el);
  }
  // The event's path, not its target: inside shadow roots the target is retargeted to the host.
  const outside = (e: Event) => {
    const path = e.composedPath();
    if (!path.includes(el) && !path.includes(anchor)) close();
  };
  document.addEventListener('mousedown', outside, true);
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    document.removeEventListener('mousedown', outside, true);
    el.remove();
    for (const [child, before] of hidden) {
      if (before === null) child.removeAttribute('aria-hidden');
      else child.setAttribute('aria-hidden', before);
    }
    o.onClose?.();
  }
  return {
    el,
    close,
    move(delta) {
      if (optionEls.length === 0) return;
      optionEls[active]?.classList.remove(o.cls.active);
      active = (active + delta + optionEls.length) % optionEls.length;
      optionEls[active]?.classList.add(o.cls.active);
      anchor.setAttribute('aria-activedescendant', optionEls[active]?.id ?? '');
    },
    pickActive() {
      const item = items[active];
      if (!item) return;
      close();
      item.onPick();
    },
  };
}

export interface ComboboxOptions {
  cls: ListClasses & { control: string; input: string; value: string; placeholder: string };
  portal: boolean;
  hideOthers?: boolean;
  attrs?: Record<string, Prop>;
  placeholder?: string;
}

/**
 * A react-select style combobox: a text input that filters, the chosen option's label shown in a
 * separate element beside it (the input itself is emptied), the menu a listbox.
 */
export function combobox(f: FieldSpec, o: ComboboxOptions): HTMLElement {
  const attrs = o.attrs ?? {};
  const id = idOf(f, attrs);
  const listId = `${id}-listbox`;
  const chosen = () => f.options?.find((x) => x.value === values[f.name]);
  const shown = h(
    'div',
    { class: chosen() ? o.cls.value : o.cls.placeholder },
    chosen()?.label ?? o.placeholder ?? 'Select...',
  );
  let list: OpenList | null = null;
  const input = h('input', {
    id,
    role: 'combobox',
    type: 'text',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-haspopup': 'listbox',
    'aria-controls': listId,
    class: o.cls.input,
    ...attrs,
    onFocus: () => open(''),
    onClick: () => open((input as HTMLInputElement).value),
    onInput: () => open((input as HTMLInputElement).value),
    onBlur: () => list?.close(),
    onKeydown: (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        e.preventDefault();
        if (!list) open((input as HTMLInputElement).value);
        list?.move(key === 'ArrowDown' ? 1 : -1);
      } else if (key === 'Enter' && list) {
        e.preventDefault();
        list.pickActive();
      } else if (key === 'Escape') list?.close();
    },
  }) as HTMLInputElement;
  const control = h('div', { class: o.cls.control }, shown, input);
  function open(query: string) {
    list?.close();
    const q = query.trim().toLowerCase();
    const matching = (f.options ?? []).filter((x) => x.label.toLowerCase().includes(q));
    input.setAttribute('aria-expanded', 'true');
    shown.style.display = q ? 'none' : '';
    list = openList(
      control,
      matching.map((x) => ({
        label: x.label,
        selected: x.value === values[f.name],
        onPick: () => {
          set(f.name, x.value);
          shown.textContent = x.label;
          shown.className = o.cls.value;
          input.value = '';
        },
      })),
      {
        id: listId,
        cls: o.cls,
        portal: o.portal,
        hideOthers: o.hideOthers ?? false,
        onClose: () => {
          list = null;
          input.setAttribute('aria-expanded', 'false');
          input.removeAttribute('aria-activedescendant');
          shown.style.display = '';
        },
      },
    );
    if (matching.length === 1) list.move(1);
  }
  return control;
}

/**
 * A search-as-you-type input whose value is only ever a picked suggestion: text nobody picked is
 * dropped when the input loses focus.
 */
export function typeahead(
  f: FieldSpec,
  o: {
    search: (q: string) => Promise<FieldOption[]>;
    cls: ListClasses & { input: string };
    attrs?: Record<string, Prop>;
  },
): HTMLElement {
  const attrs = o.attrs ?? {};
  const id = idOf(f, attrs);
  let picked = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
  let list: OpenList | null = null;
  let seq = 0;
  const input = h('input', {
    id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-suggestions`,
    class: o.cls.input,
    value: picked,
    ...attrs,
    onInput: async () => {
      const mine = ++seq;
      const found = await o.search(input.value);
      if (mine !== seq) return;
      list?.close();
      if (found.length === 0) return;
      input.setAttribute('aria-expanded', 'true');
      list = openList(
        input,
        found.map((x) => ({
          label: x.label,
          onPick: () => {
            picked = x.label;
            input.value = x.label;
            set(f.name, x.value);
          },
        })),
        {
          id: `${id}-suggestions`,
          cls: o.cls,
          portal: false,
          onClose: () => {
            list = null;
            input.setAttribute('aria-expanded', 'false');
          },
        },
      );
    },
    onKeydown: (e) => {
      const key = (e as KeyboardEvent).key;
      if ((key === 'ArrowDown' || key === 'ArrowUp') && list) {
        e.preventDefault();
        list.move(key === 'ArrowDown' ? 1 : -1);
      } else if (key === 'Enter' && list) {
        e.preventDefault();
        list.pickActive();
      }
    },
    onBlur: () => {
      // Give a click on a suggestion its turn before forgetting unpicked text.
      setTimeout(() => {
        list?.close();
        if (input.value !== picked) {
          input.value = '';
          picked = '';
          set(f.name, null);
        }
      }, 150);
    },
  }) as HTMLInputElement;
  return input;
}

export async function searchLocations(q: string): Promise<FieldOption[]> {
  if (q.trim().length < 2) return [];
  const res = await fetch(`/__practice/api/locations?q=${encodeURIComponent(q)}`);
  return (await res.json()) as FieldOption[];
}

/** A button that opens a listbox of the field's options (Workday's dropdowns). */
export function dropdownButton(
  f: FieldSpec,
  o: {
    cls: ListClasses & { button: string };
    attrs?: Record<string, Prop>;
    portal?: boolean;
    /** Workday names the button by its question, its value and "Required": "Country United States Required". */
    named?: { question: string; required: boolean };
  },
): HTMLElement {
  const attrs = o.attrs ?? {};
  const id = idOf(f, attrs);
  const labelOf = () => f.options?.find((x) => x.value === values[f.name])?.label ?? 'Select One';
  const name = () => (o.named ? `${o.named.question} ${labelOf()}${o.named.required ? ' Required' : ''}` : undefined);
  const button = h('button', {
    type: 'button',
    id,
    'aria-haspopup': 'listbox',
    'aria-expanded': 'false',
    class: o.cls.button,
    value: labelOf(),
    ...attrs,
    'aria-label': name(),
    onClick: () => {
      button.setAttribute('aria-expanded', 'true');
      openList(
        button,
        (f.options ?? []).map((x) => ({
          label: x.label,
          selected: x.value === values[f.name],
          attrs: { 'data-automation-id': 'promptOption' },
          onPick: () => {
            set(f.name, x.value);
            button.textContent = x.label;
            button.setAttribute('value', x.label);
            const named = name();
            if (named) button.setAttribute('aria-label', named);
          },
        })),
        {
          id: `${id}-list`,
          cls: o.cls,
          portal: o.portal ?? true,
          hideOthers: true,
          onClose: () => button.setAttribute('aria-expanded', 'false'),
        },
      );
    },
  });
  button.textContent = labelOf();
  return button;
}

/**
 * Workday's prompt: a search box that opens categories (options' `group`), each opening its own
 * options; the pick shows as a removable pill.
 */
export function twoLevelPicker(
  f: FieldSpec,
  o: { cls: ListClasses & { container: string; pill: string; search: string }; attrs?: Record<string, Prop> },
): HTMLElement {
  const attrs = o.attrs ?? {};
  const id = idOf(f, attrs);
  const pills = h('div', { 'data-automation-id': 'selectedItemList' });
  const renderPill = () => {
    const chosen = f.options?.find((x) => x.value === values[f.name]);
    pills.replaceChildren(
      ...(chosen
        ? [
            h(
              'div',
              { class: o.cls.pill, 'data-automation-id': 'selectedItem', title: chosen.label },
              h('p', {}, chosen.label),
              h(
                'button',
                {
                  type: 'button',
                  'aria-label': `Remove ${chosen.label}`,
                  onClick: () => {
                    set(f.name, null);
                    renderPill();
                  },
                },
                '×',
              ),
            ),
          ]
        : []),
    );
  };
  const search = h('input', {
    id,
    type: 'text',
    placeholder: 'Search',
    autocomplete: 'off',
    'data-automation-id': 'searchBox',
    class: o.cls.search,
    ...attrs,
    onClick: () => showGroups(),
    onFocus: () => showGroups(),
  });
  const container = h(
    'div',
    { class: o.cls.container, 'data-automation-id': 'multiselectInputContainer' },
    pills,
    search,
  );
  let current: OpenList | null = null;
  const groups = [...new Set((f.options ?? []).map((x) => x.group ?? ''))];
  function show(items: ListItem[]) {
    current?.close();
    current = openList(container, items, {
      id: `${id}-prompt`,
      cls: o.cls,
      portal: true,
      onClose: () => (current = null),
    });
  }
  function showGroups() {
    if (current) return;
    show(
      groups.map((g) => ({
        label: g,
        attrs: { 'data-automation-id': 'promptOption', 'aria-haspopup': 'true' },
        // A category opens its options on the next task, after this list has closed.
        onPick: () => setTimeout(() => showOptions(g)),
      })),
    );
  }
  function showOptions(group: string) {
    show([
      {
        label: `← ${group}`,
        attrs: { 'data-automation-id': 'promptBackButton' },
        onPick: () => setTimeout(showGroups),
      },
      ...(f.options ?? [])
        .filter((x) => (x.group ?? '') === group)
        .map((x) => ({
          label: x.label,
          selected: x.value === values[f.name],
          attrs: { 'data-automation-id': 'promptOption' },
          onPick: () => {
            set(f.name, x.value);
            renderPill();
          },
        })),
    ]);
  }
  renderPill();
  return container;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Workday's date: month, day and year spinbuttons; the value is ISO once all three make a date. */
export function dateSpinbuttons(
  f: FieldSpec,
  o: { cls: { wrapper: string; section: string }; idBase?: string },
): HTMLElement {
  const base = o.idBase ?? f.id;
  const [y0, m0, d0] = text(f.name).split('-');
  const parts = { Month: m0 ?? '', Day: d0 ?? '', Year: y0 ?? '' };
  const limits = { Month: [1, 12, 2], Day: [1, 31, 2], Year: [1900, 2100, 4] } as const;
  const update = () => {
    const [m, d, y] = [Number(parts.Month), Number(parts.Day), Number(parts.Year)];
    const date = new Date(Date.UTC(y, m - 1, d));
    const ok = parts.Year.length === 4 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    set(f.name, ok ? `${y}-${pad(m)}-${pad(d)}` : null);
  };
  const section = (key: keyof typeof parts) => {
    const [min, max, width] = limits[key];
    const input = h('input', {
      type: 'text',
      role: 'spinbutton',
      id: `${base}-dateSection${key}-input`,
      'data-automation-id': `dateSection${key}-input`,
      'aria-label': key,
      'aria-valuemin': min,
      'aria-valuemax': max,
      'aria-valuenow': parts[key] ? Number(parts[key]) : undefined,
      'aria-valuetext': parts[key] || 'Blank',
      placeholder: key === 'Year' ? 'YYYY' : key === 'Month' ? 'MM' : 'DD',
      inputmode: 'numeric',
      maxlength: width,
      class: o.cls.section,
      value: parts[key],
      onInput: (e) => {
        const el = e.target as HTMLInputElement;
        el.value = el.value.replace(/\D/g, '').slice(0, width);
        parts[key] = el.value;
        el.setAttribute('aria-valuetext', el.value || 'Blank');
        if (el.value) el.setAttribute('aria-valuenow', String(Number(el.value)));
        update();
      },
    });
    return input;
  };
  return h(
    'div',
    { class: o.cls.wrapper, 'data-automation-id': 'dateInputWrapper' },
    section('Month'),
    '/',
    section('Day'),
    '/',
    section('Year'),
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Month, day and year as three selects under one caption; the value is ISO when all are chosen. */
export function dateSelects(f: FieldSpec, o: { cls: string; years: number[] }): HTMLElement {
  const parts = { month: '', day: '', year: '' };
  const update = () => {
    const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
    const ok = parts.month && parts.day && parts.year && date.getUTCDate() === Number(parts.day);
    set(f.name, ok ? `${parts.year}-${parts.month}-${parts.day}` : null);
  };
  const select = (key: keyof typeof parts, label: string, opts: Array<[string, string]>) =>
    h(
      'select',
      {
        id: `${f.id}_${key}`,
        'aria-label': label,
        class: o.cls,
        onChange: (e) => {
          parts[key] = (e.target as HTMLSelectElement).value;
          update();
        },
      },
      h('option', { value: '' }, label),
      ...opts.map(([value, shown]) => h('option', { value }, shown)),
    );
  return h(
    'span',
    { class: 'date-selects' },
    select(
      'month',
      'Month',
      MONTHS.map((m, i) => [pad(i + 1), m]),
    ),
    select(
      'day',
      'Day',
      Array.from({ length: 31 }, (_, i) => [pad(i + 1), String(i + 1)]),
    ),
    select(
      'year',
      'Year',
      o.years.map((y) => [String(y), String(y)]),
    ),
  );
}

/**
 * A read-only date input that opens a calendar: month navigation, day buttons named by the full
 * date. The value is written as ISO or MM/DD/YYYY.
 */
export function calendar(
  f: FieldSpec,
  o: {
    cls: { input: string; popup: string; day: string; nav: string };
    format: 'iso' | 'mdy';
    placeholder: string;
    attrs?: Record<string, Prop>;
  },
): HTMLElement {
  const attrs = o.attrs ?? {};
  const input = h('input', {
    id: f.id,
    type: 'text',
    readonly: true,
    placeholder: o.placeholder,
    class: o.cls.input,
    'aria-haspopup': 'dialog',
    value: text(f.name),
    ...attrs,
    onClick: () => toggle(),
  }) as HTMLInputElement;
  const wrap = h('div', { class: 'date-field', style: 'position:relative' }, input);
  let popup: HTMLElement | null = null;
  const today = new Date();
  let year = today.getFullYear();
  let month = today.getMonth();
  function render() {
    const first = new Date(year, month, 1).getDay();
    const days = new Date(year, month + 1, 0).getDate();
    const cells: Child[] = Array.from({ length: first }, () => h('span'));
    for (let d = 1; d <= days; d++) {
      const iso = `${year}-${pad(month + 1)}-${pad(d)}`;
      cells.push(
        h(
          'button',
          {
            type: 'button',
            class: o.cls.day,
            'aria-label': `${MONTHS[month]} ${d}, ${year}`,
            onClick: () => {
              const shown = o.format === 'iso' ? iso : `${pad(month + 1)}/${pad(d)}/${year}`;
              input.value = shown;
              set(f.name, shown);
              close();
            },
          },
          String(d),
        ),
      );
    }
    popup?.replaceChildren(
      h(
        'div',
        { class: o.cls.nav },
        h('button', { type: 'button', 'aria-label': 'Previous month', onClick: () => step(-1) }, '‹'),
        h('span', { 'aria-live': 'polite' }, `${MONTHS[month]} ${year}`),
        h('button', { type: 'button', 'aria-label': 'Next month', onClick: () => step(1) }, '›'),
      ),
      h('div', { class: 'calendar-grid', role: 'grid' }, ...cells),
    );
  }
  function step(delta: number) {
    month += delta;
    if (month < 0) {
      month = 11;
      year--;
    }
    if (month > 11) {
      month = 0;
      year++;
    }
    render();
  }
  function close() {
    popup?.remove();
    popup = null;
  }
  function toggle() {
    if (popup) return close();
    popup = h('div', { role: 'dialog', 'aria-label': 'Choose a date', class: o.cls.popup });
    render();
    wrap.append(popup);
  }
  return wrap;
}

/**
 * A file input hidden behind a button: the file goes in the application, or (with `uploadUrl`) is
 * sent at once to a separate upload endpoint and the application carries the handle it returns.
 */
export function fileButton(
  f: FieldSpec,
  o: { buttonText: string; cls: { button: string; name: string }; uploadUrl?: string; attrs?: Record<string, Prop> },
): HTMLElement {
  const attrs = o.attrs ?? {};
  const id = idOf(f, attrs);
  const name = h('span', { class: o.cls.name });
  const input = h('input', {
    type: 'file',
    id,
    name: f.name,
    accept: f.accept?.join(','),
    style: 'display:none',
    ...attrs,
    onChange: async () => {
      const file = input.files?.[0];
      if (!file) return set(f.name, null);
      if (!o.uploadUrl) {
        name.textContent = file.name;
        return set(f.name, file);
      }
      name.textContent = `Uploading ${file.name}...`;
      const body = new FormData();
      body.append('file', file, file.name);
      const res = await fetch(o.uploadUrl, { method: 'POST', body });
      const answer = (await res.json()) as { handle?: string; error?: string };
      name.textContent = answer.handle ? file.name : (answer.error ?? 'Upload failed');
      set(f.name, answer.handle ?? null);
    },
  }) as HTMLInputElement;
  const button = h('button', { type: 'button', class: o.cls.button, onClick: () => input.click() }, o.buttonText);
  return h('div', { class: 'file-upload' }, button, input, name);
}

const errorSlots = new Map<string, HTMLElement>();

/** Where a field's error message goes (the form places it). */
export function errorSlot(name: string, cls: string, id?: string): HTMLElement {
  const slot = h('div', { class: cls, id, 'aria-live': 'polite' });
  errorSlots.set(name, slot);
  return slot;
}

export function showErrors(errors: SubmitAnswer['errors'] = []): void {
  for (const slot of errorSlots.values()) slot.replaceChildren();
  for (const e of errors) errorSlots.get(e.field)?.replaceChildren(e.message);
}

/** Sends the application as multipart by fetch; field errors go to their slots. */
export async function send(extra: Record<string, string> = {}): Promise<SubmitAnswer> {
  const answer = await postApplication(data.submitUrl, toFormData(data.fields, values, extra));
  showErrors(answer.errors);
  return answer;
}

/** The page's extra settings (form name, upload URL...). */
export function extra(key: string): string {
  const v = data.extra?.[key];
  return typeof v === 'string' ? v : '';
}
