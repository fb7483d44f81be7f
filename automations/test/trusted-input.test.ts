// The server worker's path fills through real input and leaves nothing the employer's page can
// see: a careers page (native date and time inputs, selects hidden behind Select2 and Chosen,
// a multi-select, a checkbox group and a tag picker among its fields) whose form (in a cross-site iframe) refuses any untrusted event, any new
// global and any attribute its own scripts did not set (test/support/trust-page.ts) takes the
// application from `applyToJob` in a real Chromium over a real socket — straight, behind a
// Workday-style candidate account step, and behind the site's own sign-in form.
import { normalizeQuestion } from '@jobswipe/protocol';
import type { BrowserContext } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { applyToJob } from '../src/runner/apply.ts';
import { PROFILE } from './support/applicant.ts';
import { liveSite } from './support/live-site.ts';
import { SITE_PASSWORD, startTrustSite, type TrustReport } from './support/trust-page.ts';

const live = liveSite(startTrustSite);

beforeEach(() => live.site?.reset());

const APPLICATION = {
  first: 'Ada',
  last: 'Lovelace',
  email: 'ada.lovelace@example.org',
  phone: expect.stringMatching(/415.*555.*0134/),
  years: '6-9',
  sponsorship: 'no',
  country: 'United States',
  resume: 'ada-lovelace-resume.pdf',
  privacy: 'true',
  // Native date and time inputs, typed segment by segment; no key of theirs reaches the optional
  // field after them, which the applicant has no answer for.
  middle: '',
  // Native date and time inputs, typed segment by segment.
  start: '2027-01-15',
  calltime: '14:30',
  promoted: '2024-03',
  slot: '2027-01-20T09:45',
  // Selects a UI kit hides (Select2, Chosen), chosen through the kit's own dropdown.
  source: 'LinkedIn',
  office: 'San Francisco',
  // "Select all that apply": a native multi-select, Select2's multiple one, a checkbox group.
  languages: 'Python, TypeScript',
  spoken: 'English, German',
  zones: 'pacific, eastern',
  // A tag picker: each tag chosen from its list.
  clouds: 'AWS, Google Cloud',
};

/** The applicant's saved answers to the form's own questions (the profile answers the rest). */
const ANSWERS = {
  // Written the applicant's way; the inputs hold them in their own format.
  [normalizeQuestion('Best time to call you')]: '2:30 PM',
  [normalizeQuestion('Month of your last promotion')]: '2024-03',
  [normalizeQuestion('Preferred interview slot')]: '2027-01-20 9:45 am',
  [normalizeQuestion('Which office would you work from?')]: 'San Francisco',
  [normalizeQuestion('Which programming languages do you use? Select all that apply.')]: ['TypeScript', 'Python'],
  [normalizeQuestion('Which languages do you speak? Select all that apply.')]: ['German', 'English'],
  [normalizeQuestion('Which cloud platforms have you used? Select all that apply.')]: ['Google Cloud', 'AWS'],
  [normalizeQuestion('Which time zones can you work in? Select all that apply.')]: ['Pacific', 'Eastern'],
};

function apply(url: string, password?: string, context?: BrowserContext) {
  const { site, browser, docs } = live;
  return applyToJob({
    url,
    profile: PROFILE,
    answers: ANSWERS,
    resumePath: docs.resumePath,
    ...(context ? { mode: 'desktop' as const, context } : { mode: 'server' as const, browser }),
    job: { company: 'Northwind', country: 'US' },
    // The password is for the ATS's host (the frame), not the company page's.
    ...(password ? { account: { password, host: site.atsHost } } : {}),
  });
}

/** What every report of `document` found, and the trusted events of each type it saw in all. */
function seenBy(document: string): { violations: string[]; seen: Record<string, number>; reports: number } {
  const reports: TrustReport[] = live.site.reports.get(document) ?? [];
  const seen: Record<string, number> = {};
  for (const r of reports) for (const [type, n] of Object.entries(r.seen)) seen[type] = (seen[type] ?? 0) + n;
  return { violations: reports.flatMap((r) => r.violations), seen, reports: reports.length };
}

it('submits a form that accepts only trusted input, in a cross-site iframe, leaving no global or attribute', async () => {
  const { site } = live;
  const result = await apply(site.url);
  const form = seenBy('form');
  expect(form.violations, 'what the form saw').toEqual([]);
  expect(result.outcome, result.message ?? '').toBe('submitted');
  expect(site.submissions).toEqual([APPLICATION]);
  // The watch ran: it saw the engine's typing, choosing and clicking, all of it trusted.
  for (const type of ['input', 'change', 'click', 'keydown'])
    expect(form.seen[type] ?? 0, `trusted ${type} events`).toBeGreaterThan(0);
  // The company page around the frame saw nothing of the engine either.
  expect(site.reports.get('outer')?.map((r) => r.violations)).toEqual([[]]);
});

it("types native dates in the fields the browser draws when the page's locale suggests another layout", async () => {
  const { site, browser } = live;
  // The page's Intl says sv-SE (year first, 24-hour clock); Chromium lays the fields out by its own
  // language (month first, AM/PM here), so the layouts tried first are wrong and the right one is
  // found by reading the input back, without a key leaving it for the field after it.
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  try {
    const result = await apply(site.url, undefined, context);
    expect(seenBy('form').violations, 'what the form saw').toEqual([]);
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(site.submissions).toEqual([APPLICATION]);
  } finally {
    await context.close();
  }
});

it('creates a Workday-style candidate account with trusted input only, then applies, leaving nothing', async () => {
  const { site } = live;
  const result = await apply(site.startingAt('account'), SITE_PASSWORD);
  const account = seenBy('account');
  // It reports when its button gets a trusted click, and only then lets the applicant on.
  expect(account.reports, 'trusted clicks on "Create Account"').toBe(1);
  expect(account.violations, 'what the account step saw').toEqual([]);
  // Typed, ticked and clicked there: the step answers only a trusted click on its button.
  for (const type of ['input', 'change', 'click', 'keydown'])
    expect(account.seen[type] ?? 0, `trusted ${type} events on the account step`).toBeGreaterThan(0);
  expect(site.accounts).toEqual([{ email: PROFILE.email, password: SITE_PASSWORD }]);
  expect(result.outcome, result.message ?? '').toBe('submitted');
  expect(seenBy('form').violations, 'what the form saw').toEqual([]);
  expect(seenBy('outer').violations, 'what the company page saw').toEqual([]);
  expect(site.submissions).toEqual([APPLICATION]);
});

it('signs in again after the site refused a try, with trusted input and no count left in the page', async () => {
  const { site } = live;
  const result = await apply(site.startingAt('login'), SITE_PASSWORD);
  const login = seenBy('login');
  // Both tries' documents reported: nothing in their storage, globals or attributes, no untrusted event.
  expect(login.reports).toBe(2);
  expect(login.violations, 'what the sign-in pages saw').toEqual([]);
  expect(login.seen.input ?? 0, 'trusted typing on the sign-in form').toBeGreaterThan(0);
  expect(site.signIns).toBe(2);
  expect(result.outcome, result.message ?? '').toBe('submitted');
  expect(seenBy('form').violations, 'what the form saw').toEqual([]);
  expect(site.submissions).toEqual([APPLICATION]);
});

it('stops after two refused sign-ins and asks the user, the count kept outside the page', async () => {
  const { site } = live;
  const result = await apply(site.startingAt('login'), 'not-the-password');
  expect(result.outcome).toBe('needs_attention');
  expect(result.message).toMatch(/refused the sign-in: "Incorrect email or password\."/);
  // Each try is a new document: only the host's record of the tries stops a third one.
  expect(site.signIns).toBe(2);
  expect(seenBy('login').violations, 'what the sign-in pages saw').toEqual([]);
  expect(site.submissions).toEqual([]);
});
