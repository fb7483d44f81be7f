// Small shared vocabularies. Each list mirrors one Postgres enum in prisma/schema.prisma
// (protocol/test/db-enums.test.ts keeps the two equal).
import { z } from 'zod';

/** Where an application runs: our server workers, or one of the user's own devices. */
export const Lane = z.enum(['server', 'device']);
export type Lane = z.infer<typeof Lane>;

/** The user's choice of where applications may run. */
export const ExecutionPreference = z.enum(['auto', 'device_only', 'server_only']);
export type ExecutionPreference = z.infer<typeof ExecutionPreference>;

export const DeviceKind = z.enum(['desktop', 'extension']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const SwipeDirection = z.enum(['left', 'right']);
export type SwipeDirection = z.infer<typeof SwipeDirection>;

export const UserRole = z.enum(['user', 'operator']);
export type UserRole = z.infer<typeof UserRole>;

export const EvidenceKind = z.enum(['screenshot', 'confirmation_page', 'page_html']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * Why an attempt failed, which decides what happens next:
 * retryable → retry with backoff; blocked → escalate from the server lane to the user's devices;
 * needs_user → NEEDS_ATTENTION until the user answers; permanent → FAILED or EXPIRED.
 */
export const ErrorClass = z.enum(['retryable', 'blocked', 'needs_user', 'permanent']);
export type ErrorClass = z.infer<typeof ErrorClass>;
