// The swipe transaction (ARCHITECTURE.md), one database function called in one round trip (under
// load together with other swipes, each in its own subtransaction: swipe-batch.ts): the
// idempotency key (a retried request returns the first response and changes nothing), the swipe
// (unique per user and job: a concurrent second swipe waits for the first to commit, then returns
// it; no more than SWIPE_RATE_LIMIT new swipes a minute, counted here rather than in Redis, which
// cost a round trip before every swipe), and for a right-swipe the quota reservation and routing (`reserve_quota`), the application
// in its starting status with its job snapshot, delivery message (outbox) and first audit event.
// The starting status: GRACE for the user's undo grace period (no delivery message yet: the grace
// release writes it when the period ends), QUEUED when that is 0, or deferred by quota; or, when the
// form is known to ask required questions the user has no answer for (`p_attention`, decided by the
// engine's answer policy on this node's copy of the form and the applicant, swipe-questions.ts),
// NEEDS_ATTENTION with those questions: quota reserved, nothing delivered until the answers arrive
// (POST /v1/applications/:id/answer queues it). A right-swipe first checks that copy: the digests
// it was decided on (`p_form_digest`, `p_applicant_digest`) must be the current ones, or the
// function writes nothing and answers `stale` with the current digests, and the node decides again.
// Once it has committed, this node's outbox relay is woken to publish the message (no NOTIFY: that
// would wake every node's relay for every swipe, and serializes commits in Postgres); if this node
// dies first, any node's sweep publishes it. A held swipe is announced to every node's grace
// release, so the application is queued at the end of its grace period even if this node is gone. The function returns the rows the response is made of, as JSON; the same JSON
// is stored with the idempotency key, so a replay is rendered by the same code.
import type { Swipe } from '@jobswipe/db';
import type { SwipeBody, SwipeResponse } from '@jobswipe/protocol';
import { type ApplicationRow, applicationFromRow } from '../applications/application-row.ts';
import { type ApplicationWithJob, toApplicationSummary } from '../applications/views.ts';
import type { AppContext } from '../context.ts';
import { type SqlFunction, statusSql } from '../db/sql-function.ts';
import { AppError, notFound } from '../http/errors.ts';
import { requestHash, type StoredResponse } from '../idempotency/idempotency-key.ts';
import { addLogContext } from '../logger.ts';
import { DELIVER_TOPIC } from '../outbox/enqueue-delivery.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';
import type { GraceRelease } from './grace-release.ts';
import { type SwipeBatches, SwipeFailed } from './swipe-batch.ts';
import { NOTHING_OWED, type StaleDigests, type SwipeDecision, type SwipeQuestions } from './swipe-questions.ts';

export interface SwipeResult extends StoredResponse {
  body: SwipeResponse;
}

const QUEUED = statusSql(['create'], 'QUEUED');
const GRACE = statusSql(['create'], 'GRACE');
const NEEDS_ATTENTION = statusSql(['create'], 'NEEDS_ATTENTION');

// Errors the function raises, by SQLSTATE; the words the user reads are in `refusal` below.
const NO_JOB = 'JS404';
const JOB_CLOSED = 'JS409';
const KEY_REUSED = 'JS422';
const TOO_MANY = 'JS429';

export const SWIPE_TRANSACTION_SQL: SqlFunction = {
  name: 'swipe_transaction',
  sql: `
create or replace function swipe_transaction(
  p_user uuid, p_job uuid, p_direction swipe_direction, p_key text, p_hash text, p_max_attempts int,
  p_default_grace_ms int, p_attention jsonb, p_form_digest text, p_applicant_digest text, p_per_minute int
) returns jsonb language plpgsql as $$
declare
  v_nth_latest timestamptz;
  v_form_digest text;
  v_applicant_digest text;
  v_stored idempotency_keys%rowtype;
  v_job jobs%rowtype;
  v_swipe swipes%rowtype;
  v_app applications%rowtype;
  v_user record;
  v_quota record;
  v_grace interval;
  v_start application_status;
  v_status int := 201;
  v_created boolean := true;
  v_result jsonb;
begin
  if p_direction = 'right' then
    v_form_digest := form_digest(p_job);
    v_applicant_digest := case when v_form_digest is not null then applicant_digest(p_user) end;
    if v_form_digest is distinct from p_form_digest or v_applicant_digest is distinct from p_applicant_digest then
      -- Decided on a form or applicant that is no longer so: nothing written, the caller decides again.
      return jsonb_build_object('stale', jsonb_build_object('form', v_form_digest, 'applicant', v_applicant_digest));
    end if;
  end if;

  if p_key is not null then
    -- One request per key at a time: a concurrent retry waits here for the first to commit, then
    -- finds its key, so the key is looked up once and its insert below never conflicts.
    perform pg_advisory_xact_lock(hashtextextended(p_user::text || '/' || p_key, 0));
    select * into v_stored from idempotency_keys where user_id = p_user and key = p_key;
    if found then
      if v_stored.request_hash <> p_hash then
        raise exception 'idempotency key % was used for another request', p_key using errcode = '${KEY_REUSED}';
      end if;
      return v_stored.response_body;
    end if;
  end if;

  select * into v_job from jobs where id = p_job;
  if not found then
    raise exception 'no job %', p_job using errcode = '${NO_JOB}';
  end if;

  -- At most p_per_minute new swipes in any minute: the swipe as many back that would make one too
  -- many says when the next is allowed (concurrent swipes may each pass: a rate, not a quota).
  select created_at into v_nth_latest from swipes where user_id = p_user
  order by created_at desc offset p_per_minute - 1 limit 1;
  if v_nth_latest > now() - interval '1 minute' then
    raise exception 'too many swipes' using errcode = '${TOO_MANY}',
      detail = ceil(extract(epoch from v_nth_latest + interval '1 minute' - now()))::text;
  end if;

  insert into swipes (user_id, job_id, direction) values (p_user, p_job, p_direction)
  on conflict (user_id, job_id) do nothing
  returning * into v_swipe;
  if not found then
    -- Swiped before (or concurrently: the insert waited for that transaction to commit).
    select * into strict v_swipe from swipes where user_id = p_user and job_id = p_job;
    select * into v_app from applications where swipe_id = v_swipe.id;
    v_status := 200;
    v_created := false;
  elsif p_direction = 'right' then
    if v_job.closed_at is not null then
      raise exception 'job % is closed', p_job using errcode = '${JOB_CLOSED}';
    end if;
    select u.execution_preference, coalesce(u.undo_grace_ms, p_default_grace_ms) as grace_ms,
      p.daily_limit, p.total_per_month, p.server_per_month, p.priority
    into strict v_user from users u join plans p on p.id = u.plan_id where u.id = p_user;
    select * into strict v_quota from reserve_quota(p_user, v_user.execution_preference, v_user.daily_limit,
      v_user.total_per_month, v_user.server_per_month, now());
    v_grace := make_interval(secs => v_user.grace_ms / 1000.0);
    -- A deferred swipe is asked its questions when it comes due and runs (it holds no quota yet).
    v_start := case when v_quota.deferred is not null then v_quota.deferred
      when p_attention is not null then ${NEEDS_ATTENTION}
      when v_user.grace_ms > 0 then ${GRACE} else ${QUEUED} end;

    insert into applications (user_id, job_id, swipe_id, status, lane, priority, max_attempts, available_at,
      quota_day, quota_month, server_reserved, attention, error_class, last_error)
    values (p_user, p_job, v_swipe.id, v_start,
      -- A deferred application is expected to use this lane; it is decided again when it comes due.
      coalesce(v_quota.lane, case when v_user.execution_preference = 'server_only' then 'server' else 'device' end::lane),
      v_user.priority, p_max_attempts,
      -- Never offered within the grace period, even when a deferral would end sooner (at midnight).
      greatest(coalesce(v_quota.available_at, now()), now() + v_grace),
      v_quota.quota_day, v_quota.quota_month, v_quota.server_reserved,
      case when v_start = ${NEEDS_ATTENTION} then p_attention end,
      case when v_start = ${NEEDS_ATTENTION} then 'needs_user'::error_class end,
      case when v_start = ${NEEDS_ATTENTION} then format('The form asks %s question(s) you have not answered yet.',
        jsonb_array_length(p_attention)) end)
    returning * into v_app;

    insert into job_snapshots (application_id, posting)
    values (v_app.id, job_view(v_job) || jsonb_build_object('capturedAt', iso_time(now())));

    if v_app.status = ${QUEUED} then
      insert into outbox (topic, payload) values ('${DELIVER_TOPIC}', deliver_message(v_app));
    end if;

    insert into application_events (application_id, user_id, type, from_status, to_status, actor, message, attempt,
      correlation_id)
    values (v_app.id, p_user, 'status', null, v_app.status, 'user:' || p_user,
      case when v_app.status = ${GRACE}
        then format('Held %s s for undo, then queued for the %s lane.', trim_scale(v_user.grace_ms / 1000.0), v_app.lane)
        when v_app.status = ${NEEDS_ATTENTION}
        then format('Waiting for your answers to %s question(s) the form asks, then queued for the %s lane.',
          jsonb_array_length(p_attention), v_app.lane)
        else coalesce(v_quota.reason, format('Queued for the %s lane.', v_app.lane)) end,
      v_app.attempt, v_app.correlation_id);
  end if;

  v_result := jsonb_build_object(
    'status', v_status,
    'created', v_created,
    'swipe', to_jsonb(v_swipe),
    'application', case when v_app.id is null then null else to_jsonb(v_app) end,
    'job', jsonb_build_object('title', v_job.title, 'company', v_job.company, 'location', v_job.location,
      'atsKind', v_job.ats_kind));
  if p_key is not null then
    -- Written once, with its response.
    insert into idempotency_keys (user_id, key, request_hash, response_status, response_body)
    values (p_user, p_key, p_hash, v_status, v_result);
  end if;
  return v_result;
end $$;`,
};

/** What `swipe_transaction` returns (and stores with the idempotency key): rows as JSON. */
interface SwipeOutcome {
  status: number;
  created: boolean;
  swipe: { id: string; job_id: string; direction: Swipe['direction']; created_at: string };
  application: ApplicationRow | null;
  job: ApplicationWithJob['job'];
}

/** What a swipe hands its outcome to on this node. */
export interface SwipeDelivery {
  relay: Pick<OutboxRelay, 'wake'>;
  grace: Pick<GraceRelease, 'announce'>;
}

/** Times a swipe is decided again after a stale answer before giving up (a form rewritten that often). */
const DECISIONS = 4;

export async function runSwipe(
  ctx: AppContext,
  delivery: SwipeDelivery,
  { questions, batches }: { questions: SwipeQuestions; batches: SwipeBatches },
  userId: string,
  input: SwipeBody,
): Promise<SwipeResult> {
  const key = input.idempotencyKey ?? null;
  if (input.answers?.length && input.direction !== 'right') {
    throw new AppError('validation_failed', 'Invalid body: answers: only a right-swipe carries answers.', {
      issues: [{ path: 'answers', message: 'only with direction "right"' }],
    });
  }
  if (input.answers?.length) await questions.saveCarried(userId, input.jobId, input.answers);
  // The answers are part of the request a retry must repeat (left out when none, as before).
  const hash = key
    ? requestHash({
        jobId: input.jobId,
        direction: input.direction,
        ...(input.answers ? { answers: input.answers } : {}),
      })
    : null;
  const decide = () => (input.direction === 'right' ? questions.decide(userId, input.jobId) : NOTHING_OWED);
  let answer = await swipeTransaction(batches, userId, input, key, hash, decide());
  for (let decided = 1; 'stale' in answer; decided++) {
    if (decided === DECISIONS) {
      throw new AppError('service_unavailable', "This job's form is changing right now. Swipe again in a moment.");
    }
    await questions.learn(userId, input.jobId, answer.stale);
    answer = await swipeTransaction(batches, userId, input, key, hash, decide());
  }
  const outcome = answer;
  const application = outcome.application ? applicationFromRow(outcome.application) : null;
  if (outcome.created && application) {
    // On the request's own log line, not one more line per swipe.
    addLogContext({ correlationId: application.correlationId, applicationId: application.id });
    if (application.status === 'QUEUED') delivery.relay.wake();
    if (application.status === 'GRACE') delivery.grace.announce(application.availableAt);
    // Committed already; the event bus falls back to this node's sockets when Redis is down.
    void ctx.events.applicationChanged(application, 'status', null, null);
  }
  return {
    status: outcome.status,
    body: {
      swipe: {
        id: outcome.swipe.id,
        jobId: outcome.swipe.job_id,
        direction: outcome.swipe.direction,
        createdAt: new Date(outcome.swipe.created_at).toISOString(),
      },
      application: application ? toApplicationSummary({ ...application, job: outcome.job }) : null,
      created: outcome.created,
    },
  };
}

async function swipeTransaction(
  batches: SwipeBatches,
  userId: string,
  input: SwipeBody,
  key: string | null,
  hash: string | null,
  decision: SwipeDecision,
): Promise<SwipeOutcome | { stale: StaleDigests }> {
  try {
    return (await batches.run({
      user: userId,
      job: input.jobId,
      direction: input.direction,
      key,
      hash,
      attention: decision.owed,
      formDigest: decision.formDigest,
      applicantDigest: decision.applicantDigest,
    })) as SwipeOutcome | { stale: StaleDigests };
  } catch (err) {
    throw (err instanceof SwipeFailed && refusal(err)) || err;
  }
}

/** Over SWIPE_RATE_LIMIT: answered 429 with Retry-After. */
export class TooManySwipes extends AppError {
  constructor(readonly retryAfterS: number) {
    super('rate_limited', `Too many swipes. Try again in ${retryAfterS} seconds.`);
  }
}

function refusal(err: SwipeFailed): AppError | null {
  if (err.code === TOO_MANY) return new TooManySwipes(Math.max(1, Number(err.detail) || 1));
  if (err.code === NO_JOB) return notFound('Job');
  if (err.code === JOB_CLOSED) {
    return new AppError('conflict', 'This job no longer accepts applications. Swipe on another one.');
  }
  if (err.code === KEY_REUSED) {
    return new AppError(
      'idempotency_mismatch',
      'This idempotency key was already used for a different request. Use a new key for a new request.',
    );
  }
  return null;
}
