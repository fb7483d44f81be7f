// The autofill's only mark on a page: a small button in a closed shadow root (the page's scripts
// and styles cannot reach into it), and after a fill the list of what it filled and what it left
// to the user. It never submits: the user reviews the form and submits it.
import type { AutofillReport } from '@jobswipe/automations/core/types';
import { shownAnswer, type TypedAnswer } from './typed-answers.ts';

// The web's tokens (web/src/styles.css), so the button looks like JobSwipe.
const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1a2e; }
.box { display: grid; gap: 8px; justify-items: end; }
button { font: inherit; font-weight: 600; border: 0; border-radius: 14px; padding: 10px 16px; cursor: pointer;
  background: #5b4cf0; color: #fff; box-shadow: 0 10px 30px rgb(40 30 90 / 0.14), 0 2px 6px rgb(40 30 90 / 0.08); }
button:hover { background: #4636d8; }
button:focus-visible { outline: 3px solid #ff8a00; outline-offset: 2px; }
button[disabled] { opacity: 0.7; cursor: progress; }
.panel { max-width: 320px; max-height: 50vh; overflow: auto; background: #fff; border: 1px solid #dcd9ea;
  border-radius: 14px; padding: 12px 14px; box-shadow: 0 10px 30px rgb(40 30 90 / 0.14); }
.panel[hidden] { display: none; }
h2 { font-size: 14px; margin: 0 0 4px; }
ul { margin: 0 0 8px; padding-left: 18px; }
.muted { color: #5d5a75; font-size: 12px; margin: 0; }
.choices { list-style: none; padding: 0; }
.choices label { display: flex; gap: 6px; align-items: start; }
.actions { display: flex; gap: 8px; justify-content: end; }
button.ghost { background: #fff; color: #5b4cf0; border: 1px solid #dcd9ea; box-shadow: none; }
.warn { color: #8a5300; }
`;

export interface FillButton {
  /** Shows the button (once a form is recognised). */
  show(): void;
  /** After a fill: what was filled and what is left to the user. */
  report(report: AutofillReport): void;
  /** A message in the panel (an error, or that the submit was recorded). */
  say(message: string): void;
  /**
   * Below `message`: offers to save the answers the user typed, each chosen on its own (all at
   * first); `save` gets the chosen ones and answers what to tell the user.
   */
  offer(message: string, answers: TypedAnswer[], save: (chosen: TypedAnswer[]) => Promise<string>): void;
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

/** `onFill`: the user asks for a fill; `offHere`: the user turns the autofill off on this site. */
export function fillButton(onFill: () => Promise<void>, offHere: () => Promise<void>): FillButton {
  const host = document.createElement('jobswipe-autofill');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'box';
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Fill with JobSwipe';
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Filling…';
    try {
      await onFill();
    } finally {
      button.disabled = false;
      button.textContent = 'Fill again';
    }
  });
  const off = document.createElement('button');
  off.type = 'button';
  off.className = 'ghost';
  off.textContent = 'Not on this site';
  off.addEventListener('click', async () => {
    await offHere();
    host.remove();
  });
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(off, button);
  box.append(panel, actions);
  root.append(style, box);

  const setPanel = (...children: HTMLElement[]) => {
    panel.replaceChildren(...children);
    panel.hidden = false;
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
    },
    say(message) {
      setPanel(note(message, ''));
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
      const actions = document.createElement('div');
      actions.className = 'actions';
      const later = document.createElement('button');
      later.type = 'button';
      later.className = 'ghost';
      later.textContent = 'Not now';
      later.addEventListener('click', () => setPanel(note(message, '')));
      const keep = document.createElement('button');
      keep.type = 'button';
      keep.textContent = 'Save';
      keep.addEventListener('click', async () => {
        keep.disabled = true;
        const told = await save(answers.filter((_, i) => boxes[i]!.checked));
        setPanel(note(message, ''), note(told, ''));
      });
      actions.append(later, keep);
      setPanel(note(message, ''), h, ul, actions);
    },
  };
}
