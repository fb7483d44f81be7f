// The built extension applies for real, in Chromium, against a real backend and the practice ATS:
// it pairs from the web's origin ("Connect this browser", through externally_connectable); ten
// right-swipes made while the browser was closed are each submitted once when it opens, with
// evidence; and a service worker Chrome stops mid-form or right after the final click loses no
// application and submits none twice.
import type { Api } from '@jobswipe/backend/testing/api';
import { claimCounts } from '@jobswipe/backend/testing/users';
import type { DeviceList, PairStartResponse } from '@jobswipe/protocol';
import { EXTENSION_ID, type ExtensionReply } from '@jobswipe/protocol/extension-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, profileDir } from './support/chromium.ts';
import {
  type ExtensionWorld,
  practiceApplicant,
  practicePostings,
  startExtensionWorld,
  swipeRightOn,
} from './support/world.ts';

let world: ExtensionWorld;
beforeAll(async () => {
  world = await startExtensionWorld();
});
afterAll(() => world?.close());

const TEN = practicePostings([
  'greenhouse/4012345',
  'greenhouse/4012401',
  'greenhouse/5123001',
  'lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
  'icims/1042',
  'ashby/3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97',
  'ashby/a41d9c0e-3f5b-4b6a-9e2d-7c8f1a0b3d54',
  'smartrecruiters/744000012345678',
  'workable/B7C1D2E3F4',
  'careers/data-engineer',
]);

const DONE = ['SUBMITTED', 'FAILED', 'NEEDS_ATTENTION', 'DEAD', 'EXPIRED'];

/** Pairs the extension the way the Devices page's "Connect this browser" does. */
async function connectThisBrowser(browser: ExtensionBrowser, user: { api: Api }): Promise<ExtensionReply> {
  const start = await user.api.post<PairStartResponse>('/v1/devices/pair/start');
  const page = await browser.context.newPage();
  // Any page of the web's origin may message the extension (the manifest's externally_connectable).
  await page.goto(`${world.backend.node.url}/healthz`);
  const reply = await page.evaluate(
    ([id, code]) =>
      new Promise<unknown>((resolve) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(id: string, m: unknown, cb: (r: unknown) => void): void } };
          }
        ).chrome.runtime.sendMessage(id, { type: 'pair', code }, resolve),
      ),
    [EXTENSION_ID, start.body.code] as const,
  );
  await page.close();
  return reply as ExtensionReply;
}

async function settled(ids: string[]) {
  await expect
    .poll(
      async () =>
        (await world.prisma.application.findMany({ where: { id: { in: ids } } })).filter((a) => DONE.includes(a.status))
          .length,
      { timeout: 280_000 },
    )
    .toBe(ids.length);
  return world.prisma.application.findMany({ where: { id: { in: ids } } });
}

describe('the extension as an executor', () => {
  it('pairs from the web page, then submits ten right-swipes made while the browser was closed, each once, with evidence', async () => {
    const user = await practiceApplicant(world, TEN);
    const profile = await profileDir();
    try {
      let browser = await launchWithExtension(profile.dir);
      const reply = await connectThisBrowser(browser, user);
      expect(reply).toMatchObject({ ok: true, paired: { server: world.backend.node.url } });
      const devices = await user.api.get<DeviceList>('/v1/devices');
      expect(devices.body.devices).toMatchObject([{ kind: 'extension', revokedAt: null }]);
      await browser.close();

      const ids = await swipeRightOn(
        user.api,
        TEN.map((p) => world.jobOf(p)),
      );
      browser = await launchWithExtension(profile.dir);
      try {
        const apps = await settled(ids);
        expect(apps.filter((a) => a.status !== 'SUBMITTED').map((a) => `${a.status} ${a.lastError}`)).toEqual([]);
        for (const posting of TEN) {
          expect(
            world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId }),
            posting.applyUrl,
          ).toHaveLength(1);
        }
        expect([...(await claimCounts(world.prisma, ids)).values()]).toEqual(ids.map(() => 1));
        // Each application applied on this device, with the confirmation page's HTML (a screenshot
        // too once the user allowed all sites, which tabs.captureVisibleTab needs and a test cannot
        // click through Chrome's prompt for).
        for (const app of apps) {
          const evidence = await world.prisma.evidence.findMany({ where: { applicationId: app.id } });
          expect(evidence.map((e) => e.mime).sort(), app.id).toEqual(['text/html']);
        }
        // Every tab it applied in was closed: only the applying window's last state remains.
        const open = browser.context.pages().filter((p) => p.url().startsWith(world.ats.url));
        expect(open).toEqual([]);
      } finally {
        await browser.close();
      }
    } finally {
      await profile.remove();
    }
  });

  it('loses nothing and submits nothing twice when Chrome stops its worker before a claim, mid-application or right after the final click', async () => {
    // Postings the first test did not apply to (the practice ATS records submissions by posting).
    const [beforeClaim, slow, afterClick] = practicePostings([
      'lever/c2e1b7d4-0f6a-4a3b-8e5c-3b9d2f7a6e10',
      'greenhouse/4012477',
      'icims/1057',
    ]);
    const user = await practiceApplicant(world, [beforeClaim!, slow!, afterClick!]);
    const profile = await profileDir();
    const browser = await launchWithExtension(profile.dir);
    const recorded = (p: typeof slow) => world.ats.submissions.list({ ats: p!.ats, jobId: p!.externalId }).length;
    // Counted from now, whatever other tests of this file submitted.
    const before = new Map([beforeClaim, slow, afterClick].map((p) => [p, recorded(p)]));
    const submissions = (p: typeof slow) => ({ length: recorded(p) - before.get(p)! });
    const stepsOf = async (id: string) =>
      (await world.prisma.applicationEvent.findMany({ where: { applicationId: id } })).map((e) => e.step);
    try {
      expect(await connectThisBrowser(browser, user)).toMatchObject({ ok: true });

      // Before a claim: the swipe comes while the worker is stopped; its alarm wakes it.
      await browser.stopWorker();
      const [first] = await swipeRightOn(user.api, [world.jobOf(beforeClaim!)]);
      expect((await settled([first!]))[0]).toMatchObject({ status: 'SUBMITTED' });
      expect(submissions(beforeClaim)).toHaveLength(1);

      // Mid-application: stopped while its claimed tab loads the (slow) posting; the lease held is handed
      // back on wake, the half-done tab closed, and the next attempt applies.
      const slowPath = new URL(world.jobOf(slow!).applyUrl).pathname;
      const [second] = await swipeRightOn(user.api, [world.jobOf(slow!)]);
      // The slow posting answers 4 s after its tab asked for it: the worker stops meanwhile.
      await expect.poll(() => world.ats.requests.list().some((r) => r.path.startsWith(slowPath))).toBe(true);
      await browser.stopWorker();
      expect((await settled([second!]))[0]).toMatchObject({ status: 'SUBMITTED' });
      expect(submissions(slow)).toHaveLength(1);
      expect((await claimCounts(world.prisma, [second!])).get(second!)).toBe(2);

      // Right after the final click: the practice ATS has the submission before the browser hears back.
      const store = world.ats.submissions;
      const add = store.add;
      let stopping: Promise<void> | null = null;
      store.add = (...args: Parameters<typeof add>) => {
        stopping ??= browser.stopWorker();
        return add.apply(store, args);
      };
      try {
        const [third] = await swipeRightOn(user.api, [world.jobOf(afterClick!)]);
        await expect.poll(() => stopping !== null).toBe(true);
        await stopping;
        const [thirdDone] = await settled([third!]);
        // The checkpoint was recorded before the click, so the next attempt looked before acting:
        // it found the confirmation, or it asks the user. Never a second submission.
        expect(await stepsOf(third!)).toContain('submitting');
        expect(['SUBMITTED', 'NEEDS_ATTENTION']).toContain(thirdDone!.status);
        expect(submissions(afterClick)).toHaveLength(1);
      } finally {
        store.add = add;
      }
    } finally {
      await browser.close();
      await profile.remove();
    }
  });
});
