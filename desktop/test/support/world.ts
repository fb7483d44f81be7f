// Everything an agent test runs against, for real: a backend node (its own database and Redis
// prefix), the practice ATS whose postings are the job catalog, and a user with a filled-in profile, a resume, their own answer sheet and the replies they gave to those forms' own questions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANSWER_SHEET, earlierReplies, PROFILE } from '@jobswipe/automations/testing/applicant';
import type { Api } from '@jobswipe/backend/testing/api';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { minimalPdf } from '@jobswipe/backend/testing/documents';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { userWith } from '@jobswipe/backend/testing/users';
import type { Job, PrismaClient } from '@jobswipe/db';
import { formSpec, type PracticeAts, type PracticeJob, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import type { PairStartResponse, SwipeResponse } from '@jobswipe/protocol';
import { AgentProcess, runAgentCommand } from './agent-process.ts';
import { type UnprivilegedChromium, unprivilegedChromium } from './unprivileged-chromium.ts';

export interface Applicant {
  userId: string;
  accessToken: string;
  api: Api;
}

export interface World {
  backend: TestBackend;
  ats: PracticeAts;
  /** The browser the agents use: Chromium in its sandbox, as an ordinary user. */
  chromium: UnprivilegedChromium;
  prisma: PrismaClient;
  /** The job row seeded from a practice posting. */
  jobOf(posting: PracticeJob): Job;
  /** A user whose profile, resume and saved answers cover the given practice postings. */
  applicant(postings: PracticeJob[]): Promise<Applicant>;
  /** A fresh agent dir, paired with the applicant's account through `npm run agent -- pair`. */
  pairedAgentDir(applicant: Applicant): Promise<string>;
  /** Starts `npm run agent` (killed by `stopAgents`, or when the world closes). */
  startAgent(agentDir: string, args?: string[], env?: Record<string, string>): AgentProcess;
  stopAgents(): Promise<void>;
  close(): Promise<void>;
}

/** The practice catalog's postings of a scenario (their URLs are the world's once seeded). */
export function postings(scenario = 'normal'): PracticeJob[] {
  return practiceJobs('http://practice.invalid').filter((p) => p.scenario === scenario);
}

export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const [ats, backend, chromium] = await Promise.all([
    startPracticeAts({ port: 0, dataFile: null }),
    startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000', ...env }),
    unprivilegedChromium(),
  ]);
  const prisma = backend.node.ctx.db.prisma;
  const jobs = new Map<string, Job>();
  // Each practice posting as a job in the catalog, its apply URL on this world's practice ATS.
  for (const p of practiceJobs(ats.url)) {
    const [job] = await createJobs(prisma, 1, {
      source: `practice-${p.ats}`,
      externalId: p.externalId,
      company: p.company,
      title: p.title,
      applyUrl: p.applyUrl,
      atsKind: p.ats,
    });
    jobs.set(`${p.ats}/${p.externalId}`, job!);
  }
  const agents: AgentProcess[] = [];
  const dirs: string[] = [];

  const stopAgents = async () => {
    await Promise.all(agents.splice(0).map((a) => a.kill()));
  };
  return {
    backend,
    ats,
    chromium,
    prisma,
    jobOf(posting) {
      const job = jobs.get(`${posting.ats}/${posting.externalId}`);
      if (!job) throw new Error(`no job seeded for ${posting.ats}/${posting.externalId}`);
      return job;
    },
    async applicant(postings) {
      const user = await userWith(backend.api, prisma);
      await expectOk(user.api.put('/v1/profile', PROFILE), 'saving the profile');
      const form = new FormData();
      form.set(
        'file',
        new Blob([new Uint8Array(minimalPdf('Ada Lovelace - Resume'))], { type: 'application/pdf' }),
        'ada-resume.pdf',
      );
      await expectOk(user.api.request('POST', '/v1/profile/resumes', undefined, { raw: form }), 'uploading a resume');
      // The applicant's own answer sheet, and what they replied when asked these forms' own questions.
      const answers = [
        ...ANSWER_SHEET.map(({ question, answer }) => ({ question, answer })),
        ...postings.flatMap((p) => {
          const spec = formSpec(p.ats, p.externalId);
          const replies = earlierReplies(spec);
          return spec.fields.flatMap((f) =>
            f.asks.kind === 'question' && replies[f.asks.key] !== undefined
              ? [{ question: f.asks.label, answer: replies[f.asks.key]! }]
              : [],
          );
        }),
      ];
      await expectOk(user.api.put('/v1/profile/answers', { answers }), 'saving answers');
      return { userId: user.user.id, accessToken: user.accessToken, api: user.api };
    },
    async pairedAgentDir(applicant) {
      const dir = await mkdtemp(join(tmpdir(), 'jsa-'));
      dirs.push(dir);
      const start = await applicant.api.post<PairStartResponse>('/v1/devices/pair/start');
      const paired = await runAgentCommand(dir, [
        'pair',
        start.body.code,
        '--server',
        backend.node.url,
        '--name',
        'Test laptop',
      ]);
      if (paired.code !== 0) throw new Error(`pairing failed:\n${paired.output}`);
      await chromium.prepareAgentDir(dir);
      return dir;
    },
    startAgent(agentDir, args = [], agentEnv = {}) {
      const agent = new AgentProcess(agentDir, args, { JOBSWIPE_CHROME: chromium.executable, ...agentEnv });
      agents.push(agent);
      return agent;
    },
    stopAgents,
    async close() {
      await stopAgents();
      await Promise.all([backend.close(), ats.close()]);
      await chromium.remove();
      // A killed agent's browser may still be writing its profile for a moment.
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })));
    },
  };
}

async function expectOk(response: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const res = await response;
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Right-swipes these jobs as the applicant; returns the application ids in order. */
export async function swipeRight(applicant: Applicant, jobs: Job[]): Promise<string[]> {
  const ids: string[] = [];
  for (const job of jobs) {
    const res = await applicant.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    if (!res.body.application) throw new Error(`swipe failed: ${JSON.stringify(res.body)}`);
    ids.push(res.body.application.id);
  }
  return ids;
}
