// The device-scoped API over the device token: a device sees and answers only its own user's
// applications; another user's device sees nothing of them and cannot answer them.
import type {
  AnswersView,
  ApplicationDetail,
  ApplicationSummary,
  DeviceQuestions,
  DeviceQueue,
  DeviceSelf,
  ErrorBody,
  Question,
} from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice } from './support/devices.ts';
import { changeStatus, claimAs } from './support/transitions.ts';
import { swipeRight, userWith } from './support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

const question: Question = {
  key: 'why do you want to work here',
  label: 'Why do you want to work here?',
  type: 'textarea',
  required: true,
};

/** A user with a paired extension, three applications queued and one waiting on `question`. */
async function userWithDevice() {
  const user = await userWith(backend.api, prisma(), { undoGraceMs: 0 });
  const { deviceId, token } = await pairDevice(user.api, 'extension', 'Chrome');
  const ids = await swipeRight(user.api, prisma(), 4);
  const waiting = ids[3]!;
  const lease = await claimAs(backend.node.ctx, waiting, 'device:other');
  await changeStatus(backend.node.ctx, {
    applicationId: waiting,
    name: 'fail',
    to: 'NEEDS_ATTENTION',
    actor: 'device:other',
    lease: { token: lease.leaseToken, holder: 'device:other' },
    changes: { attention: [question], error: { message: 'Only the user can answer', errorClass: 'needs_user' } },
  });
  return { user, deviceId, device: backend.api.as(token), queued: ids.slice(0, 3), waiting };
}

describe('the device-scoped API', () => {
  it("shows the device its own user's queue and questions, and nothing of another user's", async () => {
    const me = await userWithDevice();
    const other = await userWithDevice();

    const self = await me.device.get<DeviceSelf>('/v1/devices/me');
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ device: { id: me.deviceId, kind: 'extension' }, user: { id: me.user.user.id } });

    const queue = await me.device.get<DeviceQueue>('/v1/devices/me/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(3);
    expect(queue.body.items.map((a) => a.id).sort()).toEqual([...me.queued].sort());

    const questions = await me.device.get<DeviceQuestions>('/v1/devices/me/questions');
    expect(questions.body.items.map((a) => [a.id, a.attention])).toEqual([[me.waiting, [question]]]);

    // The other user's device sees only the other user's applications.
    const theirs = await other.device.get<DeviceQueue>('/v1/devices/me/queue');
    expect(theirs.body.items.map((a) => a.id).sort()).toEqual([...other.queued].sort());
    const theirQuestions = await other.device.get<DeviceQuestions>('/v1/devices/me/questions');
    expect(theirQuestions.body.items.map((a) => a.id)).toEqual([other.waiting]);
  });

  it("answers the device's own user's questions and queues the application again; another user's is 404", async () => {
    const me = await userWithDevice();
    const other = await userWithDevice();
    const answers = { answers: [{ question: question.label, answer: 'The mission.' }] };

    const foreign = await other.device.post<ErrorBody>(`/v1/devices/me/applications/${me.waiting}/answer`, answers);
    expect(foreign.status).toBe(404);
    const untouched = await prisma().application.findUniqueOrThrow({ where: { id: me.waiting } });
    expect(untouched.status).toBe('NEEDS_ATTENTION');
    expect(await prisma().savedAnswer.count({ where: { userId: other.user.user.id } })).toBe(0);

    const res = await me.device.post<ApplicationSummary>(`/v1/devices/me/applications/${me.waiting}/answer`, answers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: me.waiting, status: 'QUEUED', attention: null });
    const saved = await prisma().savedAnswer.findMany({ where: { userId: me.user.user.id } });
    expect(saved).toMatchObject([{ questionKey: question.key, answer: 'The mission.' }]);
    const left = await me.device.get<DeviceQuestions>('/v1/devices/me/questions');
    expect(left.body.items).toEqual([]);

    const again = await me.device.post<ErrorBody>(`/v1/devices/me/applications/${me.waiting}/answer`, answers);
    expect(again.status).toBe(409);
  });

  it("shows the device a result of its own user's with the evidence, through the web's evidence API; another user's is 404", async () => {
    const me = await userWithDevice();
    const other = await userWithDevice();
    const id = me.queued[0]!;
    const lease = await claimAs(backend.node.ctx, id, `device:${me.deviceId}`);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const form = new FormData();
    form.set('leaseToken', lease.leaseToken.toString());
    form.set('kind', 'screenshot');
    form.set('file', new Blob([new Uint8Array(png)]), 'shot.png');
    const stored = await me.device.request('POST', `/v1/applications/${id}/evidence`, undefined, { raw: form });
    expect(stored.status).toBe(201);

    const detail = await me.device.get<ApplicationDetail>(`/v1/devices/me/applications/${id}`);
    expect(detail.status).toBe(200);
    const [evidence] = detail.body.evidence;
    expect(evidence).toMatchObject({ kind: 'screenshot', mime: 'image/png' });
    const download = await me.device.get(evidence!.url);
    expect(download.status).toBe(200);
    expect((await me.user.api.get(evidence!.url)).status).toBe(200);

    expect((await other.device.get(`/v1/devices/me/applications/${id}`)).status).toBe(404);
    expect((await other.device.get(evidence!.url)).status).toBe(404);
    expect((await backend.api.as(undefined).get(evidence!.url)).status).toBe(401);
  });

  it("saves answers typed on a form to the device's own user with their type and options; refuses sensitive ones", async () => {
    const me = await userWithDevice();
    const other = await userWithDevice();
    const typed = [
      { question: 'How did you hear about us?', answer: 'A friend', type: 'select', options: ['A friend', 'LinkedIn'] },
      { question: 'Do you enjoy pair programming?', answer: true, type: 'yes_no' },
    ];
    const saved = await me.device.post<AnswersView>('/v1/devices/me/answers', { answers: typed });
    expect(saved.status).toBe(200);
    const expected = [
      {
        questionKey: 'do you enjoy pair programming',
        question: 'Do you enjoy pair programming?',
        answer: true,
        type: 'yes_no',
        options: [],
      },
      {
        questionKey: 'how did you hear about us',
        question: 'How did you hear about us?',
        answer: 'A friend',
        type: 'select',
        options: ['A friend', 'LinkedIn'],
      },
    ];
    expect(saved.body.answers).toEqual(expected);
    // The user's own saved answers (the web's list, and what every later work order carries).
    expect((await me.user.api.get<AnswersView>('/v1/profile/answers')).body.answers).toEqual(expected);
    expect((await other.user.api.get<AnswersView>('/v1/profile/answers')).body.answers).toEqual([]);

    // A sensitive question, or a password, is never saved from a form: the whole request is refused.
    for (const refused of [
      { question: 'Will you require visa sponsorship?', answer: 'No', type: 'select', options: ['Yes', 'No'] },
      { question: 'What is your gender?', answer: 'Female', type: 'radio', options: ['Female', 'Male'] },
      { question: 'Password', answer: 'hunter22', type: 'password' },
    ]) {
      const res = await me.device.post<ErrorBody>('/v1/devices/me/answers', {
        answers: [{ question: 'Favourite editor?', answer: 'vim', type: 'text' }, refused],
      });
      expect(res.status).toBe(400);
    }
    expect((await me.user.api.get<AnswersView>('/v1/profile/answers')).body.answers).toEqual(expected);
    expect((await me.user.api.post('/v1/devices/me/answers', { answers: typed })).status).toBe(401);
  });

  it('refuses a user access token, a missing token and a revoked device', async () => {
    const me = await userWithDevice();
    expect((await backend.api.as(undefined).get('/v1/devices/me/queue')).status).toBe(401);
    expect((await me.user.api.get('/v1/devices/me/queue')).status).toBe(401);
    expect((await me.user.api.delete(`/v1/devices/${me.deviceId}`)).status).toBe(204);
    const revoked = await me.device.get<ErrorBody>('/v1/devices/me/questions');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/removed from the account/);
  });
});
