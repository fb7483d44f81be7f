// The user's ways back into the queue: retry a FAILED or DEAD application with fresh attempts, or
// answer the questions a NEEDS_ATTENTION application waits on (saved to the profile, so every
// later form asking the same question is answered too).
import type { Application } from '@jobswipe/db';
import {
  type AnswerBody,
  accountPasswordHost,
  answerMismatch,
  isAccountPasswordText,
  normalizeQuestion,
  Question,
} from '@jobswipe/protocol';
import { z } from 'zod';
import type { SecretBox } from '../accounts/secret-box.ts';
import { saveSiteAccount } from '../accounts/site-accounts.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { saveAnswers } from '../profile/saved-answers.ts';
import type { GraceRelease } from '../swipes/grace-release.ts';
import { lockApplication } from './lock-application.ts';
import { type ApplicationChanges, transition } from './transition.ts';
import { saidItWentThrough, VERIFY_QUESTION } from './verify-question.ts';

/** The user's own retry (`userId`), or an operator's requeue from the dead letters (`operatorId`). */
export function retryApplication(
  uow: UnitOfWork,
  req: { applicationId: string } & ({ userId: string } | { operatorId: string }),
): Promise<Application> {
  const byUser = 'userId' in req;
  return transition(uow, {
    applicationId: req.applicationId,
    ...(byUser ? { userId: req.userId } : {}),
    name: 'requeue',
    to: 'QUEUED',
    actor: byUser ? `user:${req.userId}` : `operator:${req.operatorId}`,
    message: byUser ? 'Retried by the user.' : 'Requeued by an operator from the dead letters.',
    // A pre-submit checkpoint stays set: the next attempt still checks before submitting again.
    changes: { attempt: 'reset', error: { message: null, errorClass: null }, attention: null, availableAt: new Date() },
  });
}

/**
 * An application waiting since its swipe for the card's answers has never gone out: once they
 * arrive it is held for the user's undo window (their own, else `defaultMs`), as a swipe without
 * questions is, and the grace release is told when it ends.
 */
export interface UndoHold {
  defaultMs: number;
  grace: Pick<GraceRelease, 'announce'>;
}

export async function answerApplication(
  uow: UnitOfWork,
  req: {
    applicationId: string;
    userId: string;
    answers: AnswerBody['answers'];
    secrets: SecretBox;
    undo?: UndoHold;
  },
): Promise<Application> {
  const app = await lockApplication(uow.tx, req.applicationId, req.userId);
  if (app.status !== 'NEEDS_ATTENTION') {
    throw new AppError('invalid_transition', `This application is ${app.status}: it is not waiting for answers.`, {
      status: app.status,
    });
  }
  const given = new Map(req.answers.map((a) => [normalizeQuestion(a.question), a]));
  const asked = z.array(Question).catch([]).parse(app.attention);
  const saved = await uow.tx.savedAnswer.findMany({
    where: { userId: req.userId, questionKey: { in: asked.map((q) => q.key) } },
    select: { questionKey: true },
  });
  const known = new Set([...given.keys(), ...saved.map((s) => s.questionKey)]);
  const missing = asked.filter(
    (q) => q.required && ![q.key, normalizeQuestion(q.key), normalizeQuestion(q.label)].some((k) => known.has(k)),
  );
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `Please answer every required question: ${missing.map((q) => `"${q.label}"`).join(', ')}.`,
      {
        missing,
      },
    );
  }
  // Each answer must fit its question as the form asked it: yes or no, one of its options, a date.
  const misfits = asked.flatMap((q) => {
    const answer = given.get(q.key) ?? given.get(normalizeQuestion(q.label));
    const problem = answer && q.key !== VERIFY_QUESTION.key ? answerMismatch(q, answer.answer) : null;
    return problem ? [{ path: `answers.${req.answers.indexOf(answer!)}.answer`, message: problem }] : [];
  });
  if (misfits.length > 0) {
    throw new AppError('validation_failed', misfits.map((m) => m.message).join(' '), { issues: misfits });
  }
  const actor = `user:${req.userId}`;
  const cleared = { error: { message: null, errorClass: null }, attention: null } as const;
  const requeue = (message: string, changes: ApplicationChanges = {}) =>
    transition(uow, {
      applicationId: app.id,
      userId: req.userId,
      name: 'requeue',
      to: 'QUEUED',
      actor,
      message,
      changes: { ...cleared, availableAt: new Date(), ...changes },
    });
  if (asked.some((q) => q.key === VERIFY_QUESTION.key)) {
    const answer = given.get(VERIFY_QUESTION.key) ?? given.get(normalizeQuestion(VERIFY_QUESTION.label));
    const wentThrough = answer ? saidItWentThrough(answer.answer) : null;
    if (wentThrough === null) {
      throw new AppError('validation_failed', `Answer "${VERIFY_QUESTION.label}" with Yes or No.`);
    }
    if (wentThrough) {
      return transition(uow, {
        applicationId: app.id,
        userId: req.userId,
        name: 'confirm',
        to: 'SUBMITTED',
        actor,
        message: 'The user confirmed the application went through.',
        changes: { ...cleared, confirmation: 'Confirmed by you' },
      });
    }
    return requeue('The user says it did not go through: applying again.', { submittingAt: null });
  }
  // A site's account password is kept sealed, apart from the profile's answers, however the
  // question was written back (the key or the label, in any letter case).
  for (const q of asked) {
    const host = accountPasswordHost(q);
    if (!host) continue;
    const answer = given.get(normalizeQuestion(q.key)) ?? given.get(normalizeQuestion(q.label));
    if (typeof answer?.answer === 'string') await saveSiteAccount(uow.tx, req.secrets, req.userId, host, answer.answer);
  }
  // Any other site password (a site this application did not ask about) is refused there.
  await saveAnswers(
    uow.tx,
    req.userId,
    req.answers.filter((a) => !(isAccountPasswordText(a.question) && asksForIt(asked, a.question))),
  );
  // No executor ever held it (lease token 0): the answers complete its swipe.
  const holdMs = req.undo && app.leaseToken === 0n ? await undoGraceMs(uow, req.userId, req.undo.defaultMs) : 0;
  if (holdMs > 0 && req.undo) {
    const until = new Date(Date.now() + holdMs);
    const { grace } = req.undo;
    uow.afterCommit(() => grace.announce(until));
    return transition(uow, {
      applicationId: app.id,
      userId: req.userId,
      name: 'completeSwipe',
      to: 'GRACE',
      actor,
      message: `Answered ${given.size} question(s); held ${holdMs / 1000} s for undo, then queued.`,
      changes: { ...cleared, availableAt: until },
    });
  }
  return requeue(`Answered ${given.size} question(s); queued again.`);
}

async function undoGraceMs(uow: UnitOfWork, userId: string, defaultMs: number): Promise<number> {
  const user = await uow.tx.user.findUniqueOrThrow({ where: { id: userId }, select: { undoGraceMs: true } });
  return user.undoGraceMs ?? defaultMs;
}

/** Whether `text` is one of the account-password questions the application asked. */
function asksForIt(asked: Question[], text: string): boolean {
  const key = normalizeQuestion(text);
  return asked.some(
    (q) => accountPasswordHost(q) && (normalizeQuestion(q.key) === key || normalizeQuestion(q.label) === key),
  );
}
