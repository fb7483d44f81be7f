// An application the user submitted themselves, on a form the extension's autofill filled on a page
// they opened: the job is the catalog's job with that apply URL, or one recorded from the page
// (title, company, URL; kept out of every deck), and the application is created SUBMITTED by the
// `recordByHand` transition. Idempotent per user and job: the user's live application for the job
// (the partial unique index allows one) is answered again and nothing is written.
import type { Application, Job, Queryable } from '@jobswipe/db';
import { type ApplicationStatus, type ByHandBody, TRANSITIONS } from '@jobswipe/protocol';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { type ApplicationRow, applicationFromRow } from './application-row.ts';
import { recordEvent } from './events.ts';

/** The source of jobs recorded from a page the user applied on by hand (never shown in a deck). */
export const BY_HAND_SOURCE = 'by-hand';

const STARTS_AS: ApplicationStatus = TRANSITIONS.recordByHand.to[0];

/** The address without its fragment: the same page whatever anchor the user scrolled to. */
const pageOf = (url: string) => url.split('#')[0]!;

/** How many path segments above the page an apply URL may be (Workday's form is `<posting>/apply`). */
const PARENT_PAGES = 2;

/** The page, then the pages above it (a form one or two steps under the posting's apply URL). */
function pageAndParents(url: string): string[] {
  const pages = [pageOf(url)];
  const parent = new URL(pages[0]!);
  parent.search = '';
  for (let i = 0; i < PARENT_PAGES && parent.pathname !== '/'; i++) {
    parent.pathname = parent.pathname.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || '/';
    pages.push(parent.href.replace(/\/$/, ''));
  }
  return pages;
}

/**
 * The catalog's job whose apply URL is this page, else the nearest page above it (the first one
 * imported); null when none is.
 */
export async function catalogJobAt(db: Queryable, url: string): Promise<Job | null> {
  const pages = pageAndParents(url);
  const jobs = await db.job.findMany({ where: { applyUrl: { in: pages } }, orderBy: { createdAt: 'asc' } });
  for (const page of pages) {
    const job = jobs.find((j) => j.applyUrl === page);
    if (job) return job;
  }
  return null;
}

async function jobFor(uow: UnitOfWork, body: ByHandBody): Promise<Job> {
  const page = pageOf(body.url);
  const known = await catalogJobAt(uow.tx, page);
  if (known) return known;
  return uow.tx.job.upsert({
    where: { source_externalId: { source: BY_HAND_SOURCE, externalId: page } },
    create: {
      source: BY_HAND_SOURCE,
      externalId: page,
      title: body.title,
      company: body.company,
      applyUrl: page,
      atsKind: body.atsKind,
    },
    update: {},
  });
}

export interface ByHandResult {
  application: Application;
  job: Job;
  created: boolean;
}

export async function recordAppliedByHand(
  uow: UnitOfWork,
  who: { userId: string; deviceId: string },
  body: ByHandBody,
): Promise<ByHandResult> {
  const job = await jobFor(uow, body);
  // A concurrent second report waits on the index for the first one's commit, then inserts nothing.
  const rows = await uow.tx.$queryRaw<ApplicationRow[]>`
    insert into applications (user_id, job_id, status, lane, confirmation, by_hand, finished_at)
    values (${who.userId}::uuid, ${job.id}::uuid, ${STARTS_AS}::application_status, 'device'::lane,
      ${body.confirmation}, true, now())
    on conflict (user_id, job_id) where status <> 'CANCELLED' do nothing
    returning *`;
  const row = rows[0];
  if (!row) {
    const live = await uow.tx.application.findFirstOrThrow({
      where: { userId: who.userId, jobId: job.id, status: { not: 'CANCELLED' } },
    });
    return { application: live, job, created: false };
  }
  const application = applicationFromRow(row);
  await uow.tx.jobSnapshot.create({
    data: {
      applicationId: application.id,
      posting: { title: job.title, company: job.company, applyUrl: job.applyUrl, atsKind: job.atsKind, url: body.url },
    },
  });
  const message = 'You submitted it yourself on the form the extension filled (applied by hand).';
  await recordEvent(uow, application, {
    type: 'status',
    fromStatus: null,
    toStatus: STARTS_AS,
    actor: `device:${who.deviceId}`,
    message,
  });
  uow.afterCommit(() => uow.events.applicationChanged(application, 'status', null, message));
  return { application, job, created: true };
}
