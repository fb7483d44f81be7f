// The desktop agent and the model (issue 12): a required question the rules leave open and that is
// not sensitive is drafted by the backend's model (POST /v1/devices/model-answers, the scripted
// OpenAI-compatible stand-in on loopback; the agent holds no model key) and filled by the engine's
// model fallback (agent-model-widgets.test.ts tells how its widget is operated).
// The application is SUBMITTED without asking the user and the answer shown as the model's; no
// prompt carries the applicant's contact data, pay or the key; the same user's same question on
// a second application is answered from their draft, without a new model call. With "review
// drafted answers" on, the agent stops before the submit and hands the draft to the user, whose
// edited answer then goes out as theirs.
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { ApplicationDetail } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postings, startWorld, swipeRight, type World } from './support/world.ts';

const POSTING = postings().find((p) => p.externalId === '4012345')!;
const ESSAY = 'Why do you want to work at Northwind Robotics?';
const DRAFT = 'Your robots solve warehouse problems I have worked on for years.';
const KEY = 'sk-scripted-desktop-0123456789';
const SECOND_EMAIL = 'ada.second@example.com';

const model = new ScriptedModel({ [ESSAY]: DRAFT });
let world: World;

beforeAll(async () => {
  await model.start();
  world = await startWorld({ LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: KEY });
});
afterAll(async () => {
  await world?.close();
  await model.close();
});

describe('the desktop agent with a model on the backend', () => {
  it('gets an essay drafted once, fills it and submits twice, telling the model nothing personal', {
    timeout: 240_000,
  }, async () => {
    // The answer sheet says nothing about why Northwind: only the model can answer it.
    const applicant = await world.applicant([]);
    const first = world.jobOf(POSTING);
    const [second] = await createJobs(world.prisma, 1, {
      source: 'practice-greenhouse',
      externalId: 'second-opening',
      company: first.company,
      title: first.title,
      applyUrl: first.applyUrl,
      atsKind: 'greenhouse',
    });
    const agent = world.startAgent(await world.pairedAgentDir(applicant));
    const status = async (id: string) => (await world.prisma.application.findUniqueOrThrow({ where: { id } })).status;

    for (const job of [first, second!]) {
      // The practice Greenhouse refuses a second application from one address to one posting.
      if (job === second) await applicant.api.put('/v1/profile', { ...PROFILE, email: SECOND_EMAIL });
      const [id] = await swipeRight(applicant, [job]);
      await expect.poll(() => status(id!), { timeout: 120_000, interval: 500 }).toMatch(/SUBMITTED|NEEDS_ATTENTION/);
      expect(await status(id!), agent.transcript).toBe('SUBMITTED');
      const detail = await applicant.api.get<ApplicationDetail>(`/v1/applications/${id}`);
      expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
      // One call drafts the first application's essay and one (relayed for the agent's Stagehand)
      // plans how to type into its field; the second reuses the user's draft and the template's action.
      expect(model.calls()).toEqual({ draft: 1, widget: 1 });
    }
    const submitted = world.ats.submissions.list({ ats: POSTING.ats, jobId: POSTING.externalId });
    expect(submitted).toHaveLength(2);
    for (const submission of submitted) expect(JSON.stringify(submission)).toContain(DRAFT);
    expect(agent.logs.filter((r) => r.msg === 'model answers').map((r) => [r.drafted, r.reused])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const sent = model.prompts();
    expect(sent).toContain(ESSAY);
    for (const secret of [
      PROFILE.email,
      SECOND_EMAIL,
      PROFILE.phone,
      PROFILE.lastName,
      String(PROFILE.salaryExpectation?.amount),
      KEY,
    ])
      expect(sent, secret).not.toContain(secret);
    await world.stopAgents();
  });

  it('with "review drafted answers" on, stops before the submit with the draft for the user, then submits their answer', {
    timeout: 240_000,
  }, async () => {
    const applicant = await world.applicant([]);
    const email = 'ada.reviews@example.com';
    await applicant.api.put('/v1/profile', { ...PROFILE, email });
    await applicant.api.put('/v1/settings', { reviewDrafts: true });
    const agent = world.startAgent(await world.pairedAgentDir(applicant));
    const status = async (id: string) => (await world.prisma.application.findUniqueOrThrow({ where: { id } })).status;
    const sentBy = () => world.ats.submissions.list({ ats: POSTING.ats, jobId: POSTING.externalId, email });
    const calls = model.requests.length;

    const [id] = await swipeRight(applicant, [world.jobOf(POSTING)]);
    await expect.poll(() => status(id!), { timeout: 120_000, interval: 500 }).toMatch(/SUBMITTED|NEEDS_ATTENTION/);
    expect(await status(id!), agent.transcript).toBe('NEEDS_ATTENTION');
    const waiting = await applicant.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(waiting.body.attention).toEqual([expect.objectContaining({ label: ESSAY, draft: DRAFT })]);
    expect(sentBy()).toEqual([]);
    // This user's own draft: one model call (the widget's action is the template's already).
    expect(model.requests).toHaveLength(calls + 1);

    const edited = `${DRAFT} And I want to build them with you.`;
    await applicant.api.post(`/v1/applications/${id}/answer`, { answers: [{ question: ESSAY, answer: edited }] });
    await expect
      .poll(() => status(id!), { timeout: 120_000, interval: 500 })
      .toMatch(/SUBMITTED|NEEDS_ATTENTION|FAILED/);
    expect(await status(id!), agent.transcript).toBe('SUBMITTED');
    expect(JSON.stringify(sentBy())).toContain(edited);
    const done = await applicant.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(done.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: edited, source: 'answer' }));
    expect(model.requests).toHaveLength(calls + 1);
  });
});
