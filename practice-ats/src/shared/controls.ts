// Native form controls for a field spec, for the server-rendered ATSs. Each ATS wraps them in its
// own markup (labels, fieldsets, error placement); the controls themselves are the same HTML.
import type { FieldSpec } from '../spec/form-spec.ts';
import { attrs, type Html, html } from './html.ts';

export interface ControlOptions {
  value?: string | string[];
  invalid?: boolean;
  /** Ids of elements describing the control (its error message, a hint). */
  describedBy?: string;
  /** Extra attributes on the control (class names, data-* hooks, aria-labelledby). */
  extra?: Record<string, string | boolean | undefined>;
  placeholderOption?: string;
}

const INPUT_TYPES: Partial<Record<FieldSpec['type'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  file: 'file',
};

/** Radio buttons and checkbox groups are several inputs: their label belongs in a legend. */
export function isGroup(field: FieldSpec): boolean {
  return field.type === 'radio' || field.type === 'yes_no' || field.type === 'checkbox_group';
}

function values(opts: ControlOptions): string[] {
  if (opts.value === undefined) return [];
  return Array.isArray(opts.value) ? opts.value : [opts.value];
}

export function control(field: FieldSpec, opts: ControlOptions = {}): Html {
  const common = {
    name: field.name,
    required: field.required,
    'aria-required': field.required ? 'true' : undefined,
    'aria-invalid': opts.invalid ? 'true' : undefined,
    'aria-describedby': opts.describedBy,
    ...opts.extra,
  };
  const current = values(opts);
  switch (field.type) {
    case 'textarea':
      return html`<textarea${attrs({ id: field.id, rows: 6, placeholder: field.placeholder, ...common })}>${current[0] ?? ''}</textarea>`;
    case 'select':
    case 'combobox':
      return html`<select${attrs({ id: field.id, ...common })}>
<option value="">${opts.placeholderOption ?? 'Select...'}</option>
${(field.options ?? []).map((o) => html`<option${attrs({ value: o.value, selected: current.includes(o.value) })}>${o.label}</option>`)}
</select>`;
    case 'radio':
    case 'yes_no':
    case 'checkbox_group': {
      const type = field.type === 'checkbox_group' ? 'checkbox' : 'radio';
      return html`${(field.options ?? []).map(
        (o, i) =>
          html`<label class="option"><input${attrs({
            type,
            id: `${field.id}_${i}`,
            value: o.value,
            checked: current.includes(o.value),
            ...common,
            required: type === 'radio' && field.required,
          })}> <span>${o.label}</span></label>`,
      )}`;
    }
    case 'checkbox':
      return html`<input${attrs({ type: 'checkbox', id: field.id, value: field.options?.[0]?.value ?? 'on', checked: current.length > 0, ...common })}>`;
    case 'file':
      return html`<input${attrs({ type: 'file', id: field.id, accept: field.accept?.join(','), ...common })}>`;
    default:
      return html`<input${attrs({
        type: INPUT_TYPES[field.type] ?? 'text',
        id: field.id,
        value: current[0],
        placeholder: field.placeholder,
        autocomplete: 'off',
        ...common,
      })}>`;
  }
}
