import type { Job } from '@jobswipe/db';
import type { JobView } from '@jobswipe/protocol';

/** A job as the API shows it (deck cards, job pages, and the snapshot kept per application). */
export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    company: job.company,
    title: job.title,
    location: job.location,
    country: job.country,
    remote: job.remote,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    salaryCurrency: job.salaryCurrency,
    description: job.description,
    keyPoints: job.keyPoints,
    applyUrl: job.applyUrl,
    atsKind: job.atsKind,
    postedAt: job.postedAt.toISOString(),
    closedAt: job.closedAt?.toISOString() ?? null,
  };
}
