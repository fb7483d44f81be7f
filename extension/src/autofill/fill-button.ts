// The autofill's only mark on a page: a small panel in a closed shadow root (the page's scripts
// and styles cannot reach into it), and after a fill the list of what it filled and what it left
// to the user. It never submits: the user reviews the form and submits it.
//
// It must never stand between the user and the form. Like a password manager's inline menu, it
// gets out of the way once it has filled: it folds into a small tab on the window's edge (as
// Simplify's does; a form's buttons sit at the bottom, often in a footer that does not scroll), and
// the user can fold it at any time (remembered per site). A page control the user moves focus to
// under it sends it to the other side, or folds it when the other side covers that control too.
import type { AutofillReport } from '@jobswipe/automations/core/types';
import { shownAnswer, type TypedAnswer } from './typed-answers.ts';

// The web's tokens (web/src/styles.css), so the panel looks like JobSwipe.
const STYLE = `
:host { all: initial; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1c1a2e; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; display: grid; gap: 8px; justify-items: end;
  max-width: calc(100vw - 32px); }
.box.start { right: auto; left: 16px; justify-items: start; }
.box[data-folded] { bottom: auto; top: 50%; right: 0; transform: translateY(-50%); }
.box.start[data-folded] { right: auto; left: 0; }
.box[data-folded] .open, .box:not([data-folded]) .pill { display: none; }
button { font: inherit; font-weight: 600; border: 0; border-radius: 14px; padding: 10px 16px; cursor: pointer;
  background: #5b4cf0; color: #fff; box-shadow: 0 10px 30px rgb(40 30 90 / 0.14), 0 2px 6px rgb(40 30 90 / 0.08); }
button:hover { background: #4636d8; }
button:focus-visible { outline: 3px solid #ff8a00; outline-offset: 2px; }
button[disabled] { opacity: 0.7; cursor: progress; }
.open { display: grid; gap: 8px; justify-items: inherit; }
.panel { max-width: min(320px, calc(100vw - 32px)); box-sizing: border-box; max-height: 50vh; overflow: auto;
  background: #fff; border: 1px solid #dcd9ea; border-radius: 14px; padding: 12px 14px;
  box-shadow: 0 10px 30px rgb(40 30 90 / 0.14); }
.panel[hidden] { display: none; }
h2 { font-size: 14px; margin: 0 0 4px; }
ul { margin: 0 0 8px; padding-left: 18px; }
.muted { color: #5d5a75; font-size: 12px; margin: 0; }
.choices { list-style: none; padding: 0; }
.choices label { display: flex; gap: 6px; align-items: start; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: end; }
button.ghost { background: #fff; color: #5b4cf0; border: 1px solid #dcd9ea; box-shadow: none; }
button.fold { padding: 10px 12px; }
.pill { writing-mode: vertical-rl; border-radius: 10px 0 0 10px; padding: 12px 6px; font-size: 13px; }
.start .pill { border-radius: 0 10px 10px 0; }
.warn { color: #8a5300; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

export interface FillButton {
  /** Shows the panel (once a form is recognised). */
  show(): void;
  /** After a fill: what was filled and what is left to the user; then the panel folds away. */
  report(report: AutofillReport): void;
  /** A message in the panel (an error, or that the submit was recorded), unfolded. */
  say(message: string): void;
  /**
   * Below `message`: offers to save the answers the user typed, each chosen on its own (all at
   * first); `save` gets the chosen ones and answers what to tell the user.
   */
  offer(message: string, answers: TypedAnswer[], save: (chosen: TypedAnswer[]) => Promise<string>): void;
}

export interface FillButtonActions {
  /** The user asks for a fill. */
  fill(): Promise<void>;
  /** The user turns the autofill off on this site. */
  offHere(): Promise<void>;
  /** The user folded (true) or unfolded the panel: remembered for the site. */
  folded(folded: boolean): void;
}

function list(title: string, items: string[], className = ''): HTMLElement {
  const section = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = title;
  if (className) h.className = className;
  const ul = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  section.append(h, ul);
  return section;
}

function button(text: string, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (className) b.className = className;
  return b;
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && b.width > 0 && b.height > 0;

/** `startFolded`: the user folded the panel on this site before. */
export function fillButton(actions: FillButtonActions, startFolded = false): FillButton {
  const host = document.createElement('jobswipe-autofill');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', 'JobSwipe autofill');
  const open = document.createElement('div');
  open.className = 'open';
  open.id = 'jobswipe-open';
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  // The panel's text for screen readers, also while it is folded (a folded panel is not rendered).
  const live = document.createElement('div');
  live.className = 'live';
  live.setAttribute('role', 'status');
  const fill = button('Fill with JobSwipe');
  const off = button('Not on this site', 'ghost');
  const fold = button('–', 'ghost fold');
  fold.setAttribute('aria-label', 'Minimise JobSwipe');
  fold.title = 'Minimise';
  const pill = button('JobSwipe', 'pill');
  for (const toggle of [fold, pill]) toggle.setAttribute('aria-controls', open.id);
  fold.setAttribute('aria-expanded', 'true');
  pill.setAttribute('aria-expanded', 'false');
  const row = document.createElement('div');
  row.className = 'actions';
  row.append(fold, off, fill);
  open.append(panel, row);
  box.append(open, pill, live);
  root.append(style, box);

  // After a fill: what the tab says (short) and tells a screen reader (whole).
  let summary = { short: '', whole: '' };
  const setFolded = (folded: boolean) => {
    const focusInside = root.activeElement !== null;
    box.toggleAttribute('data-folded', folded);
    pill.textContent = summary.short ? `JobSwipe · ${summary.short}` : 'JobSwipe';
    pill.setAttribute('aria-label', summary.whole ? `Show JobSwipe: ${summary.whole}` : 'Show JobSwipe autofill');
    // Keyboard users keep their place: focus moves to what replaced the control they were on.
    if (focusInside) (folded ? pill : fill).focus();
  };
  setFolded(startFolded);
  fold.addEventListener('click', () => {
    setFolded(true);
    actions.folded(true);
  });
  pill.addEventListener('click', () => {
    setFolded(false);
    actions.folded(false);
  });
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || box.hasAttribute('data-folded')) return;
    e.stopPropagation();
    setFolded(true);
    actions.folded(true);
  });

  // The fill itself focuses the form's controls: only the user's own moves count.
  let filling = false;
  fill.addEventListener('click', async () => {
    fill.disabled = true;
    fill.textContent = 'Filling…';
    filling = true;
    try {
      await actions.fill();
    } finally {
      filling = false;
      fill.disabled = false;
      fill.textContent = 'Fill again';
    }
  });
  off.addEventListener('click', async () => {
    await actions.offHere();
    dispose();
  });

  // Only focus the user moved from the keyboard counts: a page focusing a field as it loads (or
  // from its scripts) would fold the panel before the user ever saw it. The mouse cannot reach a
  // control under the panel anyway.
  let keyedAt = Number.NEGATIVE_INFINITY;
  const keyed = (e: KeyboardEvent) => {
    keyedAt = e.timeStamp;
  };
  /** A page control the user focused under the panel: the other corner, or folded if that covers it too. */
  const dodge = (e: FocusEvent) => {
    const target = e.target;
    if (filling || !(target instanceof Element) || target === host || e.timeStamp - keyedAt > 1_000) return;
    const control = target.getBoundingClientRect();
    if (!overlaps(box.getBoundingClientRect(), control)) return;
    box.classList.toggle('start');
    if (overlaps(box.getBoundingClientRect(), control)) {
      box.classList.toggle('start');
      setFolded(true);
    }
  };
  document.addEventListener('keydown', keyed, true);
  document.addEventListener('focusin', dodge, true);
  const dispose = () => {
    document.removeEventListener('keydown', keyed, true);
    document.removeEventListener('focusin', dodge, true);
    host.remove();
  };

  const setPanel = (...children: HTMLElement[]) => {
    panel.replaceChildren(...children);
    panel.hidden = false;
    live.textContent = panel.textContent;
  };
  const note = (text: string, className = 'muted') => {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  };
  return {
    show() {
      if (!host.isConnected) document.documentElement.append(host);
    },
    report({ filled, unanswered }) {
      const parts = [
        list(
          `Filled ${filled.length} field${filled.length === 1 ? '' : 's'}`,
          filled.map((f) => f.field),
        ),
      ];
      if (unanswered.length)
        parts.push(
          list(
            'Left for you',
            unanswered.map((q) => q.label),
            'warn',
          ),
        );
      parts.push(note('Check the form, then submit it yourself. JobSwipe records it when you do.'));
      setPanel(...parts);
      summary = {
        short: unanswered.length ? `${unanswered.length} left` : 'filled',
        whole: `filled ${filled.length} field${filled.length === 1 ? '' : 's'}${unanswered.length ? `, ${unanswered.length} left for you` : ''}`,
      };
      // Its work done, the panel leaves the form to the user (not remembered: the user did not ask).
      setFolded(true);
    },
    say(message) {
      setPanel(note(message, ''));
      summary = { short: '', whole: '' };
      setFolded(false);
    },
    offer(message, answers, save) {
      const h = document.createElement('h2');
      h.textContent = `Save ${answers.length === 1 ? 'this answer' : `these ${answers.length} answers`} for future forms?`;
      const ul = document.createElement('ul');
      ul.className = 'choices';
      const boxes = answers.map((answer) => {
        const li = document.createElement('li');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = true;
        label.append(box, `${answer.question} → ${shownAnswer(answer.answer)}`);
        li.append(label);
        ul.append(li);
        return box;
      });
      const choices = document.createElement('div');
      choices.className = 'actions';
      const later = button('Not now', 'ghost');
      later.addEventListener('click', () => setPanel(note(message, '')));
      const keep = button('Save');
      keep.addEventListener('click', async () => {
        keep.disabled = true;
        const told = await save(answers.filter((_, i) => boxes[i]!.checked));
        setPanel(note(message, ''), note(told, ''));
      });
      choices.append(later, keep);
      setPanel(note(message, ''), h, ul, choices);
      summary = { short: '', whole: '' };
      setFolded(false);
    },
  };
}
