// The name a user would read for a control: aria-labelledby, aria-label, label[for], a wrapping
// label, the fieldset legend, then nearby text and placeholder. Forms rarely label everything the
// same way, so each rule is a fallback for the one before.
import { byIdInRoot, parentElement, textOf, textWithout } from './dom.ts';

const CONTROL = 'input,select,textarea,button,[role="listbox"],[role="option"]';
/** Controls that are questions of their own (a container holding another one is not this field's). */
export const CONTROLS =
  'input:not([type="hidden"]),select,textarea,[role="combobox"],[role="radio"],[role="checkbox"],[role="spinbutton"]';

/** Text of `el` without the text of controls inside it (a select's options inside its label). */
export function ownText(el: Element): string {
  return textWithout(el, `${CONTROL},script,style,[aria-hidden="true"]`);
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

/**
 * A `<label for>` whose id names no control (Ashby's survey) still labels the group it sits in:
 * the nearest such label around `el`, within a container that holds no other question.
 */
export function orphanLabel(el: Element, own: Element[] = [el]): string {
  for (let node = parentElement(el), level = 0; node && level < 4; node = parentElement(node), level++) {
    if (node.tagName === 'FORM' || node.tagName === 'BODY') break;
    const root = node.getRootNode() as Document | ShadowRoot;
    const label = Array.from(node.querySelectorAll('label[for]')).find((l) => {
      if (own.some((o) => l.contains(o))) return false;
      const target = root.getElementById?.(l.getAttribute('for') ?? '');
      return !target?.matches('input,select,textarea,button,[role]');
    });
    if (label) return ownText(label);
    const others = Array.from(node.querySelectorAll(CONTROLS)).some((c) => !own.some((o) => o === c || o.contains(c)));
    if (others) break;
  }
  return '';
}

/** Text just before the control: a heading, div or span a designer used instead of a label. */
export function nearbyText(el: Element, maxLevels = 4): string {
  let node: Element | null = el;
  for (let level = 0; node && node.tagName !== 'BODY' && level < maxLevels; level++, node = parentElement(node)) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.matches('input,select,textarea') || prev.querySelector('input,select,textarea')) break;
      // "Choose a file", "Apply with LinkedIn": what a button says is not the field's name.
      if (prev.matches('button,a,[role="button"]')) continue;
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
    orphanLabel(el) ||
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
    // A chip or ARIA radio carries its own words; only a bare input is named by the text after it.
    (el.tagName !== 'INPUT' ? ownText(el) || textOf(el) : '') ||
    (el.nextSibling?.textContent ?? '').trim() ||
    ownText(el.parentElement ?? el) ||
    (el as HTMLInputElement).value ||
    '';
  return name.replace(/\s+/g, ' ').trim();
}
