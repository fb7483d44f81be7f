// The plain-Postgres baseline of the swipe bench: the rows a right-swipe writes (idempotency key,
// swipe, day and month usage counters, application, job snapshot, outbox message, audit event)
// written by raw `pg` in one statement, one round trip, with no HTTP, no checks and no logic in
// between. What the API adds on top of this is what the ratio shows. Same pool size as a backend
// node, same shapes of load, its own users so its pairs never collide with the API's.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { serveParent } from '../support/child-script.ts';
import { type LoadResult, type LoadShape, runShape } from '../support/load-shapes.ts';
import { SwipePairs } from '../support/swipe-pairs.ts';

export interface PlainPgSetup {
  type: 'setup';
  databaseUrl: string;
  poolSize: number;
  userIds: string[];
  jobIds: string[];
}

export interface PlainPgRun {
  type: 'run';
  shape: LoadShape;
}

const WRITE_SWIPE = `
  with key as (
    insert into idempotency_keys (user_id, key, request_hash, response_status, response_body)
    values ($1, $3, md5($3), 201, '{}')
  ), swipe as (
    insert into swipes (user_id, job_id, direction) values ($1, $2, 'right') returning id
  ), day as (
    insert into usage_counters (user_id, period_kind, period_start, total_used)
    values ($1, 'day', current_date, 1)
    on conflict (user_id, period_kind, period_start) do update set total_used = usage_counters.total_used + 1
  ), month as (
    insert into usage_counters (user_id, period_kind, period_start, total_used)
    values ($1, 'month', date_trunc('month', current_date), 1)
    on conflict (user_id, period_kind, period_start) do update set total_used = usage_counters.total_used + 1
  ), app as (
    insert into applications (user_id, job_id, swipe_id, status, lane, priority, max_attempts, quota_day, quota_month)
    select $1, $2, swipe.id, 'QUEUED', 'device', 4, 5, current_date, date_trunc('month', current_date) from swipe
    returning id, correlation_id
  ), snapshot as (
    insert into job_snapshots (application_id, posting)
    select app.id, to_jsonb(j) from app, jobs j where j.id = $2
  ), outbox as (
    insert into outbox (topic, payload)
    select 'deliver', jsonb_build_object('applicationId', app.id, 'userId', $1::uuid, 'lane', 'device', 'priority', 4) from app
  ), event as (
    insert into application_events (application_id, user_id, type, to_status, actor, correlation_id, message)
    select app.id, $1, 'status', 'QUEUED', 'user:' || $1, app.correlation_id, 'Queued for the device lane.' from app
  )
  select id from app`;

let write: (() => Promise<boolean>) | null = null;

serveParent<PlainPgSetup | PlainPgRun | { type: 'stop' }>({ ready: true }, async (message) => {
  if (message.type === 'stop') return {};
  if (message.type === 'setup') {
    const pool = new pg.Pool({ connectionString: message.databaseUrl, max: message.poolSize });
    const pairs = new SwipePairs(message.userIds, message.jobIds);
    write = async () => {
      const { user, jobId } = pairs.take();
      const { rowCount } = await pool.query(WRITE_SWIPE, [user, jobId, randomUUID()]);
      return rowCount === 1;
    };
    return {};
  }
  const run = write;
  if (!run) throw new Error('plain-pg-swipes: run before setup');
  return (await runShape(message.shape, () => run().catch(() => false))) satisfies LoadResult;
});
