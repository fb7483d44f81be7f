-- Group commit for swipes: swipe_batch runs many swipes in one call and one commit, each in its own
-- subtransaction, answering each swipe's outcome or error apart. swipe_transaction looks its
-- idempotency key up once, under a transaction-scoped advisory lock on the key that a concurrent
-- retry waits on (it had a second lookup and replay after a conflicting insert at its end).
-- generated function: swipe_transaction
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
        raise exception 'idempotency key % was used for another request', p_key using errcode = 'JS422';
      end if;
      return v_stored.response_body;
    end if;
  end if;

  select * into v_job from jobs where id = p_job;
  if not found then
    raise exception 'no job %', p_job using errcode = 'JS404';
  end if;

  -- At most p_per_minute new swipes in any minute: the swipe as many back that would make one too
  -- many says when the next is allowed (concurrent swipes may each pass: a rate, not a quota).
  select created_at into v_nth_latest from swipes where user_id = p_user
  order by created_at desc offset p_per_minute - 1 limit 1;
  if v_nth_latest > now() - interval '1 minute' then
    raise exception 'too many swipes' using errcode = 'JS429',
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
      raise exception 'job % is closed', p_job using errcode = 'JS409';
    end if;
    select u.execution_preference, coalesce(u.undo_grace_ms, p_default_grace_ms) as grace_ms,
      p.daily_limit, p.total_per_month, p.server_per_month, p.priority
    into strict v_user from users u join plans p on p.id = u.plan_id where u.id = p_user;
    select * into strict v_quota from reserve_quota(p_user, v_user.execution_preference, v_user.daily_limit,
      v_user.total_per_month, v_user.server_per_month, now());
    v_grace := make_interval(secs => v_user.grace_ms / 1000.0);
    -- A deferred swipe is asked its questions when it comes due and runs (it holds no quota yet).
    v_start := case when v_quota.deferred is not null then v_quota.deferred
      when p_attention is not null then 'NEEDS_ATTENTION'::application_status
      when v_user.grace_ms > 0 then 'GRACE'::application_status else 'QUEUED'::application_status end;

    insert into applications (user_id, job_id, swipe_id, status, lane, priority, max_attempts, available_at,
      quota_day, quota_month, server_reserved, attention, error_class, last_error)
    values (p_user, p_job, v_swipe.id, v_start,
      -- A deferred application is expected to use this lane; it is decided again when it comes due.
      coalesce(v_quota.lane, case when v_user.execution_preference = 'server_only' then 'server' else 'device' end::lane),
      v_user.priority, p_max_attempts,
      -- Never offered within the grace period, even when a deferral would end sooner (at midnight).
      greatest(coalesce(v_quota.available_at, now()), now() + v_grace),
      v_quota.quota_day, v_quota.quota_month, v_quota.server_reserved,
      case when v_start = 'NEEDS_ATTENTION'::application_status then p_attention end,
      case when v_start = 'NEEDS_ATTENTION'::application_status then 'needs_user'::error_class end,
      case when v_start = 'NEEDS_ATTENTION'::application_status then format('The form asks %s question(s) you have not answered yet.',
        jsonb_array_length(p_attention)) end)
    returning * into v_app;

    insert into job_snapshots (application_id, posting)
    values (v_app.id, job_view(v_job) || jsonb_build_object('capturedAt', iso_time(now())));

    if v_app.status = 'QUEUED'::application_status then
      insert into outbox (topic, payload) values ('deliver', deliver_message(v_app));
    end if;

    insert into application_events (application_id, user_id, type, from_status, to_status, actor, message, attempt,
      correlation_id)
    values (v_app.id, p_user, 'status', null, v_app.status, 'user:' || p_user,
      case when v_app.status = 'GRACE'::application_status
        then format('Held %s s for undo, then queued for the %s lane.', trim_scale(v_user.grace_ms / 1000.0), v_app.lane)
        when v_app.status = 'NEEDS_ATTENTION'::application_status
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
end $$;
-- end of generated function: swipe_transaction

-- generated function: swipe_batch
create or replace function swipe_batch(
  p_swipes jsonb, p_max_attempts int, p_default_grace_ms int, p_per_minute int
) returns jsonb language plpgsql as $$
declare
  v_swipe jsonb;
  v_detail text;
  v_results jsonb := '[]';
begin
  for v_swipe in select value from jsonb_array_elements(p_swipes) loop
    begin
      v_results := v_results || jsonb_build_array(swipe_transaction(
        (v_swipe->>'user')::uuid, (v_swipe->>'job')::uuid, (v_swipe->>'direction')::swipe_direction,
        v_swipe->>'key', v_swipe->>'hash', p_max_attempts, p_default_grace_ms,
        nullif(v_swipe->'attention', 'null'), v_swipe->>'formDigest', v_swipe->>'applicantDigest', p_per_minute));
    exception when others then
      get stacked diagnostics v_detail = pg_exception_detail;
      v_results := v_results || jsonb_build_array(jsonb_build_object('error',
        jsonb_build_object('code', sqlstate, 'message', sqlerrm, 'detail', v_detail)));
    end;
  end loop;
  return v_results;
end $$;
-- end of generated function: swipe_batch

