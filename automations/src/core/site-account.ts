// The applicant's password for a site is typed only into a page of the exact host it was given
// for: every Workday tenant shares one registrable domain, and a redirect or an embedded frame
// must not walk the password over to another employer's (or anyone's) login form.
import type { StepInput, StepResult } from './types.ts';

export type SiteAccount = NonNullable<StepInput['account']>;

export type AccountHere = { ok: true; account: SiteAccount } | { ok: false; refusal: StepResult | null };

/** The account to sign in with on `doc`, or why there is none (null: no password was given). */
export function accountHere(doc: Document, input: StepInput, ats: StepResult['ats']): AccountHere {
  const account = input.account;
  if (!account?.password) return { ok: false, refusal: null };
  const here = doc.location.host.toLowerCase();
  if (here === account.host.toLowerCase()) return { ok: true, account };
  return {
    ok: false,
    refusal: {
      status: 'login_required',
      message: `This sign-in form is on ${here}, but the password JobSwipe has is for ${account.host}: it is typed nowhere else.`,
      ats,
    },
  };
}
