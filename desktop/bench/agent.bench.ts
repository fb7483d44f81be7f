// `npm run bench` (desktop): swipe → submitted for an online agent. A real backend, practice ATS
// and `npm run agent` in its own process; the agent is connected and idle, the user swipes right
// on one practice posting at a time, and the clock runs from the swipe's HTTP answer to the
// SUBMITTED event on the web's live stream (/v1/events). Figures are printed, never asserted.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventsServerMessage } from '@jobswipe/protocol/events';
import { distribution } from '@jobswipe/testkit/stats';
import { WebSocket } from 'ws';
import { postings, startWorld, swipeRight } from '../test/support/world.ts';

const RUNS = Number(process.argv[2] ?? 8);
// Quick forms across several ATSs, each applied once (a posting takes one application per user).
const PICK = ['careers', 'lever', 'workable', 'smartrecruiters', 'icims', 'greenhouse', 'ashby'];

const world = await startWorld();
try {
  // One posting of each ATS in turn, then the next of each.
  const byAts = PICK.map((ats) => postings().filter((p) => p.ats === ats));
  const chosen = Array.from({ length: Math.max(...byAts.map((l) => l.length)) }, (_, i) => byAts.map((l) => l[i]))
    .flat()
    .filter((p) => p !== undefined)
    .slice(0, RUNS);
  const applicant = await world.applicant(chosen);
  const agentDir = await world.pairedAgentDir(applicant);
  const agent = world.startAgent(agentDir);

  const submitted = new Map<string, number>();
  const ws = new WebSocket(`${world.backend.node.url.replace(/^http/, 'ws')}/v1/events`);
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as EventsServerMessage;
    if (event.type === 'application' && event.application.status === 'SUBMITTED') {
      submitted.set(event.application.id, performance.now());
    }
  });
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  ws.send(JSON.stringify({ type: 'auth', token: applicant.accessToken }));
  // Online: its device shows as connected before the first swipe.
  for (let i = 0; i < 600; i++) {
    const device = await world.prisma.device.findFirst({ where: { userId: applicant.userId } });
    if (agent.logs.some((l) => l.msg === 'connected') && device) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  const times: Array<{ ats: string; ms: number }> = [];
  for (const posting of chosen) {
    const [id] = await swipeRight(applicant, [world.jobOf(posting)]);
    const swiped = performance.now();
    for (let i = 0; i < 1200 && !submitted.has(id!); i++) await new Promise((r) => setTimeout(r, 50));
    const done = submitted.get(id!);
    if (done === undefined) {
      const app = await world.prisma.application.findUniqueOrThrow({ where: { id: id! } });
      console.log(`${posting.ats}: not submitted (${app.status}: ${app.lastError ?? ''})`);
      continue;
    }
    times.push({ ats: posting.ats, ms: done - swiped });
  }
  ws.close();

  console.log('\nswipe → submitted, online desktop agent (one application at a time)');
  for (const t of times) console.log(`  ${t.ats.padEnd(16)} ${(t.ms / 1000).toFixed(2)} s`);
  const d = distribution(times.map((t) => t.ms));
  console.log(
    `  median ${(d.p50 / 1000).toFixed(2)} s · p90 ${(d.p90 / 1000).toFixed(2)} s · ${times.length} of ${chosen.length} submitted`,
  );
  const out = join(import.meta.dirname, '..', '..', 'artifacts', 'bench');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'agent.json'), JSON.stringify({ runs: times, medianMs: d.p50 }, null, 2));
} finally {
  await world.close();
}
