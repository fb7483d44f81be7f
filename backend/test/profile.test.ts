import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnswersView, ErrorBody, ProfileView, ResumeExperience, ResumeView } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedResumeUrl } from '../src/files/signed-urls.ts';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { minimalDocx, minimalPdf, tinyPng, zip } from './support/documents.ts';

const RESUME_MAX_BYTES = 64 * 1024;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({
    AUTH_RATE_LIMIT: '1000',
    RESUME_MAX_BYTES: String(RESUME_MAX_BYTES),
    RESUME_MAX_COUNT: '3',
    RESUME_MAX_TOTAL_BYTES: String(100 * 1024),
  });
});
afterAll(() => backend.close());

function upload(api: Api, bytes: Buffer, fileName: string, type: string, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
  return api.request<ResumeView & ErrorBody>('POST', '/v1/profile/resumes', undefined, { raw: form });
}

async function download(url: string) {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function storedFiles(): Promise<string[]> {
  const dir = join(backend.node.ctx.config.storageDir, 'resumes');
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('profile', () => {
  it('starts with the sign-up email and defaults for everything else', async () => {
    const me = await signUp(backend.api, 'fresh@example.com');
    const res = await me.api.get<ProfileView>('/v1/profile');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: 'fresh@example.com',
      firstName: '',
      onboardingStep: 0,
      links: {},
      workAuthorization: { authorizedCountries: [], requiresSponsorship: null },
      salaryExpectation: null,
      resume: null,
    });
  });

  it('saves onboarding step by step: each save keeps what earlier steps saved', async () => {
    const me = await signUp(backend.api);
    const step1 = await me.api.put<ProfileView>('/v1/profile', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      onboardingStep: 1,
    });
    expect(step1.status).toBe(200);
    const step2 = await me.api.put<ProfileView>('/v1/profile', {
      phone: '+44 20 7946 0000',
      links: { github: 'https://github.com/ada' },
      salaryExpectation: { amount: 120_000, currency: 'GBP', period: 'year' },
      workAuthorization: { authorizedCountries: ['GB'], requiresSponsorship: false },
      onboardingStep: 2,
    });
    expect(step2.body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+44 20 7946 0000',
      links: { github: 'https://github.com/ada' },
      salaryExpectation: { amount: 120_000, currency: 'GBP', period: 'year' },
      onboardingStep: 2,
    });
    const cleared = await me.api.put<ProfileView>('/v1/profile', { salaryExpectation: null });
    expect(cleared.body.salaryExpectation).toBeNull();
    expect((await me.api.get<ProfileView>('/v1/profile')).body).toMatchObject({ firstName: 'Ada', onboardingStep: 2 });
  });

  it('refuses malformed, unknown and oversized fields with the field named, and changes nothing', async () => {
    const me = await signUp(backend.api);
    await me.api.put('/v1/profile', { firstName: 'Grace' });
    const before = (await me.api.get<ProfileView>('/v1/profile')).body;

    const badCurrency = await me.api.put<ErrorBody>('/v1/profile', {
      firstName: 'Changed',
      salaryExpectation: { amount: 1, currency: 'DOLLARS', period: 'year' },
    });
    expect(badCurrency.status).toBe(400);
    expect(badCurrency.body.error.details).toMatchObject({ issues: [{ path: 'salaryExpectation.currency' }] });

    const unknown = await me.api.put<ErrorBody>('/v1/profile', { firstname: 'typo' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/firstname/);

    const tooLong = await me.api.put<ErrorBody>('/v1/profile', { coverLetter: 'x'.repeat(20_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toMatchObject({ issues: [{ path: 'coverLetter' }] });

    const huge = await me.api.put<ErrorBody>('/v1/profile', { coverLetter: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);

    expect((await me.api.get<ProfileView>('/v1/profile')).body).toEqual(before);
  });

  it('is only for signed-in users', async () => {
    expect((await backend.api.get('/v1/profile')).status).toBe(401);
    expect((await backend.api.put('/v1/profile', { firstName: 'Eve' })).status).toBe(401);
    expect((await upload(backend.api, minimalPdf(), 'cv.pdf', 'application/pdf')).status).toBe(401);
    expect((await backend.api.get('/v1/profile/answers')).status).toBe(401);
    expect((await backend.api.put('/v1/profile/answers', { answers: [] })).status).toBe(401);
    expect((await backend.api.get(`/v1/profile/resumes/${crypto.randomUUID()}/file`)).status).toBe(401);
  });
});

describe('work history and education read from the resume', () => {
  const RESUME = [
    'Ada Lovelace',
    'ada@example.org · London',
    'Experience',
    'Senior Software Engineer at Analytical Engines Ltd   Jun 2019 – Present',
    'Designed the engine that computes Bernoulli numbers.',
    'Difference Engine Co | Software Engineer | 09/2016 - 05/2019',
    'Education',
    'University of London',
    'BSc in Mathematics, 2012 - 2016',
    'Skills',
    'TypeScript, analysis',
  ];
  const proposal: ResumeExperience = {
    workHistory: [
      { company: 'Analytical Engines Ltd', title: 'Senior Software Engineer', start: '2019-06', current: true },
      { company: 'Difference Engine Co', title: 'Software Engineer', start: '2016-09', end: '2019-05', current: false },
    ],
    education: [
      { school: 'University of London', degree: 'BSc', field: 'Mathematics', start: '2012-01', end: '2016-01' },
    ],
  };

  it.each([
    // The test PDF's Helvetica is written Latin-1: the dash and dot as ASCII there.
    ['PDF', minimalPdf(RESUME.map((l) => l.replace('–', '-').replace('·', '-'))), 'application/pdf', 'cv.pdf'],
    ['DOCX', minimalDocx(RESUME), DOCX_MIME, 'cv.docx'],
  ])('proposes them from a %s, and saves only what the user confirms', async (_kind, bytes, type, name) => {
    const me = await signUp(backend.api);
    const resume = await upload(me.api, bytes, name, type);
    const read = await me.api.get<ResumeExperience>(`/v1/profile/resumes/${resume.body.id}/experience`);
    expect(read.body).toEqual(proposal);
    // Nothing is saved until the user confirms (here with one correction).
    expect((await me.api.get<ProfileView>('/v1/profile')).body.workHistory).toEqual([]);
    const confirmed = { ...proposal, education: [{ ...proposal.education[0]!, end: '2016-06' }] };
    const saved = await me.api.put<ProfileView>('/v1/profile', confirmed);
    expect(saved.body).toMatchObject(confirmed);
  });

  it("is the caller's own: another user's resume is not found", async () => {
    const me = await signUp(backend.api);
    const other = await signUp(backend.api);
    const resume = await upload(me.api, minimalPdf(RESUME), 'cv.pdf', 'application/pdf');
    expect((await other.api.get(`/v1/profile/resumes/${resume.body.id}/experience`)).status).toBe(404);
  });
});

describe('the profile keeps what forms ask beyond contact details', () => {
  it('saves start date, referral source, legal age and relocation, and refuses a malformed date', async () => {
    const me = await signUp(backend.api);
    const fields = {
      earliestStartDate: '2027-03-01',
      referralSource: 'LinkedIn',
      legalAge: true,
      willingToRelocate: false,
    };
    const saved = await me.api.put<ProfileView>('/v1/profile', fields);
    expect(saved.body).toMatchObject(fields);
    const bad = await me.api.put<ErrorBody>('/v1/profile', { earliestStartDate: '01/03/2027' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/earliestStartDate.*YYYY-MM-DD/);
    expect((await me.api.get<ProfileView>('/v1/profile')).body.earliestStartDate).toBe('2027-03-01');
  });
});

describe('resumes', () => {
  it('stores a real PDF with its checksum and makes it the default resume', async () => {
    const me = await signUp(backend.api);
    const pdf = minimalPdf();
    const res = await upload(me.api, pdf, 'Ada Lovelace CV.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'Ada Lovelace CV.pdf', mime: 'application/pdf', size: pdf.length });
    expect(res.body.checksum).toBe(sha256(pdf));

    const row = await backend.node.ctx.db.prisma.resume.findUniqueOrThrow({ where: { id: res.body.id } });
    const onDisk = await readFile(join(backend.node.ctx.config.storageDir, row.storagePath));
    expect(sha256(onDisk)).toBe(row.checksum);

    expect((await me.api.get<ProfileView>('/v1/profile')).body.resume?.id).toBe(res.body.id);
    const file = await me.api.request('GET', `/v1/profile/resumes/${res.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="Ada Lovelace CV.pdf"/);
  });

  it('accepts a real DOCX, names it by what it is, and makes the newest upload the default', async () => {
    const me = await signUp(backend.api);
    const first = await upload(me.api, minimalPdf(), 'old.pdf', 'application/pdf');
    const docx = minimalDocx();
    const second = await upload(me.api, docx, 'resume', 'application/octet-stream');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ fileName: 'resume.docx', mime: DOCX_MIME, checksum: sha256(docx) });
    expect((await me.api.get<ProfileView>('/v1/profile')).body.resume?.id).toBe(second.body.id);
    const defaults = await backend.node.ctx.db.prisma.resume.findMany({
      where: { userId: me.user.id },
      select: { id: true, isDefault: true },
    });
    expect(defaults).toEqual(
      expect.arrayContaining([
        { id: first.body.id, isDefault: false },
        { id: second.body.id, isDefault: true },
      ]),
    );
  });

  it('refuses what is not a PDF or DOCX by its content, whatever its name and type say', async () => {
    const me = await signUp(backend.api);
    const filesBefore = await storedFiles();
    const png = await upload(me.api, tinyPng(), 'resume.pdf', 'application/pdf');
    expect(png.status).toBe(415);
    expect(png.body.error.message).toMatch(/PDF and Word \(\.docx\)/);
    const plainZip = await upload(me.api, zip({ 'notes.txt': 'hello' }), 'resume.docx', DOCX_MIME);
    expect(plainZip.status).toBe(415);
    expect(await backend.node.ctx.db.prisma.resume.count({ where: { userId: me.user.id } })).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses an oversized file, an empty one, a missing file and a non-multipart body, saying what to send', async () => {
    const me = await signUp(backend.api);
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(RESUME_MAX_BYTES)]);
    const tooBig = await upload(me.api, big, 'big.pdf', 'application/pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/64 KB/);

    const empty = await upload(me.api, Buffer.alloc(0), 'empty.pdf', 'application/pdf');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);

    const wrongField = await upload(me.api, minimalPdf(), 'cv.pdf', 'application/pdf', 'resume');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.message).toMatch(/field "file"/);

    const json = await me.api.post<ErrorBody>('/v1/profile/resumes', { file: 'cv.pdf' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);

    expect(await backend.node.ctx.db.prisma.resume.count({ where: { userId: me.user.id } })).toBe(0);
  });

  it("answers another user's resume with 404 and a malformed id with 400", async () => {
    const owner = await signUp(backend.api);
    const other = await signUp(backend.api);
    const { body } = await upload(owner.api, minimalPdf(), 'cv.pdf', 'application/pdf');
    expect((await other.api.get(`/v1/profile/resumes/${body.id}/file`)).status).toBe(404);
    expect((await other.api.get('/v1/profile/resumes/not-a-uuid/file')).status).toBe(400);
    expect((await other.api.get<ProfileView>('/v1/profile')).body.resume).toBeNull();
  });
});

describe('resume limits per user', () => {
  const stored = (userId: string) => backend.node.ctx.db.prisma.resume.count({ where: { userId } });

  it('keeps at most RESUME_MAX_COUNT resumes; deleting one makes room, and its file goes with it', async () => {
    const me = await signUp(backend.api);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await upload(me.api, minimalPdf(`Resume ${i}`), `cv${i}.pdf`, 'application/pdf');
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const filesBefore = await storedFiles();
    const fourth = await upload(me.api, minimalPdf('Resume 3'), 'cv3.pdf', 'application/pdf');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.message).toMatch(/3 resumes stored, the most we keep.*DELETE \/v1\/profile\/resumes/);
    expect(await stored(me.user.id)).toBe(3);
    expect(await storedFiles()).toEqual(filesBefore);

    // Deleting the default one: the newest left becomes the default, and the file is gone.
    const row = await backend.node.ctx.db.prisma.resume.findUniqueOrThrow({ where: { id: ids[2] } });
    expect((await me.api.delete(`/v1/profile/resumes/${ids[2]}`)).status).toBe(204);
    expect((await me.api.get<ProfileView>('/v1/profile')).body.resume?.id).toBe(ids[1]);
    expect(await storedFiles()).not.toContain(row.storagePath.split('/').at(-1));
    expect((await me.api.get(`/v1/profile/resumes/${ids[2]}/file`)).status).toBe(404);
    expect((await upload(me.api, minimalPdf('Resume 3'), 'cv3.pdf', 'application/pdf')).status).toBe(201);
  });

  it('keeps at most RESUME_MAX_TOTAL_BYTES of resumes, saying how to make room', async () => {
    const me = await signUp(backend.api);
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(60 * 1024)]);
    expect((await upload(me.api, big, 'big1.pdf', 'application/pdf')).status).toBe(201);
    const second = await upload(me.api, big, 'big2.pdf', 'application/pdf');
    expect(second.status).toBe(413);
    expect(second.body.error.message).toMatch(/more than the 0\.1 MB we keep per account\. Delete resumes/);
    expect(await stored(me.user.id)).toBe(1);
  });

  it('counts uploads made at the same time: never more than the limit', async () => {
    const me = await signUp(backend.api);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => upload(me.api, minimalPdf(`Resume ${i}`), `cv${i}.pdf`, 'application/pdf')),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
    expect(await stored(me.user.id)).toBe(3);
  });

  it("deletes only the caller's own resumes", async () => {
    const owner = await signUp(backend.api);
    const other = await signUp(backend.api);
    const { body } = await upload(owner.api, minimalPdf(), 'cv.pdf', 'application/pdf');
    expect((await other.api.delete(`/v1/profile/resumes/${body.id}`)).status).toBe(404);
    expect((await other.api.delete('/v1/profile/resumes/not-a-uuid')).status).toBe(400);
    expect(await stored(owner.user.id)).toBe(1);
  });
});

describe('signed resume links', () => {
  it('serve the file without sign-in until they expire, and never when tampered with', async () => {
    const me = await signUp(backend.api);
    const pdf = minimalPdf('Signed link');
    const { body: resume } = await upload(me.api, pdf, 'cv.pdf', 'application/pdf');
    const { body: another } = await upload(me.api, minimalPdf('Another'), 'b.pdf', 'application/pdf');
    // PUBLIC_URL is not set in tests; the node's own address serves the same path.
    const onNode = (signed: string) => new URL(new URL(signed).pathname + new URL(signed).search, backend.node.url);
    const ctx = backend.node.ctx;

    const valid = onNode(signedResumeUrl(ctx, resume.id, new Date(Date.now() + 60_000)));
    const ok = await download(valid.toString());
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('application/pdf');
    expect(sha256(ok.bytes)).toBe(sha256(pdf));

    const expired = await download(onNode(signedResumeUrl(ctx, resume.id, new Date(Date.now() - 1_000))).toString());
    expect(expired.status).toBe(403);

    const otherFile = new URL(valid);
    otherFile.pathname = `/v1/files/resumes/${another.id}`;
    expect((await download(otherFile.toString())).status).toBe(403);

    const later = new URL(valid);
    later.searchParams.set('exp', String(Number(valid.searchParams.get('exp')) + 3600));
    expect((await download(later.toString())).status).toBe(403);

    const forged = new URL(valid);
    forged.searchParams.set('sig', Buffer.alloc(32, 7).toString('base64url'));
    expect((await download(forged.toString())).status).toBe(403);

    const bare = new URL(valid);
    bare.search = '';
    expect((await download(bare.toString())).status).toBe(403);
  });
});

describe('saved answers', () => {
  it('saves answers under the normalized question, updates them in other words, and deletes on null', async () => {
    const me = await signUp(backend.api);
    const saved = await me.api.put<AnswersView>('/v1/profile/answers', {
      answers: [
        { question: 'Are you 18 or older?*', answer: true },
        { question: 'Which languages do you speak?', answer: ['English', 'French'] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.answers.map((a) => a.questionKey)).toEqual([
      'are you 18 or older',
      'which languages do you speak',
    ]);

    await me.api.put('/v1/profile/answers', {
      answers: [
        { question: 'ARE YOU 18 OR OLDER (required)', answer: false },
        { question: 'Which languages do you speak?', answer: null },
      ],
    });
    const after = await me.api.get<AnswersView>('/v1/profile/answers');
    expect(after.body.answers).toEqual([
      { questionKey: 'are you 18 or older', question: 'ARE YOU 18 OR OLDER (required)', answer: false },
    ]);

    const other = await signUp(backend.api);
    expect((await other.api.get<AnswersView>('/v1/profile/answers')).body.answers).toEqual([]);
  });

  it('refuses a question without letters or digits, and too many answers, changing nothing', async () => {
    const me = await signUp(backend.api);
    await me.api.put('/v1/profile/answers', { answers: [{ question: 'Notice period?', answer: '2 weeks' }] });
    const before = (await me.api.get<AnswersView>('/v1/profile/answers')).body;

    const noKey = await me.api.put<ErrorBody>('/v1/profile/answers', {
      answers: [
        { question: 'Notice period?', answer: '1 month' },
        { question: '???', answer: 'x' },
      ],
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toMatch(/answers\.1\.question/);

    const tooMany = await me.api.put<ErrorBody>('/v1/profile/answers', {
      answers: Array.from({ length: 201 }, (_, i) => ({ question: `Question ${i}`, answer: 'yes' })),
    });
    expect(tooMany.status).toBe(400);
    const badValue = await me.api.put<ErrorBody>('/v1/profile/answers', {
      answers: [{ question: 'Notice period?', answer: { weeks: 2 } }],
    });
    expect(badValue.status).toBe(400);
    const longAnswer = await me.api.put<ErrorBody>('/v1/profile/answers', {
      answers: [{ question: 'Notice period?', answer: 'x'.repeat(10_001) }],
    });
    expect(longAnswer.status).toBe(400);

    expect((await me.api.get<AnswersView>('/v1/profile/answers')).body).toEqual(before);
  });
});
