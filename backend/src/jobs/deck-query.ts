// The deck: open jobs the user has not swiped yet, best fit to the profile first (newest first
// among equals), one keyset page at a time, ranked across the whole catalog. Raw SQL because its
// shape is what makes that affordable on a large catalog: the jobs sharing a title word or a skill
// with the profile are found through indexes (trigram on title, GIN on skills) and scored; every
// other job can only score its place and salary, a few fixed sums, and for each sum a walk of
// jobs_deck_idx newest first stops once it has a page. The page is the best of those branches.
// The trigram indexes also serve rare search terms.
import { type Job, Prisma, type Queryable } from '@jobswipe/db';
import { BY_HAND_SOURCE } from '../applications/applied-by-hand.ts';

export interface DeckFilters {
  q?: string | undefined;
  location?: string | undefined;
  remote?: boolean | undefined;
  salaryMin?: number | undefined;
}

/** What the deck ranks by, from the user's profile (job-catalog.ts reads both sides the same way). */
export interface FitProfile {
  titleWords: string[];
  skills: string[];
  city: string | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
  /** A yearly salary expectation. */
  salary: { amount: number; currency: string } | null;
}

/** The keyset position of a deck card: its fit, then its posting time and id. */
export interface DeckPosition {
  fit: number;
  at: Date;
  id: string;
}

export interface DeckResult {
  jobs: Job[];
  /** Present when more jobs follow the last one. */
  last: DeckPosition | null;
}

/** A job's fit in SQL, and the conditions of its parts. */
interface FitSql {
  /**
   * 2 per title word shared with the user's title, 1 per shared skill (up to 4), 2 for `place`, 1
   * for `salary`.
   */
  total: Prisma.Sql;
  /** Jobs sharing a title word or a skill: index-backed (trigram on title, GIN on skills); null when the profile names none. */
  matched: Prisma.Sql | null;
  /** A job in the user's city or country, or a remote one (for a user who said where they live); never null. */
  place: Prisma.Sql | null;
  /** A salary that reaches the user's expectation in the same currency; never null. */
  salary: Prisma.Sql | null;
}

function fitSql(fit: FitProfile): FitSql {
  // One term per word and per skill, not a subquery per row.
  const sum = (terms: Prisma.Sql[]) => (terms.length ? Prisma.join(terms, ' + ') : Prisma.sql`0`);
  const title = sum(fit.titleWords.map((w) => Prisma.sql`2 * (j.title ilike ${containing(w)})::int`));
  const skills = Prisma.sql`least(4, ${sum(fit.skills.map((k) => Prisma.sql`(${k} = any(j.skills))::int`))})`;
  // Where the user lives: a job there, or a remote one, can be taken from home.
  const local: Prisma.Sql[] = [];
  if (fit.city) local.push(Prisma.sql`j.location ilike ${containing(fit.city)}`);
  if (fit.country) local.push(Prisma.sql`coalesce(j.country = ${fit.country}, false)`);
  const place = local.length ? Prisma.sql`(j.remote or ${Prisma.join(local, ' or ')})` : null;
  const salary = fit.salary
    ? Prisma.sql`coalesce(j.salary_currency = ${fit.salary.currency}
        and coalesce(j.salary_max, j.salary_min) >= ${fit.salary.amount}, false)`
    : null;
  // Separate ORs, not `ilike any(array)`: a GIN index serves each term, not an array of them.
  const matches = fit.titleWords.map((w) => Prisma.sql`j.title ilike ${containing(w)}`);
  if (fit.skills.length) matches.push(Prisma.sql`j.skills && ${fit.skills}::text[]`);
  const points = (met: Prisma.Sql | null, score: number) =>
    met ? Prisma.sql`case when ${met} then ${score} else 0 end` : Prisma.sql`0`;
  return {
    total: Prisma.sql`(${title} + ${skills} + ${points(place, 2)} + ${points(salary, 1)})::int`,
    matched: matches.length ? Prisma.sql`(${Prisma.join(matches, ' or ')})` : null,
    place,
    salary,
  };
}

/** The fits a job sharing no title word and no skill can have: each sum of place and salary, and its condition. */
function unmatchedLevels(fit: FitSql): { fit: number; where: Prisma.Sql }[] {
  const options = (met: Prisma.Sql | null, score: number) =>
    met
      ? [
          { fit: score, where: met },
          { fit: 0, where: Prisma.sql`not ${met}` },
        ]
      : [{ fit: 0, where: Prisma.sql`true` }];
  return options(fit.place, 2).flatMap((p) =>
    options(fit.salary, 1).map((s) => ({ fit: p.fit + s.fit, where: Prisma.sql`${p.where} and ${s.where}` })),
  );
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function deckPage(
  db: Queryable,
  userId: string,
  filters: DeckFilters,
  fit: FitProfile,
  after: DeckPosition | null,
  limit: number,
): Promise<DeckResult> {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`j.closed_at is null`,
    // A page one user applied on by hand is their record, not a posting to offer anyone.
    Prisma.sql`j.source <> ${BY_HAND_SOURCE}`,
    Prisma.sql`not exists (select 1 from swipes s where s.user_id = ${userId}::uuid and s.job_id = j.id)`,
  ];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(
      Prisma.sql`(j.title ilike ${pattern} or j.company ilike ${pattern} or j.description ilike ${pattern})`,
    );
  }
  if (filters.location) conditions.push(Prisma.sql`j.location ilike ${containing(filters.location)}`);
  if (filters.remote !== undefined) conditions.push(Prisma.sql`j.remote = ${filters.remote}`);
  // A salary floor keeps jobs whose range reaches it; jobs without a salary cannot show they do.
  if (filters.salaryMin !== undefined) {
    conditions.push(Prisma.sql`coalesce(j.salary_max, j.salary_min) >= ${filters.salaryMin}`);
  }
  const scored = fitSql(fit);
  const where = Prisma.join(conditions, ' and ');
  const rank = Prisma.sql`order by fit desc, posted_at desc, id desc limit ${limit + 1}`;
  /** Jobs meeting `condition`, each scored: ranked, past the cursor, one page. */
  const scoredBranch = (condition: Prisma.Sql) => Prisma.sql`(
    select * from (select j.id, j.posted_at, ${scored.total} as fit from jobs j where ${where} and ${condition}) m
    ${after ? Prisma.sql`where (m.fit, m.posted_at, m.id) < (${after.fit}::int, ${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
    ${rank})`;
  const branches: Prisma.Sql[] = [];
  if (filters.q || filters.location) {
    // A search narrows the deck through the trigram indexes: all its matches are scored at once (a
    // walk per place/salary sum would read the whole catalog for a sum no match has).
    branches.push(scoredBranch(Prisma.sql`true`));
  } else {
    // The jobs sharing a title word or a skill, found through their indexes, scored and ranked.
    if (scored.matched) branches.push(scoredBranch(scored.matched));
    // Every other job's fit is one of a few sums of place and salary: per sum, a walk of the open
    // jobs newest first (jobs_deck_idx) that stops once it has a page.
    for (const level of unmatchedLevels(scored)) {
      if (after && level.fit > after.fit) continue;
      const keyset =
        after && level.fit === after.fit
          ? Prisma.sql`and (j.posted_at, j.id) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : Prisma.empty;
      branches.push(Prisma.sql`(
        select j.id, j.posted_at, ${level.fit}::int as fit from jobs j
        where ${where} and ${scored.matched ? Prisma.sql`not ${scored.matched}` : Prisma.sql`true`} and ${level.where} ${keyset}
        order by j.posted_at desc, j.id desc limit ${limit + 1})`);
    }
  }
  // The page's rows are read whole once ranked.
  const rows = await db.$queryRaw<(Job & { fit: number })[]>`
    with page as (
      select * from (${Prisma.join(branches, ' union all ')}) c
      ${rank}
    )
    select j.id, j.source, j.external_id as "externalId", j.company, j.title, j.location, j.country, j.remote,
      j.salary_min as "salaryMin", j.salary_max as "salaryMax", j.salary_currency as "salaryCurrency",
      j.description, j.key_points as "keyPoints", j.apply_url as "applyUrl", j.ats_kind as "atsKind",
      j.posted_at as "postedAt", j.employment_type as "employmentType", j.seniority, j.skills,
      j.logo_url as "logoUrl", j.closed_at as "closedAt", j.created_at as "createdAt", j.updated_at as "updatedAt",
      p.fit
    from page p join jobs j on j.id = p.id
    order by p.fit desc, p.posted_at desc, p.id desc`;
  const page = rows.slice(0, limit);
  const lastJob = page.at(-1);
  return {
    jobs: page.map(({ fit: _fit, ...job }) => job),
    last: rows.length > limit && lastJob ? { fit: lastJob.fit, at: lastJob.postedAt, id: lastJob.id } : null,
  };
}
