// The backend's model answers for the extension (POST /v1/devices/model-answers), with a scripted
// OpenAI-compatible server on loopback as the stand-in for the model (the outermost boundary):
// only non-sensitive questions reach it, no prompt carries the applicant's personal or sensitive
// data or a secret, a draft is reused for the same user without a new call and never for another.
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import type { ModelAnswersResponse, Question, SwipeResponse, UsageView } from '@jobswipe/protocol';
import { normalizeQuestion } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveModelCall } from '../src/model/model-budget.ts';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice } from './support/devices.ts';
import { createJobs } from './support/factories.ts';
import { claimAs } from './support/transitions.ts';

const ESSAY = 'Tell us about a project you are proud of';
const DRAFT = 'I led the rewrite of a billing system that now serves two million invoices a month.';
const API_KEY = 'sk-scripted-model-key-0123456789';

const model = new ScriptedModel({ [ESSAY]: DRAFT, 'Which team would you like to join?': 'Platform' });
let backend: TestBackend;

beforeAll(async () => {
  await model.start();
  backend = await startTestBackend({
    LLM_BASE_URL: model.url,
    LLM_MODEL: 'scripted',
    LLM_API_KEY: API_KEY,
    UNDO_GRACE_MS: '0',
  });
});
afterAll(async () => {
  await backend?.close();
  await model.close();
});

const q = (label: string, type: Question['type'] = 'textarea', options?: string[]): Question => ({
  key: normalizeQuestion(label),
  label,
  type,
  required: true,
  ...(options ? { options } : {}),
});

/** A user with the engine's test profile, an extension, and an application that extension holds. */
async function holding() {
  const user = await signUp(backend.api);
  await user.api.put('/v1/profile', { ...PROFILE, email: user.user.email });
  await user.api.put('/v1/profile/answers', {
    answers: [{ question: 'What is your favourite colour?', answer: 'saved-answer-never-sent' }],
  });
  const device = await pairDevice(user.api, 'extension');
  const [job] = await createJobs(backend.node.ctx.db.prisma, 1);
  const swiped = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  const id = swiped.body.application!.id;
  const claimed = await claimAs(backend.node.ctx, id, `device:${device.deviceId}`);
  const ask = (questions: Question[], token = claimed.leaseToken.toString()) =>
    user.api
      .as(device.token)
      .post<ModelAnswersResponse>('/v1/devices/model-answers', { applicationId: id, leaseToken: token, questions });
  return { user, ask };
}

describe('model answers for the extension', () => {
  it('drafts non-sensitive questions only, from work facts only, and records them as the model’s', async () => {
    const { user, ask } = await holding();
    const res = await ask([
      q(ESSAY),
      q('What are your salary expectations?', 'text'),
      q('Will you now or in the future require visa sponsorship?', 'yes_no', ['Yes', 'No']),
      q('Gender', 'select', ['Male', 'Female', 'Decline to self-identify']),
      q('Upload your portfolio', 'file'),
      q('Which team would you like to join?', 'select', ['Platform', 'Payments']),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.answers).toEqual([
      { key: normalizeQuestion(ESSAY), answer: DRAFT, source: 'ai', cached: false },
      { key: 'which team would you like to join', answer: 'Platform', source: 'ai', cached: false },
    ]);
    expect(res.body.refused).toEqual([
      { key: 'what are your salary expectations', reason: 'sensitive' },
      { key: 'will you now or in the future require visa sponsorship', reason: 'sensitive' },
      { key: 'gender', reason: 'sensitive' },
      { key: 'upload your portfolio', reason: 'not_drafted' },
    ]);
    // Two questions, two calls; the key only in the header.
    expect(model.requests).toHaveLength(2);
    expect(model.requests.every((r) => r.authorization === `Bearer ${API_KEY}`)).toBe(true);
    const sent = model.prompts();
    for (const secret of [
      API_KEY,
      user.user.email,
      PROFILE.phone,
      PROFILE.lastName,
      'saved-answer-never-sent',
      String(PROFILE.salaryExpectation?.amount ?? 'no-salary'),
      ...Object.values(PROFILE.eeo).filter((v): v is string => typeof v === 'string' && v.length > 3),
    ]) {
      expect(sent, secret).not.toContain(secret);
    }
    expect(sent).not.toMatch(/salary|sponsor|gender/i);
  });

  it("reuses a user's draft without a model call, and never gives it to another user", async () => {
    const first = await holding();
    expect((await first.ask([q(ESSAY)])).body.answers[0]).toMatchObject({ answer: DRAFT, cached: false });
    const calls = model.requests.length;
    const again = await first.ask([q(ESSAY)]);
    expect(again.body.answers).toEqual([{ key: normalizeQuestion(ESSAY), answer: DRAFT, source: 'ai', cached: true }]);
    expect(model.requests.length).toBe(calls);

    const other = await holding();
    const theirs = await other.ask([q(ESSAY)]);
    expect(theirs.body.answers[0]).toMatchObject({ cached: false });
    expect(model.requests.length).toBe(calls + 1);
  });

  it('answers only the executor holding the lease', async () => {
    const { ask } = await holding();
    const stale = await ask([q(ESSAY)], '999');
    expect(stale.status).toBe(409);
    const asUser = await (await signUp(backend.api)).api.post('/v1/devices/model-answers', {
      applicationId: '00000000-0000-4000-8000-000000000000',
      leaseToken: '1',
      questions: [q(ESSAY)],
    });
    expect(asUser.status).toBe(401);
  });
});

describe('the monthly model budget', () => {
  it('gives a user as many model answers as the plan allows, then leaves the questions to them', async () => {
    const prisma = backend.node.ctx.db.prisma;
    await prisma.plan.create({ data: { id: 'two-model-calls', name: 'Two model calls', modelCallsPerMonth: 2 } });
    const { user, ask } = await holding();
    await prisma.user.update({ where: { id: user.user.id }, data: { planId: 'two-model-calls' } });
    const calls = model.requests.length;
    const res = await ask([
      q(ESSAY),
      q('Which team would you like to join?', 'select', ['Platform', 'Payments']),
      q('What motivates you?'),
    ]);
    expect(res.body.answers.map((a) => a.key)).toEqual([normalizeQuestion(ESSAY), 'which team would you like to join']);
    expect(res.body.refused).toEqual([{ key: 'what motivates you', reason: 'over_budget' }]);
    expect(model.requests.length).toBe(calls + 2);
    // A draft already made is the user's own and costs nothing.
    expect((await ask([q(ESSAY)])).body.answers[0]).toMatchObject({ cached: true });
    const plan = await user.api.get<UsageView>('/v1/plan');
    expect(plan.body.usage).toMatchObject({ modelCallsThisMonth: 2, modelTokensThisMonth: 4 });
  });

  it('never reserves past the plan under concurrent callers', async () => {
    const prisma = backend.node.ctx.db.prisma;
    await prisma.plan.create({
      data: { id: 'three-model-calls', name: 'Three', modelCallsPerMonth: 3, modelTokensPerMonth: 1_000 },
    });
    const user = await signUp(backend.api);
    await prisma.user.update({ where: { id: user.user.id }, data: { planId: 'three-model-calls' } });
    const charges = await Promise.all(Array.from({ length: 12 }, () => reserveModelCall(prisma, user.user.id, 100)));
    expect(charges.filter(Boolean)).toHaveLength(3);
    await Promise.all(charges.map((c) => c?.settle(50)));
    // Settled to what the calls used; tokens bound the budget too.
    expect(await reserveModelCall(prisma, user.user.id, 100)).toBeNull();
    const usage = await user.api.get<UsageView>('/v1/plan');
    expect(usage.body.usage).toMatchObject({ modelCallsThisMonth: 3, modelTokensThisMonth: 150 });
    await prisma.plan.update({ where: { id: 'three-model-calls' }, data: { modelCallsPerMonth: null } });
    expect(await reserveModelCall(prisma, user.user.id, 900)).toBeNull();
    expect(await reserveModelCall(prisma, user.user.id, 850)).not.toBeNull();
  });
});
