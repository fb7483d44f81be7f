// `npm run bench` (extension): the built extension in Chromium against a real backend and the
// practice ATS. Swipe → claimed (the offer taken) and swipe → submitted while its socket is up;
// swipe → claimed after Chrome stopped its worker (bounded by the reconnect alarm's period); and
// what it costs while idle, in WebSocket messages per hour. Figures are printed, never asserted.
import type { EventsServerMessage } from '@jobswipe/protocol/events';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { distribution } from '@jobswipe/testkit/stats';
import { WebSocket } from 'ws';
import { launchWithExtension, profileDir } from '../test/support/chromium.ts';
import { practiceApplicant, practicePostings, startExtensionWorld, swipeRightOn } from '../test/support/world.ts';

const ONLINE = practicePostings([
  'careers/data-engineer',
  'lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
  'workable/B7C1D2E3F4',
  'smartrecruiters/744000012345678',
  'greenhouse/4012345',
  'ashby/3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97',
]);
const AFTER_STOP = practicePostings(['greenhouse/4012401', 'icims/1042']);
const IDLE_MS = 60_000;

const world = await startExtensionWorld();
const profile = await profileDir();
const browser = await launchWithExtension(profile.dir);
try {
  const user = await practiceApplicant(world, [...ONLINE, ...AFTER_STOP]);
  const reached = new Map<string, number>();
  const ws = new WebSocket(`${world.backend.node.url.replace(/^http/, 'ws')}/v1/events`);
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as EventsServerMessage;
    if (event.type !== 'application') return;
    const key = `${event.application.id}:${event.application.status}`;
    if (!reached.has(key)) reached.set(key, performance.now());
  });
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  ws.send(JSON.stringify({ type: 'auth', token: user.accessToken }));

  const start = await user.api.post<{ code: string }>('/v1/devices/pair/start');
  const page = await browser.context.newPage();
  await page.goto(`${world.backend.node.url}/healthz`);
  await page.evaluate(
    ([id, code]) =>
      new Promise((resolve) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(id: string, m: unknown, cb: (r: unknown) => void): void } };
          }
        ).chrome.runtime.sendMessage(id, { type: 'pair', code }, resolve),
      ),
    [EXTENSION_ID, start.body.code] as const,
  );
  const waitFor = async (id: string, status: string, limitMs = 120_000) => {
    const until = performance.now() + limitMs;
    while (!reached.has(`${id}:${status}`) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    return reached.get(`${id}:${status}`);
  };
  const online = async () => {
    for (let i = 0; i < 600; i++) {
      const device = await world.prisma.device.findFirst({ where: { userId: user.user.id } });
      if (device?.lastSeenAt) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await online();

  const measure = async (postings: typeof ONLINE, before?: () => Promise<void>) => {
    const claimed: number[] = [];
    const submitted: number[] = [];
    for (const posting of postings) {
      await before?.();
      const [id] = await swipeRightOn(user.api, [world.jobOf(posting)]);
      const swiped = performance.now();
      const claimedAt = await waitFor(id!, 'CLAIMED');
      const submittedAt = await waitFor(id!, 'SUBMITTED');
      if (claimedAt !== undefined) claimed.push(claimedAt - swiped);
      if (submittedAt !== undefined) submitted.push(submittedAt - swiped);
      else console.log(`${posting.ats}/${posting.externalId}: not submitted`);
    }
    return { claimed, submitted };
  };

  const up = await measure(ONLINE);
  console.log('\nextension, socket up (one application at a time), ms');
  console.table({ 'swipe → claimed': distribution(up.claimed), 'swipe → submitted': distribution(up.submitted) });

  const stopped = await measure(AFTER_STOP, () => browser.stopWorker());
  console.log('\nextension, worker stopped by Chrome before the swipe (woken by its 30 s alarm), ms');
  console.table({
    'swipe → claimed': distribution(stopped.claimed),
    'swipe → submitted': distribution(stopped.submitted),
  });

  // Idle: count what the worker's socket sends and receives for a minute with no work.
  const worker = await browser.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __frames: number };
    g.__frames = 0;
    const proto = globalThis.WebSocket.prototype;
    const send = proto.send;
    proto.send = function (this: globalThis.WebSocket, data) {
      g.__frames++;
      return send.call(this, data);
    };
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const sent = await worker.evaluate(() => (globalThis as unknown as { __frames: number }).__frames);
  console.log(
    `\nextension idle: ${Math.round((sent * 3_600_000) / IDLE_MS)} messages sent per hour (as many answered)`,
  );
  ws.close();
} finally {
  await browser.close();
  await profile.remove();
  await world.close();
}
