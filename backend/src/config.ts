// Every environment variable the backend reads, with its default and meaning. The README's
// configuration table lists the same names (backend/test/config.test.ts checks it).
import { isIP } from 'node:net';
import { join } from 'node:path';

export { generatedSecret };

import { dataDir, generatedSecret } from '@jobswipe/db';
import { UNDO_GRACE_MAX_MS } from '@jobswipe/protocol';
import { z } from 'zod';

const ms = z.coerce.number().int().positive();
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `host=perMinute,host=perMinute` → { host: perMinute }, hosts in lower case. */
const hostLimits = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const limits: Record<string, number> = {};
    for (const item of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const match = /^([a-z0-9.-]+(?::\d+)?)=([1-9]\d*)$/i.exec(item);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not host=perMinute (e.g. boards.greenhouse.io=10)` });
        return z.NEVER;
      }
      limits[match[1]!.toLowerCase()] = Number(match[2]);
    }
    return limits;
  });

/** `host:port,host:port` → the seed nodes of a Redis Cluster; empty: none (one Redis at REDIS_URL). */
const clusterNodes = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const nodes: { host: string; port: number }[] = [];
    for (const item of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const match = /^([a-z0-9.-]+|\[[0-9a-f:]+\]):(\d{1,5})$/i.exec(item);
      const port = Number(match?.[2]);
      if (!match || port < 1 || port > 65535) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not host:port (e.g. 10.0.0.5:6379)` });
        return z.NEVER;
      }
      nodes.push({ host: (match[1] as string).replace(/^\[|\]$/g, ''), port });
    }
    return nodes;
  });

/** Express's `trust proxy`: false, true, a hop count, or addresses/CIDRs and the names Express knows. */
const trustProxy = z
  .string()
  .default('false')
  .transform((text, ctx): boolean | number | string[] => {
    if (text === 'false' || text === '') return false;
    if (text === 'true') return true;
    if (/^\d+$/.test(text)) return Number(text);
    const items = text.split(',').map((s) => s.trim());
    const named = ['loopback', 'linklocal', 'uniquelocal'];
    const bad = items.find((item) => {
      const [address, bits, ...rest] = item.split('/');
      return (
        !named.includes(item) &&
        (rest.length > 0 || !isIP(address ?? '') || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      );
    });
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${bad}" is not an address, a CIDR or one of ${named.join(', ')}: give true, a number of proxy hops, or such a list (e.g. 10.0.0.0/8,loopback)`,
      });
      return z.NEVER;
    }
    return items;
  });

export const ENV = {
  NODE_ENV: {
    schema: z.enum(['production', 'development', 'test']).optional(),
    doc: '`production`: no practice ATS, no demo data, built web app required, and JWT_SECRET, ACCOUNTS_KEY, DATABASE_URL and REDIS_URL (or REDIS_CLUSTER_NODES) must be set',
  },
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    doc: 'HTTP port of the API, gateway and web app',
  },
  HOST: { schema: z.string().default('0.0.0.0'), doc: 'Interface to listen on' },
  TRUST_PROXY: {
    schema: trustProxy,
    doc: 'Which proxies in front of the nodes to believe about the client address (X-Forwarded-For): false, true, a hop count, or addresses/CIDRs',
  },
  PUBLIC_URL: {
    schema: z.string().url().optional(),
    doc: 'Public base URL (links in device messages); default http://localhost:PORT',
  },
  DATABASE_URL: { schema: z.string().optional(), doc: 'PostgreSQL URL; unset: embedded PostgreSQL under DATA_DIR' },
  DATABASE_POOL_MAX: {
    schema: ms.default(10),
    doc: "Connections in each backend process's PostgreSQL pool",
  },
  DATABASE_TX_WAIT_MS: {
    schema: ms.default(5_000),
    doc: 'Longest a transaction waits for a pooled connection; then it is tried again with backoff (4 tries in all)',
  },
  REDIS_URL: {
    schema: z.string().default('redis://127.0.0.1:6379'),
    doc: 'Redis URL; unreachable: runs degraded (Postgres only)',
  },
  REDIS_CLUSTER_NODES: {
    schema: clusterNodes,
    doc: 'A Redis Cluster instead of one Redis: some of its nodes as host:port, comma-separated (the rest are discovered); REDIS_URL is then not used',
  },
  REDIS_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9_-]*$/i)
      .default('js'),
    doc: 'Prefix of every Redis key',
  },
  DATA_DIR: {
    schema: z.string().optional(),
    doc: 'Embedded database, uploaded files and generated secrets; default ./.data',
  },
  JWT_SECRET: {
    schema: z.string().min(32).optional(),
    doc: 'Secret signing access tokens (32+ chars); unset: generated once into DATA_DIR',
  },
  ACCOUNTS_KEY: {
    schema: z.string().min(32).optional(),
    doc: 'Key sealing the site passwords users give (32+ chars); unset: generated once into DATA_DIR',
  },
  ACCESS_TOKEN_TTL_S: { schema: ms.default(900), doc: 'Access token lifetime, seconds' },
  REFRESH_TOKEN_TTL_S: { schema: ms.default(30 * 24 * 3600), doc: 'Refresh token lifetime, seconds' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'Log level',
  },
  RESUME_MAX_BYTES: { schema: ms.default(5 * 1024 * 1024), doc: 'Largest resume upload, bytes' },
  RESUME_MAX_COUNT: { schema: ms.default(20), doc: 'Most resumes one user may keep stored' },
  RESUME_MAX_TOTAL_BYTES: {
    schema: ms.default(50 * 1024 * 1024),
    doc: 'Most bytes of resumes one user may keep stored',
  },
  EVIDENCE_MAX_BYTES: { schema: ms.default(10 * 1024 * 1024), doc: 'Largest evidence upload, bytes' },
  AUTH_RATE_LIMIT: { schema: ms.default(20), doc: 'Sign-in/sign-up/refresh attempts per minute per IP' },
  SWIPE_RATE_LIMIT: { schema: ms.default(600), doc: 'Swipes per minute per user' },
  PAIR_RATE_LIMIT: {
    schema: ms.default(10),
    doc: 'Device pairing attempts (code exchanges) per minute per IP',
  },
  DEVICE_LEASE_MS: { schema: ms.default(120_000), doc: 'A device lease lapses after this long without a heartbeat' },
  SERVER_LEASE_MS: {
    schema: ms.default(60_000),
    doc: 'A server-worker lease lapses after this long without a heartbeat',
  },
  HELLO_TIMEOUT_MS: {
    schema: ms.default(10_000),
    doc: 'A device socket that has not said a good hello within this long is closed (4001), whatever it sent',
  },
  OFFER_TIMEOUT_MS: {
    schema: ms.default(30_000),
    doc: 'An offer a device leaves unclaimed this long is taken back; a device that declined one is offered nothing new for at most this long',
  },
  RETRY_BASE_MS: {
    schema: ms.default(30_000),
    doc: 'First retry delay after a retryable failure (doubles each attempt, with jitter)',
  },
  RETRY_MAX_MS: { schema: ms.default(3_600_000), doc: 'Longest retry delay' },
  REAPER_INTERVAL_MS: {
    schema: ms.default(5_000),
    doc: 'How often the reaper and scheduler run (one leader at a time)',
  },
  OUTBOX_SWEEP_MS: { schema: ms.default(2_000), doc: 'How often the outbox relay sweeps for unpublished rows' },
  MAX_ATTEMPTS: { schema: ms.default(5), doc: 'Attempts before an application is DEAD' },
  UNDO_GRACE_MS: {
    schema: z.coerce.number().int().min(0).max(UNDO_GRACE_MAX_MS).default(5_000),
    doc: 'How long a right-swipe is held for undo before any executor is offered it, for users who have not chosen (PUT /v1/settings undoGraceMs); 0: at once',
  },
  SEED_DEMO: { schema: bool.default(true), doc: '`npm start` seeds the demo user and practice jobs' },
  PRACTICE_ATS_URL: {
    schema: z.string().url().optional(),
    doc: 'Base URL of the practice ATS the demo jobs point at; default http://localhost:PRACTICE_ATS_PORT',
  },
  PRACTICE_ATS_PORT: {
    schema: z.coerce.number().int().min(0).default(4100),
    doc: 'Port of the practice ATS that `npm start` runs',
  },
  STRIPE_SECRET_KEY: { schema: z.string().optional(), doc: 'Stripe API key; unset: checkout answers 503' },
  STRIPE_WEBHOOK_SECRET: { schema: z.string().optional(), doc: 'Signing secret of the Stripe webhook endpoint' },
  STRIPE_API_BASE: {
    schema: z.string().url().optional(),
    doc: 'Stripe API base URL (tests point it at a local stand-in)',
  },
  SHUTDOWN_GRACE_MS: {
    schema: z.coerce.number().int().min(0).default(10_000),
    doc: 'On SIGINT/SIGTERM a node stops accepting and lets requests in flight finish for this long, then closes what is left',
  },
  WORKER_CONCURRENCY: {
    schema: z.coerce.number().int().min(0).max(32).default(2),
    doc: 'Applications one server worker runs at once; `npm start` runs a worker in-process when above 0',
  },
  WORKER_PORT: {
    schema: z.coerce.number().int().min(0).max(65535).optional(),
    doc: '`npm run worker`: port of its /healthz, /readyz and /metrics (0: any free port); unset: none',
  },
  WORKER_GRACE_MS: {
    schema: z.coerce.number().int().min(0).default(10_000),
    doc: 'On SIGINT/SIGTERM a worker lets running applications finish for this long, then hands the rest back',
  },
  PROXY_URLS: {
    schema: z.string().optional(),
    doc: 'Proxies of the server lane (server workers, form scans), comma-separated (http://user:pass@host:port); none configured: direct',
  },
  PROXY_FILE: {
    schema: z.string().optional(),
    doc: 'A file of proxy URLs, one per line (# comments), added to PROXY_URLS',
  },
  PROXY_COOLDOWN_MS: {
    schema: ms.default(30_000),
    doc: 'A proxy that refused or timed out rests this long, doubling with each further failure in a row',
  },
  PROXY_BLOCK_COOLDOWN_MS: {
    schema: ms.default(600_000),
    doc: 'A proxy a site blocked is not used for that site for this long, doubling with each further block',
  },
  HOST_RATE_LIMIT_PER_MINUTE: {
    schema: ms.default(30),
    doc: 'Applications per minute one ATS host gets from all our server workers together',
  },
  HOST_RATE_LIMITS: {
    schema: hostLimits,
    doc: 'Per-host overrides of HOST_RATE_LIMIT_PER_MINUTE: host=perMinute,... (e.g. boards.greenhouse.io=10)',
  },
  LLM_BASE_URL: {
    schema: z.string().url('must be the http(s) root of an OpenAI-compatible API').optional(),
    doc: 'OpenAI-compatible endpoint of the optional model for non-sensitive unknown questions',
  },
  LLM_MODEL: {
    schema: z.string().min(1).optional(),
    doc: "that model's name; both must be set to use it",
  },
  LLM_API_KEY: {
    schema: z.string().optional(),
    doc: "that endpoint's API key",
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must be smtp://user:pass@host:port or smtps://…')
      .optional(),
    doc: 'Mail server for "forgot password" and sign-up links (smtp://user:pass@host:port, smtps:// for TLS); set, a sign-up is finished from a mailed link and never says whether the address has an account; unset: no mail is sent',
  },
  MAIL_FROM: {
    schema: z.string().min(3).default('JobSwipe <no-reply@localhost>'),
    doc: 'Sender of the mail JobSwipe sends',
  },
  EGRESS_ALLOW: {
    schema: z
      .string()
      .default('')
      .refine(
        (text) => text.split(',').every((e) => /^\s*(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?\s*$/i.test(e) || !e.trim()),
        {
          message: 'write host[:port] entries, comma-separated (e.g. 127.0.0.1:4100)',
        },
      ),
    doc: 'Internal hosts the server may reach anyway (host[:port], comma-separated); with SEED_DEMO the practice ATS is added',
  },
  S3_BUCKET: {
    schema: z.string().min(3).optional(),
    doc: 'Bucket of an S3-compatible store for resumes and evidence; unset: files under DATA_DIR/storage (one machine only)',
  },
  S3_ENDPOINT: {
    schema: z.string().url().optional(),
    doc: 'Endpoint of the S3-compatible store (MinIO, Ceph, R2, …); unset: AWS S3 in S3_REGION',
  },
  S3_REGION: { schema: z.string().default('us-east-1'), doc: 'Region of the bucket' },
  S3_ACCESS_KEY_ID: {
    schema: z.string().optional(),
    doc: "Access key of the store; unset: the AWS SDK's default credentials (environment, instance or task role)",
  },
  S3_SECRET_ACCESS_KEY: { schema: z.string().optional(), doc: 'Secret key that goes with S3_ACCESS_KEY_ID' },
  S3_FORCE_PATH_STYLE: {
    schema: bool.optional(),
    doc: 'Bucket in the URL path rather than the host name; default true when S3_ENDPOINT is set',
  },
  EVIDENCE_RETENTION_DAYS: {
    schema: ms.default(90),
    doc: 'Evidence (screenshots, saved pages) is deleted this many days after it was taken',
  },
  RESUME_RETENTION_DAYS: {
    schema: ms.default(30),
    doc: 'A resume the user replaced is deleted this many days after its replacement was uploaded',
  },
  METRICS_TOKEN: {
    schema: z.string().min(16).optional(),
    doc: 'GET /metrics on the API port requires "Authorization: Bearer <token>"; unset: not served there',
  },
} as const satisfies Record<string, { schema: z.ZodType; doc: string }>;

type EnvShape = { [K in keyof typeof ENV]: z.output<(typeof ENV)[K]['schema']> };

export interface Config extends EnvShape {
  /** NODE_ENV=production: nothing demo-grade, every secret and service given explicitly. */
  production: boolean;
  dataDir: string;
  storageDir: string;
  publicUrl: string;
  jwtSecret: string;
  accountsKey: string;
  practiceAtsUrl: string;
  /** EGRESS_ALLOW, plus the practice ATS the demo jobs point at when the demo is seeded. */
  egressAllow: string;
}

/** Parses the environment; a bad value stops start-up with the variable's name and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const shape = Object.fromEntries(Object.entries(ENV).map(([k, v]) => [k, v.schema]));
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (see the table in README.md):\n${lines.join('\n')}`);
  }
  const values = parsed.data as EnvShape;
  const production = values.NODE_ENV === 'production';
  if (production) checkProduction(env);
  const dir = values.DATA_DIR ?? dataDir();
  const practiceAtsUrl = values.PRACTICE_ATS_URL ?? `http://localhost:${values.PRACTICE_ATS_PORT}`;
  return {
    ...values,
    production,
    dataDir: dir,
    storageDir: join(dir, 'storage'),
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    jwtSecret: values.JWT_SECRET ?? generatedSecret(dir, 'jwt-secret'),
    accountsKey: values.ACCOUNTS_KEY ?? generatedSecret(dir, 'accounts-key'),
    practiceAtsUrl,
    egressAllow: [values.EGRESS_ALLOW, values.SEED_DEMO ? new URL(practiceAtsUrl).host : ''].filter(Boolean).join(','),
  };
}

/** What production needs given explicitly: nothing generated, embedded or assumed. */
const REQUIRED_IN_PRODUCTION = {
  DATABASE_URL: 'the PostgreSQL URL (production runs no embedded database)',
  REDIS_URL: 'the Redis URL, or REDIS_CLUSTER_NODES for a Redis Cluster (production assumes no local Redis)',
  JWT_SECRET: 'a random secret of 32+ characters, the same on every node and worker (openssl rand -base64 48)',
  ACCOUNTS_KEY:
    'a random key of 32+ characters, the same on every node and worker, kept safe: it seals stored site passwords',
} as const;

function checkProduction(env: NodeJS.ProcessEnv): void {
  const lines = Object.entries(REQUIRED_IN_PRODUCTION)
    .filter(([name]) => !env[name] && !(name === 'REDIS_URL' && env.REDIS_CLUSTER_NODES))
    .map(([name, what]) => `  ${name}: not set; give ${what}`);
  if (env.SEED_DEMO === 'true' || env.SEED_DEMO === '1') {
    lines.push('  SEED_DEMO: the demo user and practice jobs are not for production; unset it');
  }
  if (lines.length) {
    throw new Error(`NODE_ENV=production refuses to start (see the table in README.md):\n${lines.join('\n')}`);
  }
}
