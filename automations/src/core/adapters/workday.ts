// Workday: the posting's "Apply" → "Apply Manually", the candidate account step (create one, or
// sign in when it exists), a wizard of steps each ending in "Save and Continue", a Review page
// whose button says "Submit", and a candidate account that lets a lost attempt be verified. The
// account step types and clicks through the host's input driver like every other field (trusted
// input under Playwright).
import { advance, recentlyClicked } from '../controls.ts';
import { deepQueryAll, isVisible, textOf } from '../dom.ts';
import { driver, typeInto } from '../fill.ts';
import { accountHere } from '../site-account.ts';
import type { StepInput, StepResult } from '../types.ts';
import type { Adapter } from './adapter.ts';

const id = (automationId: string) => `[data-automation-id="${automationId}"]`;

function visible(root: Document | Element, selector: string): HTMLElement | null {
  return deepQueryAll<HTMLElement>(selector, root).find(isVisible) ?? null;
}

async function accountStep(doc: Document, input: StepInput): Promise<StepResult | null> {
  const page = visible(doc, `${id('createAccountPage')},${id('signInPage')}`);
  if (!page) return null;
  const ats = 'workday';
  const here = accountHere(doc, input, ats);
  if (!here.ok) {
    return (
      here.refusal ?? {
        status: 'login_required',
        message: "Workday asks for a candidate account on this employer's site, and no account password was given.",
        ats,
      }
    );
  }
  const { account } = here;
  const creating = page.getAttribute('data-automation-id') === 'createAccountPage';
  const error = textOf(visible(page, id('errorBanner')));
  const submit = visible(page, `${id('createAccountSubmitButton')},${id('signInSubmitButton')}`);
  // React reuses the button between "Create Account" and "Sign In": the mode tells the clicks apart.
  const view = page.getAttribute('data-automation-id') ?? '';
  if (submit && recentlyClicked(submit, view) && !error) {
    return { status: 'waiting', message: 'Waiting for Workday to answer the account step.', ats };
  }
  if (error) {
    const signIn = visible(page, id('signInLink'));
    if (creating && signIn && /already exists|sign in/i.test(error))
      return advance(signIn, view, input, { action: 'the account exists: switched to "Sign In"', ats });
    if (!creating || !signIn)
      return { status: 'login_required', message: `Workday refused the account: ${error}`, ats };
  }
  const email = account.email ?? input.profile.email;
  const fields: Array<[string, string]> = [
    ['email', email],
    ['password', account.password],
  ];
  if (creating) fields.push(['verifyPassword', account.password]);
  for (const [name, value] of fields) {
    const el = visible(page, `input${id(name)}`) as HTMLInputElement | null;
    if (el) await typeInto(el, value);
  }
  const consent = visible(page, id('createAccountCheckbox')) as HTMLInputElement | null;
  if (consent && !consent.checked) await driver().click(consent);
  if (!submit) return { status: 'waiting', message: 'The account form has no submit button yet.', ats };
  return advance(submit, view, input, { action: creating ? 'created the candidate account' : 'signed in', ats });
}

export const workday: Adapter = {
  ats: 'workday',
  start: { selectors: [id('adventureButton'), id('applyManually')] },
  markers: {
    successSelectors: [id('congratulationsPopup')],
    errorSelectors: [id('errorBanner'), id('errorMessage')],
  },
  special: accountStep,
  // Signed in and shown the wizard: Workday would say "already applied" if an application existed.
  provesNotApplied: (doc) => visible(doc, id('progressBar')) !== null,
};
