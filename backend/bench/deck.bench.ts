// `npm run bench:deck` (part of `npm run bench`): what one deck page costs (deck-query.ts, straight
// against a fresh database) on catalogs of 10,000 and 100,000 open jobs, for a profile that shares a
// title word or a skill with about half of them (the ranking's costly case: those are all scored),
// for an empty profile (walks only), and with a search term. The first page, and a page after
// 5,000 ranked cards. Prints p50 wall time per page and writes artifacts/bench/deck.json. Asserts
// nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@jobswipe/db';
import { createTestDatabase } from '@jobswipe/db/testing';
import { distribution } from '@jobswipe/testkit/stats';
import { type DeckFilters, type DeckPosition, deckPage, type FitProfile } from '../src/jobs/deck-query.ts';
import { currentLoad, machine } from './support/report.ts';

const SIZES = [10_000, 100_000];
const RUNS = 9;
const DEEP = 5_000;
const OUTPUT = new URL('../../artifacts/bench/deck.json', import.meta.url);

const PROFILE: FitProfile = {
  titleWords: ['data', 'engineer'],
  skills: ['Python', 'Spark', 'SQL'],
  city: 'Berlin',
  country: 'DE',
  salary: { amount: 90_000, currency: 'EUR' },
};
const EMPTY: FitProfile = { titleWords: [], skills: [], city: null, country: null, salary: null };

/** A catalog of `size` open jobs, one a minute: eight titles, four places, a third with Python and SQL. */
async function seed(db: Database, size: number): Promise<void> {
  await db.pool.query(
    `insert into jobs (source, external_id, company, title, location, country, remote, description, apply_url,
                       ats_kind, posted_at, skills, salary_max, salary_currency)
     select 'bench', i::text, 'Company ' || (i % 5000),
       (array['Data Engineer','Frontend Developer','Product Manager','Gardener','Sales Lead','Backend Engineer',
              'Designer','Nurse'])[1 + i % 8] || ' ' || i,
       (array['Berlin, Germany','Lisbon, Portugal','Remote','New York, NY'])[1 + i % 4],
       (array['DE','PT',null,'US'])[1 + i % 4], i % 4 = 2, 'Posting ' || i, 'https://jobs.example.com/' || i,
       'generic', now() - i * interval '1 minute',
       case when i % 3 = 0 then array['Python','SQL'] when i % 3 = 1 then array['React'] else '{}' end,
       case when i % 5 = 0 then 100000 end, 'EUR'
     from generate_series(1, $1) i`,
    [size],
  );
  await db.pool.query('analyze jobs');
}

async function p50(page: () => Promise<unknown>): Promise<number> {
  await page();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await page();
    runs.push(performance.now() - start);
  }
  return distribution(runs).p50;
}

/** The position after `count` ranked cards, paging 50 at a time. */
async function positionAfter(db: Database, userId: string, count: number): Promise<DeckPosition | null> {
  let after: DeckPosition | null = null;
  for (let seen = 0; seen < count; seen += 50) after = (await deckPage(db.prisma, userId, {}, PROFILE, after, 50)).last;
  return after;
}

async function main() {
  const loadAtStart = currentLoad();
  const results = [];
  for (const size of SIZES) {
    const testDb = await createTestDatabase();
    const db = openDatabase(testDb.url);
    try {
      await seed(db, size);
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into users (email, password_hash) values ('bench@example.com', 'x') returning id`,
      );
      const userId = rows[0]!.id;
      const page = (fit: FitProfile, filters: DeckFilters = {}, after: DeckPosition | null = null) =>
        p50(() => deckPage(db.prisma, userId, filters, fit, after, 10));
      const deep = await positionAfter(db, userId, DEEP);
      results.push({
        jobs: size,
        firstPageMs: await page(PROFILE),
        pageAfter5000Ms: await page(PROFILE, {}, deep),
        emptyProfileMs: await page(EMPTY),
        searchMs: await page(PROFILE, { q: 'nurse' }),
      });
    } finally {
      await db.close();
      await testDb.drop();
    }
  }
  console.log(`deck page of 10, p50 of ${RUNS} (load average ${loadAtStart} at start):`);
  for (const r of results) {
    console.log(
      `  ${String(r.jobs).padStart(7)} jobs: first page ${r.firstPageMs} ms, after ${DEEP} cards ${r.pageAfter5000Ms} ms, ` +
        `empty profile ${r.emptyProfileMs} ms, search "nurse" ${r.searchMs} ms`,
    );
  }
  await mkdir(dirname(fileURLToPath(OUTPUT)), { recursive: true });
  await writeFile(
    OUTPUT,
    `${JSON.stringify({ machine: machine({ atStart: loadAtStart, atEnd: currentLoad() }), results }, null, 2)}\n`,
  );
}

await main();
