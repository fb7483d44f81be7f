// The desktop app end to end: its real main process (against the Electron stand-in), the built
// window in real Chromium, the agent in its utility process applying in a sandboxed Chromium run
// as an ordinary user, a real backend (Postgres, Redis) and the practice ATS.
// Deep link → paired; a right-swipe on the web API → the window and the tray follow the
// application step by step, with a live thumbnail of its page → submitted, with a notification,
// its evidence shown from the backend and this computer's pace measured; paused from the tray → no offers;
// quit mid-application → handed back, then applied once after the app starts again. Every window
// the app created is checked for the security settings.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimCounts } from '@jobswipe/backend/testing/users';
import type { PairStartResponse } from '@jobswipe/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DesktopApp } from '../src/main/desktop-app.ts';
import { DEFAULT_SETTINGS, type DesktopState, PUSH } from '../src/shared/ipc.ts';
import { type BuiltDesktop, buildDesktopForTest, launchWindowBrowser } from './support/desktop-build.ts';
import { SECURE_WEB_PREFERENCES, standIn } from './support/electron-stand-in.ts';
import { BROWSER_UID, browserProcesses } from './support/unprivileged-chromium.ts';
import { type Applicant, postings, startWorld, swipeRight, type World } from './support/world.ts';

const NORMAL = postings().find((p) => p.ats === 'careers')!;
const SLOW = postings('slow')[0]!;

let world: World;
let built: BuiltDesktop;
let browser: Browser;
let userData: string;
let applicant: Applicant;

beforeAll(async () => {
  [world, built, browser] = await Promise.all([startWorld(), buildDesktopForTest('e2e'), launchWindowBrowser()]);
  applicant = await world.applicant([NORMAL, SLOW]);
  userData = await mkdtemp(join(tmpdir(), 'jsd-e2e-'));
  // The browser's user passes through the app's folder to the agent's, which it owns.
  await chmod(userData, 0o711);
  await mkdir(join(userData, 'agent'), { mode: 0o700 });
  await world.chromium.prepareAgentDir(join(userData, 'agent'));
  await writeFile(
    join(userData, 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, browser: 'custom', browserPath: world.chromium.executable }),
  );
  standIn.userData = userData;
  standIn.browser = browser;
});

afterAll(async () => {
  await standIn.close();
  await browser?.close();
  await world?.close();
  await built?.remove();
  await rm(userData, { recursive: true, force: true });
});

const startApp = async (): Promise<Page> => {
  await DesktopApp.start(built.options(world.backend.node.url));
  const page = standIn.window.webContents.page!;
  page.setDefaultTimeout(30_000);
  return page;
};

const status = async (id: string) => (await world.prisma.application.findUniqueOrThrow({ where: { id } })).status;
const session = () => world.backend.node.gateway.connected(applicant.userId)[0];
/** Every state main pushed to the window, in order. */
const pushedStates = () => standIn.sent.filter((s) => s.channel === PUSH.state).map((s) => s.args[0] as DesktopState);
/** Width of a JPEG, from its start-of-frame marker. */
function jpegWidth(dataUrl: string): number | null {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  for (let i = 2; i + 9 < bytes.length; i += 2 + bytes.readUInt16BE(i + 2)) {
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return bytes.readUInt16BE(i + 7);
  }
  return null;
}
const slowRequests = () =>
  world.ats.requests.list().filter((r) => r.path.startsWith(new URL(world.jobOf(SLOW).applyUrl).pathname)).length;

describe('the desktop app, end to end', () => {
  let page: Page;

  it('a jobswipe://pair link, confirmed in the window, pairs this computer', async () => {
    page = await startApp();
    const { body } = await applicant.api.post<PairStartResponse>('/v1/devices/pair/start');
    standIn.app.emit('second-instance', {}, ['/opt/JobSwipe/jobswipe', `jobswipe://pair?code=${body.code}`], '/');
    await expect.poll(() => page.getByRole('heading', { name: 'Pair this computer?' }).count()).toBe(1);
    expect(await page.getByLabel('Pairing code').inputValue()).toBe(body.code);
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect.poll(() => page.getByTestId('summary').textContent()).toBe('Idle: waiting for your next right-swipe');
    expect(standIn.tray.tooltip).toBe('JobSwipe: Idle: waiting for your next right-swipe');
    await expect.poll(() => session()?.capacity).toBe(1);
  });

  it('a right-swipe on the web is applied: the window and the tray follow it, then a notification', async () => {
    const tooltips: string[] = [];
    const watch = setInterval(() => tooltips.push(standIn.tray.tooltip), 20);
    const [id] = await swipeRight(applicant, [world.jobOf(NORMAL)]);
    await expect.poll(() => status(id!), { timeout: 120_000 }).toBe('SUBMITTED');
    clearInterval(watch);

    const job = `${NORMAL.title} at ${NORMAL.company}`;
    await expect.poll(() => standIn.notifications).toContainEqual({ title: 'Application submitted', body: job });
    // Main pushed the application to the window step by step, percent never going back.
    const steps = pushedStates().flatMap((s) => s.running.filter((r) => r.applicationId === id));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[0]).toMatchObject({ company: NORMAL.company, title: NORMAL.title });
    const percents = steps.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(steps.map((s) => s.step)).size).toBeGreaterThan(1);
    expect(tooltips.some((t) => t.startsWith(`JobSwipe: Applying to ${job} (`))).toBe(true);
    // A small live picture of the form was shown while it ran; the backend got only the evidence.
    const thumbnails = steps.flatMap((s) => (s.thumbnail ? [s.thumbnail] : []));
    expect(thumbnails.length).toBeGreaterThan(0);
    expect(thumbnails.map(jpegWidth)).toContain(320);
    const stored = await world.prisma.evidence.findMany({ where: { applicationId: id! } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((e) => e.mime === 'image/jpeg')).toEqual([]);
    // The window lists it as submitted today; the tray is idle again.
    await expect.poll(() => page.getByTestId('today').textContent()).toContain(`${job}Submitted`);
    // Its evidence, as the backend keeps it: the site's confirmation and the screenshot.
    await page.getByRole('button', { name: `Evidence of ${job}` }).click();
    const evidence = page.getByTestId('evidence');
    await expect.poll(() => evidence.textContent()).toMatch(/^Confirmation: \S/);
    const shot = evidence.getByRole('img', { name: 'confirmation page, attempt 1' });
    await expect.poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // How long that took here is the pace the queue's start times now use.
    await expect
      .poll(() => page.getByTestId('pace').textContent())
      .toMatch(/about \d+ s on this computer \(measured\)/);
    await expect.poll(() => standIn.tray.tooltip).toBe('JobSwipe: Idle: waiting for your next right-swipe');
    expect(world.ats.submissions.list({ ats: NORMAL.ats, jobId: NORMAL.externalId })).toHaveLength(1);
  });

  let slowId: string;

  it('paused from the tray, the device is offered nothing', async () => {
    standIn.tray.click('pause');
    await expect.poll(() => session()?.capacity).toBe(0);
    expect(await page.getByTestId('summary').textContent()).toBe('Paused: no new applications');
    [slowId] = (await swipeRight(applicant, [world.jobOf(SLOW)])) as [string];
    // Past the undo grace period, queued and published: it would be offered now if the device took work.
    await expect.poll(() => status(slowId), { timeout: 60_000 }).toBe('QUEUED');
    await expect.poll(() => world.prisma.outbox.count({ where: { publishedAt: null } })).toBe(0);
    const device = session()!;
    expect(device.offered.size + device.held.size).toBe(0);
    expect(await status(slowId)).toBe('QUEUED');
  });

  it('quit in the middle of an application hands it back; started again, the app applies it once', async () => {
    const before = slowRequests();
    standIn.tray.click('resume');
    // The posting's server is slow to send its form: the agent is mid-application.
    await vi.waitFor(() => expect(slowRequests()).toBeGreaterThan(before), { timeout: 90_000, interval: 100 });
    expect(await status(slowId)).toMatch(/CLAIMED|RUNNING/);
    // The window shows the page being filled, live.
    await expect.poll(() => page.getByTestId('live-thumbnail').count(), { timeout: 30_000 }).toBe(1);
    // The user's browser (here a Chromium run as an ordinary user) applies in its sandbox.
    const browsers = await browserProcesses(join(userData, 'agent', 'browser-profile'));
    expect(browsers.length).toBeGreaterThan(0);
    for (const process of browsers) {
      expect(process.uid).toBe(BROWSER_UID);
      expect(process.args).not.toContain('--no-sandbox');
    }
    standIn.tray.click('quit');
    await standIn.quitted;
    expect(await status(slowId)).toBe('QUEUED');
    const last = await world.prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: slowId, type: 'status' },
      orderBy: { id: 'desc' },
    });
    expect(last.actor).toMatch(/^device:/);
    expect(world.ats.submissions.list({ ats: SLOW.ats, jobId: SLOW.externalId })).toHaveLength(0);

    await standIn.restart();
    page = await startApp();
    // Paired still: the token came back out of safeStorage; nothing asks to pair again.
    expect(await page.getByLabel('Pairing code').count()).toBe(0);
    await expect.poll(() => status(slowId), { timeout: 150_000 }).toBe('SUBMITTED');
    expect(world.ats.submissions.list({ ats: SLOW.ats, jobId: SLOW.externalId })).toHaveLength(1);
    expect((await claimCounts(world.prisma, [slowId])).get(slowId)).toBe(2);
    await expect
      .poll(() => standIn.notifications)
      .toContainEqual({ title: 'Application submitted', body: `${SLOW.title} at ${SLOW.company}` });
  });

  it('a navigation to another origin is refused, and the log says so', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await expect.poll(() => standIn.blocked).toContainEqual({ kind: 'navigation', url: 'https://evil.example/' });
    await page.getByText(/Show the log/).click();
    await expect
      .poll(() => page.getByTestId('log').textContent())
      .toContain('blocked navigation to another origin: https://evil.example/');
    expect(await page.getByTestId('summary').textContent()).toBe('Idle: waiting for your next right-swipe');
  });

  it('every window the app created had the security settings', () => {
    expect(standIn.windowOptions).toHaveLength(2);
    for (const options of standIn.windowOptions) {
      expect(options.webPreferences).toMatchObject({
        preload: join(built.dist, 'preload.cjs'),
        ...SECURE_WEB_PREFERENCES,
      });
    }
  });

  it('quits cleanly at the end', async () => {
    standIn.tray.click('quit');
    await standIn.quitted;
    await expect.poll(() => world.backend.node.gateway.connected(applicant.userId)).toEqual([]);
  });
});
