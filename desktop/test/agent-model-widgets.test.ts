// The desktop agent and the engine's model fallback (the "one fallback policy"): the agent
// holds no model key, yet a practice form's essay, a question the profile and saved answers leave
// open, is drafted by the backend's model and typed into its widget by Stagehand attached to the
// agent's own browser over CDP, Stagehand's model call going through the backend's relay (the
// scripted OpenAI-compatible stand-in on loopback counts the calls) and charged to the user's
// monthly budget. How to operate that widget is learned once for the form template and shared
// through the device API: another user's agent on the same template drafts their own answer and
// makes no model call to operate the widget. A user whose budget is spent by the draft gets no
// relayed call: the question is left to them.
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import type { ApplicationDetail, ApplicationStatus, UsageView } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Applicant, postings, startWorld, swipeRight, type World } from './support/world.ts';

const POSTING = postings().find((p) => p.externalId === '4012345')!;
const ESSAY = 'Why do you want to work at Northwind Robotics?';
const DRAFT = 'Your robots solve warehouse problems I have worked on for years.';
/** Another employer's form (another template) whose open question is another essay. */
const LUMEN = postings().find((p) => p.externalId === '5123003')!;
const LUMEN_ESSAY = 'Why do you want to work at Lumen Labs?';
const KEY = 'sk-scripted-widgets-0123456789';

const model = new ScriptedModel({ [ESSAY]: DRAFT, [LUMEN_ESSAY]: 'Your clinics are where I want my work to land.' });
let world: World;

beforeAll(async () => {
  await model.start();
  world = await startWorld({ LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: KEY });
});
afterAll(async () => {
  await world?.close();
  await model.close();
});

/** An applicant with an email of their own: the practice ATS refuses a second application from one address. */
async function applicant(email: string): Promise<Applicant> {
  const user = await world.applicant([]);
  await user.api.put('/v1/profile', { ...PROFILE, email });
  return user;
}

async function applyWithAgent(user: Applicant, posting: typeof POSTING, expected: ApplicationStatus) {
  const agent = world.startAgent(await world.pairedAgentDir(user));
  const [id] = await swipeRight(user, [world.jobOf(posting)]);
  const status = async () => (await world.prisma.application.findUniqueOrThrow({ where: { id: id! } })).status;
  await expect.poll(status, { timeout: 120_000, interval: 500 }).toMatch(/SUBMITTED|NEEDS_ATTENTION|FAILED|DEAD/);
  expect(await status(), agent.transcript).toBe(expected);
  await world.stopAgents();
  const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
  const usage = await user.api.get<UsageView>('/v1/plan');
  return { detail: detail.body, modelCalls: usage.body.usage.modelCallsThisMonth, agent };
}

describe('the desktop agent with the model fallback', () => {
  it('operates an essay widget through the relayed model; a second user on the template needs no call to operate it', {
    timeout: 300_000,
  }, async () => {
    const first = await applicant('ada.widgets@example.com');
    const one = await applyWithAgent(first, POSTING, 'SUBMITTED');
    expect(one.detail.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    // One call drafted the essay (the backend's drafting), one planned how to fill its field
    // (Stagehand in the agent, relayed): both charged to this user.
    expect(model.calls()).toEqual({ draft: 1, widget: 1 });
    expect(one.modelCalls).toBe(2);
    expect(one.agent.logs.filter((r) => r.msg === 'the model fallback did not start')).toEqual([]);
    // The action learned is the template's, shared, and types the placeholder, not the answer.
    const shared = await world.prisma.modelAction.findMany();
    expect(shared).toHaveLength(1);
    expect(JSON.stringify(shared[0]!.action)).toContain('%answer%');
    expect(JSON.stringify(shared[0]!.action)).not.toContain(DRAFT);

    const second = await applicant('grace.widgets@example.com');
    const two = await applyWithAgent(second, POSTING, 'SUBMITTED');
    expect(two.detail.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    // Their own draft (one call), and no call to operate the widget: the shared action did.
    expect(model.calls()).toEqual({ draft: 2, widget: 1 });
    expect(two.modelCalls).toBe(1);

    const sent = world.ats.submissions.list({ ats: POSTING.ats, jobId: POSTING.externalId });
    expect(sent).toHaveLength(2);
    for (const submission of sent) expect(JSON.stringify(submission)).toContain(DRAFT);
    // The page reached the model before anything personal was typed; the key never left the backend.
    const prompts = model.prompts();
    for (const secret of ['ada.widgets@example.com', 'grace.widgets@example.com', PROFILE.phone, PROFILE.lastName, KEY])
      expect(prompts, secret).not.toContain(secret);
    expect(model.requests.map((r) => r.authorization)).toEqual(model.requests.map(() => `Bearer ${KEY}`));
  });

  it('with the budget spent by the draft, the relay refuses the widget call and the question goes to the user', {
    timeout: 300_000,
  }, async () => {
    await world.prisma.plan.create({ data: { id: 'one-call', name: 'One model call', modelCallsPerMonth: 1 } });
    const user = await applicant('ada.budget@example.com');
    await world.prisma.user.update({ where: { id: user.userId }, data: { planId: 'one-call' } });
    const calls = model.calls();
    const run = await applyWithAgent(user, LUMEN, 'NEEDS_ATTENTION');
    expect(run.detail.attention?.map((q) => q.label)).toEqual([LUMEN_ESSAY]);
    // The draft took the one call; the widget's call was refused before it reached the model.
    expect(model.calls()).toEqual({ draft: calls.draft + 1, widget: calls.widget });
    expect(run.modelCalls).toBe(1);
    expect(world.ats.submissions.list({ ats: LUMEN.ats, jobId: LUMEN.externalId })).toEqual([]);
  });
});
