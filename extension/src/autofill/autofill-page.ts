// The autofill in a page the user opened: once the engine recognises an application form, the
// button offers itself; a click fills the form with the in-page core the executors use (the same
// answer policy: a sensitive question only from the user's own saved answer) and submits nothing.
// When the page (this one, or the next one the tab loads) then shows the ATS's confirmation of the
// user's own submit, the worker records the application as applied by hand.
import { afterSubmit, fill, recognise } from '@jobswipe/automations/core/index';
import { browser } from 'wxt/browser';
import type { AutofillReply, AutofillRequest } from '../background/messages.ts';
import { type FillButton, fillButton } from './fill-button.ts';
import { jobOfPage } from './page-job.ts';
import { emptyQuestions, type TypedAnswer, typedAnswers } from './typed-answers.ts';

/** Quiet time after the page's last change before looking at it again. */
const QUIET_MS = 300;
/** How long a filled page is watched for the confirmation of the user's submit. */
const WATCH_MS = 30 * 60_000;
const RECORDED = 'Recorded on JobSwipe: applied by hand.';

function ask<R extends AutofillRequest>(request: R): Promise<AutofillReply<R['type']>> {
  return browser.runtime.sendMessage(request) as Promise<AutofillReply<R['type']>>;
}

/**
 * Calls `look` now and after each burst of changes to the page, one call at a time, until it
 * returns true or `forMs` passed.
 */
function whilePageChanges(look: () => Promise<boolean>, forMs: number): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  // Changes that came while a look was running: that look may have missed them, so one more follows.
  let again = false;
  let done = false;
  const observer = new MutationObserver(() => schedule());
  const stop = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  const run = async () => {
    if (done) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      if (await look()) stop();
    } catch (err) {
      // A page changing under the look can make it throw: the page is looked at again shortly,
      // not given up on (it may not change again by itself).
      console.warn('JobSwipe autofill: looking at the page failed; looking again', err);
      schedule();
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      void run();
    }
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), QUIET_MS);
  }
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  setTimeout(stop, forMs);
  void run();
}

async function saveAnswers(chosen: TypedAnswer[]): Promise<string> {
  if (!chosen.length) return 'Nothing saved.';
  const reply = await ask({ type: 'autofill.saveAnswers', answers: chosen });
  if (!reply.ok) return `JobSwipe could not save them: ${reply.error}`;
  return `Saved ${reply.saved} answer${reply.saved === 1 ? '' : 's'} for future forms.`;
}

/** Once the page confirms the user's submit: records it, then offers to save what the user typed. */
function watchForConfirmation(button: FillButton): void {
  whilePageChanges(async () => {
    const shown = await afterSubmit();
    if (shown.status !== 'submitted') return false;
    const reply = await ask({ type: 'autofill.submitted', confirmation: shown.confirmation });
    button.show();
    if (!reply.ok) button.say(`JobSwipe could not record this application: ${reply.error}`);
    else if (reply.toSave.length) button.offer(RECORDED, reply.toSave, saveAnswers);
    else button.say(RECORDED);
    return true;
  }, WATCH_MS);
}

/** Calls `each` whenever the user submits in this document (a submit event, or a click on a button). */
function onUsersSubmits(each: () => void): void {
  const listener = (e: Event) => {
    if (e.type === 'click' && !(e.target as Element | null)?.closest('button,[type="submit"],[role="button"]')) return;
    each();
  };
  document.addEventListener('submit', listener, true);
  document.addEventListener('click', listener, true);
}

/**
 * Whether to offer the button here, asked again a few times: the extension's worker may be
 * starting (Chrome stops it when idle), and a message it missed gets no answer.
 */
async function pageState(): Promise<AutofillReply<'autofill.state'>> {
  for (let tries = 1; ; tries++) {
    const state = await ask({ type: 'autofill.state' }).catch((err: unknown) => {
      if (tries >= 5) throw err;
      return undefined;
    });
    if (state) return state;
    if (tries >= 5) throw new Error('The JobSwipe extension did not answer.');
    await new Promise((resolve) => setTimeout(resolve, 500 * tries));
  }
}

export async function startAutofill(): Promise<void> {
  const state = await pageState();
  if (!state.offer && !state.filled) return;
  // The questions the fills left empty here, and what the user has typed in them (by question key).
  const left = new Set<string>();
  const typed = new Map<string, TypedAnswer>();
  let told = '[]';
  const noteTyped = () => {
    for (const [key, answer] of typedAnswers(left)) {
      if (answer) typed.set(key, answer);
      else typed.delete(key);
    }
    const answers = [...typed.values()];
    if (JSON.stringify(answers) === told) return;
    told = JSON.stringify(answers);
    void ask({ type: 'autofill.typed', answers });
  };
  let watching = false;
  const watch = () => {
    if (watching) return;
    watching = true;
    watchForConfirmation(button);
  };
  const button = fillButton(
    {
      async fill() {
        const reply = await ask({ type: 'autofill.input' });
        if (!reply.ok) {
          button.say(reply.error);
          return;
        }
        const report = await fill(reply.input);
        button.report(report);
        for (const key of emptyQuestions()) left.add(key);
        const page = { url: location.href, ...jobOfPage(document, report.ats), atsKind: report.ats };
        await ask({ type: 'autofill.filled', page, report });
        // The user's submit may be answered on this very page (a form that confirms without loading
        // another); text the page showed before the submit is not a confirmation of it. A submit or a
        // wizard's Next also takes what the user typed, before the page moves on.
        if (!listening) {
          listening = true;
          onUsersSubmits(() => {
            noteTyped();
            watch();
          });
        }
      },
      async offHere() {
        await ask({ type: 'autofill.siteOff' });
      },
      folded(folded) {
        void ask({ type: 'autofill.fold', folded });
      },
    },
    state.folded,
  );
  let listening = false;
  // A page the tab loaded after a fill here: the answer to the user's submit, or the form's next page.
  if (state.filled) watch();
  if (state.offer) {
    whilePageChanges(async () => {
      if (!(await recognise())) return false;
      button.show();
      return true;
    }, WATCH_MS);
  }
}
