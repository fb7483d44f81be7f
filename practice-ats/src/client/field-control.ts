// The control a single-page form shows for a field, by its type, in an ATS's own class names.
import { createElement as h, type ReactNode } from 'react';
import type { FieldSpec } from '../spec/form-spec.ts';
import {
  ButtonGroup,
  Checkbox,
  Combobox,
  type ComboboxClasses,
  type ControlProps,
  DatePicker,
  FileInput,
  OptionList,
  TextArea,
  TextInput,
} from './controls.ts';
import { searchPlaces } from './location-search.ts';
import type { Application } from './use-application.ts';

export interface Skin {
  input?: string;
  textarea?: string;
  combobox?: ComboboxClasses;
  /** Yes/no questions as two buttons (Ashby) rather than a select. */
  yesNo?: { group?: string; button?: string; active?: string };
  options?: { group?: string; option?: string };
  date?: string;
  file: { buttonLabel: string; buttonClass?: string; className?: string };
  /** Extra attributes per field (Workday's data-automation-id). */
  attrs?: (field: FieldSpec) => Record<string, string>;
}

export function controlProps(field: FieldSpec, app: Application, skin: Skin): ControlProps {
  const error = app.errors[field.name];
  const props: ControlProps = {
    field,
    value: app.values[field.name] ?? null,
    onChange: (v) => app.set(field.name, v),
    invalid: error !== undefined,
    describedBy: error ? `${field.id}-error` : undefined,
    labelledBy: `${field.id}-label`,
  };
  const attrs = skin.attrs?.(field);
  return attrs ? { ...props, attrs } : props;
}

export function fieldControl(field: FieldSpec, app: Application, skin: Skin): ReactNode {
  const props = controlProps(field, app, skin);
  switch (field.type) {
    case 'combobox':
    case 'select':
      return h(Combobox, { ...props, classes: skin.combobox });
    case 'location':
      return h(Combobox, { ...props, classes: skin.combobox, search: searchPlaces, placeholder: 'Start typing...' });
    case 'yes_no':
      return skin.yesNo
        ? h(ButtonGroup, {
            ...props,
            className: skin.yesNo.group,
            buttonClass: skin.yesNo.button,
            activeClass: skin.yesNo.active,
          })
        : h(Combobox, { ...props, classes: skin.combobox });
    case 'radio':
    case 'checkbox_group':
      return h(OptionList, { ...props, className: skin.options?.group, optionClass: skin.options?.option });
    case 'checkbox':
      return h(Checkbox, { ...props, label: field.label, className: skin.options?.option });
    case 'date':
      return h(DatePicker, { ...props, className: skin.date });
    case 'file':
      return h(FileInput, { ...props, ...skin.file });
    case 'textarea':
      return h(TextArea, { ...props, className: skin.textarea });
    default:
      return h(TextInput, { ...props, className: skin.input });
  }
}
