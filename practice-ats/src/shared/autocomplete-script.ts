// A small vanilla location autocomplete for the server-rendered forms (Greenhouse classic's
// "Location (City)", Lever's "Current location"): suggestions from the place search as you type.
import { type Html, html, raw } from './html.ts';

export function locationAutocomplete(inputId: string, listClass: string): Html {
  return html`<script>
(() => {
  const input = document.getElementById(${raw(JSON.stringify(inputId))});
  const list = document.createElement('ul');
  list.className = ${raw(JSON.stringify(listClass))};
  list.setAttribute('role', 'listbox');
  list.id = input.id + '-suggestions';
  list.hidden = true;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.after(list);
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };
  input.addEventListener('input', async () => {
    const q = input.value;
    const found = q.trim().length < 2 ? [] : await (await fetch('/__practice/api/locations?q=' + encodeURIComponent(q))).json();
    if (input.value !== q) return;
    list.replaceChildren(...found.map((o, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = list.id + '-' + i;
      li.textContent = o.label;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); input.value = o.label; close(); });
      return li;
    }));
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
  });
  input.addEventListener('blur', close);
})();
</script>`;
}
