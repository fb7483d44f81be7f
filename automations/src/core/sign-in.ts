// A site's own sign-in wall, when the applicant gave JobSwipe a password for it: sign in with the
// profile's email, or create the account when the site has none for that email. Stateless like
// the rest of the core: the tries per site are counted in the host's record of what was pressed
// (`StepInput.clicked`, kept by the Playwright runner and the extension's background across the
// documents between tries), never in the page's storage, so a wrong password ends in
// `login_required` instead of a loop and the employer's page sees no count.
import { advance, findControl, recentlyClicked } from './controls.ts';
import { deepQueryAll, isVisible, textOf } from './dom.ts';
import { typeInto } from './fill.ts';
import { accountHere } from './site-account.ts';
import type { StepInput, StepResult } from './types.ts';

const CREATE_LINK = /create (an |your )?account|sign ?up|register|new here/i;
const SIGN_IN_LINK = /^(sign ?in|log ?in)\b/i;
const NO_ACCOUNT = /incorrect|invalid|not (be )?found|no account|doesn.t exist|does not exist|wrong/i;
const EXISTS = /already exists|already registered|already have an account/i;
const MAX_TRIES = 2;

const tryKey = (doc: Document, mode: string) => `jobswipe:sign-in:${doc.location.host}:${mode}`;

/** Tries made in `mode`: the host adds each returned `pressed` to its record. */
function tries(doc: Document, mode: string, input: StepInput): number {
  return (input.clicked ?? []).filter((k) => k === tryKey(doc, mode)).length;
}

function visibleInputs(form: Element, selector: string): HTMLInputElement[] {
  return deepQueryAll<HTMLInputElement>(selector, form).filter(isVisible);
}

/** Null when the page has no sign-in form this step knows how to use. */
export async function signIn(doc: Document, input: StepInput, ats: StepResult['ats']): Promise<StepResult | null> {
  const password = visibleInputs(doc.documentElement, 'input[type="password"]')[0];
  const form = password?.closest('form');
  if (!password || !form) return null;
  const here = accountHere(doc, input, ats);
  if (!here.ok) return here.refusal;
  const { account } = here;
  const email = visibleInputs(form, 'input[type="email"],input[autocomplete="username"],input[name*="email" i]')[0];
  if (!email) return null;

  const creating =
    visibleInputs(form, 'input[type="password"]').length > 1 || /create|sign ?up|register/i.test(textOf(form));
  const mode = creating ? 'create' : 'signin';
  const error = deepQueryAll('[role="alert"],.error,.errors,[aria-live="assertive"]', doc.documentElement)
    .filter(isVisible)
    .map((e) => textOf(e))
    .find(Boolean);
  const view = `${doc.location.href}#${mode}`;
  const submit = form.querySelector<HTMLElement>('button[type="submit"],input[type="submit"],button:not([type])');
  if (submit && recentlyClicked(submit, view) && !error) {
    return { status: 'waiting', message: 'Waiting for the site to answer the sign-in.', ats };
  }
  if (error) {
    const switchTo =
      !creating && NO_ACCOUNT.test(error) ? CREATE_LINK : creating && EXISTS.test(error) ? SIGN_IN_LINK : null;
    const link = switchTo && findControl(doc, { selectors: [], text: switchTo });
    const otherMode = creating ? 'signin' : 'create';
    if (link && tries(doc, otherMode, input) < MAX_TRIES)
      return advance(link.element, view, input, { action: `the site said "${error}": clicked "${link.label}"`, ats });
    if (tries(doc, mode, input) >= MAX_TRIES) {
      return { status: 'login_required', message: `The site refused the sign-in: "${error}"`, ats };
    }
  }
  if (tries(doc, mode, input) >= MAX_TRIES) {
    return { status: 'login_required', message: 'The site keeps asking to sign in.', ats };
  }
  await typeInto(email, account.email ?? input.profile.email);
  for (const field of visibleInputs(form, 'input[type="password"]')) await typeInto(field, account.password);
  if (!submit) return null;
  return advance(submit, view, input, {
    action: creating ? 'created an account on the site' : 'signed in to the site',
    ats,
    pressed: tryKey(doc, mode),
  });
}
