// Right-swipe API latency and throughput under load: many users swiping at once, each request a
// real swipe transaction (new job for that user, new idempotency key), from autocannon in a child
// process over loopback. The users' applications go to their devices' streams, so the outbox
// relay's publishing is part of the load.
import { createJobs } from '../../test/support/factories.ts';
import { userWith } from '../../test/support/users.ts';
import type { SwipeLoadResult, SwipeLoadRun } from '../children/swipe-load.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { ChildScript } from '../support/child-script.ts';

export interface SwipeThroughput extends SwipeLoadResult {
  users: number;
  connections: number;
}

export async function measureSwipeThroughput(
  backend: BenchBackend,
  options: { users: number; jobs: number; connections: number; warmupS: number; durationS: number },
): Promise<SwipeThroughput> {
  const tokens: string[] = [];
  // Sign-ups hash a password with Argon2 (memory-hard): a few at a time.
  for (let i = 0; i < options.users; i += 4) {
    const batch = Array.from({ length: Math.min(4, options.users - i) }, () => userWith(backend.api, backend.prisma));
    tokens.push(...(await Promise.all(batch)).map((u) => u.accessToken));
  }
  const jobs = await createJobs(backend.prisma, options.jobs);
  const load = ChildScript.start(new URL('../children/swipe-load.ts', import.meta.url));
  try {
    await load.next();
    const run: SwipeLoadRun = {
      type: 'run',
      url: backend.url,
      tokens,
      jobIds: jobs.map((j) => j.id),
      connections: options.connections,
      warmupS: options.warmupS,
      durationS: options.durationS,
    };
    const result = await load.request<SwipeLoadResult>(run);
    return { ...result, users: options.users, connections: options.connections };
  } finally {
    await load.stop();
  }
}
