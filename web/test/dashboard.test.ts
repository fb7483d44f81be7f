// The dashboard pages in Chromium against a real backend: applications (list, detail, live status,
// answering a question, cancel), device pairing, plan and usage, and the operators' view.

import type { TransitionRequest } from '@jobswipe/backend/applications/transition';
import { storeEvidence } from '@jobswipe/backend/evidence/store-evidence';
import type { Api } from '@jobswipe/backend/testing/api';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { deliverEvent, type StripeStandIn, startStripeStandIn } from '@jobswipe/backend/testing/stripe-stand-in';
import { changeStatus, claimAs } from '@jobswipe/backend/testing/transitions';
import type { ApplicationSummary, CheckoutResponse, SwipeResponse } from '@jobswipe/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;
let stripe: StripeStandIn;
const WEBHOOK_SECRET = `whsec_${crypto.randomUUID().replaceAll('-', '')}`;

beforeAll(async () => {
  stripe = await startStripeStandIn();
  [backend, browser] = await Promise.all([
    startBackend({
      SWIPE_RATE_LIMIT: '100000',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_BASE: stripe.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await stripe?.close();
});

const prisma = () => backend.node.ctx.db.prisma;

const change = (req: TransitionRequest) => changeStatus(backend.node.ctx, req);

async function applyTo(api: Api, title: string, company: string): Promise<ApplicationSummary> {
  const [job] = await createJobs(prisma(), 1, {
    title,
    company,
    location: 'Berlin, Germany',
    remote: false,
    description: 'Build the pipeline that applies for job seekers.\n\nYou will own the form filler end to end.',
    keyPoints: ['Playwright', 'Postgres', 'Hybrid, 2 days in the office'],
  });
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  return res.body.application!;
}

const claim = (id: string, owner = 'device:ada-laptop') => claimAs(backend.node.ctx, id, owner);

async function running(id: string, step: string, pct: number) {
  const lease = await claim(id);
  return change({
    applicationId: id,
    name: 'start',
    to: 'RUNNING',
    actor: 'device:ada-laptop',
    lease: { token: lease.leaseToken, holder: 'device:ada-laptop' },
    changes: { progress: { step, pct } },
  });
}

function rowOf(page: Page, title: string) {
  return page.getByTestId('application-row').filter({ hasText: title });
}

describe('applications', () => {
  it('lists applications with status, lane and time since swipe, and shows one in detail', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    await applyTo(user.api, 'Platform Engineer', 'Northwind');
    const submitted = await applyTo(user.api, 'Frontend Engineer', 'Globex');
    await applyTo(user.api, 'Data Engineer', 'Initech');
    const lease = await running(submitted.id, 'fill', 60);
    // The executor's screenshot of the confirmation page: a real PNG rendered by Chromium.
    const shot = await context.newPage();
    await shot.setViewportSize({ width: 640, height: 400 });
    await shot.setContent(
      '<body style="font:24px sans-serif;padding:40px;background:#f0fff4"><h1>Globex careers</h1><p>Thank you for applying! Reference GX-4821.</p></body>',
    );
    const png = await shot.screenshot();
    await shot.close();
    await storeEvidence(
      backend.node.ctx,
      { kind: 'device', deviceId: 'ada-laptop', userId: user.user.id },
      { applicationId: submitted.id, leaseToken: lease.leaseToken, kind: 'confirmation_page', bytes: png },
    );
    await change({
      applicationId: submitted.id,
      name: 'submit',
      to: 'SUBMITTED',
      actor: 'device:ada-laptop',
      lease: { token: lease.leaseToken, holder: 'device:ada-laptop' },
      changes: { confirmation: 'Thank you for applying to Globex! Reference GX-4821.' },
    });

    await page.goto('/applications');
    await expect.poll(() => page.getByTestId('application-row').count()).toBe(3);
    const row = rowOf(page, 'Frontend Engineer');
    await expect.poll(() => row.textContent()).toContain('Submitted');
    expect(await rowOf(page, 'Platform Engineer').textContent()).toMatch(/Queued.*just now/);
    await screenshot(page, 'applications-desktop');

    await row.getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Frontend Engineer');
    await expect.poll(() => page.getByTestId('confirmation').textContent()).toContain('GX-4821');
    const timeline = page.locator('.timeline');
    expect(await timeline.textContent()).toMatch(/Submitted.*Applying.*Starting.*Queued/s);
    expect(await page.locator('.snapshot').textContent()).toContain('You will own the form filler');
    const evidence = page.getByRole('img', { name: 'confirmation page, attempt 1' });
    await expect.poll(() => evidence.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(640);
    await screenshot(page, 'application-detail-desktop');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'application-detail-phone');
    await page.goto('/applications');
    await expect.poll(() => page.getByTestId('application-row').count()).toBe(3);
    await screenshot(page, 'applications-phone');
    await context.close();
  });

  it('shows a status change and progress live, without a reload', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    const app = await applyTo(user.api, 'Site Reliability Engineer', 'Umbrella');
    await page.goto('/applications');
    await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('Live');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    await running(app.id, 'upload', 45);
    const row = rowOf(page, 'Site Reliability Engineer');
    await expect.poll(() => row.textContent()).toContain('Applying');
    await expect.poll(() => row.textContent()).toContain('upload 45%');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await context.close();
  });

  it('asks the NEEDS_ATTENTION questions, saves the answers to the profile and requeues', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE);
    const app = await applyTo(user.api, 'Backend Engineer', 'Hooli');
    const lease = await claim(app.id);
    await change({
      applicationId: app.id,
      name: 'fail',
      to: 'NEEDS_ATTENTION',
      actor: 'device:ada-laptop',
      lease: { token: lease.leaseToken, holder: 'device:ada-laptop' },
      changes: {
        error: { message: 'The form asks questions we have no answer for.', errorClass: 'needs_user' },
        attention: [
          {
            key: 'willing to relocate to berlin',
            label: 'Willing to relocate to Berlin?',
            type: 'yes_no',
            required: true,
          },
          { key: 'earliest start date', label: 'Earliest start date', type: 'text', required: true },
        ],
      },
    });

    await page.goto(`/applications/${app.id}`);
    await expect.poll(() => page.getByRole('heading', { name: /asks something we don't know/ }).count()).toBe(1);
    await screenshot(page, 'needs-attention-phone');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('Earliest start date').fill('1 March');
    await page.getByRole('button', { name: 'Save answers and apply' }).click();

    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status)
      .toBe('QUEUED');
    await expect.poll(() => page.locator('.panel [data-status]').first().getAttribute('data-status')).toBe('QUEUED');
    const answers = await prisma().savedAnswer.findMany({
      where: { userId: user.user.id },
      orderBy: { questionKey: 'asc' },
    });
    expect(answers.map((a) => [a.questionKey, a.answer])).toEqual([
      ['earliest start date', '1 March'],
      ['willing to relocate to berlin', true],
    ]);
    await context.close();
  });

  it('cancels an application from its page, after asking', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    const app = await applyTo(user.api, 'QA Engineer', 'Soylent');
    await page.goto(`/applications/${app.id}`);
    await page.getByRole('button', { name: 'Cancel application' }).click();
    const ask = page.getByRole('alert').filter({ hasText: 'Cancel your application to QA Engineer at Soylent?' });
    await ask.getByRole('button', { name: 'Keep it' }).click();
    expect(await ask.count()).toBe(0);
    expect((await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status).not.toBe('CANCELLED');
    await page.getByRole('button', { name: 'Cancel application' }).click();
    await ask.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect.poll(() => page.locator('.panel [data-status]').first().getAttribute('data-status')).toBe('CANCELLED');
    expect((await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('CANCELLED');
    expect(await page.getByRole('button', { name: 'Cancel application' }).count()).toBe(0);
    await context.close();
  });
});

describe('devices', () => {
  it('pairs a device while the page waits, lists it, and revokes it', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    await page.goto('/devices');
    await page.getByRole('button', { name: 'Pair a device' }).click();
    const code = (await page.getByTestId('pair-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/\w{4}/);
    // The desktop app opens on its pairing form with this code and this site.
    const link = new URL(
      (await page.getByRole('link', { name: 'Open in the desktop app' }).getAttribute('href')) ?? '',
    );
    expect([link.protocol, link.host, link.searchParams.get('code'), link.searchParams.get('server')]).toEqual([
      'jobswipe:',
      'pair',
      code,
      new URL(page.url()).origin,
    ]);
    await screenshot(page, 'devices-pairing-desktop');

    // The desktop app types the code: its own request, no user sign-in.
    const done = await backend.api.post('/v1/devices/pair/complete', { code, kind: 'desktop', name: "Ada's laptop" });
    expect(done.status).toBe(201);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Paired' }).textContent())
      .toContain("Ada's laptop");
    await expect.poll(() => page.getByTestId('device-row').filter({ hasText: "Ada's laptop" }).count()).toBe(1);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect
      .poll(async () => (await prisma().device.findFirstOrThrow({ where: { userId: user.user.id } })).revokedAt)
      .not.toBeNull();
    await expect.poll(() => page.getByTestId('device-row').textContent()).toContain('revoked');
    await context.close();
  });
});

describe('plan and ops', () => {
  it('shows usage against the plan and saves where applications run', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE);
    await applyTo(user.api, 'Mobile Engineer', 'Pied Piper');
    await page.goto('/plan');
    await expect.poll(() => page.getByText('All applications this month').count()).toBe(1);
    expect(await page.locator('.meter').nth(1).textContent()).toMatch(/1 \/ /);
    // The plan's monthly model budget, none of it used yet (the free plan allows 50 calls).
    expect(await page.locator('.meter').nth(3).textContent()).toMatch(/Model calls this month.*0 \/ 50/);
    await screenshot(page, 'plan-phone');
    // With no device paired, "My devices only" is explained first and saved only when confirmed.
    await page.getByRole('radio', { name: /My devices only/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('You have no paired device');
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.user.id } })).executionPreference).toBe('auto');
    await page.getByRole('button', { name: 'Use my devices only anyway' }).click();
    await expect
      .poll(async () => (await prisma().user.findUniqueOrThrow({ where: { id: user.user.id } })).executionPreference)
      .toBe('device_only');
    await context.close();
  });

  it('upgrades through Stripe Checkout: the page goes to the session the backend created', async () => {
    const { context, page } = await signedInContext(browser, backend, DESKTOP);
    // Stripe's hosted page cannot be reached from here: answered in the browser, nothing leaves.
    await page.route('https://checkout.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout (stand-in)</h1>' }),
    );
    await page.goto('/plan');
    await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await expect.poll(() => page.url()).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const created = stripe.sessions.at(-1);
    expect(page.url()).toBe(created?.session.url);
    expect(created?.session.success_url).toBe(`${backend.node.url}/plan`);
    await context.close();
  });

  it('switches a subscriber to another plan in place (no second checkout), cancels or keeps it, opens the portal', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    const first = await user.api.post<CheckoutResponse>('/v1/billing/checkout', { planId: 'pro' });
    expect(first.body.kind).toBe('checkout');
    const paid = stripe.complete(stripe.sessions.at(-1)!.session, `cus_${user.user.id.slice(0, 8)}`);
    expect(await deliverEvent(backend.node.url, WEBHOOK_SECRET, paid)).toBe('applied');
    const sessions = stripe.sessions.length;

    await page.goto('/plan');
    await page.getByRole('button', { name: 'Upgrade to Premium' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'You are on Premium now' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Your plan/ }).textContent()).toBe('Your plan: Premium');
    expect(await page.getByRole('button', { name: 'Switch to Pro' }).count()).toBe(1);
    expect(stripe.sessions.length).toBe(sessions);

    // Cancelling keeps Premium to the end of the paid period, and can be called off.
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Cancelled: Premium ends on .*, then you are on Free/ })
          .count(),
      )
      .toBe(1);
    const sub = [...stripe.subscriptions.values()].find((s) => s.metadata.userId === user.user.id)!;
    expect(sub.cancel_at_period_end).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'plan-subscriber-desktop');
    await page.getByRole('button', { name: 'Keep Premium' }).click();
    await expect.poll(() => page.getByText(/^Renews on /).count()).toBe(1);
    expect(sub.cancel_at_period_end).toBe(false);

    // Cards and invoices live in Stripe's customer portal (answered in the browser: it cannot be reached).
    await page.route('https://billing.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Stripe customer portal (stand-in)</h1>' }),
    );
    await page.getByRole('button', { name: 'Payment and invoices' }).click();
    await expect.poll(() => page.url()).toMatch(/^https:\/\/billing\.stripe\.com\//);
    expect(page.url()).toBe(stripe.portalSessions.at(-1)?.url);
    expect(stripe.portalSessions.at(-1)).toMatchObject({
      customer: sub.customer,
      return_url: `${backend.node.url}/plan`,
    });
    await context.close();
  });

  it('shows operators the queue by status and lane; others do not get the page', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    await page.goto('/ops');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'Ops' }).count()).toBe(0);

    await prisma().user.update({ where: { id: user.user.id }, data: { role: 'operator' } });
    await applyTo(user.api, 'Staff Engineer', 'Massive Dynamic');
    const dead = await applyTo(user.api, 'Principal Engineer', 'Cyberdyne');
    const lease = await claim(dead.id, 'server:test-worker');
    await change({
      applicationId: dead.id,
      name: 'fail',
      to: 'DEAD',
      actor: 'server:test-worker',
      lease: { token: lease.leaseToken, holder: 'server:test-worker' },
      changes: { error: { message: 'The form kept timing out.', errorClass: 'retryable' } },
    });
    // The role is in the access token: a fresh session (a reload) picks it up.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Operations');
    await expect.poll(() => page.locator('.kpi').count()).toBe(2);
    const queued = page.locator('tr').filter({ has: page.locator('[data-status="QUEUED"]') });
    expect(
      Number(await queued.locator('td').first().textContent()) +
        Number(await queued.locator('td').last().textContent()),
    ).toBeGreaterThanOrEqual(1);
    const letter = page.getByTestId('dead-letter').filter({ hasText: 'Principal Engineer' });
    await expect.poll(() => letter.textContent()).toContain('The form kept timing out.');
    await screenshot(page, 'ops-desktop');
    await letter.getByRole('button', { name: 'Requeue' }).click();
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: dead.id } })).status)
      .toBe('QUEUED');
    await expect.poll(() => letter.count()).toBe(0);
    await context.close();
  });
});
