// A new password (sign-up, reset) must resist guessing: zxcvbn's estimate, with its lists of
// common passwords, words and names, of at least MIN_SCORE, and the same again once every part of
// the account's email is taken out of it (the estimator alone rates "alice.smith2024" strong for
// alice.smith@example.com, since it reads the punctuated address as random characters).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../http/errors.ts';

/** zxcvbn's 0–4 scale: 3 is "safely unguessable", about 10^8 guesses. */
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});

/** The email, its local part, the pieces of the local part and the domain's name, lower case. */
function emailParts(email: string): string[] {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const pieces = local.split(/[^a-z]+/).filter((p) => p.length >= 3);
  const domainName = domain.split('.')[0] ?? '';
  return [email.toLowerCase(), local, ...pieces, domainName, 'jobswipe'].filter((p) => p.length >= 3);
}

function refuse(reason: string): never {
  throw new AppError('validation_failed', `Invalid body: password: ${reason}`, {
    issues: [{ path: 'password', message: reason }],
  });
}

/** Throws a 400 naming what is wrong with `password` as a new password for `email`. */
export function checkNewPassword(password: string, email: string): void {
  const parts = emailParts(email);
  let rest = password.toLowerCase();
  for (const part of [...parts].sort((a, b) => b.length - a.length)) rest = rest.split(part).join('');
  if (rest !== password.toLowerCase() && estimator.check(rest).score < MIN_SCORE)
    refuse('is built from your email address. Choose one that does not contain it.');
  const result = estimator.check(password, parts);
  if (result.score < MIN_SCORE) {
    const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    refuse(`is too easy to guess. ${advice || 'Use a few uncommon words together.'}`);
  }
}
