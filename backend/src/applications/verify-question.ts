// The question an application waits on when an attempt was lost after its final submit and the
// site cannot tell whether it went through (the pre-submit checkpoint): only the user can say.
// "Yes" confirms it SUBMITTED; "No" clears the checkpoint and queues a fresh attempt. The answer
// belongs to this application only, so it is never saved to the profile.
import type { AnswerValue, Question } from '@jobswipe/protocol';

export const VERIFY_QUESTION: Question = {
  key: 'jobswipe did this application go through',
  label: 'Did this application go through? Check your email for a confirmation from the company.',
  type: 'yes_no',
  options: ['Yes', 'No'],
  required: true,
};

/** True for yes, false for no, null when the answer is neither. */
export function saidItWentThrough(answer: AnswerValue): boolean | null {
  const text = (Array.isArray(answer) ? answer[0] : answer)?.toString().trim().toLowerCase();
  if (answer === true || text === 'yes' || text === 'true') return true;
  if (answer === false || text === 'no' || text === 'false') return false;
  return null;
}
