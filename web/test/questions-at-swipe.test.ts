// Questions at the swipe (issue 15, point 1): a right-swipe on a card that needs answers is sent at
// once and opens the card's questions in its place, each as the control it takes; the answers
// follow the swipe (or wait with it offline), are saved to the profile, and the application goes
// straight through to SUBMITTED on the practice ATS with them. Real Chromium, the real backend, a
// real server worker and the practice ATS's Greenhouse board API; phone by touch, desktop by keyboard.
import { launchBrowser as launchEngineBrowser } from '@jobswipe/automations/runner/browser';
import { AddressCheck } from '@jobswipe/backend/egress/address-check';
import { fetchBoard } from '@jobswipe/backend/jobs/import/board-source';
import { saveJobs } from '@jobswipe/backend/jobs/import/save-jobs';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { applicantOn, startTestWorker, type TestWorker } from '@jobswipe/backend/testing/server-lane';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';
import { NetworkCable } from './support/network-cable.ts';
import { horizontalOverflow, seriousA11yViolations } from './support/page-checks.ts';

let backend: TestBackend;
let browser: Browser;
let ats: PracticeAts;
let worker: TestWorker;
let engine: Browser;

const SPONSORSHIP =
  'Will you now or in the future require sponsorship for employment visa status (e.g. H-1B visa status)?';
const EXPERIENCE = 'How many years of professional experience do you have?';

beforeAll(async () => {
  [backend, browser, ats] = await Promise.all([
    startBackend({ UNDO_GRACE_MS: '0' }),
    launchBrowser(),
    startPracticeAts(),
  ]);
  const check = new AddressCheck({ allow: new URL(ats.url).host });
  for (const board of ['lumenlabs', 'northwind']) {
    const jobs = await fetchBoard({ kind: 'greenhouse', board, baseUrl: `${ats.url}/api/greenhouse` }, check);
    await saveJobs(backend.node.ctx.db, jobs);
  }
  engine = (await launchEngineBrowser()).browser;
  worker = await startTestWorker(backend, engine, {}, { concurrency: 1 });
});

afterAll(async () => {
  await worker?.stop();
  await engine?.close();
  await browser?.close();
  await ats?.close();
  await backend?.close();
});

const prisma = () => backend.node.ctx.db.prisma;

/**
 * An applicant whose profile leaves sponsorship and experience open (so the form's yes/no and
 * choice are owed), with only `posting` open on the deck.
 */
async function applicantFacing(posting: string) {
  const user = await applicantOn(backend.api, prisma(), 'server_only');
  const saved = await user.api.put('/v1/profile', {
    workAuthorization: { authorizedCountries: ['United States'], requiresSponsorship: null },
    yearsOfExperience: null,
  });
  expect(saved.status).toBe(200);
  await prisma().job.updateMany({ where: { source: 'greenhouse' }, data: { closedAt: new Date() } });
  const job = await prisma().job.update({
    where: { source_externalId: { source: 'greenhouse', externalId: posting } },
    data: { closedAt: null },
  });
  return { user, job };
}

async function applicationOf(userId: string, jobId: string) {
  return prisma().application.findFirst({ where: { userId, jobId }, include: { events: true } });
}

describe('questions asked in the card at the swipe', () => {
  it('on a phone, by touch: the swipe goes at once, a yes/no and a choice are answered in the card, and it is submitted with them', {
    timeout: 120_000,
  }, async () => {
    const { user, job } = await applicantFacing('5123001');
    const { context, page } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true }, user);
    await page.goto('/');
    const top = page.locator('.card-top');
    await expect.poll(() => top.locator('.card-title').textContent()).toBe('Staff Frontend Engineer');
    expect(await top.getByTestId('readiness').textContent()).toBe('Needs 2 answers');

    await page.getByRole('button', { name: 'Apply' }).tap();
    const card = page.getByTestId('questions-card');
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('2 questions before it goes out');
    // Keyboard and screen-reader users are taken to it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('2 questions before it goes out');
    // The swipe did not wait for the answers: its application waits for them on the server.
    await expect.poll(async () => (await applicationOf(user.user.id, job.id))?.status).toBe('NEEDS_ATTENTION');
    // Nothing wider than the phone, even on a 360 px one, and nothing a screen reader stumbles on.
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'deck-questions-phone');

    await answerByTouch(card);
    await expect.poll(() => card.count()).toBe(0);

    await expect
      .poll(async () => (await applicationOf(user.user.id, job.id))?.status, { timeout: 90_000 })
      .toBe('SUBMITTED');
    const app = (await applicationOf(user.user.id, job.id))!;
    // Straight through: waiting once, from the swipe, never again.
    expect(app.events.filter((e) => e.toStatus === 'NEEDS_ATTENTION')).toHaveLength(1);
    const submitted = ats.submissions.list({ jobId: '5123001' });
    expect(submitted).toHaveLength(1);
    // The form got the options chosen in the card, by the values its own API publishes for them.
    for (const [label, option] of [
      [SPONSORSHIP, 'No'],
      [EXPERIENCE, '6-10 years'],
    ]) {
      const { name, value } = await boardOption('5123001', label!, option!);
      expect(submitted[0]!.fields[name], label).toBe(value);
    }

    // Saved to the profile like any answer: listed on the saved answers page.
    await page.goto('/answers');
    await expect.poll(() => page.getByText(SPONSORSHIP).count()).toBeGreaterThan(0);
    expect(await page.getByText(EXPERIENCE).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('with an undo window, the answers start its countdown, and Undo within it takes the application back', {
    timeout: 120_000,
  }, async () => {
    const { user, job } = await applicantFacing('5123001');
    await prisma().user.update({ where: { id: user.user.id }, data: { undoGraceMs: 60_000 } });
    const sentBefore = ats.submissions.list({ jobId: '5123001' }).length;
    const { context, page } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true }, user);
    await page.goto('/');
    const top = page.locator('.card-top');
    await expect.poll(() => top.locator('.card-title').textContent()).toBe('Staff Frontend Engineer');
    await page.getByRole('button', { name: 'Apply' }).tap();
    const card = page.getByTestId('questions-card');
    await expect.poll(() => card.count()).toBe(1);
    // No countdown while the questions are open: the application waits for them.
    expect(await page.getByTestId('undo-countdown').count()).toBe(0);
    await answerByTouch(card);

    const countdown = page.getByTestId('undo-countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^Applying to Staff Frontend Engineer in \d+ s/);
    // Held for the window from the answers' arrival, never offered to the worker meanwhile.
    await expect.poll(async () => (await applicationOf(user.user.id, job.id))?.status).toBe('GRACE');
    await screenshot(page, 'deck-answers-countdown-phone');

    await countdown.getByRole('button', { name: 'Undo' }).tap();
    await expect.poll(() => top.locator('.card-title').textContent()).toBe('Staff Frontend Engineer');
    await expect.poll(() => countdown.count()).toBe(0);
    expect((await applicationOf(user.user.id, job.id))?.status).toBe('CANCELLED');
    expect(ats.submissions.list({ jobId: '5123001' })).toHaveLength(sentBefore);
    await context.close();
  });

  it('on a desktop, by keyboard, offline: the swipe and its answers wait on the device and go out once when the network returns', {
    timeout: 120_000,
  }, async () => {
    const { user, job } = await applicantFacing('4012345');
    const cable = await NetworkCable.to(backend.node.url);
    const { context, page } = await signedInContext(browser, backend, DESKTOP, { baseURL: cable.url }, user);
    await page.goto('/');
    await expect
      .poll(() => page.locator('.card-top .card-title').textContent())
      .toBe('Senior Backend Engineer, Fleet Platform');
    cable.unplug();
    await context.setOffline(true);

    await page.keyboard.press('ArrowRight');
    const card = page.getByTestId('questions-card');
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('2 questions before it goes out');
    // Tab to the yes/no, Space picks "Yes"; Tab to the text, type; Tab to the button, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Robots that pick orders are the most fun I can imagine building.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send answers and apply');
    await screenshot(page, 'deck-questions-desktop');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');
    expect(await applicationOf(user.user.id, job.id)).toBeNull();

    cable.plug();
    await context.setOffline(false);
    await expect
      .poll(async () => (await applicationOf(user.user.id, job.id))?.status, { timeout: 90_000 })
      .toBe('SUBMITTED');
    const submitted = ats.submissions.list({ jobId: '4012345' });
    expect(submitted).toHaveLength(1);
    expect(JSON.stringify(submitted[0])).toContain('Robots that pick orders');
    expect(await prisma().application.count({ where: { userId: user.user.id } })).toBe(1);
    await context.close();
    await cable.close();
  });
});

/** Answers the card's yes/no ("No") and choice ("6-10 years") by touch and sends them. */
async function answerByTouch(card: Locator): Promise<void> {
  await card
    .getByRole('group', { name: new RegExp(`^${literally(SPONSORSHIP)}`) })
    .getByLabel('No')
    .tap();
  await card
    .getByRole('group', { name: new RegExp(`^${literally(EXPERIENCE)}`) })
    .getByLabel('6-10 years')
    .tap();
  await card.getByRole('button', { name: 'Send answers and apply' }).tap();
}

interface BoardQuestion {
  label: string;
  fields: { name: string; values: { label: string; value: string | number }[] }[];
}

/** The field and value a lumenlabs posting's form takes for `option` of the question `label`, from its board API. */
async function boardOption(posting: string, label: string, option: string): Promise<{ name: string; value: string }> {
  const res = await fetch(`${ats.url}/api/greenhouse/v1/boards/lumenlabs/jobs/${posting}?questions=true`);
  const { questions } = (await res.json()) as { questions: BoardQuestion[] };
  const field = questions.find((q) => q.label === label)?.fields[0];
  const value = field?.values.find((v) => v.label === option)?.value;
  if (!field || value === undefined) throw new Error(`${posting} does not offer "${option}" for "${label}"`);
  return { name: field.name, value: String(value) };
}

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
