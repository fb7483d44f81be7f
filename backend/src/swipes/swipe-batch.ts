// Group commit for the swipe transaction. A swipe that arrives while a few batches are already in
// the database waits for one to finish, then goes with every other swipe that waited, in one call
// of `swipe_batch`: one round trip and one commit (one WAL flush) for all of them, where each swipe
// used to cost its own. Each swipe still runs as `swipe_transaction` in its own subtransaction
// (an exception block), so one swipe's refusal undoes only its own writes and is answered to its
// own request; the others commit. A swipe that finds nothing in flight goes at once, alone, so a
// swipe at a quiet moment waits for no one.
// Deadlocks: a batch holds the row locks of its earlier swipes (a user's usage counters, swipe and
// key) until it commits, so batches take them in one order, by user then job; a swipe refused by
// the deadlock detector anyway is sent again in a later batch.
import type { AppContext } from '../context.ts';
import type { SqlFunction } from '../db/sql-function.ts';

export const SWIPE_BATCH_SQL: SqlFunction = {
  name: 'swipe_batch',
  sql: `
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
end $$;`,
};

/** One swipe's arguments to `swipe_transaction` (the ones that differ between swipes). */
export interface SwipeCall {
  user: string;
  job: string;
  direction: 'left' | 'right';
  key: string | null;
  hash: string | null;
  attention: unknown[] | null;
  formDigest: string | null;
  applicantDigest: string | null;
}

/** What `swipe_transaction` raised for one swipe, by SQLSTATE (its own writes undone). */
interface SwipeFailure {
  code: string;
  message: string;
  detail: string | null;
}

/** A swipe's exception, as the pg driver would have thrown it for a call of its own. */
export class SwipeFailed extends Error {
  readonly code: string;
  readonly detail: string | null;

  constructor(failure: SwipeFailure) {
    super(failure.message);
    this.code = failure.code;
    this.detail = failure.detail;
  }
}

interface Waiting {
  call: SwipeCall;
  tries: number;
  resolve(answer: unknown): void;
  reject(err: unknown): void;
}

/** Swipes in one call: long enough to share a commit, short enough to keep a batch's latency low. */
const MOST_PER_BATCH = 32;
/** Deadlock victims are sent again this many times in all. */
const TRIES = 3;
const RETRIED = new Set(['40P01', '40001']);

export class SwipeBatches {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  /** Half the pool: the rest stays free for everything else the node does (relay, grace, reads). */
  private readonly mostInFlight: number;

  constructor(private readonly ctx: AppContext) {
    this.mostInFlight = Math.max(1, Math.floor(ctx.config.DATABASE_POOL_MAX / 2));
  }

  /** The swipe's outcome as `swipe_transaction` returns it; rejects with `SwipeFailed` for an exception it raised. */
  run(call: SwipeCall): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ call, tries: 0, resolve, reject });
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.mostInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MOST_PER_BATCH);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.send();
      });
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    batch.sort((a, b) => order(a.call.user, b.call.user) || order(a.call.job, b.call.job));
    let results: Array<unknown | { error: SwipeFailure }>;
    try {
      const { rows } = await this.ctx.db.pool.query<{ results: Array<unknown | { error: SwipeFailure }> }>({
        name: 'swipe_batch',
        text: 'select swipe_batch($1, $2, $3, $4) as results',
        values: [
          JSON.stringify(batch.map((w) => w.call)),
          this.ctx.config.MAX_ATTEMPTS,
          this.ctx.config.UNDO_GRACE_MS,
          this.ctx.config.SWIPE_RATE_LIMIT,
        ],
      });
      results = rows[0]!.results;
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i];
      if (!isFailure(result)) w.resolve(result);
      else if (RETRIED.has(result.error.code) && ++w.tries < TRIES) this.waiting.push(w);
      else w.reject(new SwipeFailed(result.error));
    });
  }
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isFailure(result: unknown): result is { error: SwipeFailure } {
  return typeof result === 'object' && result !== null && 'error' in result;
}
