// The extension's autofill records a form the user submitted themselves: the job matched by its
// apply URL (or recorded from the page, and then offered in no deck), the application SUBMITTED as
// applied by hand, once per user and job however often it is reported, and only for the device's
// own user. What it fills with is that user's profile, answers and resume link.
import { randomUUID } from 'node:crypto';
import type { ByHandBody, ByHandResponse, DeckPage, DeviceAutofill, ErrorBody } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice } from './support/devices.ts';
import { createJobs } from './support/factories.ts';
import { userWith } from './support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

async function userWithExtension() {
  const user = await userWith(backend.api, prisma(), { undoGraceMs: 0 });
  const { token } = await pairDevice(user.api, 'extension', 'Chrome');
  return { user, device: backend.api.as(token) };
}

const page = (url: string): ByHandBody => ({
  url,
  title: 'Staff Engineer',
  company: 'Acme',
  atsKind: 'generic',
  confirmation: 'Thank you for applying.',
});

describe('POST /v1/devices/me/applications/by-hand', () => {
  it('records the catalog job with that apply URL as submitted by hand, once however often it is reported', async () => {
    const { user, device } = await userWithExtension();
    const [job] = await createJobs(prisma(), 1, { applyUrl: `https://jobs.example.com/apply/${Date.now()}` });
    const first = await device.post<ByHandResponse>(
      '/v1/devices/me/applications/by-hand',
      page(`${job!.applyUrl}#top`),
    );
    expect(first.status).toBe(201);
    expect(first.body.application).toMatchObject({ jobId: job!.id, status: 'SUBMITTED', byHand: true });
    const again = await device.post<ByHandResponse>('/v1/devices/me/applications/by-hand', page(job!.applyUrl));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, application: { id: first.body.application.id } });
    const mine = await user.api.get<{ items: Array<{ id: string }> }>('/v1/applications');
    expect(mine.body.items.map((a) => a.id)).toEqual([first.body.application.id]);
  });

  it('records a page outside the catalog as a job of its own, offered in no deck, per user', async () => {
    const a = await userWithExtension();
    const b = await userWithExtension();
    const url = `https://careers.acme.example/jobs/${Date.now()}`;
    const mine = await a.device.post<ByHandResponse>('/v1/devices/me/applications/by-hand', page(url));
    expect(mine.status).toBe(201);
    const job = await prisma().job.findUniqueOrThrow({ where: { id: mine.body.application.jobId } });
    expect(job).toMatchObject({ title: 'Staff Engineer', company: 'Acme', applyUrl: url });
    // Another user applying there by hand gets an application of their own on the same job.
    const theirs = await b.device.post<ByHandResponse>('/v1/devices/me/applications/by-hand', page(url));
    expect(theirs.status).toBe(201);
    expect(theirs.body.application.jobId).toBe(job.id);
    expect((await b.user.api.get<{ items: unknown[] }>('/v1/applications')).body.items).toHaveLength(1);
    const deck = await b.user.api.get<DeckPage>('/v1/jobs/deck?q=Staff%20Engineer');
    expect(deck.body.items.map((j) => j.id)).not.toContain(job.id);
  });

  it('refuses a page that is not a web address, and a caller without a device token', async () => {
    const { device } = await userWithExtension();
    const bad = await device.post<ErrorBody>('/v1/devices/me/applications/by-hand', page('javascript:alert(1)'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/url/i);
    expect(
      (await backend.api.as(undefined).post('/v1/devices/me/applications/by-hand', page('https://a.example/'))).status,
    ).toBe(401);
  });
});

describe('GET /v1/devices/me/autofill', () => {
  it("answers the device's user's profile and saved answers", async () => {
    const { user, device } = await userWithExtension();
    await user.api.put('/v1/profile/answers', { answers: [{ question: 'Why us?', answer: 'The mission.' }] });
    const res = await device.get<DeviceAutofill>('/v1/devices/me/autofill');
    expect(res.status).toBe(200);
    expect(res.body.profile.email).toBe(user.user.email);
    expect(Object.values(res.body.answers)).toEqual(['The mission.']);
    expect(res.body.resumeUrl).toBeNull();
    expect(res.body.job).toBeNull();
  });

  it('tells the company and country of the catalog job whose apply URL is the page, and nothing of a page it does not know', async () => {
    const { device } = await userWithExtension();
    const applyUrl = `http://127.0.0.1:9/jobs/${randomUUID()}/apply`;
    await createJobs(prisma(), 1, { applyUrl, company: 'Orbitpay', location: 'London, UK', country: 'GB' });
    const known = await device.get<DeviceAutofill>(
      `/v1/devices/me/autofill?url=${encodeURIComponent(`${applyUrl}#form`)}`,
    );
    expect(known.body.job).toEqual({ company: 'Orbitpay', country: 'GB' });
    // A wizard's form a step under the posting's apply URL (Workday's `<posting>/apply`) is that job's.
    const below = await device.get<DeviceAutofill>(
      `/v1/devices/me/autofill?url=${encodeURIComponent(`${applyUrl}/step?id=2`)}`,
    );
    expect(below.body.job).toEqual({ company: 'Orbitpay', country: 'GB' });
    const unknown = await device.get<DeviceAutofill>(
      `/v1/devices/me/autofill?url=${encodeURIComponent('http://127.0.0.1:9/elsewhere')}`,
    );
    expect(unknown.body.job).toBeNull();
  });
});
