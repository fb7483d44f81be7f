import {
  type ApplicationSummary,
  accountPasswordQuestion,
  type ErrorBody,
  type SwipeResponse,
} from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/accounts/secret-box.ts';
import { claim } from '../src/leases/claim.ts';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';
import { changeStatus } from './support/transitions.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const worker = { kind: 'server' as const, workerId: 'w' };

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
});
afterAll(() => backend.close());

describe('the secret box', () => {
  it('opens what it sealed, with a fresh nonce each time, and refuses a tampered or foreign value', () => {
    const box = new SecretBox('k'.repeat(40));
    const a = box.seal('hunter22-long-password');
    expect(a).not.toContain('hunter22');
    expect(box.seal('hunter22-long-password')).not.toBe(a);
    expect(box.open(a)).toBe('hunter22-long-password');
    const [v, nonce, tag, body] = a.split('.');
    const bytes = Buffer.from(body!, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => box.open([v, nonce, tag, bytes.toString('base64url')].join('.'))).toThrow();
    expect(() => new SecretBox('x'.repeat(40)).open(a)).toThrow();
  });
});

describe("a site's account password", () => {
  it('is kept sealed apart from saved answers, and handed only to the executor applying to that site', async () => {
    const me = await signUp(backend.api);
    await prisma().user.update({ where: { id: me.user.id }, data: { executionPreference: 'server_only' } });
    const [walled, sameSite, elsewhere] = await createJobs(prisma(), 3);
    await prisma().job.update({ where: { id: walled!.id }, data: { applyUrl: 'https://jobs.example.com/a/1' } });
    await prisma().job.update({ where: { id: sameSite!.id }, data: { applyUrl: 'https://jobs.example.com/a/2' } });
    const swipe = async (jobId: string) =>
      (await me.api.post<SwipeResponse>('/v1/swipes', { jobId, direction: 'right' })).body.application!.id;
    const id = await swipe(walled!.id);
    const question = accountPasswordQuestion('jobs.example.com');

    const first = await claim(backend.node.ctx, worker, id);
    if (!first.ok) throw new Error('claim failed');
    expect(first.order.account).toBeNull();
    await changeStatus(backend.node.ctx, {
      applicationId: id,
      name: 'fail',
      to: 'NEEDS_ATTENTION',
      actor: 'server:w',
      lease: { token: first.application.leaseToken, holder: 'server:w' },
      changes: { attention: [question], error: { message: 'The site asks to sign in', errorClass: 'needs_user' } },
    });
    const answered = await me.api.post<ApplicationSummary>(`/v1/applications/${id}/answer`, {
      answers: [{ question: question.label, answer: 'correct-horse-site-pw' }],
    });
    expect(answered.body.status).toBe('QUEUED');

    expect(await prisma().savedAnswer.count({ where: { userId: me.user.id } })).toBe(0);
    const row = await prisma().siteAccount.findUniqueOrThrow({
      where: { userId_host: { userId: me.user.id, host: 'jobs.example.com' } },
    });
    expect(row.passwordSealed).not.toContain('correct-horse');

    const again = await claim(backend.node.ctx, worker, id);
    expect(again.ok && again.order.account).toEqual({
      email: me.user.email,
      password: 'correct-horse-site-pw',
      host: 'jobs.example.com',
    });
    const same = await claim(backend.node.ctx, worker, await swipe(sameSite!.id));
    expect(same.ok && same.order.account?.password).toBe('correct-horse-site-pw');
    const other = await claim(backend.node.ctx, worker, await swipe(elsewhere!.id));
    expect(other.ok && other.order.account).toBeNull();
  });

  it('is sealed however the question is written back, and never becomes a saved answer', async () => {
    const me = await signUp(backend.api);
    await prisma().user.update({ where: { id: me.user.id }, data: { executionPreference: 'server_only' } });
    const [walled] = await createJobs(prisma(), 1);
    await prisma().job.update({
      where: { id: walled!.id },
      data: { applyUrl: 'https://acme.wd5.myworkdayjobs.com/a/1' },
    });
    const id = (await me.api.post<SwipeResponse>('/v1/swipes', { jobId: walled!.id, direction: 'right' })).body
      .application!.id;
    const question = accountPasswordQuestion('acme.wd5.myworkdayjobs.com');
    const first = await claim(backend.node.ctx, worker, id);
    if (!first.ok) throw new Error('claim failed');
    await changeStatus(backend.node.ctx, {
      applicationId: id,
      name: 'fail',
      to: 'NEEDS_ATTENTION',
      actor: 'server:w',
      lease: { token: first.application.leaseToken as bigint, holder: 'server:w' },
      changes: { attention: [question], error: { message: 'The site asks to sign in', errorClass: 'needs_user' } },
    });

    // The same question twice, in other letter cases: both forms are the password, neither is saved.
    const answered = await me.api.post<ApplicationSummary>(`/v1/applications/${id}/answer`, {
      answers: [
        { question: question.label, answer: 'first-site-pw-1' },
        { question: question.label.toUpperCase(), answer: 'upper-site-pw-2' },
        { question: question.key.toUpperCase(), answer: 'key-site-pw-3' },
      ],
    });
    expect(answered.status).toBe(200);
    expect(await prisma().savedAnswer.count({ where: { userId: me.user.id } })).toBe(0);
    const again = await claim(backend.node.ctx, worker, id);
    if (!again.ok) throw new Error('claim failed');
    expect(again.order.account?.password).toMatch(/-site-pw-/);
    expect(JSON.stringify(again.order.answers)).not.toMatch(/site-pw/);

    // Nor through the profile's saved answers, in any form.
    for (const text of [question.label, question.key.toUpperCase(), 'JobSwipe Account Password elsewhere.example']) {
      const res = await me.api.put<ErrorBody>('/v1/profile/answers', { answers: [{ question: text, answer: 'pw-x' }] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/account password is not a saved answer/);
    }
    expect(await prisma().savedAnswer.count({ where: { userId: me.user.id } })).toBe(0);
  });
});
