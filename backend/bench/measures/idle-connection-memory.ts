// Memory per idle device connection: the backend node's resident memory (after a full collection)
// with no device connected, then with thousands connected from a child process, divided by their
// number. The devices belong to two per user, as a desktop app plus an extension would. They are
// written as rows with tokens hashed by the backend's own function (pairing thousands through
// the API would take most of the bench); each connection then goes through the real gateway.
import { hashToken, newSecretToken } from '../../src/auth/secret-tokens.ts';
import type { IdleDevicesOpened, IdleDevicesReady, OpenIdleDevices } from '../children/idle-devices.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { ChildScript } from '../support/child-script.ts';
import { until } from '../support/until.ts';

export interface IdleConnectionMemory {
  connections: number;
  users: number;
  /** The open-files limit of the process holding the connections (raised if it was too low). */
  clientOpenFilesLimit: string;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerConnectionKb: number;
  heapPerConnectionKb: number;
}

const MB = 1024 * 1024;
const IDLE_NAME = 'Idle device';

async function idleDevices(backend: BenchBackend, count: number, perUser: number): Promise<string[]> {
  const users = await backend.prisma.user.createManyAndReturn({
    data: Array.from({ length: Math.ceil(count / perUser) }, (_, i) => ({
      email: `idle-${i}-${crypto.randomUUID()}@bench.example`,
      // Never signs in: no password hashes to this.
      passwordHash: 'bench-no-password',
    })),
    select: { id: true },
  });
  const tokens = Array.from({ length: count }, () => newSecretToken('dt'));
  await backend.prisma.device.createMany({
    data: tokens.map((token, i) => ({
      userId: users[i % users.length]!.id,
      kind: i % 2 ? 'extension' : 'desktop',
      name: `${IDLE_NAME} ${i}`,
      tokenHash: hashToken(token),
    })),
  });
  return tokens;
}

export async function measureIdleConnectionMemory(
  backend: BenchBackend,
  options: { connections: number; perUser: number },
): Promise<IdleConnectionMemory> {
  const [warmup, ...tokens] = await idleDevices(backend, options.connections + 1, options.perUser);
  const devices = ChildScript.start(new URL('../children/idle-devices.ts', import.meta.url), {
    openFiles: options.connections + 1_000,
  });
  try {
    const { openFilesLimit } = await devices.next<IdleDevicesReady>();
    const open = (list: string[]) =>
      devices.request<IdleDevicesOpened>({
        type: 'open',
        url: backend.url,
        tokens: list,
        concurrency: 50,
      } satisfies OpenIdleDevices);
    // One connection first, so the gateway's code and buffers are in place before the baseline.
    await open([warmup!]);
    const before = await backend.memory();
    const opened = await open(tokens);
    if (opened.failed > 0) {
      throw new Error(`${opened.failed} idle devices could not connect; first error: ${opened.firstError}`);
    }
    const after = await backend.memory();
    const n = options.connections;
    return {
      connections: n,
      users: Math.ceil((n + 1) / options.perUser),
      clientOpenFilesLimit: openFilesLimit,
      rssBeforeMb: Math.round(before.rss / MB),
      rssAfterMb: Math.round(after.rss / MB),
      rssPerConnectionKb: Math.round(((after.rss - before.rss) / n / 1024) * 10) / 10,
      heapPerConnectionKb: Math.round(((after.heapUsed - before.heapUsed) / n / 1024) * 10) / 10,
    };
  } finally {
    const closedAt = new Date();
    await devices.stop();
    // The gateway cleans up after each closed connection (presence, then last seen): let it
    // finish before the next measurement. Devices that never connected were never seen.
    await until(
      'the gateway to let go of the idle devices',
      async () =>
        (await backend.prisma.device.count({
          where: { name: { startsWith: IDLE_NAME }, lastSeenAt: { lt: closedAt } },
        })) === 0,
      120_000,
    );
  }
}
