// The deck: open jobs the user has not swiped yet, newest first, one keyset page at a time.
// Raw SQL because its shape is what makes it fast on a large catalog: the anti-join on swipes
// (user_id, job_id) and the row comparison (posted_at, id) < cursor walk jobs_deck_idx in order
// and stop after one page; the trigram indexes serve rare search terms.
import { type Job, Prisma, type Queryable } from '@jobswipe/db';
import { BY_HAND_SOURCE } from '../applications/applied-by-hand.ts';

export interface DeckFilters {
  q?: string | undefined;
  location?: string | undefined;
  remote?: boolean | undefined;
  salaryMin?: number | undefined;
}

export interface DeckResult {
  jobs: Job[];
  /** Present when more jobs follow the last one. */
  last: { at: Date; id: string } | null;
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function deckPage(
  db: Queryable,
  userId: string,
  filters: DeckFilters,
  after: { at: Date; id: string } | null,
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
  if (after) conditions.push(Prisma.sql`(j.posted_at, j.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);

  const rows = await db.$queryRaw<Job[]>`
    select j.id, j.source, j.external_id as "externalId", j.company, j.title, j.location, j.country, j.remote,
      j.salary_min as "salaryMin", j.salary_max as "salaryMax", j.salary_currency as "salaryCurrency",
      j.description, j.key_points as "keyPoints", j.apply_url as "applyUrl", j.ats_kind as "atsKind",
      j.posted_at as "postedAt", j.closed_at as "closedAt", j.created_at as "createdAt", j.updated_at as "updatedAt"
    from jobs j
    where ${Prisma.join(conditions, ' and ')}
    order by j.posted_at desc, j.id desc
    limit ${limit + 1}`;
  const jobs = rows.slice(0, limit);
  const lastJob = jobs.at(-1);
  return { jobs, last: rows.length > limit && lastJob ? { at: lastJob.postedAt, id: lastJob.id } : null };
}
