// Test fixtures written straight to the database: jobs for the deck, and executors' claims.
import { randomUUID } from 'node:crypto';
import type { Job, PrismaClient } from '@jobswipe/db';

let seq = 0;

export async function createJobs(prisma: PrismaClient, count: number, overrides: Partial<Job> = {}): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let i = 0; i < count; i++) {
    seq += 1;
    jobs.push(
      await prisma.job.create({
        data: {
          source: 'test',
          externalId: `${randomUUID()}`,
          company: `Company ${seq}`,
          title: `Engineer ${seq}`,
          location: 'Remote',
          remote: true,
          salaryMin: 100_000,
          salaryMax: 150_000,
          salaryCurrency: 'USD',
          description: `Job number ${seq}`,
          keyPoints: ['TypeScript'],
          applyUrl: `http://127.0.0.1:9/jobs/${seq}`,
          atsKind: 'generic',
          postedAt: new Date(Date.now() - seq * 1000),
          ...overrides,
        },
      }),
    );
  }
  return jobs;
}
