// The deck: open jobs the user has not swiped yet, best fit to the profile first (newest first
// among equals), one keyset page at a time. Raw SQL because its shape is what makes it fast on a
// large catalog: the anti-join on swipes (user_id, job_id) walks jobs_deck_idx newest first and
// stops after a window of the freshest candidates; only those are scored and ranked, so a page
// costs the same however large the catalog (an older job that fits well waits until the fresher
// ones have been swiped). The trigram indexes serve rare search terms.
import { type Job, Prisma, type Queryable } from '@jobswipe/db';

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

/** How many of the freshest matching jobs are ranked for a page. */
export const RANK_WINDOW = 1000;

/**
 * A job's fit, in SQL: 2 per title word shared with the user's title, 1 per shared skill (up to
 * 4), 2 for a job in the user's city or country or a remote one (for a user who said where they live), 1 for a salary that reaches the
 * user's expectation in the same currency.
 */
function fitSql(fit: FitProfile): Prisma.Sql {
  // One term per word and per skill, not a subquery per row: the window's 1000 rows are scored fast.
  const sum = (terms: Prisma.Sql[]) => (terms.length ? Prisma.join(terms, ' + ') : Prisma.sql`0`);
  const title = sum(fit.titleWords.map((w) => Prisma.sql`2 * (j.title ilike ${containing(w)})::int`));
  const skills = Prisma.sql`least(4, ${sum(fit.skills.map((k) => Prisma.sql`(${k} = any(j.skills))::int`))})`;
  // Where the user lives: a job there, or a remote one, can be taken from home.
  const local: Prisma.Sql[] = [];
  if (fit.city) local.push(Prisma.sql`j.location ilike ${containing(fit.city)}`);
  if (fit.country) local.push(Prisma.sql`j.country = ${fit.country}`);
  const place = local.length
    ? Prisma.sql`case when j.remote or ${Prisma.join(local, ' or ')} then 2 else 0 end`
    : Prisma.sql`0`;
  const salary = fit.salary
    ? Prisma.sql`case when j.salary_currency = ${fit.salary.currency}
        and coalesce(j.salary_max, j.salary_min) >= ${fit.salary.amount} then 1 else 0 end`
    : Prisma.sql`0`;
  return Prisma.sql`(${title} + ${skills} + ${place} + ${salary})::int`;
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
  // The window carries only what ranks it; the page's rows are read whole once ranked.
  const rows = await db.$queryRaw<(Job & { fit: number })[]>`
    with ranked as (
      select j.id, j.posted_at, ${fitSql(fit)} as fit
      from jobs j
      where ${Prisma.join(conditions, ' and ')}
      order by j.posted_at desc, j.id desc
      limit ${RANK_WINDOW}
    ), page as (
      select r.* from ranked r
      ${after ? Prisma.sql`where (r.fit, r.posted_at, r.id) < (${after.fit}::int, ${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
      order by r.fit desc, r.posted_at desc, r.id desc
      limit ${limit + 1}
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
