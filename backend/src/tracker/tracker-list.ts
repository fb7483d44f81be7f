// The tracker's list: the user's applications with their stage and notes, searched (title,
// company, notes), filtered to one view, sorted, a page at a time; and how many each view holds.
import type { Prisma, Queryable } from '@jobswipe/db';
import {
  type ApplicationStatus,
  TRACKABLE_STATUS,
  TRACKER_VIEW_STATUSES,
  TRACKER_VIEWS,
  type TrackerCounts,
  type TrackerPage,
  type TrackerQuery,
  type TrackerSort,
  type TrackerStage,
  type TrackerView,
  trackerViewOf,
} from '@jobswipe/protocol';
import { jobSummarySelect, toApplicationSummary } from '../applications/views.ts';

function viewWhere(view: TrackerView): Prisma.ApplicationWhereInput {
  if (view === 'all') return {};
  if (view in TRACKER_VIEW_STATUSES) {
    const statuses: readonly ApplicationStatus[] = TRACKER_VIEW_STATUSES[view as keyof typeof TRACKER_VIEW_STATUSES];
    return { status: { in: [...statuses] } };
  }
  if (view === 'submitted') {
    return { status: TRACKABLE_STATUS, OR: [{ track: { is: null } }, { track: { is: { stage: null } } }] };
  }
  return { status: TRACKABLE_STATUS, track: { is: { stage: view as TrackerStage } } };
}

function searchWhere(q: string | undefined): Prisma.ApplicationWhereInput {
  if (!q) return {};
  const contains = { contains: q, mode: 'insensitive' } as const;
  return { OR: [{ job: { title: contains } }, { job: { company: contains } }, { track: { is: { notes: contains } } }] };
}

const ORDER: Record<TrackerSort, Prisma.ApplicationOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  company: [{ job: { company: 'asc' } }, { createdAt: 'desc' }, { id: 'desc' }],
  stage_changed: [
    { track: { stageChangedAt: { sort: 'desc', nulls: 'last' } } },
    { createdAt: 'desc' },
    { id: 'desc' },
  ],
};

export async function trackerPage(db: Queryable, userId: string, query: TrackerQuery): Promise<TrackerPage> {
  const offset = query.cursor ? Number(query.cursor) : 0;
  const [rows, counts] = await Promise.all([
    db.application.findMany({
      where: { userId, AND: [viewWhere(query.view), searchWhere(query.q)] },
      orderBy: ORDER[query.sort],
      skip: offset,
      take: query.limit + 1,
      include: { job: jobSummarySelect, track: true },
    }),
    trackerCounts(db, userId),
  ]);
  return {
    items: rows.slice(0, query.limit).map((app) => ({
      ...toApplicationSummary(app),
      stage: app.track?.stage ?? null,
      stageChangedAt: app.track?.stageChangedAt?.toISOString() ?? null,
      notes: app.track?.notes ?? '',
    })),
    nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
    counts,
  };
}

/** How many of the user's applications each view holds; one grouped read. */
export async function trackerCounts(db: Queryable, userId: string): Promise<TrackerCounts> {
  const groups = await db.$queryRaw<{ status: ApplicationStatus; stage: TrackerStage | null; n: number }[]>`
    select a.status::text as status, t.stage::text as stage, count(*)::int as n
    from applications a left join application_tracks t on t.application_id = a.id
    where a.user_id = ${userId}::uuid
    group by 1, 2`;
  const counts = Object.fromEntries(TRACKER_VIEWS.map((v) => [v, 0])) as TrackerCounts;
  for (const g of groups) {
    counts.all += g.n;
    counts[trackerViewOf(g.status, g.stage)] += g.n;
  }
  return counts;
}
