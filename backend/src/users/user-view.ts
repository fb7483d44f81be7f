import type { User } from '@jobswipe/db';
import type { UserView } from '@jobswipe/protocol';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    planId: user.planId,
    executionPreference: user.executionPreference,
  };
}
