// A user's monthly model budget (the plan's calls and tokens), charged in Postgres before every
// model call made for them, whoever makes it (the server worker's drafts and widget actions, the
// devices' model-answers route). `reserveModelCall` adds one call and the call's token estimate to
// this month's usage row in one conditional statement, only while both stay within the plan, so
// concurrent callers never spend past it; the charge is then settled to the tokens the model
// reported. No reservation, no call: the question goes to the user instead.
import type { ModelCharge } from '@jobswipe/automations/ai/model-use';
import type { Queryable } from '@jobswipe/db';
import { monthStart } from '../quota/periods.ts';

/** Tokens reserved for a prompt of `chars` characters and an answer of at most `maxAnswerTokens`. */
export function tokenEstimate(chars: number, maxAnswerTokens: number): number {
  // About four characters a token in English; three keeps the estimate on the safe side.
  return Math.ceil(chars / 3) + maxAnswerTokens;
}

/** Reserves one model call of about `estimatedTokens` for `userId` this month; null when the plan's budget cannot take it. */
export async function reserveModelCall(
  db: Queryable,
  userId: string,
  estimatedTokens: number,
  now = new Date(),
): Promise<ModelCharge | null> {
  const start = monthStart(now);
  const reserved = await db.$queryRaw<Array<{ model_calls: number }>>`
    with plan as (
      select p.model_calls_per_month as calls, p.model_tokens_per_month as tokens
      from users u join plans p on p.id = u.plan_id where u.id = ${userId}::uuid
    )
    insert into usage_counters (user_id, period_kind, period_start, model_calls, model_tokens)
    select ${userId}::uuid, 'month', ${start}::date, 1, ${estimatedTokens}::int from plan
    where (plan.calls is null or plan.calls >= 1) and (plan.tokens is null or plan.tokens >= ${estimatedTokens}::int)
    on conflict (user_id, period_kind, period_start) do update
    set model_calls = usage_counters.model_calls + 1,
        model_tokens = usage_counters.model_tokens + excluded.model_tokens
    where ((select calls from plan) is null or usage_counters.model_calls < (select calls from plan))
      and ((select tokens from plan) is null or usage_counters.model_tokens + excluded.model_tokens <= (select tokens from plan))
    returning model_calls`;
  if (reserved.length === 0) return null;
  return {
    async settle(tokensUsed) {
      await db.$executeRaw`
        update usage_counters set model_tokens = greatest(0, model_tokens + ${tokensUsed - estimatedTokens}::int)
        where user_id = ${userId}::uuid and period_kind = 'month' and period_start = ${start}::date`;
    },
  };
}
