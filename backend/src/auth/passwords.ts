// Passwords are stored as Argon2id hashes (memory-hard, OWASP's minimum parameters).
import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read: its value is 2.
const ARGON2ID = 2;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password).catch(() => false);
}

/** Verified against when the email is unknown, so a miss costs as long as a wrong password. */
export const DUMMY_HASH = hash('not-a-real-password', PARAMS);
