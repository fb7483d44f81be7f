// Candidate accounts for the ATSs that have them (Workday's candidate home, the login-wall
// scenario). Passwords are hashed even here: the demo should not teach storing them in clear.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

interface Account {
  email: string;
  salt: Buffer;
  hash: Buffer;
}

export class AccountStore {
  readonly #accounts = new Map<string, Account>();
  readonly #sessions = new Map<string, string>();

  #key(realm: string, email: string): string {
    return `${realm}/${email.trim().toLowerCase()}`;
  }

  exists(realm: string, email: string): boolean {
    return this.#accounts.has(this.#key(realm, email));
  }

  create(realm: string, email: string, password: string): void {
    const salt = randomBytes(16);
    this.#accounts.set(this.#key(realm, email), {
      email: email.trim().toLowerCase(),
      salt,
      hash: scryptSync(password, salt, 32),
    });
  }

  verify(realm: string, email: string, password: string): boolean {
    const account = this.#accounts.get(this.#key(realm, email));
    return account !== undefined && timingSafeEqual(account.hash, scryptSync(password, account.salt, 32));
  }

  /** A new session token for a signed-in account. */
  openSession(realm: string, email: string): string {
    const token = randomBytes(18).toString('base64url');
    this.#sessions.set(token, this.#key(realm, email));
    return token;
  }

  /** The email of the session's account in this realm, if the token is valid there. */
  sessionEmail(realm: string, token: string | undefined): string | null {
    const key = token === undefined ? undefined : this.#sessions.get(token);
    return key?.startsWith(`${realm}/`) ? key.slice(realm.length + 1) : null;
  }
}
