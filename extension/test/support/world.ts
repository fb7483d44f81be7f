// What an extension test runs against, for real: a backend node (its own database and Redis
// prefix), the practice ATS whose postings are the job catalog, and an applicant whose profile,
// resume and saved answers cover the postings they swipe on.
import { ANSWER_SHEET, earlierReplies, PROFILE } from '@jobswipe/automations/testing/applicant';
import type { Api } from '@jobswipe/backend/testing/api';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { minimalPdf } from '@jobswipe/backend/testing/documents';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { userWith } from '@jobswipe/backend/testing/users';
import type { Job, PrismaClient } from '@jobswipe/db';
import { formSpec, type PracticeAts, type PracticeJob, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import type { SwipeResponse } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';

export interface ExtensionWorld {
  backend: TestBackend;
  ats: PracticeAts;
  prisma: PrismaClient;
  jobOf(posting: PracticeJob): Job;
  close(): Promise<void>;
}

/** The practice postings named `ats/externalId`, in that order. */
export function practicePostings(keys: string[]): PracticeJob[] {
  const all = practiceJobs('http://practice.invalid');
  return keys.map((key) => {
    const found = all.find((p) => `${p.ats}/${p.externalId}` === key);
    if (!found) throw new Error(`no practice posting ${key}`);
    return found;
  });
}

/** `env`: more of the backend's settings (a model stand-in's LLM_BASE_URL, for one). */
export async function startExtensionWorld(env: Record<string, string> = {}): Promise<ExtensionWorld> {
  const [ats, backend] = await Promise.all([
    startPracticeAts({ port: 0, dataFile: null }),
    startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000', ...env }),
  ]);
  const prisma = backend.node.ctx.db.prisma;
  const jobs = new Map<string, Job>();
  for (const p of practiceJobs(ats.url)) {
    const [job] = await createJobs(prisma, 1, {
      source: `practice-${p.ats}`,
      externalId: p.externalId,
      company: p.company,
      title: p.title,
      applyUrl: p.applyUrl,
      atsKind: p.ats,
      location: p.location,
      country: countryOfLocation(p.location),
    });
    jobs.set(`${p.ats}/${p.externalId}`, job!);
  }
  return {
    backend,
    ats,
    prisma,
    jobOf: (posting) => jobs.get(`${posting.ats}/${posting.externalId}`)!,
    close: async () => {
      await Promise.all([backend.close(), ats.close()]);
    },
  };
}

async function ok(what: string, response: Promise<{ status: number; body: unknown }>): Promise<void> {
  const res = await response;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * A device-only user with the practice applicant's profile, a resume and the answers these forms
 * need, except for the questions labelled in `unanswered`.
 */
export async function practiceApplicant(world: ExtensionWorld, postings: PracticeJob[], unanswered: string[] = []) {
  const user = await userWith(world.backend.api, world.prisma, { undoGraceMs: 0 });
  await ok('saving the profile', user.api.put('/v1/profile', PROFILE));
  const resume = new FormData();
  resume.set('file', new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }), 'ada-resume.pdf');
  await ok('uploading the resume', user.api.request('POST', '/v1/profile/resumes', undefined, { raw: resume }));
  const replies = postings.flatMap((p) => {
    const spec = formSpec(p.ats, p.externalId);
    const given = earlierReplies(spec);
    return spec.fields.flatMap(({ asks }) =>
      asks.kind === 'question' && given[asks.key] !== undefined && !unanswered.includes(asks.label)
        ? [{ question: asks.label, answer: given[asks.key]! }]
        : [],
    );
  });
  const sheet = ANSWER_SHEET.map(({ question, answer }) => ({ question, answer }));
  await ok('saving answers', user.api.put('/v1/profile/answers', { answers: [...sheet, ...replies] }));
  return user;
}

/** Right-swipes these jobs; returns the application ids in order. */
export async function swipeRightOn(api: Api, jobs: Job[]): Promise<string[]> {
  const ids: string[] = [];
  for (const job of jobs) {
    const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    if (!res.body.application) throw new Error(`swipe failed: ${JSON.stringify(res.body)}`);
    ids.push(res.body.application.id);
  }
  return ids;
}
