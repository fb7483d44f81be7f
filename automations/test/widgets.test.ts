// The widgets real ATSs use, handled by the generic path: pages built like Workday, Ashby, Lever,
// Greenhouse and an embedded careers iframe (test/support/widget-pages.ts), applied to through
// `applyToJob` in a real Chromium over a real socket. Each check reads what the page's own submit
// sent, so a value the engine only seemed to set is caught.
import { rm } from 'node:fs/promises';
import type { SavedAnswers } from '@jobswipe/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToJob } from '../src/runner/apply.ts';
import { launchBrowser } from '../src/runner/browser.ts';
import { coreBundle } from '../src/runner/core-bundle.ts';
import { type Documents, PROFILE, writeDocuments } from './support/applicant.ts';
import { startWidgetSite, type WidgetSite } from './support/widget-pages.ts';

let site: WidgetSite;
let browser: Browser;
let docs: Documents;
beforeAll(async () => {
  [site, browser, docs] = await Promise.all([
    startWidgetSite(),
    launchBrowser().then((l) => l.browser),
    writeDocuments(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (docs) await rm(docs.dir, { recursive: true, force: true });
});

const apply = (path: string, answers: SavedAnswers = {}) =>
  applyToJob({
    url: `${site.url}${path}`,
    profile: PROFILE,
    answers,
    resumePath: docs.resumePath,
    mode: 'server',
    browser,
    job: { company: 'Acme Robotics', country: 'US' },
  });

const sent = (name: string) => site.submissions.get(name) ?? [];

function today(): string {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

describe.concurrent('widgets, through the generic path', () => {
  it('Workday: phone device type (the profile phone is the personal mobile), portaled code picker, two-level source, extension left alone, split and spinbutton dates', async () => {
    const result = await apply('/workday');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    const [body] = sent('workday');
    expect(body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      countryPhoneCode: 'United States of America (+1)',
      phoneType: 'Mobile',
      extension: '',
      source: ['LinkedIn'],
      start: '2027-01-15',
      dateSigned: today(),
    });
    expect(String(body?.phone).replace(/\D/g, '')).toMatch(/4155550134$/);
  });

  it('Ashby: labels naming no control, aria-pressed Yes/No, role=radio chips with en-dash ranges, upload elsewhere', async () => {
    const result = await apply('/ashby');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('ashby')).toEqual([
      {
        name: 'Ada Lovelace',
        email: 'ada.lovelace@example.org',
        resume: 'ada-lovelace-resume.pdf',
        relocate: 'No',
        years: '6–9 years',
      },
    ]);
    expect(site.uploads).toContain('ada-lovelace-resume.pdf');
  });

  it('Lever: an invisible hCaptcha is no block; LinkedIn distractor, references, opt-in and honeypot left alone', async () => {
    const result = await apply('/lever');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('lever')).toEqual([
      {
        name: 'Ada Lovelace',
        email: 'ada.lovelace@example.org',
        phone: expect.stringMatching(/415/),
        org: 'Analytical Engines Ltd',
        email_confirm: '',
        references: '',
        marketing: false,
        consent: true,
      },
    ]);
  });

  it('a challenge shown after the final click proves nothing was sent: blocked, not "did it go through?"', async () => {
    const result = await apply('/lever-challenge');
    expect(result.outcome, result.message ?? '').toBe('blocked');
    expect(sent('lever-challenge')).toEqual([]);
  });

  it('Greenhouse: react-select with a portaled menu, a typeahead that drops unpicked text, a numeric-valued code picker', async () => {
    const result = await apply('/greenhouse');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    const [body] = sent('greenhouse');
    expect(body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phoneCountry: '225',
      phoneCountryLabel: 'United States +1',
      location: 'San Francisco, California, United States',
      worked: 'No',
      authorized: 'Yes',
    });
  });

  it('waits for a declared typeahead whose suggestions come slowly, instead of typing text it drops', async () => {
    const result = await apply('/greenhouse-slow');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('greenhouse-slow')).toMatchObject([{ location: 'San Francisco, California, United States' }]);
  });

  it('a read-only date set through its popup calendar, a month at a time', async () => {
    const result = await apply('/calendar');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('calendar')).toEqual([{ start: '01/15/2027' }]);
  });

  it('an iframe whose first step asks only email and consent, then shadow-DOM fields with new ids', async () => {
    const result = await apply('/embed');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('embed')).toEqual([
      {
        email: 'ada.lovelace@example.org',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone: expect.stringMatching(/415/),
        years: '3',
      },
    ]);
  });
});

describe('trusted input, and nothing left on the page', () => {
  it('Apply and Submit are clicked with real input where the site ignores synthetic clicks', async () => {
    const result = await apply('/trusted');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('trusted')).toEqual([{ email: 'ada.lovelace@example.org' }]);
  });

  it('a step leaves no attribute, and no global beyond the core itself, on the employer page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}/lever`);
      const globalsBefore = await page.evaluate(() => Object.keys(globalThis));
      await page.evaluate(await coreBundle());
      const input = { profile: PROFILE, answers: {}, files: {}, submits: 0, trustedClicks: true };
      const result = await page.evaluate((arg) => globalThis.__jobswipeCore!.step(arg), input);
      expect(result.status).toBe('ready');
      const marked = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => /jobswipe/i.test(n))),
      );
      expect(marked).toEqual([]);
      const added = await page.evaluate(
        (before) => Object.keys(globalThis).filter((k) => !before.includes(k) && k !== '__jobswipeCore'),
        globalsBefore,
      );
      expect(added).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('a form that refuses', () => {
  it('a wizard step refusing the same click ends as needs attention, with the refused field as a question', async () => {
    const result = await apply('/stuck');
    expect(result.outcome, result.message ?? '').toBe('needs_attention');
    expect(result.message).toMatch(/Favourite colour/);
    expect(result.unanswered.map((q) => q.label)).toEqual(['Favourite colour']);
  });

  it('Workday: a step that renders a new button and new ids after each refused click is not clicked forever', async () => {
    const result = await apply('/workday-rerender');
    expect(result.outcome, result.message ?? '').toBe('needs_attention');
    expect(result.message).toMatch(/Favourite colour/);
    expect(result.unanswered.map((q) => q.label)).toEqual(['Favourite colour']);
  });

  it('iCIMS: a server that renders the refused step again, at a new address, is not posted to forever', async () => {
    const result = await apply('/icims');
    expect(result.outcome, result.message ?? '').toBe('needs_attention');
    expect(result.message).toMatch(/Favourite colour/);
    expect(result.unanswered.map((q) => q.label)).toEqual(['Favourite colour']);
  });
});

describe('starting an application', () => {
  it("Workday: the Start Your Application dialog's Apply Manually, then a dropdown named with what it shows", async () => {
    const result = await apply('/workday-start');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('workday-start')).toEqual([{ first: 'Ada', state: 'California' }]);
  });
});

describe('required-ness the page shows without saying it', () => {
  it('BambooHR: labels whose asterisk the stylesheet draws are required, so the consent box is ticked', async () => {
    const result = await apply('/bamboohr');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('bamboohr')).toEqual([
      { firstName: 'Ada', lastName: 'Lovelace', email: 'ada.lovelace@example.org', consent: true },
    ]);
  });

  it('BambooHR: a required native select hidden behind a menu button is found by its button and answered', async () => {
    const result = await apply('/bamboohr-select');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('bamboohr-select')).toEqual([{ firstName: 'Ada', state: 'CA' }]);
  });

  it("Workable: a component kit's role=checkbox consent is ticked, its job-alerts box is not", async () => {
    const result = await apply('/workable');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('workable')).toEqual([
      { firstname: 'Ada', email: 'ada.lovelace@example.org', gdpr: true, news: false },
    ]);
  });

  it.each([
    ['Addie', true, 'Addie'],
    ['Ada', false, ''],
  ] as const)(
    'Workday: a prompt drawn as a plain "Search" box, picked through a category whose options render late; going by "%s", "I have a preferred name" ticked: %s',
    async (goesBy, ticked, preferred) => {
      const result = await apply('/workday-prompt', { 'what name do you go by': goesBy });
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(sent('workday-prompt')).toContainEqual({
        source: ['LinkedIn'],
        first: 'Ada',
        preferredCheck: ticked,
        preferred,
      });
    },
  );

  it('BambooHR: "Address" named streetAddress is the street line; a span-labelled list picker shows no value until picked; software development years are a software engineer\'s career', async () => {
    const result = await apply('/bamboohr-questions');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('bamboohr-questions')).toEqual([
      { firstName: 'Ada', address: '1 Market St', city: 'San Francisco', years: '6-9 years' },
    ]);
  });

  it('Workable: a "Required" badge in the accessible name is no part of the question: a privacy notice consent is ticked, never read as a notice period', async () => {
    const result = await apply('/workable-badges');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('workable-badges')).toEqual([{ firstname: 'Ada', heard: 'LinkedIn', gdpr: true }]);
  });

  it('iCIMS: a privacy-policy box that a refusal of the Next click names only in words is accepted on the next try', async () => {
    const result = await apply('/icims-login-unmarked');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('icims-login-unmarked')).toEqual([{ first: 'Ada' }]);
  });

  it('iCIMS: a privacy-policy box with no marker, which only the refusal marks, is accepted on the next try', async () => {
    const result = await apply('/icims-login');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('icims-login')).toEqual([{ first: 'Ada' }]);
  });
});

describe('a refusal after the final click: recovered once, or asked with the fields it names', () => {
  it('Workable: a toast-only "fill in all required fields" gets the unmarked privacy box ticked, never the talent pool', async () => {
    const result = await apply('/workable-toast');
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(sent('workable-toast')).toEqual([
      { firstname: 'Ada', email: 'ada.lovelace@example.org', gdpr: true, talent: false },
    ]);
  });

  it('BambooHR: "Some required fields are missing" in a role-less notice is a refusal naming the field it marks', async () => {
    const result = await apply('/bamboohr-missing');
    expect(result.outcome).toBe('needs_attention');
    expect(result.message).toMatch(/refused the application, so nothing was submitted/);
    expect(result.unanswered.map((q) => [q.label, q.required])).toEqual([
      ['What interests you about this role?', true],
    ]);
    expect(sent('bamboohr-missing')).toEqual([]);
    // The refusal proves nothing was sent: the host clears its submitting checkpoint.
    expect(result.submitRefused).toBe(true);
  });

  it("iCIMS: an error summary's link names the refused field, not the other empty one", async () => {
    const result = await apply('/icims-summary');
    expect(result.outcome).toBe('needs_attention');
    expect(result.message).toMatch(/nothing was submitted/);
    expect(result.unanswered.map((q) => q.label)).toEqual(['Which team would you most like to join?']);
  });
});

describe('verifying a lost final submit', () => {
  it('reads a settled page: a notice its server sends late is found, not answered "unknown"', async () => {
    const result = await applyToJob({
      url: `${site.url}/applied`,
      profile: PROFILE,
      mode: 'server',
      browser,
      verifyFirst: true,
    });
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(result.confirmation).toMatch(/already applied/i);
  });
});

describe('required-ness and labels, as discovered', () => {
  async function discovered(path: string): Promise<Array<[string, boolean, string, string]>> {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}${path}`);
      await page.evaluate(await coreBundle());
      return await page.evaluate(() =>
        globalThis
          .__jobswipeCore!.discoverFields()
          .map((f): [string, boolean, string, string] => [f.label, f.required, f.type, f.widget]),
      );
    } finally {
      await page.close();
    }
  }

  it('reads every required signal and the question a group belongs to', async () => {
    expect(await discovered('/workday')).toEqual(
      expect.arrayContaining([
        ['First Name', true, 'text', 'text'],
        ['Phone Extension', false, 'text', 'text'],
        ['Country Phone Code', true, 'combobox', 'combobox'],
        ['When can you start?', true, 'date', 'date_parts'],
        ['Date', true, 'date', 'date_parts'],
      ]),
    );
    expect(await discovered('/ashby')).toEqual(
      expect.arrayContaining([
        ['Resume', true, 'file', 'file'],
        ['Are you willing to relocate to New York?', true, 'yes_no', 'buttons'],
        ['How many years of professional experience do you have?', false, 'radio', 'buttons'],
      ]),
    );
  });
});
