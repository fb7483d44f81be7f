// Every page of the app (the router's own table) at a 360 px phone, a 390 px phone and a 1440 px
// desktop, filled with long real-looking content: no page scrolls sideways, axe-core finds no
// serious or critical violation, and a screenshot of each is saved for a person to look at.
import { storeEvidence } from '@jobswipe/backend/evidence/store-evidence';
import { signUp } from '@jobswipe/backend/testing/api';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { changeStatus, claimAs } from '@jobswipe/backend/testing/transitions';
import type { AuthResponse, SwipeResponse } from '@jobswipe/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PATHS, PUBLIC_PATHS } from '../src/route-paths.ts';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type SignedUpUser,
  screenshot,
  signedInContext,
  startBackend,
  type Viewport,
} from './support/browser.ts';
import { horizontalOverflow, seriousA11yViolations } from './support/page-checks.ts';

const VIEWPORTS: { name: string; size: Viewport }[] = [
  { name: '360', size: { width: 360, height: 740 } },
  { name: 'phone', size: PHONE },
  { name: 'desktop', size: DESKTOP },
];

const LONG_URL =
  'https://careers.example-enterprise-holdings.com/jobs/senior-staff-principal-platform-engineer-distributed-systems-2026?utm_source=jobswipe&ref=deck';

let backend: TestBackend;
let browser: Browser;
let user: SignedUpUser;
let applicationId: string;

beforeAll(async () => {
  [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
  const prisma = backend.node.ctx.db.prisma;
  const [job] = await createJobs(prisma, 12, {
    title: 'Senior Staff Principal Platform Engineer, Distributed Systems and Developer Experience',
    company: 'Example Enterprise Holdings International',
    location: 'Berlin, Germany · London, United Kingdom · Remote within Europe',
    description: `Apply here: ${LONG_URL}\n\n${'You will own the internal platform end to end, from the build system to the deploy pipeline. '.repeat(30)}`,
    keyPoints: ['TypeScript, Go and Postgres at scale', `Read more at ${LONG_URL}`],
    applyUrl: LONG_URL,
  });
  const { node } = backend;
  user = await signUp(backend.api);
  // The operator's view is a page too.
  await prisma.user.update({ where: { id: user.user.id }, data: { role: 'operator' } });
  const swiped = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  applicationId = swiped.body.application!.id;
  const lease = await claimAs(node.ctx, applicationId, 'server:test-worker');
  await storeEvidence(
    node.ctx,
    { kind: 'server', workerId: 'test-worker' },
    {
      applicationId,
      leaseToken: lease.leaseToken,
      kind: 'screenshot',
      bytes: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    },
  );
  await changeStatus(node.ctx, {
    applicationId,
    name: 'fail',
    to: 'NEEDS_ATTENTION',
    actor: 'server:test-worker',
    lease: { token: lease.leaseToken as bigint, holder: 'server:test-worker' },
    changes: {
      error: { message: `The form at ${LONG_URL} asks questions we have no answer for.`, errorClass: 'needs_user' },
      attention: [
        { key: 'willing to relocate', label: 'Are you willing to relocate to Berlin?', type: 'yes_no', required: true },
        {
          key: 'how did you hear',
          label: 'How did you hear about this role?',
          type: 'select',
          options: ['LinkedIn', 'A friend or colleague who works at Example Enterprise Holdings', 'Other'],
          required: true,
        },
      ],
    },
  });
  await backend.api.post('/v1/devices/pair/complete', {
    code: (await user.api.post<{ code: string }>('/v1/devices/pair/start')).body.code,
    kind: 'desktop',
    name: "Ada's MacBook Pro (work, 16-inch, 2024)",
  });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

/** Waits until the page shows its content: a heading, nothing busy, no request in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelector('main h1') && !document.querySelector('[aria-busy="true"]'),
    null,
    { timeout: 15_000 },
  );
}

function slug(path: string): string {
  return path === '/' ? 'deck' : path.slice(1).replaceAll('/:', '-').replaceAll('/', '-');
}

interface Finding {
  where: string;
  problems: string[];
}

async function check(page: Page, path: string, viewport: string, findings: Finding[]): Promise<void> {
  await page.goto(path.replace(':id', applicationId));
  await settled(page);
  const where = `${path} at ${viewport}`;
  const overflow = await horizontalOverflow(page);
  if (overflow.length) findings.push({ where: `${where}: sideways scroll`, problems: overflow });
  const a11y = await seriousA11yViolations(page);
  if (a11y.length) {
    findings.push({
      where: `${where}: axe`,
      problems: a11y.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets}`),
    });
  }
  await screenshot(page, `route-${slug(path)}-${viewport}`, { fullPage: true });
}

describe('every route', () => {
  for (const { name, size } of VIEWPORTS) {
    it(`fits a ${size.width} px screen and has no serious accessibility problem, signed in and out`, async () => {
      const findings: Finding[] = [];
      const signedOut: BrowserContext = await browser.newContext({ viewport: size, baseURL: backend.node.url });
      const visitor = await signedOut.newPage();
      for (const path of PUBLIC_PATHS) await check(visitor, path, name, findings);
      await signedOut.close();

      // A sign-in of its own: each context rotates its refresh token.
      const login = await backend.api.post<AuthResponse>('/v1/auth/login', {
        email: user.user.email,
        password: user.password,
      });
      const { context, page } = await signedInContext(browser, backend, size, {}, { ...user, ...login.body });
      for (const path of APP_PATHS) await check(page, path, name, findings);
      await context.close();
      expect(findings).toEqual([]);
    });
  }
});
