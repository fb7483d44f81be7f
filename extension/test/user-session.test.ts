// The extension applies in the user's own browser session. A posting behind a login wall the
// session cannot pass goes to the user (NEEDS_ATTENTION) with its tab left open; once the user has
// signed in there by hand, a retry applies using that session. And the extension racing another
// executor of the same user for one backlog: each application claimed and submitted once.

import { PROFILE } from '@jobswipe/automations/testing/applicant';
import type { Api } from '@jobswipe/backend/testing/api';
import { pairDevice as pairStandIn, startDevice } from '@jobswipe/backend/testing/devices';
import { claimCounts } from '@jobswipe/backend/testing/users';
import type { ApplicationDetail, ApplicationSummary } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import { afterAll, describe, expect, it } from 'vitest';
import { pairByCode } from './support/pairing.ts';
import { extensionSession } from './support/session.ts';
import { practiceApplicant, practicePostings, swipeRightOn } from './support/world.ts';

const WHY_US = 'Why do you want to work at OrbitPay?';
const DRAFT = 'OrbitPay gets money to the right place, and ledgers are what I have built for years.';
// The stand-in for the LLM API (the outermost boundary), behind the backend's model answers.
const model = new ScriptedModel({ [WHY_US]: DRAFT });

const s = extensionSession(async () => {
  await model.start();
  return { LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: 'sk-scripted-0123456789' };
});
afterAll(() => model.close());

const pairExtension = (api: Api) => pairByCode(s.browser, s.world.backend.node.url, api);

const statusOf = async (id: string) => (await s.world.prisma.application.findUniqueOrThrow({ where: { id } })).status;

describe('the user’s own browser session', () => {
  it('leaves a login wall to the user in an open tab, then applies with the session the user signed in with', async () => {
    const [walled] = practicePostings(['careers/research-scientist-login']);
    const user = await practiceApplicant(s.world, [walled!]);
    await pairExtension(user.api);

    const [id] = await swipeRightOn(user.api, [s.world.jobOf(walled!)]);
    await expect.poll(() => statusOf(id!)).toBe('NEEDS_ATTENTION');
    expect(s.world.ats.submissions.list({ ats: walled!.ats, jobId: walled!.externalId })).toHaveLength(0);
    // The tab stays open on the sign-in page for the user.
    const tab = s.browser.context.pages().find((p) => p.url().includes('/__practice/signin'));
    expect(
      tab,
      s.browser.context
        .pages()
        .map((p) => p.url())
        .join('\n'),
    ).toBeDefined();

    // The user creates the account there by hand, in this browser's profile.
    await tab!.getByRole('link', { name: 'Create an account' }).click();
    await tab!.getByLabel('Email').fill(`applicant-${Date.now()}@example.com`);
    await tab!.getByLabel('Password').fill('a password of mine');
    await tab!.getByRole('button', { name: 'Create account' }).click();
    await tab!.waitForURL((url) => !url.pathname.startsWith('/__practice/signin'));

    const retried = await user.api.post<ApplicationSummary>(`/v1/applications/${id}/retry`);
    expect(retried.status).toBe(200);
    await expect.poll(() => statusOf(id!)).toBe('SUBMITTED');
    expect(s.world.ats.submissions.list({ ats: walled!.ats, jobId: walled!.externalId })).toHaveLength(1);
  });

  it('races another executor of the same user for one backlog: each application claimed and submitted once', async () => {
    const postings = practicePostings([
      'greenhouse/4012345',
      'lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
      'ashby/3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97',
      'workable/B7C1D2E3F4',
      'smartrecruiters/744000012345678',
      'greenhouse/4012401',
    ]);
    const user = await practiceApplicant(s.world, postings);
    await pairExtension(user.api);
    // The other executor stands in for the desktop agent: it claims over the same protocol and
    // reports a submission without a browser (the desktop agent's own tests apply for real).
    const other = await pairStandIn(user.api, 'desktop', 'Stand-in desktop agent');
    const ids = await swipeRightOn(
      user.api,
      postings.map((p) => s.world.jobOf(p)),
    );
    const standIn = startDevice(s.world.backend.node.url, other.token);
    try {
      await expect
        .poll(async () =>
          (await s.world.prisma.application.findMany({ where: { id: { in: ids } } })).map((a) => a.status),
        )
        .toEqual(ids.map(() => 'SUBMITTED'));
      expect([...(await claimCounts(s.world.prisma, ids)).values()]).toEqual(ids.map(() => 1));
      const byExtension = ids.filter((id) => !standIn.claimed.includes(id));
      // Both took part: the extension held the first offer while the other connected.
      expect(byExtension.length).toBeGreaterThan(0);
      expect(standIn.claimed.length).toBeGreaterThan(0);
      // What the extension applied to was submitted on the ATS once; nothing the stand-in held was.
      for (const [i, posting] of postings.entries()) {
        const expected = byExtension.includes(ids[i]!) ? 1 : 0;
        expect(
          s.world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId }),
          posting.applyUrl,
        ).toHaveLength(expected);
      }
    } finally {
      await standIn.client.stop();
    }
  });

  it('answers a question the user never answered with the backend’s model draft, and applies', async () => {
    const [posting] = practicePostings(['lever/9d84f0c1-2b7e-4f5a-b3c6-8e1a0d9f4b72']);
    const user = await practiceApplicant(s.world, [posting!], [WHY_US]);
    await pairExtension(user.api);
    const [id] = await swipeRightOn(user.api, [s.world.jobOf(posting!)]);
    await expect.poll(() => statusOf(id!)).toBe('SUBMITTED');
    const [sent] = s.world.ats.submissions.list({ ats: posting!.ats, jobId: posting!.externalId });
    expect(Object.values(sent!.fields)).toContain(DRAFT);
    // Shown as the model's answer, as the other executors record theirs.
    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: WHY_US, value: DRAFT, source: 'ai' }));
  });

  it('with "review drafted answers" on, leaves the draft to the user before the submit, then submits their answer', async () => {
    const [posting] = practicePostings(['lever/9d84f0c1-2b7e-4f5a-b3c6-8e1a0d9f4b72']);
    const user = await practiceApplicant(s.world, [posting!], [WHY_US]);
    // An address of its own: the practice ATS takes one application per address and posting.
    const email = 'ada.reviews@example.com';
    await user.api.put('/v1/profile', { ...PROFILE, email });
    await user.api.put('/v1/settings', { reviewDrafts: true });
    await pairExtension(user.api);
    const sentBy = () => s.world.ats.submissions.list({ ats: posting!.ats, jobId: posting!.externalId, email });

    const [id] = await swipeRightOn(user.api, [s.world.jobOf(posting!)]);
    await expect.poll(() => statusOf(id!)).toBe('NEEDS_ATTENTION');
    const waiting = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(waiting.body.attention).toEqual([expect.objectContaining({ label: WHY_US, draft: DRAFT })]);
    expect(sentBy()).toEqual([]);

    await user.api.post(`/v1/applications/${id}/answer`, { answers: [{ question: WHY_US, answer: DRAFT }] });
    await expect.poll(() => statusOf(id!)).toBe('SUBMITTED');
    expect(sentBy().flatMap((sent) => Object.values(sent.fields))).toContain(DRAFT);
    const done = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(done.body.filled).toContainEqual(expect.objectContaining({ field: WHY_US, value: DRAFT, source: 'answer' }));
  });
});
