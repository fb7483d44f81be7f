// Applications per status and lane: one grouped query, shared by the operator's queue stats and
// the metrics gauge.
import type { Queryable } from '@jobswipe/db';
import type { ApplicationStatus, Lane } from '@jobswipe/protocol';

export interface ApplicationCount {
  status: ApplicationStatus;
  lane: Lane;
  count: number;
}

export function countApplications(db: Queryable): Promise<ApplicationCount[]> {
  return db.$queryRaw<ApplicationCount[]>`
    select a.status::text as status, a.lane::text as lane, count(*)::int as count
    from applications a group by a.status, a.lane order by a.status, a.lane`;
}
