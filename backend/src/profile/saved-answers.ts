// Answers the user gave once, keyed by normalizeQuestion(question) so every form asking the same
// question (in other words or casing) finds them.
import type { Prisma, Queryable, Tx } from '@jobswipe/db';
import {
  type AnswersBody,
  type AnswerValue,
  type DeviceAnswersBody,
  type FieldType,
  isAccountPasswordText,
  normalizeQuestion,
  type SavedAnswerView,
  SENSITIVE_KIND_LABELS,
  sensitiveKindOf,
} from '@jobswipe/protocol';
import { AppError } from '../http/errors.ts';

export async function listSavedAnswers(db: Queryable, userId: string): Promise<SavedAnswerView[]> {
  const rows = await db.savedAnswer.findMany({ where: { userId }, orderBy: { questionKey: 'asc' } });
  return rows.map((r) => ({
    questionKey: r.questionKey,
    question: r.question,
    answer: r.answer as AnswerValue,
    ...(r.fieldType ? { type: r.fieldType as FieldType, options: r.options } : {}),
  }));
}

/** A saved answer with the control it was given in, when it came from a form. */
type Entry = AnswersBody['answers'][number] & { type?: FieldType; options?: string[] };

/** Upserts each answer (last one wins for the same key); `answer: null` deletes. Runs inside the
 * caller's transaction so that answering a waiting application and saving the answer are one. */
export async function saveAnswers(tx: Tx, userId: string, entries: Entry[]): Promise<void> {
  const byKey = new Map<string, Entry>();
  entries.forEach((entry, i) => {
    const key = normalizeQuestion(entry.question);
    if (!key) {
      throw new AppError(
        'validation_failed',
        `Invalid body: answers.${i}.question: "${entry.question}" has no letters or digits to match a form's question by.`,
        { issues: [{ path: `answers.${i}.question`, message: 'must contain letters or digits' }] },
      );
    }
    if (isAccountPasswordText(entry.question)) {
      // Saved answers travel in every work order: a site password must never become one.
      throw new AppError(
        'validation_failed',
        `Invalid body: answers.${i}.question: a site's account password is not a saved answer. Give it as the answer to the application that asks for it.`,
        { issues: [{ path: `answers.${i}.question`, message: 'is a site account password question' }] },
      );
    }
    byKey.set(key, entry);
  });
  for (const [questionKey, { question, answer, type, options }] of byKey) {
    if (answer === null) {
      await tx.savedAnswer.deleteMany({ where: { userId, questionKey } });
      continue;
    }
    const value = answer as Prisma.InputJsonValue;
    // An answer edited on the web keeps the control it was first saved from.
    const control = type ? { fieldType: type, options: options ?? [] } : {};
    await tx.savedAnswer.upsert({
      where: { userId_questionKey: { userId, questionKey } },
      create: { userId, questionKey, question, answer: value, ...control },
      update: { question, answer: value, ...control },
    });
  }
}

/**
 * Saves answers the user gave by hand on a form (the extension offers them after the user's
 * submit). A sensitive question is answered only where it is asked, never carried to other forms
 * from a form: it is refused, as is a password (saveAnswers refuses account-password questions).
 */
export async function saveFormAnswers(tx: Tx, userId: string, entries: DeviceAnswersBody['answers']): Promise<void> {
  entries.forEach((entry, i) => {
    const kind = sensitiveKindOf(entry.question);
    if (!kind) return;
    throw new AppError(
      'validation_failed',
      `Invalid body: answers.${i}.question: a question about ${SENSITIVE_KIND_LABELS[kind]} is not saved from a form.`,
      { issues: [{ path: `answers.${i}.question`, message: `is a sensitive question (${kind})` }] },
    );
  });
  await saveAnswers(tx, userId, entries);
}
