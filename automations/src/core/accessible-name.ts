// The name a user would read for a control: aria-labelledby, aria-label, label[for], a wrapping
// label, the fieldset legend, then nearby text and placeholder. Forms rarely label everything the
// same way, so each rule is a fallback for the one before.
import { byIdInRoot, parentElement, textOf } from './dom.ts';

const CONTROL = 'input,select,textarea,button,[role="listbox"],[role="option"]';

/** Text of `el` without the text of controls inside it (a select's options inside its label). */
export function ownText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const inner of Array.from(clone.querySelectorAll(`${CONTROL},script,style,[aria-hidden="true"]`)))
    inner.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelledBy(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  // A dropdown button often names itself too ("Country Select One"): its own text is its value.
  return ids
    .split(/\s+/)
    .filter((id) => id !== el.id)
    .map((id) => {
      const target = byIdInRoot(el, id);
      return target ? ownText(target) || textOf(target) : '';
    })
    .filter(Boolean)
    .join(' ')
    .trim();
}

function labelFor(el: Element): string {
  const id = el.getAttribute('id');
  if (!id) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  const label = root.querySelector?.(`label[for="${CSS.escape(id)}"]`);
  return label ? ownText(label) : '';
}

function wrappingLabel(el: Element): string {
  const label = el.closest('label');
  return label ? ownText(label) : '';
}

/** The legend or group label of the fieldset/group around `el`, if any. */
export function groupLabel(el: Element): string {
  for (
    let node = parentElement(el);
    node && node.tagName !== 'FORM' && node.tagName !== 'BODY';
    node = parentElement(node)
  ) {
    if (node.tagName === 'FIELDSET') {
      const legend = node.querySelector(':scope > legend');
      if (legend) return ownText(legend);
    }
    const role = node.getAttribute('role');
    if (role === 'radiogroup' || role === 'group') {
      const name = labelledBy(node) || node.getAttribute('aria-label');
      if (name) return name.trim();
    }
  }
  return '';
}

/** Text just before the control: a heading, div or span a designer used instead of a label. */
export function nearbyText(el: Element, maxLevels = 4): string {
  let node: Element | null = el;
  for (let level = 0; node && level < maxLevels; level++, node = parentElement(node)) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.matches('input,select,textarea') || prev.querySelector('input,select,textarea')) break;
      const text = ownText(prev);
      if (text && text.length <= 300) return text;
    }
  }
  return '';
}

/** The accessible name of a single control. */
export function accessibleName(el: Element): string {
  const name =
    labelledBy(el) ||
    el.getAttribute('aria-label')?.trim() ||
    labelFor(el) ||
    wrappingLabel(el) ||
    groupLabel(el) ||
    nearbyText(el) ||
    el.getAttribute('placeholder')?.trim() ||
    el.getAttribute('title')?.trim() ||
    '';
  return name.replace(/\s+/g, ' ').trim();
}

/** The label of one option in a radio/checkbox group (its own label, not the group's). */
export function optionLabel(el: Element): string {
  const name =
    labelledBy(el) ||
    el.getAttribute('aria-label')?.trim() ||
    labelFor(el) ||
    wrappingLabel(el) ||
    (el.nextSibling?.textContent ?? '').trim() ||
    ownText(el.parentElement ?? el) ||
    (el as HTMLInputElement).value ||
    '';
  return name.replace(/\s+/g, ' ').trim();
}
