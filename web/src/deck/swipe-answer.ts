// What the server's answer to a swipe means for the user, when it differs from the optimistic
// "applying now" the deck already showed.
import type { SwipeResponse } from '@jobswipe/protocol';
import type { PendingSwipe } from '../offline/swipe-outbox.ts';

export function swipeAnswerNotice(swipe: PendingSwipe, response: SwipeResponse): string | null {
  const status = response.application?.status;
  if (status === 'SCHEDULED') return `Today's limit is reached: ${swipe.job.title} goes out tomorrow.`;
  if (status === 'WAITING_QUOTA') {
    return `This month's limit is used up: ${swipe.job.title} goes out when it renews, or upgrade your plan.`;
  }
  return null;
}
