// The tracker over real HTTP and Postgres: a stage follows a submitted application only, each
// change is kept in the history, notes at any time, search / views / sort / counts, and one user's
// tracking is never another's.
import type { ErrorBody, SwipeResponse, TrackerCounts, TrackerPage, TrackingView } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';
import { finishAs } from './support/transitions.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' });
});
afterAll(() => backend.close());

async function applyTo(api: Api, job: { company?: string; title?: string } = {}): Promise<string> {
  const [created] = await createJobs(prisma(), 1, job);
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: created!.id, direction: 'right' });
  return res.body.application!.id;
}

/** As an executor would: claimed, then submitted under its lease. */
const submit = (applicationId: string) =>
  finishAs(backend.node.ctx, applicationId, { name: 'submit', to: 'SUBMITTED' });

describe('tracking one application', () => {
  it('takes a stage only after submission, keeps every change in order, and notes at any time', async () => {
    const user = await signUp(backend.api);
    const id = await applyTo(user.api);

    const early = await user.api.put<ErrorBody>(`/v1/applications/${id}/tracking`, { stage: 'interview' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/follows a submitted application/);
    expect(await prisma().applicationStageChange.count({ where: { applicationId: id } })).toBe(0);

    const noted = await user.api.put<TrackingView>(`/v1/applications/${id}/tracking`, { notes: 'Referred by Ana' });
    expect(noted.body).toEqual({ stage: null, stageChangedAt: null, notes: 'Referred by Ana', history: [] });

    await submit(id);
    for (const stage of ['screening', 'interview', 'interview', 'offer']) {
      const res = await user.api.put<TrackingView>(`/v1/applications/${id}/tracking`, { stage });
      expect(res.status).toBe(200);
    }
    const view = await user.api.get<TrackingView>(`/v1/applications/${id}/tracking`);
    expect(view.body.stage).toBe('offer');
    expect(view.body.notes).toBe('Referred by Ana');
    // Setting the same stage again is no change: three changes, not four.
    expect(view.body.history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'screening'],
      ['screening', 'interview'],
      ['interview', 'offer'],
    ]);
    // The application's own status is untouched: a stage is the user's field.
    expect((await prisma().application.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    const cleared = await user.api.put<TrackingView>(`/v1/applications/${id}/tracking`, { stage: null });
    expect(cleared.body.stage).toBeNull();
    expect(cleared.body.history.at(-1)).toMatchObject({ fromStage: 'offer', toStage: null });
  });

  it('says what is wrong with a bad body, and hides other users’ applications', async () => {
    const owner = await signUp(backend.api);
    const other = await signUp(backend.api);
    const id = await applyTo(owner.api);
    const bad = await owner.api.put<ErrorBody>(`/v1/applications/${id}/tracking`, { stage: 'hired' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/stage/);
    const empty = await owner.api.put<ErrorBody>(`/v1/applications/${id}/tracking`, {});
    expect(empty.body.error.message).toMatch(/give stage, notes or both/);
    expect((await other.api.get(`/v1/applications/${id}/tracking`)).status).toBe(404);
    expect((await other.api.put(`/v1/applications/${id}/tracking`, { notes: 'mine' })).status).toBe(404);
    expect(await prisma().applicationTrack.count({ where: { applicationId: id } })).toBe(0);
  });
});

describe('the tracker list', () => {
  it('searches title, company and notes, filters to a view, sorts, and counts every view', async () => {
    const user = await signUp(backend.api);
    const acme = await applyTo(user.api, { company: 'Acme Robotics', title: 'Platform Engineer' });
    const zed = await applyTo(user.api, { company: 'Zed Labs', title: 'Frontend Engineer' });
    const bolt = await applyTo(user.api, { company: 'Bolt', title: 'Data Engineer' });
    const waiting = await applyTo(user.api, { company: 'Quill', title: 'Backend Engineer' });
    for (const id of [acme, zed, bolt]) await submit(id);
    await user.api.put(`/v1/applications/${acme}/tracking`, { stage: 'interview', notes: 'Panel on Tuesday' });
    await user.api.put(`/v1/applications/${zed}/tracking`, { stage: 'rejected' });
    await prisma().application.update({ where: { id: waiting }, data: { status: 'NEEDS_ATTENTION' } });

    const all = await user.api.get<TrackerPage>('/v1/tracker');
    expect(all.body.items.map((i) => i.id)).toEqual([waiting, bolt, zed, acme]);
    expect(all.body.counts).toMatchObject({
      all: 4,
      needs_you: 1,
      in_progress: 0,
      submitted: 1,
      interview: 1,
      rejected: 1,
      offer: 0,
      closed: 0,
    });
    expect(all.body.items.find((i) => i.id === acme)).toMatchObject({ stage: 'interview', notes: 'Panel on Tuesday' });

    const ids = async (query: string) =>
      (await user.api.get<TrackerPage>(`/v1/tracker?${query}`)).body.items.map((i) => i.id);
    expect(await ids('q=tuesday')).toEqual([acme]);
    expect(await ids('q=zed')).toEqual([zed]);
    expect(await ids('q=frontend')).toEqual([zed]);
    expect(await ids('view=interview')).toEqual([acme]);
    expect(await ids('view=submitted')).toEqual([bolt]);
    expect(await ids('view=needs_you')).toEqual([waiting]);
    expect(await ids('sort=company')).toEqual([acme, bolt, waiting, zed]);
    expect(await ids('sort=oldest')).toEqual([acme, zed, bolt, waiting]);
    expect((await ids('sort=stage_changed')).slice(0, 2)).toEqual([zed, acme]);
    expect(await ids('sort=newest&limit=2&cursor=2')).toEqual([zed, acme]);

    const counts = await user.api.get<TrackerCounts>('/v1/tracker/counts');
    expect(counts.body).toEqual(all.body.counts);

    const bad = await user.api.get<ErrorBody>('/v1/tracker?view=hired');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/view/);
    // Another user sees none of it.
    const other = await signUp(backend.api);
    expect((await other.api.get<TrackerPage>('/v1/tracker')).body.counts.all).toBe(0);
  });
});
