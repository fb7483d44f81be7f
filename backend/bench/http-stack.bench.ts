// `npx tsx backend/bench/http-stack.bench.ts`: what the HTTP layers alone cost the server per
// request (CPU from `process.cpuUsage`, robust to a busy machine), for a swipe-sized JSON request
// and answer with a browser's Accept-Encoding: bare Express, with helmet and the request's log
// scope, and with compression as well. No database: the swipe path's HTTP share, nothing else.
// Prints one line per variant; asserts nothing. About a minute.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { requestContext } from '../src/http/request-context.ts';
import { createLogger } from '../src/logger.ts';

const VARIANTS = ['bare', 'helmet and log scope', 'and compression'] as const;
type Variant = (typeof VARIANTS)[number];
const WARMUP = 3_000;
const MEASURED = 20_000;
const CONNECTIONS = 16;

/** A swipe's answer as the API gives it (about 830 bytes: under compression's 1 KB threshold). */
function swipeAnswer() {
  const at = new Date().toISOString();
  return {
    swipe: { id: randomUUID(), jobId: randomUUID(), direction: 'right', createdAt: at },
    application: {
      id: randomUUID(),
      status: 'GRACE',
      lane: 'device',
      priority: 4,
      attempt: 0,
      maxAttempts: 5,
      availableAt: at,
      executor: null,
      progressStep: null,
      progressPct: null,
      lastError: null,
      errorClass: null,
      attention: null,
      confirmation: null,
      correlationId: randomUUID(),
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
      undoUntil: at,
      byHand: false,
      job: { title: 'Senior Software Engineer', company: 'Acme', location: 'Remote', atsKind: 'greenhouse' },
    },
    created: true,
  };
}

function serve(variant: Variant): void {
  const app = express();
  app.disable('x-powered-by');
  if (variant !== 'bare') {
    app.use(helmet());
    app.use(requestContext(createLogger('warn')));
  }
  if (variant === 'and compression') app.use(compression());
  app.use(express.json({ limit: '100kb' }));
  app.post('/v1/swipes', (_req, res) => {
    res.status(201).json(swipeAnswer());
  });
  const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.on('message', (message: 'cpu' | 'stop') => {
    if (message === 'stop') process.exit(0);
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system });
  });
}

async function measure(variant: Variant): Promise<number> {
  const child = fork(fileURLToPath(import.meta.url), [variant], { execArgv: ['--import', 'tsx'] });
  const reply = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port } = await reply<{ port: number }>();
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const body = JSON.stringify({ jobId: randomUUID(), direction: 'right', idempotencyKey: randomUUID() });
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/swipes',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'accept-encoding': 'gzip, deflate, br',
          },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const run = async (count: number) => {
    let left = count;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (left-- > 0) await one();
      }),
    );
  };
  const cpu = async () => {
    child.send('cpu');
    return (await reply<{ cpu: number }>()).cpu;
  };
  try {
    await run(WARMUP);
    const before = await cpu();
    await run(MEASURED);
    return ((await cpu()) - before) / MEASURED;
  } finally {
    child.send('stop');
    agent.destroy();
  }
}

const variant = process.argv[2] as Variant | undefined;
if (variant) serve(variant);
else {
  for (const name of VARIANTS) {
    console.log(`${name}: ${Math.round(await measure(name))} µs of server CPU per request`);
  }
}
