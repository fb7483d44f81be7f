// Before a right-swipe's transaction: the answers it carries are checked against the form's known
// questions and saved to the profile like any saved answer, then the questions the user still
// owes (the engine's answer policy on the profile and saved answers) are what the application
// will wait on in NEEDS_ATTENTION. The answers are saved in their own transaction first: they
// are the user's whatever becomes of the swipe, and a replayed swipe saves the same again.
import { type AnswersBody, answerMismatch, normalizeQuestion, type Question } from '@jobswipe/protocol';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { loadApplicant, owedQuestions, storedForm } from '../jobs/owed-questions.ts';
import { saveAnswers } from '../profile/saved-answers.ts';

/** The required questions the application must wait on, or null when the form is unknown or nothing is owed. */
export async function owedAtSwipe(
  ctx: AppContext,
  userId: string,
  jobId: string,
  answers: AnswersBody['answers'] | undefined,
): Promise<Question[] | null> {
  const prisma = ctx.db.prisma;
  const job = await prisma.job.findUnique({
    where: { id: jobId },
    select: { company: true, country: true, form: true },
  });
  // No such job: the swipe transaction says so.
  if (!job) return null;
  const form = storedForm(job.form);
  if (answers?.length) {
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
  // Jobs whose form was never read cost the swipe nothing more.
  if (!form) return null;
  const owed = owedQuestions(form, await loadApplicant(prisma, userId), job);
  return owed.checked && owed.owed.length ? owed.owed : null;
}
