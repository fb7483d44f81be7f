// Importing job boards into the jobs table from the practice ATS's copies of the public APIs:
// every posting arrives with its fields, and a second import updates rather than duplicates.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Database, openDatabase } from '@jobswipe/db';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import { type PracticeAts, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import { greenhouseSpec } from '@jobswipe/practice-ats/ats/greenhouse/spec';
import { POSTINGS } from '@jobswipe/practice-ats/catalog/postings';
import { JobQuestions, normalizeQuestion } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressCheck } from '../src/egress/address-check.ts';
import { type BoardKind, type BoardSource, fetchBoard as fetchAnyBoard } from '../src/jobs/import/board-source.ts';
import { saveJobs } from '../src/jobs/import/save-jobs.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'import-jobs.ts');

let ats: PracticeAts;
let testDb: TestDatabase;
let db: Database;
beforeAll(async () => {
  [ats, testDb] = await Promise.all([startPracticeAts({ port: 0 }), createTestDatabase()]);
  db = openDatabase(testDb.url);
});
afterAll(async () => {
  await db?.close();
  await testDb?.drop();
  await ats?.close();
});

const KINDS: BoardKind[] = ['greenhouse', 'lever', 'ashby'];
/** One board per kind the practice ATS hosts, with its postings. */
const boards = KINDS.flatMap((kind) => {
  const jobs = practiceJobs('http://x').filter((j) => j.ats === kind);
  const board = jobs[0]?.board;
  return board ? [[kind, board, jobs.filter((j) => j.board === board)] as const] : [];
});

/** The practice boards' locations and the country each names, read by a person. */
const COUNTRY_OF: Record<string, string | null> = {
  'Pittsburgh, PA': 'US',
  'Remote (US)': 'US',
  'Toronto, ON': 'CA',
  'Boston, MA': 'US',
  'New York, NY': 'US',
  'London, United Kingdom': 'GB',
  'Lisbon, Portugal': 'PT',
  'Remote (US & Canada)': null,
  'Berlin, Germany': 'DE',
  'Columbus, OH': 'US',
  // Indiana or India, Illinois or Israel: the two-letter code alone cannot tell.
  'Indianapolis, IN': null,
  'Chicago, IL': null,
  'Rotterdam, Netherlands': 'NL',
  'Hamburg, Germany': 'DE',
  'Portland, OR': 'US',
  'Bend, OR': 'US',
  'Manchester, United Kingdom': 'GB',
  'Oslo, Norway': 'NO',
  'Remote (Europe)': null,
  Singapore: 'SG',
};

/** The practice ATS is on loopback: allowlisted, as EGRESS_ALLOW does it in the demo. */
const fetchBoard = (source: BoardSource) => fetchAnyBoard(source, new AddressCheck({ allow: new URL(ats.url).host }));

/** The practice postings' job types as the catalog stores them. */
const EMPLOYMENT_TYPES: Record<string, string> = {
  'Full-time': 'full_time',
  'Part-time': 'part_time',
  Contract: 'contract',
};

const rows = (source: string) => db.prisma.job.findMany({ where: { source }, orderBy: { externalId: 'asc' } });

describe('job import', () => {
  it.each(boards)('imports a %s board (%s) once, then updates in place', async (kind, board, postings) => {
    const jobs = await fetchBoard({ kind, board, baseUrl: `${ats.url}/api/${kind}` });
    // Open postings must all arrive; a closed one may still be listed (or not, as on Lever).
    const open = postings.filter((p) => !p.scenario.startsWith('closed')).map((p) => p.externalId);
    const imported = jobs.map((j) => j.externalId);
    expect(imported).toEqual(expect.arrayContaining(open));
    expect(postings.map((p) => p.externalId)).toEqual(expect.arrayContaining(imported));

    expect(await saveJobs(db, jobs)).toMatchObject({ created: jobs.length, updated: 0 });
    const saved = await rows(kind);
    expect(saved).toHaveLength(jobs.length);
    for (const p of postings.filter((x) => imported.includes(x.externalId))) {
      const row = saved.find((r) => r.externalId === p.externalId)!;
      expect(row.title).toBe(p.title);
      expect(row.location).toBe(p.location);
      // The country its location names, stored for authorization questions (null when unclear).
      expect(row.country, p.location).toBe(COUNTRY_OF[p.location] ?? null);
      expect(row.atsKind).toBe(kind);
      expect(new URL(row.applyUrl).pathname.startsWith(new URL(p.applyUrl).pathname.split('/apply')[0]!)).toBe(true);
      expect(row.description.length).toBeGreaterThan(100);
      expect(row.description).not.toMatch(/<[a-z]|&lt;/);
      if (kind !== 'greenhouse') expect(row.salaryMin).toBe(p.salaryMin);
      // Every practice board publishes the job type, each in its own words.
      expect(row.employmentType, p.title).toBe(EMPLOYMENT_TYPES[p.employmentType]);
    }

    expect(await saveJobs(db, jobs)).toMatchObject({ created: 0, updated: jobs.length });
    expect(await rows(kind)).toHaveLength(jobs.length);
  });

  it("stores a Greenhouse posting's questions from the board API, before anyone swipes", async () => {
    const [, board, postings] = boards.find(([kind]) => kind === 'greenhouse')!;
    const jobs = await fetchBoard({ kind: 'greenhouse', board, baseUrl: `${ats.url}/api/greenhouse` });
    await saveJobs(db, jobs);
    const forms = await db.prisma.jobForm.findMany({
      include: { job: true },
      where: { job: { source: 'greenhouse' } },
    });
    expect(forms).toHaveLength(jobs.length);
    for (const form of forms) {
      const stored = JobQuestions.parse({ ...form, checkedAt: form.checkedAt.toISOString() });
      expect(stored).toMatchObject({ source: 'board_api', complete: true });
      // Every required question the practice board publishes, by the key its saved answer is stored under.
      const posting = POSTINGS.find((p) => p.ats === 'greenhouse' && p.externalId === form.job.externalId)!;
      const spec = greenhouseSpec(posting, 'job-boards');
      const asked = spec.fields.filter(
        (f) => f.required && !f.alternativeTo && f.asks.kind !== 'system' && f.asks.kind !== 'honeypot',
      );
      const required = stored.questions.filter((q) => q.required);
      expect(required.map((q) => q.key).sort(), form.job.externalId).toEqual(
        asked.map((f) => normalizeQuestion(f.label)).sort(),
      );
      // Choices keep their options (Greenhouse sends a yes/no question as a two-option select).
      const choices = ['select', 'combobox', 'yes_no', 'radio', 'checkbox_group'];
      for (const f of asked.filter((x) => x.options?.length && choices.includes(x.type))) {
        const q = required.find((x) => x.key === normalizeQuestion(f.label))!;
        expect(q.options).toEqual(f.options!.map((o) => o.label));
        // As the engine asks it: a choice between Yes and No is a yes/no question.
        const yesNo =
          q
            .options!.map((o) => o.toLowerCase())
            .sort()
            .join() === 'no,yes';
        expect(q.type).toBe(f.type === 'checkbox_group' ? 'checkbox_group' : yesNo ? 'yes_no' : 'select');
      }
    }
    expect(postings.length).toBeGreaterThan(0);
  });

  it('reads the seniority a title states and the skills a posting names', async () => {
    await saveJobs(
      db,
      await fetchBoard({ kind: 'greenhouse', board: 'northwind', baseUrl: `${ats.url}/api/greenhouse` }),
    );
    const row = (externalId: string) =>
      db.prisma.job.findUniqueOrThrow({ where: { source_externalId: { source: 'greenhouse', externalId } } });
    // "Senior Backend Engineer, Fleet Platform": "…the task assignment service in Go and PostgreSQL".
    expect(await row('4012345')).toMatchObject({ seniority: 'senior', skills: ['Go', 'PostgreSQL'] });
    // "Site Reliability Engineer" states no level (none is guessed): "Run Kubernetes at the edge", "Linux".
    expect(await row('4012401')).toMatchObject({
      seniority: null,
      skills: expect.arrayContaining(['Kubernetes', 'Linux']),
    });
  });

  it('runs as npm run jobs:import against DATABASE_URL', async () => {
    const [kind, board] = boards[0]!;
    const count = (await rows(kind)).length;
    await db.prisma.job.deleteMany({ where: { source: kind } });
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, `--${kind}`, board, '--base-url', `${ats.url}/api/${kind}`],
      {
        env: { ...process.env, DATABASE_URL: testDb.url, EGRESS_ALLOW: new URL(ats.url).host },
      },
    );
    // Greenhouse's API gave every form: nothing left to scan.
    expect(JSON.parse(stdout)).toEqual({ source: kind, board, created: count, updated: 0, scanned: 0, scanFailed: 0 });
    expect(await rows(kind)).toHaveLength(count);
  });

  it('reads the forms of a Lever board from their pages once imported, posting nothing', {
    timeout: 120_000,
  }, async () => {
    const [, board] = boards.find(([kind]) => kind === 'lever')!;
    await db.prisma.job.deleteMany({ where: { source: 'lever' } });
    const before = ats.requests.list().length;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, '--lever', board, '--base-url', `${ats.url}/api/lever`],
      {
        env: {
          ...process.env,
          DATABASE_URL: testDb.url,
          EGRESS_ALLOW: new URL(ats.url).host,
          REDIS_PREFIX: `import-test-${Date.now()}`,
        },
      },
    );
    const saved = await rows('lever');
    expect(JSON.parse(stdout)).toMatchObject({ created: saved.length, scanned: saved.length, scanFailed: 0 });
    const forms = await db.prisma.jobForm.findMany({ where: { jobId: { in: saved.map((j) => j.id) } } });
    expect(forms).toHaveLength(saved.length);
    for (const form of forms) {
      expect(form.source).toBe('page_scan');
      expect((form.questions as unknown[]).length).toBeGreaterThan(0);
    }
    const posts = ats.requests
      .list()
      .slice(before)
      .filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    expect(posts).toEqual([]);
  });

  it('refuses a board API on an internal address, and one that redirects there', async () => {
    const [kind, board] = boards[0]!;
    const unlisted = new AddressCheck();
    await expect(fetchAnyBoard({ kind, board, baseUrl: `${ats.url}/api/${kind}` }, unlisted)).rejects.toThrow(
      /Refused to open 127\.0\.0\.1:\d+: it is a loopback address/,
    );
    await expect(
      fetchAnyBoard({ kind, board, baseUrl: `http://0x7f000001:${new URL(ats.url).port}/api/${kind}` }, unlisted),
    ).rejects.toThrow(/loopback/);
    // Allowlisted itself, the redirector sends the importer on to an address that is not.
    const redirector = createServer((req, res) => res.writeHead(302, { location: `${ats.url}${req.url}` }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const hop = `127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    try {
      await expect(
        fetchAnyBoard({ kind, board, baseUrl: `http://${hop}/api/${kind}` }, new AddressCheck({ allow: hop })),
      ).rejects.toThrow(/Refused to open 127\.0\.0\.1:\d+: it is a loopback address/);
    } finally {
      redirector.close();
    }
    const failed = run(
      process.execPath,
      ['--import', 'tsx', CLI, `--${kind}`, board, '--base-url', `${ats.url}/api/${kind}`],
      {
        env: { ...process.env, DATABASE_URL: testDb.url, EGRESS_ALLOW: '' },
      },
    );
    await expect(failed).rejects.toMatchObject({ stderr: expect.stringMatching(/Refused to open 127\.0\.0\.1/) });
  });

  it("takes the company's logo from the board's own posting page, only from where the board keeps logos", async () => {
    const GREENHOUSE_LOGO =
      'https://s4-recruiting.cdn.greenhouse.io/external_greenhouse_job_boards/logos/400/614/500/original/acme.png?1639152613';
    const LEVER_LOGO = 'https://lever-client-logos.s3.us-west-2.amazonaws.com/6e5a1ca3-logo.png';
    const ASHBY_LOGO = 'https://app.ashbyhq.com/api/images/org-theme-logo/ce2d/a875/1e7d.png';
    // The boards' APIs and their posting pages, each page as the board shows its logo.
    const pages: Record<string, string> = {
      '/greenhouse/acme/1': `<meta property="og:image" content="${GREENHOUSE_LOGO.replace('?', '&#63;')}">`,
      '/lever/acme/1': `<meta property="og:image" content="${LEVER_LOGO}">`,
      // A social card and a wordmark come first: passed over for the square logo in the page's data.
      '/ashby/acme/1': `<meta property="og:image" content="https://app.ashbyhq.com/api/images/org-theme-social/a/b.png">
        <script>window.__appData = {"organization":{"theme":{"logoWordmarkImageUrl":"https://app.ashbyhq.com/api/images/org-theme-wordmark/f789/1.png","logoSquareImageUrl":"${ASHBY_LOGO}"}}}</script>`,
      '/lever/plain/1':
        '<meta property="og:image" content="https://logos.example.com/acme.png"><img src="https://10.0.0.1/x.png">',
    };
    const server = createServer((req, res) => {
      const base = `http://${req.headers.host}`;
      const lever = (site: string, hostedUrl: string) => [
        { id: `${site}-1`, text: 'Engineer', hostedUrl, createdAt: Date.now(), categories: {} },
      ];
      const json = (body: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/api/v0/postings/acme') return json(lever('acme', `${base}/lever/acme/1`));
      if (path === '/api/v0/postings/plain') return json(lever('plain', `${base}/lever/plain/1`));
      // The posting's page is on an internal address: the address check refuses it.
      if (path === '/api/v0/postings/inside') return json(lever('inside', 'http://10.0.0.1/inside/1'));
      if (path === '/api/v1/boards/acme/jobs') {
        return json({
          jobs: [
            {
              id: 1,
              title: 'Engineer',
              absolute_url: `${base}/greenhouse/acme/1`,
              updated_at: new Date().toISOString(),
            },
          ],
        });
      }
      if (path === '/api/posting-api/job-board/acme') {
        return json({
          jobs: [
            { id: 'a1', title: 'Engineer', publishedAt: new Date().toISOString(), jobUrl: `${base}/ashby/acme/1` },
          ],
        });
      }
      const page = pages[path];
      if (page) return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head>${page}</head></html>`);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const check = new AddressCheck({ allow: host });
    const logos = async (kind: BoardKind, board: string) =>
      (await fetchAnyBoard({ kind, board, baseUrl: `http://${host}/api` }, check)).map((j) => j.logoUrl);
    try {
      expect(await logos('greenhouse', 'acme')).toEqual([GREENHOUSE_LOGO]);
      expect(await logos('lever', 'acme')).toEqual([LEVER_LOGO]);
      expect(await logos('ashby', 'acme')).toEqual([ASHBY_LOGO]);
      // Another host, an internal address: the card shows the company's initial instead.
      expect(await logos('lever', 'plain')).toEqual([null]);
      expect(await logos('lever', 'inside')).toEqual([null]);
    } finally {
      server.close();
    }
  });

  it('says which board is wrong', async () => {
    await expect(
      fetchBoard({ kind: 'greenhouse', board: 'no-such-board', baseUrl: `${ats.url}/api/greenhouse` }),
    ).rejects.toThrow(/no-such-board.*HTTP 404/);
  });
});

describe('what a board sends', () => {
  it('keeps only currency codes, salaries and logos the deck can show', async () => {
    const job = {
      source: 'test-import',
      company: 'Acme',
      title: 'Engineer',
      location: 'Remote',
      country: null,
      remote: true,
      description: '',
      keyPoints: [],
      applyUrl: 'https://jobs.example.com/1',
      atsKind: 'generic',
      postedAt: new Date(),
      employmentType: null,
    };
    const logo = 'https://lever-client-logos.s3.amazonaws.com/acme.png';
    await saveJobs(db, [
      { ...job, externalId: 'a', salaryMin: 100_000, salaryMax: 120_000.4, salaryCurrency: 'US$', logoUrl: logo },
      {
        ...job,
        externalId: 'b',
        salaryMin: -5,
        salaryMax: Number.NaN,
        salaryCurrency: ' eur ',
        logoUrl: 'http://192.168.1.1/logo.png',
      },
    ]);
    const saved = await rows('test-import');
    expect(saved.map((r) => [r.salaryMin, r.salaryMax, r.salaryCurrency, r.logoUrl])).toEqual([
      [100_000, 120_000, null, logo],
      [null, null, 'EUR', null],
    ]);
  });
});
