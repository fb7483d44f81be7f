// The passwords users gave for sites that need an account, sealed at rest. Saved when the user
// answers a site's account question; opened only for the executor holding a lease on an
// application to that site (its work order).
import type { Queryable, Tx } from '@jobswipe/db';
import type { SecretBox } from './secret-box.ts';

export async function saveSiteAccount(
  tx: Tx,
  box: SecretBox,
  userId: string,
  host: string,
  password: string,
): Promise<void> {
  const passwordSealed = box.seal(password);
  await tx.siteAccount.upsert({
    where: { userId_host: { userId, host } },
    create: { userId, host, passwordSealed },
    update: { passwordSealed },
  });
}

/** The password for `host`, or null when there is none (or it cannot be opened any more). */
export async function siteAccountPassword(
  db: Queryable,
  box: SecretBox,
  userId: string,
  host: string,
): Promise<string | null> {
  const row = await db.siteAccount.findUnique({ where: { userId_host: { userId, host } } });
  if (!row) return null;
  try {
    return box.open(row.passwordSealed);
  } catch {
    // Sealed under a key that has since changed: the site will ask again, and the user answer again.
    return null;
  }
}
