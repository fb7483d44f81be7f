// The executor protocol: what devices (desktop app, extension) and server workers say to the
// backend and what they hear back, over the WebSocket at /v1/devices/connect or the long-poll
// fallback. docs/protocol.md shows one example of each message.
import { z } from 'zod';
import { ApplicantProfile, ApplyOutcome, ApplyStep, FilledField, Question, SavedAnswers } from './automation.ts';
import { DeviceKind, ErrorClass } from './domain.ts';
import { ErrorCode } from './errors.ts';
import { ApplicationStatus } from './status.ts';

const id = z.string().uuid();
/** Lease tokens are 64-bit integers; JSON carries them as decimal strings. */
/** Lease tokens are Postgres bigints: a larger number can never be a live lease. */
const MAX_LEASE_TOKEN = '9223372036854775807';
export const LeaseToken = z
  .string()
  .regex(/^\d{1,19}$/, 'must be a decimal lease token')
  // Compared as text (same length, digits only) so that a token that is not digits cannot throw here.
  .refine(
    (token) => token.length < MAX_LEASE_TOKEN.length || token <= MAX_LEASE_TOKEN,
    'is larger than any lease token (at most 2^63 - 1)',
  );

export const MAX_FRAME_BYTES = 64 * 1024;
/** Application-level ping period: an MV3 service worker dies after 30 s without events. */
export const PING_INTERVAL_MS = 20_000;
/** Devices of one user connected to one backend node at once; the next is refused (close 4008). */
export const MAX_CONNECTED_DEVICES = 10;

/** Close codes of the device socket besides the standard ones (docs/protocol.md, "Connecting"). */
export const CLOSE_CODES = {
  /** Unknown or revoked device token: do not reconnect with it. */
  unauthenticated: 4003,
  /** No `hello` in time. */
  helloTimeout: 4001,
  /** A newer connection of the same device replaced this one: do not reconnect from here. */
  replaced: 4002,
  /** Too many of the user's devices are connected. */
  tooManyDevices: 4008,
} as const;

// ---- executor → backend ---------------------------------------------------------------------

export const HeldLease = z.object({ applicationId: id, leaseToken: LeaseToken });
export type HeldLease = z.infer<typeof HeldLease>;

export const Hello = z.object({
  type: z.literal('hello'),
  /** The device token (`dt_...`). Sent in the first message because browsers cannot set headers on a WebSocket. */
  token: z.string().min(10).max(200),
  kind: DeviceKind,
  version: z.string().max(50),
  /** How many applications it will run at once; 0 pauses offers. */
  capacity: z.number().int().min(0).max(10),
  /** Applications it still holds from before a disconnect or restart. */
  held: z.array(HeldLease).max(20).default([]),
});

export const Claim = z.object({ type: z.literal('claim'), applicationId: id });

/** An offer the executor cannot take now (it is full): the backend offers it elsewhere at once. */
export const Decline = z.object({ type: z.literal('decline'), applicationId: id });

/** What a heartbeat and a result may carry; executors clip to these so a report is never refused. */
export const REPORT_LIMITS = {
  /** A result's message and confirmation, each. */
  text: 2_000,
  progressMessage: 500,
  unanswered: 50,
  evidence: 20,
  /** Filled fields reported with their provenance, and the characters of each value kept. */
  filled: 200,
  filledValue: 500,
} as const;

export const Heartbeat = z.object({
  type: z.literal('heartbeat'),
  applicationId: id,
  leaseToken: LeaseToken,
  step: ApplyStep,
  percent: z.number().int().min(0).max(100),
  message: z.string().max(REPORT_LIMITS.progressMessage).optional(),
});

export const Result = z.object({
  type: z.literal('result'),
  applicationId: id,
  leaseToken: LeaseToken,
  outcome: ApplyOutcome,
  errorClass: ErrorClass.nullable(),
  message: z.string().max(REPORT_LIMITS.text).nullable(),
  confirmation: z.string().max(REPORT_LIMITS.text).nullable(),
  /** Questions it could not answer (outcome needs_attention). */
  unanswered: z.array(Question).max(REPORT_LIMITS.unanswered).default([]),
  /** Evidence uploaded for this attempt with POST /v1/applications/:id/evidence. */
  evidenceIds: z.array(id).max(REPORT_LIMITS.evidence).default([]),
  /** What the attempt filled and where each answer came from (a profile field, a saved answer). */
  filled: z.array(FilledField).max(REPORT_LIMITS.filled).default([]),
  /** The form refused the final submit: nothing was submitted, the `submitting` checkpoint is cleared. */
  submitRefused: z.boolean().default(false),
});

/** The longest an executor may put an application it hands back off for: an hour. */
export const MAX_RELEASE_DELAY_MS = 3_600_000;

/**
 * Hands an application back without an outcome: at once (shutdown, or it cannot resume it), or
 * after `retryInMs` (the site's rate limit has no slot for that long), the attempt not counted.
 */
export const Release = z.object({
  type: z.literal('release'),
  applicationId: id,
  leaseToken: LeaseToken,
  reason: z.string().max(500),
  retryInMs: z.number().int().min(0).max(MAX_RELEASE_DELAY_MS).optional(),
});

export const SetCapacity = z.object({ type: z.literal('capacity'), capacity: z.number().int().min(0).max(10) });
export const Ping = z.object({ type: z.literal('ping'), at: z.number().optional() });
export const Pong = z.object({ type: z.literal('pong'), at: z.number().optional() });

export const ExecutorMessage = z.discriminatedUnion('type', [
  Hello,
  Claim,
  Decline,
  Heartbeat,
  Result,
  Release,
  SetCapacity,
  Ping,
  Pong,
]);
export type ExecutorMessage = z.infer<typeof ExecutorMessage>;
export type HelloMessage = z.infer<typeof Hello>;
export type HeartbeatMessage = z.infer<typeof Heartbeat>;
export type ResultMessage = z.infer<typeof Result>;
export type ReleaseMessage = z.infer<typeof Release>;

// ---- backend → executor ---------------------------------------------------------------------

export const JobSummary = z.object({
  title: z.string(),
  company: z.string(),
  atsKind: z.string(),
  applyUrl: z.string(),
});

export const Welcome = z.object({
  type: z.literal('welcome'),
  deviceId: id,
  serverTime: z.string(),
  pingIntervalMs: z.number().int(),
  leaseMs: z.number().int(),
});

export const Offer = z.object({
  type: z.literal('offer'),
  applicationId: id,
  job: JobSummary,
  attempt: z.number().int(),
});

export const Claimed = z.object({
  type: z.literal('claimed'),
  applicationId: id,
  leaseToken: LeaseToken,
  leaseExpiresAt: z.string(),
  attempt: z.number().int(),
  correlationId: id,
  /** An earlier attempt reached the final submit and was lost: check before submitting again. */
  verifyFirst: z.boolean(),
  job: z.record(z.string(), z.unknown()),
  profile: ApplicantProfile,
  answers: SavedAnswers,
  /** Download URL of the resume, valid while the lease is. */
  resumeUrl: z.string().nullable(),
  resumeFileName: z.string().nullable(),
  /**
   * The user's account on the job's site, when the site needs one and the user gave a password;
   * `host` is the exact host (host:port) it was given for, the only one it may be typed on.
   */
  account: z.object({ email: z.string(), password: z.string(), host: z.string() }).nullable().default(null),
  /**
   * The user reviews model-drafted answers: a run that filled any stops before the final submit
   * and hands them back as questions carrying the drafts (outcome needs_attention).
   */
  reviewDrafts: z.boolean().default(false),
  /**
   * The backend has a model (LLM_BASE_URL, LLM_MODEL) and relays its calls for this lease: an
   * executor with a CDP page may drive unfamiliar widgets through it (docs/protocol.md, model relay).
   */
  modelRelay: z.boolean().default(false),
});

/** What the engine needs to know about the job itself: the company (questions name it) and its country. */
export interface JobContext {
  company: string | null;
  /** ISO 3166 alpha-2, parsed from the location at import; null when the location names none. */
  country: string | null;
}

/** The job context of a work order's posting snapshot (a snapshot taken before countries were stored has none). */
export function jobContextOf(job: ClaimedMessage['job']): JobContext {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return { company: str(job.company), country: str(job.country) };
}

export const RejectReason = z.enum(['taken', 'not_available', 'not_found', 'over_capacity']);
export const Rejected = z.object({
  type: z.literal('rejected'),
  applicationId: id,
  reason: RejectReason,
  message: z.string(),
});

export const Lease = z.object({
  type: z.literal('lease'),
  applicationId: id,
  leaseToken: LeaseToken,
  leaseExpiresAt: z.string(),
});

/** Fenced out: the application is no longer this executor's. Stop working on it now. */
export const Lost = z.object({ type: z.literal('lost'), applicationId: id, message: z.string() });

export const Ack = z.object({ type: z.literal('ack'), applicationId: id, status: ApplicationStatus });

/** The user cancelled an application this executor holds: stop (before the final submit). */
export const Cancel = z.object({ type: z.literal('cancel'), applicationId: id, reason: z.string() });

export const ErrorFrame = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  /** The type of the message that caused it, when known. */
  ref: z.string().optional(),
  applicationId: id.optional(),
});

export const BackendMessage = z.discriminatedUnion('type', [
  Welcome,
  Offer,
  Claimed,
  Rejected,
  Lease,
  Lost,
  Ack,
  Cancel,
  ErrorFrame,
  Ping,
  Pong,
]);
export type BackendMessage = z.infer<typeof BackendMessage>;
export type OfferMessage = z.infer<typeof Offer>;
export type ClaimedMessage = z.infer<typeof Claimed>;
export type ErrorFrameMessage = z.infer<typeof ErrorFrame>;

/** POST /v1/devices/poll (long-poll fallback): the same hello, answered with the same messages. */
export const PollBody = Hello.omit({ type: true, token: true }).extend({
  /** How long to wait for work when there is none, ms. */
  waitMs: z.number().int().min(0).max(30_000).default(25_000),
});
export const PollResponse = z.object({ messages: z.array(BackendMessage) });
