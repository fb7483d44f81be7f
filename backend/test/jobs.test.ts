import type { Job } from '@jobswipe/db';
import type { DeckPage, ErrorBody, JobView } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

const prisma = () => backend.node.ctx.db.prisma;

function deck(api: Api, query: Record<string, string | number | boolean> = {}) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return api.get<DeckPage & ErrorBody>(`/v1/jobs/deck?${params}`);
}

async function swipe(userId: string, jobs: Job[]) {
  await prisma().swipe.createMany({ data: jobs.map((job) => ({ userId, jobId: job.id, direction: 'left' as const })) });
}

/** Every page of the deck, following nextCursor; `between` runs after each page. */
async function allPages(api: Api, query: Record<string, string | number | boolean>, between?: () => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await deck(api, { ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((j) => j.id));
    cursor = res.body.nextCursor;
    await between?.();
  } while (cursor);
  return ids;
}

/** A user whose profile says: a data engineer in Berlin (`work`: what the job was), asking 90,000 EUR. */
async function dataEngineerInBerlin(work: string) {
  const me = await signUp(backend.api);
  const profile = await me.api.put('/v1/profile', {
    currentTitle: 'Data Engineer',
    location: { city: 'Berlin', country: 'Germany' },
    salaryExpectation: { amount: 90_000, currency: 'EUR', period: 'year' },
    workHistory: [{ company: 'Acme', title: 'Data Engineer', current: true, description: work }],
  });
  expect(profile.status).toBe(200);
  return me;
}

describe('the deck', () => {
  it("shows open jobs the user has not swiped, newest first; other users' swipes do not hide them", async () => {
    const tag = 'deckbasics';
    const [newest, swiped, closed, oldest] = await createJobs(prisma(), 4, { description: `Role ${tag}` });
    await prisma().job.update({ where: { id: closed!.id }, data: { closedAt: new Date() } });
    const me = await signUp(backend.api);
    const other = await signUp(backend.api);
    await swipe(me.user.id, [swiped!]);
    await swipe(other.user.id, [newest!, oldest!]);

    const res = await deck(me.api, { q: tag });
    expect(res.status).toBe(200);
    expect(res.body.items.map((j) => j.id)).toEqual([newest!.id, oldest!.id]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0]).toMatchObject({
      title: newest!.title,
      remote: true,
      closedAt: null,
      keyPoints: ['TypeScript'],
    });
  });

  it('filters by search text in title, company or description, location, remote and a salary floor', async () => {
    const tag = 'deckfilters';
    const [rust, acme, berlin, office, rich, unpaid] = await createJobs(prisma(), 6, { description: `About ${tag}` });
    await prisma().job.update({ where: { id: rust!.id }, data: { title: 'Senior RUST Engineer' } });
    await prisma().job.update({ where: { id: acme!.id }, data: { company: 'Rustacean Labs' } });
    await prisma().job.update({ where: { id: berlin!.id }, data: { location: 'Berlin, Germany', remote: false } });
    await prisma().job.update({ where: { id: office!.id }, data: { location: 'Paris, France', remote: false } });
    await prisma().job.update({ where: { id: rich!.id }, data: { salaryMin: 250_000, salaryMax: 300_000 } });
    await prisma().job.update({ where: { id: unpaid!.id }, data: { salaryMin: null, salaryMax: null } });
    const me = await signUp(backend.api);
    const ids = async (query: Record<string, string | number | boolean>) =>
      (await deck(me.api, { q: tag, ...query })).body.items.map((j) => j.id).sort();

    expect((await deck(me.api, { q: 'rust' })).body.items.map((j) => j.id).sort()).toEqual([rust!.id, acme!.id].sort());
    expect(await ids({ location: 'berlin' })).toEqual([berlin!.id]);
    expect(await ids({ remote: false })).toEqual([berlin!.id, office!.id].sort());
    expect(await ids({ remote: true, location: 'berlin' })).toEqual([]);
    expect(await ids({ salaryMin: 200_000 })).toEqual([rich!.id]);
    expect(await ids({ salaryMin: 0 })).not.toContain(unpaid!.id);
    expect((await deck(me.api, { q: '%' })).body.items).toEqual([]);
  });

  it('pages without gaps or repeats, also while new jobs arrive and the user swipes', async () => {
    const tag = 'deckpages';
    const jobs = await createJobs(prisma(), 9, { description: `Posting ${tag}` });
    // Two jobs posted at the same instant: the id breaks the tie, so neither is skipped or repeated.
    await prisma().job.update({ where: { id: jobs[4]!.id }, data: { postedAt: jobs[3]!.postedAt } });
    const me = await signUp(backend.api);
    const expected = await prisma().job.findMany({
      where: { description: { contains: tag } },
      orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
    });

    const ids = await allPages(me.api, { q: tag, limit: 2 }, async () => {
      // A job posted meanwhile goes to the top of the next deck, not into the pages already read.
      await createJobs(prisma(), 1, { description: `Posting ${tag}`, postedAt: new Date() });
    });
    expect(ids).toEqual(expected.map((j) => j.id));

    await swipe(me.user.id, expected.slice(0, 4));
    const fresh = await allPages(me.api, { q: tag, limit: 4 });
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh).toEqual(expect.arrayContaining(expected.slice(4).map((j) => j.id)));
    expect(fresh).not.toEqual(expect.arrayContaining([expected[0]!.id]));
  });

  it('ranks by fit to the profile (title, skills, place, salary), newest first among equals, and pages through the ranking', async () => {
    const tag = 'deckfit';
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const posting = (title: string, minutesAgo: number, more: Partial<Job> = {}) =>
      createJobs(prisma(), 1, {
        title,
        description: `Posting ${tag}`,
        remote: false,
        location: 'Lisbon, Portugal',
        country: 'PT',
        postedAt: at(minutesAgo),
        ...more,
      }).then(([job]) => job!);
    // Newest first, fit aside: the deck used to show them in this order.
    const unrelated = await posting('Gardener', 1);
    const remote = await posting('Gardener, remote', 2, { remote: true, location: 'Remote' });
    const paid = await posting('Barista', 3, { salaryMax: 120_000, salaryCurrency: 'EUR' });
    const skilled = await posting('Analyst', 4, { skills: ['Python', 'Spark', 'Excel'] });
    const berlin = await posting('Gardener in Berlin', 5, { location: 'Berlin, Germany', country: 'DE' });
    const titled = await posting('Senior Data Engineer', 6);
    const best = await posting('Data Engineer', 7, {
      location: 'Berlin, Germany',
      country: 'DE',
      skills: ['Python', 'Spark'],
      salaryMax: 95_000,
      salaryCurrency: 'EUR',
    });
    const me = await dataEngineerInBerlin('Pipelines in Python and Spark.');
    // 9, 4, then three at 2 (a remote job, two shared skills, the same city: newest first), 1, 0.
    const ranked = [best, titled, remote, skilled, berlin, paid, unrelated].map((j) => j.id);
    expect(await allPages(me.api, { q: tag, limit: 3 })).toEqual(ranked);
    // A user without a profile gets the newest first, as before.
    const fresh = await signUp(backend.api);
    expect(await allPages(fresh.api, { q: tag, limit: 3 })).toEqual(
      [unrelated, remote, paid, skilled, berlin, titled, best].map((j) => j.id),
    );
  });

  it('ranks the whole catalog: a best fit posted long ago comes first under more than a thousand fresher jobs', async () => {
    const tag = 'deckcatalog';
    // Only this test's jobs are open: the deck without a search is ranked as well as with one.
    await prisma().job.updateMany({ where: { closedAt: null }, data: { closedAt: new Date() } });
    // 1,200 fresh postings, one a minute: every other one shares a title word with the user (2),
    // of the rest every other one is remote (2) or neither (0).
    await prisma().$executeRaw`
      insert into jobs (source, external_id, company, title, location, country, remote, description, apply_url, ats_kind, posted_at)
      select 'test', gen_random_uuid()::text, 'Company ' || i,
        case when i % 2 = 0 then 'Data Analyst' else 'Gardener' end,
        case when i % 4 = 1 then 'Remote' else 'Lisbon, Portugal' end, 'PT', i % 4 = 1,
        ${`Posting ${tag}`}, 'https://jobs.example.com/' || i, 'generic', now() - i * interval '1 minute'
      from generate_series(1, 1200) i`;
    const old = (daysAgo: number, more: Partial<Job>) =>
      createJobs(prisma(), 1, {
        description: `Posting ${tag}`,
        remote: false,
        location: 'Lisbon, Portugal',
        country: 'PT',
        salaryMin: null,
        salaryMax: null,
        salaryCurrency: null,
        postedAt: new Date(Date.now() - daysAgo * 86_400_000),
        ...more,
      }).then(([job]) => job!);
    // 2 + 2 for the title, 2 for two shared skills, 2 for the city.
    const best = await old(400, {
      title: 'Data Engineer',
      skills: ['Python', 'Spark'],
      location: 'Berlin, Germany',
      country: 'DE',
    });
    // No title word or skill in common: the city and the salary (3) still beat every fresh posting.
    const placed = await old(200, {
      title: 'Gardener',
      location: 'Berlin, Germany',
      country: 'DE',
      salaryMax: 95_000,
      salaryCurrency: 'EUR',
    });
    const me = await dataEngineerInBerlin('Python and Spark.');

    const first = await deck(me.api, { limit: 3 });
    expect(first.body.items.map((j) => j.id).slice(0, 2)).toEqual([best.id, placed.id]);
    // Every page after it is the best of what remains: the whole deck, in the order of its fits.
    const all = await prisma().job.findMany({ where: { description: `Posting ${tag}` } });
    const fitOf = (j: Job) =>
      j.id === best.id ? 8 : j.id === placed.id ? 3 : j.title === 'Data Analyst' || j.remote ? 2 : 0;
    const expected = all
      .sort(
        (a, b) =>
          fitOf(b) - fitOf(a) ||
          b.postedAt.getTime() - a.postedAt.getTime() ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )
      .map((j) => j.id);
    expect(all).toHaveLength(1202);
    expect(await allPages(me.api, { limit: 50 })).toEqual(expected);
    expect(await allPages(me.api, { q: tag, limit: 50 })).toEqual(expected);
  });

  it('refuses a tampered cursor and out-of-range parameters with the parameter named', async () => {
    const me = await signUp(backend.api);
    const cases: [Record<string, string>, RegExp][] = [
      [{ cursor: 'bm90LWEtY3Vyc29y' }, /cursor/],
      [{ limit: '0' }, /limit/],
      [{ limit: '51' }, /limit/],
      [{ remote: 'yes' }, /remote/],
      [{ salaryMin: '-5' }, /salaryMin/],
      [{ q: 'x'.repeat(201) }, /q:/],
    ];
    for (const [query, message] of cases) {
      const res = await deck(me.api, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('is only for signed-in users', async () => {
    expect((await deck(backend.api)).status).toBe(401);
  });
});

describe('a job', () => {
  it('is shown by id, closed or not; an unknown id is a 404 and a malformed one a 400', async () => {
    const [job] = await createJobs(prisma(), 1, { closedAt: new Date('2026-01-01T00:00:00Z') });
    const me = await signUp(backend.api);
    const res = await me.api.get<JobView>(`/v1/jobs/${job!.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: job!.id, company: job!.company, closedAt: '2026-01-01T00:00:00.000Z' });
    expect((await me.api.get(`/v1/jobs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await me.api.get('/v1/jobs/42')).status).toBe(400);
    expect((await backend.api.get(`/v1/jobs/${job!.id}`)).status).toBe(401);
  });
});
