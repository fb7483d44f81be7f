// Questions learned from a real application: steps no scan could see (behind an account or a
// validating POST, as on Workday) show themselves to the first executor that applies, and the
// required ones it could not answer are kept with the job for every later user's card. A board
// API's complete list is the form's own word and is left alone; a site's account password and
// the "did it go through?" check are about one user, never about the form.
import type { Tx } from '@jobswipe/db';
import { accountPasswordHost, type FormQuestion, type Question } from '@jobswipe/protocol';
import { VERIFY_QUESTION } from '../applications/verify-question.ts';
import { storedForm } from './owed-questions.ts';

export async function learnQuestions(tx: Tx, jobId: string, asked: Question[]): Promise<void> {
  const learned = asked.filter((q) => q.key !== VERIFY_QUESTION.key && !accountPasswordHost(q));
  if (!learned.length) return;
  // Locked, so two results for one job merge rather than overwrite each other.
  await tx.$executeRaw`select 1 from jobs where id = ${jobId}::uuid for no key update`;
  const row = await tx.jobForm.findUnique({ where: { jobId } });
  const form = storedForm(row);
  if (form?.source === 'board_api' && form.complete) return;
  const known = new Set(form?.questions.map((q) => q.key));
  const lastStep = Math.max(0, ...(form?.questions.map((q) => q.step) ?? []));
  const added: FormQuestion[] = learned
    .filter((q) => !known.has(q.key))
    .map((q) => ({
      key: q.key,
      label: q.label,
      type: q.type,
      ...(q.options?.length ? { options: q.options } : {}),
      required: q.required,
      hints: '',
      // Past what the scan saw: a later step (its exact number is not reported).
      step: form ? lastStep + 1 : 0,
    }));
  if (!added.length) return;
  const questions = [...(form?.questions ?? []), ...added];
  // Still incomplete: other users may lack answers this applicant's profile gave.
  await tx.jobForm.upsert({
    where: { jobId },
    create: { jobId, source: 'application', complete: false, questions },
    update: { source: 'application', complete: false, questions, checkedAt: new Date() },
  });
}
