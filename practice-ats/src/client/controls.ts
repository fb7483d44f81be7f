// React form controls shared by the single-page ATS forms. They are controlled components, so
// like on the real sites a plain `input.value = ...` does not register; typing, or the native value
// setter followed by an input event, does. Each ATS passes its own class names and attributes.
import { createElement as h, type ReactNode, useEffect, useRef, useState } from 'react';
import type { FieldOption, FieldSpec } from '../spec/form-spec.ts';
import type { FieldValue } from './post-application.ts';

export type { FieldValue };

export interface ControlProps {
  field: FieldSpec;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  className?: string;
  /** Extra attributes on the main element (data-automation-id, data-testid...). */
  attrs?: Record<string, string>;
  labelledBy?: string;
}

export function text(value: FieldValue): string {
  return typeof value === 'string' ? value : '';
}

function aria(p: ControlProps) {
  return {
    'aria-invalid': p.invalid ? 'true' : undefined,
    'aria-required': p.field.required ? 'true' : undefined,
    'aria-describedby': p.describedBy,
    'aria-labelledby': p.labelledBy,
  };
}

const INPUT_TYPE: Partial<Record<FieldSpec['type'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
};

export function TextInput(p: ControlProps & { placeholder?: string }): ReactNode {
  return h('input', {
    id: p.field.id,
    name: p.field.name,
    type: INPUT_TYPE[p.field.type] ?? 'text',
    value: text(p.value),
    placeholder: p.placeholder ?? p.field.placeholder,
    autoComplete: 'off',
    className: p.className,
    onChange: (e: { target: HTMLInputElement }) => p.onChange(e.target.value),
    ...aria(p),
    ...p.attrs,
  });
}

export function TextArea(p: ControlProps): ReactNode {
  return h('textarea', {
    id: p.field.id,
    name: p.field.name,
    value: text(p.value),
    rows: 5,
    className: p.className,
    onChange: (e: { target: HTMLTextAreaElement }) => p.onChange(e.target.value),
    ...aria(p),
    ...p.attrs,
  });
}

/** Buttons that act as one choice (Ashby's Yes/No, Workday's radio cards). */
export function ButtonGroup(p: ControlProps & { buttonClass?: string; activeClass?: string }): ReactNode {
  return h(
    'div',
    { className: p.className, role: 'group', 'aria-labelledby': p.labelledBy, id: p.field.id, ...p.attrs },
    (p.field.options ?? []).map((o) =>
      h(
        'button',
        {
          key: o.value,
          type: 'button',
          className: [p.buttonClass, p.value === o.value ? p.activeClass : undefined].filter(Boolean).join(' '),
          'aria-pressed': p.value === o.value ? 'true' : 'false',
          onClick: () => p.onChange(o.value),
        },
        o.label,
      ),
    ),
  );
}

/** Native radio buttons or checkboxes, one per option, each in its label. */
export function OptionList(p: ControlProps & { optionClass?: string }): ReactNode {
  const many = p.field.type === 'checkbox_group';
  const chosen = Array.isArray(p.value) ? p.value : typeof p.value === 'string' && p.value ? [p.value] : [];
  return h(
    'div',
    { className: p.className, role: many ? 'group' : 'radiogroup', 'aria-labelledby': p.labelledBy, ...p.attrs },
    (p.field.options ?? []).map((o, i) =>
      h(
        'label',
        { key: o.value, className: p.optionClass, htmlFor: `${p.field.id}_${i}` },
        h('input', {
          type: many ? 'checkbox' : 'radio',
          id: `${p.field.id}_${i}`,
          name: p.field.name,
          value: o.value,
          checked: chosen.includes(o.value),
          onChange: (e: { target: HTMLInputElement }) => {
            if (!many) return p.onChange(o.value);
            p.onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value));
          },
        }),
        ' ',
        o.label,
      ),
    ),
  );
}

export function Checkbox(p: ControlProps & { label: ReactNode }): ReactNode {
  const on = p.field.options?.[0]?.value ?? 'true';
  return h(
    'label',
    { className: p.className, htmlFor: p.field.id },
    h('input', {
      type: 'checkbox',
      id: p.field.id,
      name: p.field.name,
      checked: p.value === on,
      onChange: (e: { target: HTMLInputElement }) => p.onChange(e.target.checked ? on : ''),
      ...aria(p),
      ...p.attrs,
    }),
    ' ',
    p.label,
  );
}

export interface ComboboxClasses {
  container?: string;
  input?: string;
  menu?: string;
  option?: string;
  focused?: string;
}

/**
 * An ARIA 1.2 combobox with a listbox popup, like react-select and Ashby's selects: type to filter,
 * arrows and Enter or a click to pick. The value is the picked option's value; what was typed
 * without picking is thrown away on blur. With `search`, options come from the server as you type
 * (location autocomplete).
 */
export function Combobox(
  p: ControlProps & {
    classes?: ComboboxClasses;
    placeholder?: string;
    search?: (query: string) => Promise<FieldOption[]>;
  },
): ReactNode {
  const listId = `${p.field.id}-listbox`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<FieldOption[]>([]);
  const known = useRef(new Map<string, string>());
  for (const o of [...(p.field.options ?? []), ...found]) known.current.set(o.value, o.label);

  useEffect(() => {
    if (!p.search || query === null || query.trim().length < 2) return;
    let live = true;
    p.search(query).then((options) => {
      if (live) setFound(options);
    });
    return () => {
      live = false;
    };
  }, [query, p.search]);

  const options = p.search
    ? found
    : (p.field.options ?? []).filter((o) => query === null || o.label.toLowerCase().includes(query.toLowerCase()));
  const pick = (o: FieldOption) => {
    known.current.set(o.value, o.label);
    p.onChange(o.value);
    setQuery(null);
    setOpen(false);
  };
  const shown = query ?? known.current.get(text(p.value)) ?? '';
  return h(
    'div',
    { className: p.classes?.container },
    h('input', {
      id: p.field.id,
      role: 'combobox',
      type: 'text',
      autoComplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': listId,
      'aria-haspopup': 'listbox',
      'aria-activedescendant': open && options[active] ? `${listId}-${active}` : undefined,
      className: p.classes?.input,
      placeholder: p.placeholder ?? 'Select...',
      value: shown,
      onFocus: () => setOpen(true),
      onClick: () => setOpen(true),
      onBlur: () => {
        setOpen(false);
        setQuery(null);
      },
      onChange: (e: { target: HTMLInputElement }) => {
        setQuery(e.target.value);
        setActive(0);
        setOpen(true);
      },
      onKeyDown: (e: { key: string; preventDefault(): void }) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          setOpen(true);
          setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          setActive((a) => Math.max(a - 1, 0));
        } else if (e.key === 'Enter' && open && options[active]) {
          e.preventDefault();
          pick(options[active]);
        } else if (e.key === 'Escape') {
          setOpen(false);
          setQuery(null);
        }
      },
      ...aria(p),
      ...p.attrs,
    }),
    open && options.length > 0
      ? h(
          'ul',
          { id: listId, role: 'listbox', className: p.classes?.menu, 'aria-labelledby': p.labelledBy },
          options.map((o, i) =>
            h(
              'li',
              {
                key: o.value,
                id: `${listId}-${i}`,
                role: 'option',
                'aria-selected': text(p.value) === o.value ? 'true' : 'false',
                className: [p.classes?.option, i === active ? p.classes?.focused : undefined].filter(Boolean).join(' '),
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown: (e: { preventDefault(): void }) => {
                  e.preventDefault();
                  pick(o);
                },
              },
              o.label,
            ),
          ),
        )
      : null,
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

function formatDate(d: Date, format: 'iso' | 'mdy'): string {
  const y = String(d.getFullYear());
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return format === 'mdy' ? `${m}/${day}/${y}` : `${y}-${m}-${day}`;
}

/** A text date input with a calendar popup (a grid of day buttons named like "January 15, 2027"). */
export function DatePicker(p: ControlProps & { buttonAttrs?: Record<string, string> }): ReactNode {
  const format = p.field.dateFormat ?? 'iso';
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), 1);
  });
  const days = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  const shift = (n: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + n, 1));
  return h(
    'div',
    { className: p.className },
    h('input', {
      id: p.field.id,
      name: p.field.name,
      type: 'text',
      inputMode: 'numeric',
      placeholder: format === 'mdy' ? 'MM/DD/YYYY' : 'YYYY-MM-DD',
      value: text(p.value),
      onChange: (e: { target: HTMLInputElement }) => p.onChange(e.target.value),
      ...aria(p),
      ...p.attrs,
    }),
    h(
      'button',
      {
        type: 'button',
        'aria-label': 'Open calendar',
        'aria-expanded': open,
        onClick: () => setOpen(!open),
        ...p.buttonAttrs,
      },
      '📅',
    ),
    open
      ? h(
          'div',
          { role: 'dialog', 'aria-label': 'Choose a date', className: 'calendar' },
          h(
            'div',
            { className: 'calendar-head' },
            h('button', { type: 'button', 'aria-label': 'Previous month', onClick: () => shift(-1) }, '‹'),
            h('span', { 'aria-live': 'polite' }, `${MONTHS[month.getMonth()]} ${month.getFullYear()}`),
            h('button', { type: 'button', 'aria-label': 'Next month', onClick: () => shift(1) }, '›'),
          ),
          h(
            'div',
            { role: 'grid', className: 'calendar-grid' },
            Array.from({ length: days }, (_, i) => {
              const day = new Date(month.getFullYear(), month.getMonth(), i + 1);
              return h(
                'button',
                {
                  key: i,
                  type: 'button',
                  role: 'gridcell',
                  'aria-label': `${MONTHS[day.getMonth()]} ${i + 1}, ${day.getFullYear()}`,
                  onClick: () => {
                    p.onChange(formatDate(day, format));
                    setOpen(false);
                  },
                },
                String(i + 1),
              );
            }),
          ),
        )
      : null,
  );
}

/** A file input behind a button, showing the chosen file's name, as the ATSs' upload widgets do. */
export function FileInput(p: ControlProps & { buttonLabel: string; buttonClass?: string }): ReactNode {
  const ref = useRef<HTMLInputElement>(null);
  const file = p.value instanceof File ? p.value : null;
  return h(
    'div',
    { className: p.className },
    h('input', {
      ref,
      id: p.field.id,
      name: p.field.name,
      type: 'file',
      accept: p.field.accept?.join(','),
      style: { position: 'absolute', width: '1px', height: '1px', opacity: 0 },
      onChange: (e: { target: HTMLInputElement }) => p.onChange(e.target.files?.[0] ?? null),
      ...aria(p),
      ...p.attrs,
    }),
    h('button', { type: 'button', className: p.buttonClass, onClick: () => ref.current?.click() }, p.buttonLabel),
    file ? h('span', { className: 'filename', 'data-filename': file.name }, ` ${file.name}`) : null,
  );
}
