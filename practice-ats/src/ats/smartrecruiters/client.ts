// SmartRecruiters' "spl" design-system web components: each control renders its label and native
// input inside an open shadow root and takes part in the form as a form-associated custom element
// (ElementInternals.setFormValue), so `new FormData(form)` collects what the applicant entered.
import type { SubmitAnswer } from '../../shared/spa-shell.ts';

const STYLE = `<style>
:host{display:block;margin:14px 0;font-family:"Open Sans",Arial,sans-serif}
label,legend{display:block;font-weight:600;font-size:14px;margin-bottom:6px;color:#2d2d2d}
.req{color:#d0021b;margin-left:2px}input:not([type=radio]):not([type=checkbox]),textarea,select{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c5c5c5;border-radius:4px;font:inherit}
:host([error]) input,:host([error]) textarea,:host([error]) select{border-color:#d0021b}.error{color:#d0021b;font-size:12px;margin:4px 0 0}
fieldset{border:0;padding:0;margin:0}.option{display:block;font-weight:normal;margin:4px 0}
ul{list-style:none;margin:2px 0;padding:0;border:1px solid #c5c5c5;border-radius:4px;background:#fff}li{padding:8px 10px;cursor:pointer}li:hover{background:#eef5ff}
.drop{border:2px dashed #c5c5c5;border-radius:6px;padding:18px;text-align:center}
</style>`;

function escapeText(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

interface Option {
  value: string;
  label: string;
}

abstract class SplElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ['error'];
  protected readonly internals = this.attachInternals();
  protected readonly root = this.attachShadow({ mode: 'open' });

  get name(): string {
    return this.getAttribute('name') ?? '';
  }
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  get required(): boolean {
    return this.hasAttribute('required');
  }
  get options(): Option[] {
    return JSON.parse(this.getAttribute('options') ?? '[]') as Option[];
  }

  connectedCallback(): void {
    this.render();
  }

  attributeChangedCallback(): void {
    const error = this.root.getElementById('error');
    if (!error) return;
    error.textContent = this.getAttribute('error') ?? '';
    for (const control of this.root.querySelectorAll('input,textarea,select')) {
      if (this.hasAttribute('error')) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  protected labelHtml(tag = 'label', forId = 'input'): string {
    const req = this.required ? '<span class="req" aria-hidden="true">*</span>' : '';
    return tag === 'label'
      ? `<label for="${forId}">${escapeText(this.label)}${req}</label>`
      : `<${tag}>${escapeText(this.label)}${req}</${tag}>`;
  }

  protected commonAttrs(): string {
    return `aria-describedby="error"${this.required ? ' aria-required="true"' : ''}`;
  }

  protected mount(controlHtml: string, labelTag = 'label'): void {
    this.root.innerHTML = `${STYLE}${labelTag === 'none' ? '' : this.labelHtml(labelTag)}${controlHtml}<p class="error" id="error" role="alert"></p>`;
  }

  protected abstract render(): void;

  protected changed(value: string | File | FormData | null): void {
    this.internals.setFormValue(value);
    this.removeAttribute('error');
  }
}

class SplInput extends SplElement {
  protected render(): void {
    const type = this.getAttribute('type') ?? 'text';
    const tag = type === 'textarea' ? 'textarea' : 'input';
    this.mount(
      tag === 'textarea'
        ? `<textarea id="input" rows="5" ${this.commonAttrs()}></textarea>`
        : `<input id="input" type="${type}" autocomplete="off" ${this.commonAttrs()}>`,
    );
    const control = this.root.getElementById('input') as HTMLInputElement;
    control.addEventListener('input', () => this.changed(control.value));
  }
}

class SplSelect extends SplElement {
  protected render(): void {
    const options = this.options
      .map((o) => `<option value="${escapeText(o.value)}">${escapeText(o.label)}</option>`)
      .join('');
    this.mount(`<select id="input" ${this.commonAttrs()}><option value="">Select</option>${options}</select>`);
    const control = this.root.getElementById('input') as HTMLSelectElement;
    control.addEventListener('change', () => this.changed(control.value));
  }
}

class SplChoiceGroup extends SplElement {
  protected render(): void {
    const multiple = this.getAttribute('type') === 'checkbox';
    const options = this.options
      .map(
        (o, i) =>
          `<label class="option" for="option-${i}"><input type="${multiple ? 'checkbox' : 'radio'}" id="option-${i}" name="choice" value="${escapeText(o.value)}"> ${escapeText(o.label)}</label>`,
      )
      .join('');
    this.mount(`<fieldset ${this.commonAttrs()}>${this.labelHtml('legend')}${options}</fieldset>`, 'none');
    this.root.querySelector('fieldset')?.addEventListener('change', () => {
      const picked = [...this.root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      const data = new FormData();
      for (const v of picked) data.append(this.name, v);
      this.changed(picked.length === 0 ? null : data);
    });
  }
}

class SplCheckbox extends SplElement {
  protected render(): void {
    const req = this.required ? '<span class="req" aria-hidden="true">*</span>' : '';
    this.mount(
      `<label class="option" for="input"><input type="checkbox" id="input" ${this.commonAttrs()}> ${escapeText(this.label)}${req}</label>`,
      'none',
    );
    const box = this.root.getElementById('input') as HTMLInputElement;
    box.addEventListener('change', () => this.changed(box.checked ? (this.options[0]?.value ?? 'true') : null));
  }
}

class SplAutocomplete extends SplElement {
  protected render(): void {
    this.mount(
      `<input id="input" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions" autocomplete="off" placeholder="Start typing your city" ${this.commonAttrs()}><ul id="suggestions" role="listbox" hidden></ul>`,
    );
    const input = this.root.getElementById('input') as HTMLInputElement;
    const list = this.root.getElementById('suggestions') as HTMLUListElement;
    input.addEventListener('input', async () => {
      // Only a picked suggestion counts; typing clears the value.
      this.internals.setFormValue(null);
      const query = input.value;
      const found =
        query.trim().length < 2
          ? []
          : ((await (await fetch(`/__practice/api/locations?q=${encodeURIComponent(query)}`)).json()) as Option[]);
      if (input.value !== query) return;
      list.replaceChildren(
        ...found.map((o, i) => {
          const li = document.createElement('li');
          li.id = `suggestion-${i}`;
          li.setAttribute('role', 'option');
          li.textContent = o.label;
          li.addEventListener('mousedown', (e) => {
            e.preventDefault();
            input.value = o.label;
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            this.changed(o.value);
          });
          return li;
        }),
      );
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', String(found.length > 0));
    });
  }
}

class SplDropzone extends SplElement {
  protected render(): void {
    const accept = this.getAttribute('accept') ?? '';
    this.mount(
      `<div class="drop"><input type="file" id="input" accept="${escapeText(accept)}" ${this.commonAttrs()}><p id="file-name">Choose a file or drop it here</p></div>`,
    );
    const input = this.root.getElementById('input') as HTMLInputElement;
    input.addEventListener('change', () => {
      const file = input.files?.[0] ?? null;
      const name = this.root.getElementById('file-name');
      if (name) name.textContent = file ? file.name : 'Choose a file or drop it here';
      this.changed(file);
    });
  }
}

customElements.define('spl-input', SplInput);
customElements.define('spl-select', SplSelect);
customElements.define('spl-choice-group', SplChoiceGroup);
customElements.define('spl-checkbox', SplCheckbox);
customElements.define('spl-autocomplete', SplAutocomplete);
customElements.define('spl-dropzone', SplDropzone);

const form = document.getElementById('oneclick-form') as HTMLFormElement | null;
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = true;
  try {
    const res = await fetch(form.dataset.submitUrl ?? '', { method: 'POST', body: new FormData(form) });
    const answer = (await res.json()) as SubmitAnswer;
    if (answer.status === 'accepted' && answer.redirect) {
      location.assign(answer.redirect);
      return;
    }
    for (const el of form.querySelectorAll('[error]')) el.removeAttribute('error');
    for (const err of answer.errors ?? [])
      form.querySelector(`[name="${err.field}"]`)?.setAttribute('error', err.message);
    const summary = document.getElementById('error-summary');
    if (summary) {
      summary.hidden = false;
      summary.textContent =
        answer.status === 'already-applied'
          ? (answer.message ?? '')
          : `Please review the ${answer.errors?.length ?? 0} highlighted field(s) before submitting.`;
    }
  } finally {
    if (button) button.disabled = false;
  }
});
