// When what limits a user changes (a new plan, another execution preference), the applications
// waiting on quota are due at once: the scheduler reserves again under the new terms, instead of
// leaving them parked until tomorrow or next month.
import type { Tx } from '@jobswipe/db';

export async function reconsiderWaiting(tx: Tx, userId: string): Promise<number> {
  return tx.$executeRaw`
    update applications set available_at = now(), updated_at = now()
    where user_id = ${userId}::uuid and status in ('WAITING_QUOTA', 'SCHEDULED') and available_at > now()`;
}
