// The server worker's path fills through real input and leaves nothing the employer's page can
// see: a careers page whose form (in a cross-site iframe) refuses any untrusted event, any new
// global and any attribute its own scripts did not set (test/support/trust-page.ts) takes the
// application from `applyToJob` in a real Chromium over a real socket.
import { expect, it } from 'vitest';
import { applyToJob } from '../src/runner/apply.ts';
import { PROFILE } from './support/applicant.ts';
import { liveSite } from './support/live-site.ts';
import { startTrustSite } from './support/trust-page.ts';

const live = liveSite(startTrustSite);

it('submits a form that accepts only trusted input, in a cross-site iframe, leaving no global or attribute', async () => {
  const { site, browser, docs } = live;
  const result = await applyToJob({
    url: site.url,
    profile: PROFILE,
    answers: {},
    resumePath: docs.resumePath,
    mode: 'server',
    browser,
    job: { company: 'Northwind', country: 'US' },
  });
  const [form] = site.reports.get('form') ?? [];
  expect(form?.violations ?? [], 'what the form saw').toEqual([]);
  expect(result.outcome, result.message ?? '').toBe('submitted');
  expect(site.submissions).toEqual([
    {
      first: 'Ada',
      last: 'Lovelace',
      email: 'ada.lovelace@example.org',
      phone: expect.stringMatching(/415.*555.*0134/),
      years: '6-9',
      sponsorship: 'no',
      country: 'United States',
      resume: 'ada-lovelace-resume.pdf',
      privacy: 'true',
    },
  ]);
  // The watch ran: it saw the engine's typing, choosing and clicking, all of it trusted.
  for (const type of ['input', 'change', 'click', 'keydown'])
    expect(form?.seen[type] ?? 0, `trusted ${type} events`).toBeGreaterThan(0);
  // The company page around the frame saw nothing of the engine either.
  expect(site.reports.get('outer')?.map((r) => r.violations)).toEqual([[]]);
});
