// What a right-swipe decides before its transaction: the required questions of the job's form
// the user still owes (the engine's answer policy on the profile and saved answers, as the card
// showed them), which the application will wait on in NEEDS_ATTENTION.
// Loading the form, the profile and the saved answers for every swipe cost four round trips and
// most of a swipe's time, so each node keeps them in memory under digests the database computes
// (form_digest, applicant_digest). The swipe transaction compares the digests the decision was
// made on with the current ones in its own round trip and writes nothing when they differ
// (`stale`): the node loads what changed and decides again. Any writer (another node, the
// importer, a form scan, the user's own edits) so makes every node's copy stale without telling
// it, and a swipe on what a node already knows costs one round trip. A job the node knows no form
// of is taken to have none: the transaction says otherwise when it has one.
import {
  type AnswersBody,
  answerMismatch,
  type JobQuestions,
  normalizeQuestion,
  type Question,
} from '@jobswipe/protocol';
import { LRUCache } from 'lru-cache';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { type Applicant, loadApplicant, owedQuestions, storedForm } from '../jobs/owed-questions.ts';
import { saveAnswers } from '../profile/saved-answers.ts';

/** What a swipe was decided on (the digests) and the decision: the questions owed, or null. */
export interface SwipeDecision {
  formDigest: string | null;
  applicantDigest: string | null;
  owed: Question[] | null;
}

/** The digests the swipe transaction found when they differed from the decision's. */
export interface StaleDigests {
  form: string | null;
  applicant: string | null;
}

export const NOTHING_OWED: SwipeDecision = { formDigest: null, applicantDigest: null, owed: null };

interface KnownForm {
  digest: string;
  form: JobQuestions | null;
  job: { company: string; country: string | null };
}

interface KnownApplicant {
  digest: string;
  applicant: Applicant;
}

/** Forms kept (a few KB each); jobs beyond it are loaded again when swiped. */
const FORMS_KEPT = 5_000;
/** Applicants kept: the users swiping on this node lately. */
const APPLICANTS_KEPT = 10_000;
/** A profile is personal data: not kept in memory longer than a swiping session needs. */
const APPLICANT_TTL_MS = 10 * 60_000;

export class SwipeQuestions {
  private readonly forms = new LRUCache<string, KnownForm>({ max: FORMS_KEPT });
  private readonly applicants = new LRUCache<string, KnownApplicant>({ max: APPLICANTS_KEPT, ttl: APPLICANT_TTL_MS });

  constructor(private readonly ctx: AppContext) {}

  /** The decision from what this node knows, without a round trip. */
  decide(userId: string, jobId: string): SwipeDecision {
    const known = this.forms.get(jobId);
    if (!known) return NOTHING_OWED;
    const applicant = this.applicants.get(userId);
    // Unknown applicant: the transaction answers stale with its digest, and it is loaded.
    if (!applicant) return { formDigest: known.digest, applicantDigest: null, owed: null };
    const owed = owedQuestions(known.form, applicant.applicant, known.job);
    return {
      formDigest: known.digest,
      applicantDigest: applicant.digest,
      owed: owed.checked && owed.owed.length ? owed.owed : null,
    };
  }

  /**
   * Loads what the transaction found changed. The digests were read before these loads, so a
   * change in between leaves newer data under an older digest: the next check is stale again and
   * loads once more, never the other way round.
   */
  async learn(userId: string, jobId: string, stale: StaleDigests): Promise<void> {
    const loads: Promise<void>[] = [];
    if (stale.form === null) this.forms.delete(jobId);
    else if (this.forms.get(jobId)?.digest !== stale.form) loads.push(this.loadForm(jobId, stale.form));
    if (stale.applicant !== null && this.applicants.get(userId)?.digest !== stale.applicant) {
      loads.push(this.loadApplicant(userId, stale.applicant));
    }
    await Promise.all(loads);
  }

  /**
   * A swipe's answers, checked against the form's known questions as stored now and saved to the
   * profile like any saved answer, in their own transaction: they are the user's whatever becomes
   * of the swipe, and a replayed swipe saves the same again.
   */
  async saveCarried(userId: string, jobId: string, answers: AnswersBody['answers']): Promise<void> {
    const prisma = this.ctx.db.prisma;
    const job = await prisma.job.findUnique({ where: { id: jobId }, select: { form: true } });
    // No such job: the swipe transaction says so.
    if (!job) return;
    const form = storedForm(job.form);
    const misfits = answers.flatMap((a, i) => {
      const q = form?.questions.find((x) => x.key === normalizeQuestion(a.question));
      const problem = q ? answerMismatch(q, a.answer) : null;
      return problem ? [{ path: `answers.${i}.answer`, message: problem }] : [];
    });
    if (misfits.length) {
      throw new AppError('validation_failed', misfits.map((m) => m.message).join(' '), { issues: misfits });
    }
    await prisma.$transaction((tx) => saveAnswers(tx, userId, answers));
  }

  private async loadForm(jobId: string, digest: string): Promise<void> {
    const job = await this.ctx.db.prisma.job.findUnique({
      where: { id: jobId },
      select: { company: true, country: true, form: true },
    });
    if (job) {
      this.forms.set(jobId, {
        digest,
        form: storedForm(job.form),
        job: { company: job.company, country: job.country },
      });
    }
  }

  private async loadApplicant(userId: string, digest: string): Promise<void> {
    this.applicants.set(userId, { digest, applicant: await loadApplicant(this.ctx.db.prisma, userId) });
  }
}
