// SmartRecruiters' one-click apply, second variant: shadow roots three deep. See forms/smartrecruiters.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import {
  checkbox,
  data,
  errorSlot,
  fileButton,
  h,
  nativeSelect,
  radios,
  searchLocations,
  send,
  textArea,
  textInput,
  typeahead,
} from './kit.ts';

const FIELD_CSS = `:host{display:block;margin:14px 0}label,.legend{display:block;font-weight:600;margin-bottom:4px}input[type=text],input[type=email],input[type=tel],input[type=url],select,textarea{width:100%;box-sizing:border-box;padding:8px;border:1px solid #c5c8cc;border-radius:4px}
.req{color:#d0021b}.err{color:#d0021b;font-size:.85rem}.option{display:inline-block;margin-right:16px;font-weight:normal}[role=listbox]{background:#fff;border:1px solid #c5c8cc}[role=option]{padding:6px}
button{padding:8px 14px;border:1px solid #0b7bc1;background:#fff;color:#0b7bc1;border-radius:4px}`;

/** A host element with an open shadow root holding `children` and the field styles. */
function host(tag: string, ...children: Array<Node | null>): HTMLElement {
  const el = h(tag);
  const shadow = el.attachShadow({ mode: 'open' });
  shadow.append(h('style', {}, FIELD_CSS), ...children.filter((c): c is Node => c !== null));
  return el;
}

function marker(f: FieldSpec): HTMLElement | null {
  return f.required ? h('span', { class: 'req' }, ' *') : null;
}

function fieldHost(f: FieldSpec): HTMLElement {
  const err = errorSlot(f.name, 'err');
  if (f.type === 'radio') {
    return host(
      'spl-radio-group',
      h(
        'div',
        { role: 'radiogroup', 'aria-labelledby': `${f.id}-legend` },
        h('span', { class: 'legend', id: `${f.id}-legend` }, f.label, marker(f)),
        ...radios(f),
      ),
      err,
    );
  }
  if (f.type === 'checkbox')
    return host('spl-checkbox', h('label', { for: f.id }, checkbox(f), ` ${f.label}`, marker(f)), err);
  if (f.type === 'file') {
    return host(
      'spl-dropzone',
      h('span', { class: 'legend' }, f.label, marker(f)),
      h('p', {}, 'Drag and drop your resume here or'),
      fileButton(f, { buttonText: 'Choose a file', cls: { button: 'choose', name: 'file-name' } }),
      err,
    );
  }
  let control: HTMLElement;
  if (f.type === 'select') control = nativeSelect(f, {}, 'Select an option');
  else if (f.type === 'textarea') control = textArea(f);
  else if (f.type === 'location')
    control = typeahead(f, {
      search: searchLocations,
      cls: { input: 'loc', list: 'loc-list', option: 'loc-option', active: 'active' },
    });
  else control = textInput(f);
  const tag = f.type === 'select' ? 'spl-select' : f.type === 'textarea' ? 'spl-textarea' : 'spl-input';
  return host(tag, h('label', { for: f.id }, f.label, marker(f)), control, err);
}

export function render(root: HTMLElement): void {
  const sections = [...new Set(data.fields.map((f) => f.section ?? ''))];
  const status = h('div', { role: 'alert' });
  const submit = h(
    'button',
    {
      type: 'button',
      class: 'submit',
      'data-test': 'footer-submit',
      onClick: async () => {
        const answer = await send();
        if (answer.status === 'accepted') {
          root.replaceChildren(
            h(
              'oc-confirmation',
              {},
              h('h2', {}, 'Thank you for applying!'),
              h('p', {}, 'Your application has been sent.'),
            ),
          );
        } else status.textContent = 'Please review the highlighted fields.';
      },
    },
    'Submit',
  );
  const sectionHosts = sections.map((name) =>
    host(
      'spl-form-section',
      name ? h('h3', {}, name) : null,
      ...data.fields.filter((f) => (f.section ?? '') === name).map(fieldHost),
    ),
  );
  const app = host('oc-application-form', ...sectionHosts, status, submit);
  root.append(
    h(
      'div',
      { class: 'oc-social' },
      h('button', { type: 'button', class: 'linkedin' }, 'Apply with LinkedIn'),
      h('button', { type: 'button', class: 'indeed' }, 'Apply with Indeed'),
    ),
    h('h1', {}, data.posting.title),
    app,
  );
}
