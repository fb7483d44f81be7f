// The one model policy on the backend's side: which of an application's open questions a model
// may draft, what it is told, and where the drafts are kept. Sensitive kinds (protocol's list, and
// the engine's answer policy's own judgement) are never sent; nor files and passwords. The prompt
// holds the job and the applicant's work facts only: no name, contact, address, pay, EEO or work
// authorization, no saved answers, no secret. A draft is the user's own: cached per user and
// question, reused without a model call, recorded as the model's. Every call is charged to the
// user's monthly model budget first (model-budget.ts); past it the question goes to the user.
import { decide } from '@jobswipe/automations/core/answer-policy';
import type { ApplicantProfile, ModelAnswersResponse, Question } from '@jobswipe/protocol';
import { answerMismatch, sensitiveKindOf } from '@jobswipe/protocol';
import type { AppContext } from '../context.ts';
import { fieldFacts, loadApplicant } from '../jobs/owed-questions.ts';
import type { Executor } from '../leases/executor.ts';
import { heldApplication } from './held-application.ts';
import { reserveModelCall, tokenEstimate } from './model-budget.ts';
import { askModel, MAX_ANSWER_TOKENS, type ModelSettings } from './model-client.ts';

const NEVER_DRAFTED = new Set<Question['type']>(['file', 'password', 'email', 'tel']);

const SYSTEM =
  'You help a job applicant fill in an application form. Answer the question in the first person, ' +
  'briefly, honestly and professionally, using only the facts given. Reply as JSON: {"answer": "..."}; ' +
  'an empty answer when the facts do not allow an honest one.';

export function modelSettings(ctx: AppContext): ModelSettings | null {
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY } = ctx.config;
  return LLM_BASE_URL && LLM_MODEL ? { baseUrl: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY } : null;
}

/** Whether a model may ever draft an answer to `q`. */
export function draftable(q: Question, profile: ApplicantProfile): boolean {
  if (NEVER_DRAFTED.has(q.type) || sensitiveKindOf(q.label)) return false;
  const input = { profile, answers: {}, files: {}, submits: 0 };
  return !decide(fieldFacts(q), input).sensitive;
}

function prompt(q: Question, profile: ApplicantProfile, job: Record<string, unknown>): string {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const lines = [
    `Job: ${str(job.title)} at ${str(job.company)}.`,
    `About the job: ${str(job.description).slice(0, 1_500)}`,
  ];
  if (profile.currentTitle) lines.push(`Current title: ${profile.currentTitle}`);
  if (profile.currentCompany) lines.push(`Current employer: ${profile.currentCompany}`);
  if (profile.yearsOfExperience !== null) lines.push(`Years of experience: ${profile.yearsOfExperience}`);
  for (const w of profile.workHistory.slice(0, 5)) lines.push(`Worked as ${w.title} at ${w.company}.`);
  for (const e of profile.education.slice(0, 3))
    lines.push(`Studied ${[e.degree, e.field].filter(Boolean).join(' in ') || 'at'} ${e.school}.`);
  lines.push(`Question: ${q.label}`);
  if (q.options?.length) lines.push(`Answer with exactly one of: ${q.options.join(' | ')}`);
  return lines.join('\n');
}

export async function draftAnswers(
  ctx: AppContext,
  executor: Executor,
  req: { applicationId: string; leaseToken: bigint; questions: Question[] },
): Promise<ModelAnswersResponse> {
  const prisma = ctx.db.prisma;
  const app = await heldApplication(ctx, executor, req.applicationId, req.leaseToken);
  const { profile } = await loadApplicant(prisma, app.userId);
  const job = (app.snapshot?.posting ?? {}) as Record<string, unknown>;
  const settings = modelSettings(ctx);
  const cached = new Map(
    (
      await prisma.modelDraft.findMany({
        where: { userId: app.userId, questionKey: { in: req.questions.map((q) => q.key) } },
      })
    ).map((d) => [d.questionKey, d.answer]),
  );
  const out: ModelAnswersResponse = { answers: [], refused: [] };
  for (const q of req.questions) {
    if (!draftable(q, profile)) {
      out.refused.push({ key: q.key, reason: sensitiveKindOf(q.label) ? 'sensitive' : 'not_drafted' });
      continue;
    }
    const earlier = cached.get(q.key);
    if (earlier !== undefined) {
      out.answers.push({ key: q.key, answer: earlier, source: 'ai', cached: true });
      continue;
    }
    if (!settings) {
      out.refused.push({ key: q.key, reason: 'no_model' });
      continue;
    }
    const text = prompt(q, profile, job);
    const charge = await reserveModelCall(
      prisma,
      app.userId,
      tokenEstimate(SYSTEM.length + text.length, MAX_ANSWER_TOKENS),
    );
    if (!charge) {
      out.refused.push({ key: q.key, reason: 'over_budget' });
      continue;
    }
    const { answer, tokens } = await askModel(settings, SYSTEM, text).catch(async (err: unknown) => {
      await charge.settle(0);
      throw err;
    });
    await charge.settle(tokens);
    // An answer the form cannot take (not one of its options) is no answer.
    if (!answer || answerMismatch(q, answer)) {
      out.refused.push({ key: q.key, reason: 'unsure' });
      continue;
    }
    await prisma.modelDraft.upsert({
      where: { userId_questionKey: { userId: app.userId, questionKey: q.key } },
      create: { userId: app.userId, questionKey: q.key, question: q.label, answer, model: settings.model },
      update: { question: q.label, answer, model: settings.model },
    });
    out.answers.push({ key: q.key, answer, source: 'ai', cached: false });
  }
  ctx.log.info(
    { applicationId: app.id, drafted: out.answers.length, refused: out.refused.length },
    'model answers drafted',
  );
  return out;
}
