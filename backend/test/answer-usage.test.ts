// GET /v1/profile/usage over real HTTP and Postgres: every use of a saved answer or profile field
// (from what attempts filled), newest first, and a refusal flagged only while the newest use was
// refused by the form.
import type { AnswerUsageView, FilledField, SwipeResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' });
});
afterAll(() => backend.close());

/** An application whose attempt ended in `end` after filling `filled` (the state an executor's report leaves). */
async function attempted(
  api: Api,
  company: string,
  filled: FilledField[],
  end: { status: 'SUBMITTED' | 'FAILED' | 'NEEDS_ATTENTION'; lastError?: string; attention?: unknown },
  at: Date,
): Promise<string> {
  const [job] = await createJobs(prisma(), 1, { company, title: `Engineer at ${company}` });
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  const id = res.body.application!.id;
  await prisma().application.update({
    where: { id },
    data: {
      status: end.status,
      filled,
      lastError: end.lastError ?? null,
      attention: end.attention ?? undefined,
      updatedAt: at,
    },
  });
  return id;
}

const years: FilledField = {
  field: 'Years of experience',
  value: 'five',
  source: 'answer',
  ref: 'answer:years of experience',
};
const name: FilledField = { field: 'First name', value: 'Ada', source: 'profile', ref: 'profile.firstName' };

describe('where answers were used', () => {
  it('lists every use newest first, flags the answer the form refused, and clears it after a success', async () => {
    const user = await signUp(backend.api);
    const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, minutes));
    const ok = await attempted(user.api, 'Globex', [name, years], { status: 'SUBMITTED' }, t(0));
    const refused = await attempted(
      user.api,
      'Initech',
      [name, years],
      { status: 'FAILED', lastError: 'The form refused the application: Years of experience must be a number' },
      t(5),
    );

    const first = await user.api.get<AnswerUsageView>('/v1/profile/usage');
    const byRef = new Map(first.body.usage.map((u) => [u.ref, u]));
    expect(byRef.get('answer:years of experience')?.uses.map((u) => [u.applicationId, u.company, u.value])).toEqual([
      [refused, 'Initech', 'five'],
      [ok, 'Globex', 'five'],
    ]);
    expect(byRef.get('answer:years of experience')?.refused).toEqual({
      applicationId: refused,
      message: 'The form refused the application: Years of experience must be a number',
    });
    // The error names another field than the first name: that use is not flagged.
    expect(byRef.get('profile.firstName')?.refused).toBeNull();

    // Asked again after filling it: refused too.
    const askedAgain = await attempted(
      user.api,
      'Hooli',
      [{ ...years, value: '5 years' }],
      {
        status: 'NEEDS_ATTENTION',
        attention: [{ key: 'years of experience', label: 'Years of experience', type: 'number', required: true }],
      },
      t(10),
    );
    const second = await user.api.get<AnswerUsageView>('/v1/profile/usage');
    expect(second.body.usage.find((u) => u.ref === 'answer:years of experience')?.refused?.applicationId).toBe(
      askedAgain,
    );

    // A newer success clears the flag.
    await attempted(user.api, 'Umbrella', [{ ...years, value: '5' }], { status: 'SUBMITTED' }, t(15));
    const third = await user.api.get<AnswerUsageView>('/v1/profile/usage');
    const usage = third.body.usage.find((u) => u.ref === 'answer:years of experience');
    expect(usage?.refused).toBeNull();
    expect(usage?.uses).toHaveLength(4);

    // Another user sees none of it.
    const other = await signUp(backend.api);
    expect((await other.api.get<AnswerUsageView>('/v1/profile/usage')).body.usage).toEqual([]);
  });
});
