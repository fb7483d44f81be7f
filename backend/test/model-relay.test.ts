// The device routes behind the desktop agent's model fallback, with the scripted OpenAI-compatible
// stand-in on loopback as the model: the relay forwards one Stagehand call with the backend's key,
// charges the user's monthly budget first and refuses past it without calling the model, and logs
// no prompt; the shared widget actions are read, written and dropped per template, shared between
// users, only for the application's own site and only with the `%answer%` placeholder; every route
// answers only the device holding the lease.
import type { ModelActionView, ModelRelayResponse, SwipeResponse, UsageView } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice } from './support/devices.ts';
import { createJobs } from './support/factories.ts';
import { claimAs } from './support/transitions.ts';

const API_KEY = 'sk-scripted-relay-key-0123456789';
const LABEL = 'Why do you want to work here?';
const INSTRUCTION = `Type %answer% into the field labelled "${LABEL}"`;
/** An accessibility tree as Stagehand sends it, naming the field the instruction names. */
const PROMPT = `instruction: ${INSTRUCTION}\nAccessibility Tree:\n[0-7] textbox: ${LABEL}`;
const OBSERVE_SCHEMA = { name: 'Observation', schema: { type: 'object', properties: { elements: { type: 'array' } } } };

const model = new ScriptedModel({});
let backend: TestBackend;

beforeAll(async () => {
  await model.start();
  backend = await startTestBackend({ LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: API_KEY });
});
afterAll(async () => {
  await backend?.close();
  await model.close();
});

/** A user whose desktop agent holds the lease on an application to one of the factory's jobs (host 127.0.0.1:9). */
async function holding() {
  const user = await signUp(backend.api);
  const device = await pairDevice(user.api, 'desktop');
  const [job] = await createJobs(backend.node.ctx.db.prisma, 1);
  const swiped = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  const applicationId = swiped.body.application!.id;
  const claimed = await claimAs(backend.node.ctx, applicationId, `device:${device.deviceId}`);
  const lease = { applicationId, leaseToken: claimed.leaseToken.toString() };
  const asDevice = user.api.as(device.token);
  return { user, lease, asDevice, template: `${new URL(job!.applyUrl).host}/jobs/*` };
}

describe('the model relay', () => {
  it("forwards one call with the backend's key, charged to the user's budget, and logs no prompt", async () => {
    const { user, lease, asDevice } = await holding();
    const logged = (['info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(backend.node.ctx.log, level));
    const res = await asDevice.post<ModelRelayResponse>('/v1/devices/model-relay', {
      ...lease,
      messages: [{ role: 'user', content: PROMPT }],
      responseSchema: OBSERVE_SCHEMA,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.content)).toMatchObject({ elements: [{ elementId: '0-7', arguments: ['%answer%'] }] });
    expect(res.body.usage.totalTokens).toBe(2);
    expect(model.calls()).toEqual({ widget: 1, draft: 0 });
    expect(model.requests.at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);
    const plan = await user.api.get<UsageView>('/v1/plan');
    expect(plan.body.usage).toMatchObject({ modelCallsThisMonth: 1, modelTokensThisMonth: 2 });
    const lines = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
    for (const spy of logged) spy.mockRestore();
    expect(lines).toContain('model call relayed');
    expect(lines).not.toContain(LABEL);
  });

  it('refuses past the monthly budget without calling the model', async () => {
    const prisma = backend.node.ctx.db.prisma;
    await prisma.plan.create({ data: { id: 'no-model-calls', name: 'No model calls', modelCallsPerMonth: 0 } });
    const { user, lease, asDevice } = await holding();
    await prisma.user.update({ where: { id: user.user.id }, data: { planId: 'no-model-calls' } });
    const calls = model.requests.length;
    const res = await asDevice.post('/v1/devices/model-relay', {
      ...lease,
      messages: [{ role: 'user', content: PROMPT }],
    });
    expect(res.status).toBe(402);
    expect(model.requests).toHaveLength(calls);
    expect((await user.api.get<UsageView>('/v1/plan')).body.usage.modelCallsThisMonth).toBe(0);
  });

  it('answers only the device holding the lease', async () => {
    const { lease, asDevice } = await holding();
    const other = await holding();
    const calls = model.requests.length;
    const body = { messages: [{ role: 'user', content: PROMPT }] };
    expect((await asDevice.post('/v1/devices/model-relay', { ...lease, leaseToken: '999', ...body })).status).toBe(409);
    expect((await other.asDevice.post('/v1/devices/model-relay', { ...lease, ...body })).status).toBe(404);
    expect((await other.user.api.post('/v1/devices/model-relay', { ...other.lease, ...body })).status).toBe(401);
    expect(model.requests).toHaveLength(calls);
  });
});

describe('shared widget actions', () => {
  const action = {
    selector: 'xpath=/html/body/form/textarea',
    description: 'the essay',
    method: 'fill',
    arguments: ['%answer%'],
  };
  const query = (key: Record<string, string>) => `/v1/devices/model-actions?${new URLSearchParams(key)}`;

  it("are shared per template between users, on the application's own site only, never with an answer", async () => {
    const first = await holding();
    const key = { ...first.lease, template: first.template, instruction: INSTRUCTION };
    expect((await first.asDevice.get<ModelActionView>(query(key))).body).toEqual({ action: null });
    const withAnswer = { ...action, arguments: ['I love your robots'] };
    expect((await first.asDevice.put('/v1/devices/model-actions', { ...key, action: withAnswer })).status).toBe(400);
    expect((await first.asDevice.put('/v1/devices/model-actions', { ...key, action })).status).toBe(200);
    const elsewhere = { ...key, template: 'boards.other.example/jobs/*' };
    expect((await first.asDevice.put('/v1/devices/model-actions', { ...elsewhere, action })).status).toBe(403);
    expect((await first.asDevice.get(query(elsewhere))).status).toBe(403);

    // Another user's agent on the same template reads it; a stale lease reads nothing.
    const second = await holding();
    const theirs = { ...second.lease, template: second.template, instruction: INSTRUCTION };
    expect((await second.asDevice.get<ModelActionView>(query(theirs))).body).toEqual({ action });
    expect((await second.asDevice.get(query({ ...theirs, leaseToken: '999' }))).status).toBe(409);
    expect((await second.asDevice.get(query(key))).status).toBe(404);

    expect((await second.asDevice.delete(query(theirs))).status).toBe(204);
    expect((await first.asDevice.get<ModelActionView>(query(key))).body).toEqual({ action: null });
    expect(
      await backend.node.ctx.db.prisma.modelAction.count({ where: { template: 'boards.other.example/jobs/*' } }),
    ).toBe(0);
  });
});
