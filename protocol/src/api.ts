// REST bodies and answers of the /v1 API. The backend validates requests with these schemas and
// the web client types its calls with them, so both sides read one definition.
import { z } from 'zod';
import {
  AnswerValue,
  ApplicantProfile,
  EducationEntry,
  FieldType,
  FilledField,
  Question,
  SavedAnswers,
  WorkEntry,
} from './automation.ts';
import { DeviceKind, ErrorClass, ExecutionPreference, Lane, SwipeDirection, UserRole } from './domain.ts';
import { OwedQuestions } from './form-questions.ts';
import { JOB_TYPES, SENIORITIES } from './job-catalog.ts';
import { ApplicationStatus } from './status.ts';

const email = z.string().trim().toLowerCase().email('must be an email address').max(320);
const uuid = z.string().uuid('must be a UUID');

/** The `:id` of a path like /v1/devices/:id. */
export const IdParams = z.object({ id: uuid });
export type IdParams = z.infer<typeof IdParams>;

// ---- auth -----------------------------------------------------------------------------------

const newPassword = z.string().min(10, 'must be at least 10 characters').max(200);

export const SignupBody = z.object({ email, password: newPassword });
export type SignupBody = z.infer<typeof SignupBody>;

/** POST /v1/auth/signup with mail set up: the same answer for every address; the mail says the rest. */
export const SignupSent = z.object({ sent: z.literal(true) });
export type SignupSent = z.infer<typeof SignupSent>;

/** POST /v1/auth/signup/confirm: the token from the mailed sign-up link. */
export const SignupConfirmBody = z.object({ token: z.string().min(20).max(200) });
export type SignupConfirmBody = z.infer<typeof SignupConfirmBody>;

export const LoginBody = z.object({ email, password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

/** POST /v1/auth/password/forgot: mails a reset link if an account has this email (the answer never says). */
export const ForgotPasswordBody = z.object({ email });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;

/** POST /v1/auth/password/reset: the token from the mailed link and the new password. */
export const ResetPasswordBody = z.object({ token: z.string().min(20).max(200), password: newPassword });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** The refresh token comes in the body (apps) or in the httpOnly cookie (the web site). */
export const RefreshBody = z.object({ refreshToken: z.string().min(20).max(200).optional() });
export type RefreshBody = z.infer<typeof RefreshBody>;

export const UserView = z.object({
  id: uuid,
  email: z.string(),
  role: UserRole,
  planId: z.string(),
  executionPreference: ExecutionPreference,
});
export type UserView = z.infer<typeof UserView>;

export const AuthResponse = z.object({
  user: UserView,
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

// ---- profile --------------------------------------------------------------------------------

const ProfileFields = ApplicantProfile.extend({
  /** Which onboarding step the user reached, so leaving halfway keeps the place. */
  onboardingStep: z.number().int().min(0).max(20).default(0),
});

/**
 * PUT /v1/profile: the fields to save. Fields left out keep their saved values, so onboarding can
 * save each step as it goes; an unknown field is refused rather than silently dropped.
 */
export const ProfileBody = ProfileFields.partial().strict();
export type ProfileBody = z.infer<typeof ProfileBody>;

export const ResumeView = z.object({
  id: uuid,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  checksum: z.string(),
  createdAt: z.string(),
});
export type ResumeView = z.infer<typeof ResumeView>;

/** GET /v1/profile: every field (defaults where never saved) and the default resume. */
export const ProfileView = ProfileFields.extend({ resume: ResumeView.nullable(), updatedAt: z.string().nullable() });
export type ProfileView = z.infer<typeof ProfileView>;

/**
 * GET /v1/profile/resumes/:id/experience: the work history and education read from a resume's
 * text, for the user to correct and confirm (PUT /v1/profile saves what they confirm).
 */
export const ResumeExperience = z.object({
  workHistory: z.array(WorkEntry),
  education: z.array(EducationEntry),
});
export type ResumeExperience = z.infer<typeof ResumeExperience>;

export const SavedAnswerView = z.object({
  questionKey: z.string(),
  question: z.string(),
  answer: AnswerValue,
  /** The control the question came with and its choices, when it was saved from a form (the autofill). */
  type: FieldType.optional(),
  options: z.array(z.string()).optional(),
});
export type SavedAnswerView = z.infer<typeof SavedAnswerView>;

/** GET and PUT /v1/profile/answers answer with every saved answer, by question key. */
export const AnswersView = z.object({ answers: z.array(SavedAnswerView) });
export type AnswersView = z.infer<typeof AnswersView>;

/** PUT /v1/profile/answers: upserts these; `answer: null` deletes a saved answer. */
export const AnswersBody = z.object({
  answers: z
    .array(z.object({ question: z.string().trim().min(1).max(1_000), answer: AnswerValue.nullable() }))
    .max(200),
});
export type AnswersBody = z.infer<typeof AnswersBody>;

// ---- jobs -----------------------------------------------------------------------------------

export const JobView = z.object({
  id: uuid,
  company: z.string(),
  title: z.string(),
  location: z.string(),
  /** ISO 3166 alpha-2 country of the location, parsed at import; null when it names none or several. */
  country: z.string().length(2).nullable(),
  remote: z.boolean(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  salaryCurrency: z.string().nullable(),
  description: z.string(),
  keyPoints: z.array(z.string()),
  applyUrl: z.string(),
  atsKind: z.string(),
  postedAt: z.string(),
  /** Full-time, contract, …: as the board publishes it; null when it does not. */
  employmentType: z.enum(JOB_TYPES).nullable(),
  /** The level the title states (job-catalog.ts); null when it states none. */
  seniority: z.enum(SENIORITIES).nullable(),
  /** Skills the posting names, from one vocabulary (job-catalog.ts). */
  skills: z.array(z.string()),
  /** The company's logo, where the board publishes one. */
  logoUrl: z.string().nullable(),
  /** Set once the posting closed; the deck never shows closed jobs. */
  closedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const DeckQuery = z.object({
  q: z.string().trim().max(200).optional(),
  location: z.string().trim().max(200).optional(),
  remote: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  salaryMin: z.coerce.number().int().min(0).max(10_000_000).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type DeckQuery = z.input<typeof DeckQuery>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * A deck card (and GET /v1/jobs/:id): the job, and what the caller still owes its form (the
 * required questions to ask before or at the swipe, so the application goes straight through).
 */
export const DeckCard = JobView.extend({ questions: OwedQuestions });
export type DeckCard = z.infer<typeof DeckCard>;

/** GET /v1/jobs/deck: pass `nextCursor` back as `cursor` for the next page; null at the end. */
export const DeckPage = Page(DeckCard);
export type DeckPage = z.infer<typeof DeckPage>;

// ---- swipes and applications ----------------------------------------------------------------

export const SwipeBody = z.object({
  jobId: uuid,
  direction: SwipeDirection,
  /**
   * A right-swipe's answers to the card's questions (`questions.owed`), saved to the profile like
   * any saved answer. Without them the swipe is still accepted: the application waits in
   * NEEDS_ATTENTION for the questions it owes.
   */
  answers: z
    .array(z.object({ question: z.string().trim().min(1).max(1_000), answer: AnswerValue }))
    .max(50)
    .optional(),
  idempotencyKey: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[\w-]+$/, 'letters, digits, - and _ only')
    .optional(),
});
export type SwipeBody = z.infer<typeof SwipeBody>;

export const ApplicationSummary = z.object({
  id: uuid,
  jobId: uuid,
  status: ApplicationStatus,
  lane: Lane,
  priority: z.number().int(),
  attempt: z.number().int(),
  maxAttempts: z.number().int(),
  availableAt: z.string(),
  executor: z.string().nullable(),
  progressStep: z.string().nullable(),
  progressPct: z.number().int().nullable(),
  lastError: z.string().nullable(),
  errorClass: ErrorClass.nullable(),
  attention: z.array(Question).nullable(),
  confirmation: z.string().nullable(),
  correlationId: uuid,
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  /**
   * While the application is held for the user's undo grace period (status GRACE): when that ends.
   * Until then undo (DELETE /v1/swipes/:jobId) always succeeds and no executor is offered it; at
   * that time it is queued. Null otherwise.
   */
  undoUntil: z.string().nullable(),
  /** The user submitted it themselves on a form the extension's autofill filled (no executor ran). */
  byHand: z.boolean(),
  job: z.object({ title: z.string(), company: z.string(), location: z.string(), atsKind: z.string() }),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const SwipeResponse = z.object({
  swipe: z.object({ id: uuid, jobId: uuid, direction: SwipeDirection, createdAt: z.string() }),
  application: ApplicationSummary.nullable(),
  /** False when this swipe already existed (the same job swiped again, or a replayed request). */
  created: z.boolean(),
});
export type SwipeResponse = z.infer<typeof SwipeResponse>;

export const ApplicationEventView = z.object({
  id: z.string(),
  type: z.string(),
  fromStatus: ApplicationStatus.nullable(),
  toStatus: ApplicationStatus.nullable(),
  step: z.string().nullable(),
  percent: z.number().int().nullable(),
  message: z.string().nullable(),
  actor: z.string(),
  attempt: z.number().int(),
  createdAt: z.string(),
});
export type ApplicationEventView = z.infer<typeof ApplicationEventView>;

export const EvidenceView = z.object({
  id: uuid,
  attempt: z.number().int(),
  kind: z.string(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ApplicationDetail = ApplicationSummary.extend({
  snapshot: z.record(z.string(), z.unknown()).nullable(),
  /** What the last attempt that reported filled on the form, and where each answer came from. */
  filled: z.array(FilledField),
  events: z.array(ApplicationEventView),
  evidence: z.array(EvidenceView),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ApplicationsQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(ApplicationStatus))
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** POST /v1/applications/:id/answer: answers to the questions the application waits on. */
export const AnswerBody = z.object({
  answers: z
    .array(z.object({ question: z.string().trim().min(1).max(1_000), answer: AnswerValue }))
    .min(1)
    .max(50),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

// ---- plans, settings, billing ---------------------------------------------------------------

export const PlanView = z.object({
  id: z.string(),
  name: z.string(),
  serverPerMonth: z.number().int().nullable(),
  totalPerMonth: z.number().int().nullable(),
  dailyLimit: z.number().int().nullable(),
  priceCents: z.number().int(),
  /** Model calls (drafted answers, widget actions) per month; null: no limit. */
  modelCallsPerMonth: z.number().int().nullable(),
  /** Model tokens per month; null: no limit. */
  modelTokensPerMonth: z.number().int().nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

/** The caller's Stripe subscription, when they have one. */
export const SubscriptionView = z.object({
  status: z.string(),
  /** When the paid period ends: renewed then, or (cancelAtPeriodEnd) the plan falls back to Free. */
  currentPeriodEnd: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/**
 * What the next right-swipe does: goes out now on our servers or on the user's devices, or waits
 * for tomorrow (daily limit) or next month (monthly limit, or server-only with the server share used).
 */
export const NextSwipe = z.enum(['server', 'device', 'tomorrow', 'next_month']);
export type NextSwipe = z.infer<typeof NextSwipe>;

export const UsageView = z.object({
  plan: PlanView,
  plans: z.array(PlanView),
  subscription: SubscriptionView.nullable(),
  usage: z.object({
    serverThisMonth: z.number().int(),
    totalThisMonth: z.number().int(),
    today: z.number().int(),
    /** Model calls and tokens used this month; past the plan's limits questions go to the user. */
    modelCallsThisMonth: z.number().int(),
    modelTokensThisMonth: z.number().int(),
  }),
  executionPreference: ExecutionPreference,
  /** How long a right-swipe is held for undo before any executor is offered it (the user's, else the default). */
  undoGraceMs: z.number().int(),
  /** Answers a model drafted wait for the user to accept or edit them before the final submit. */
  reviewDrafts: z.boolean(),
  nextSwipe: NextSwipe,
  /** Devices paired and not revoked: with none, work for "your devices" waits. */
  devicesPaired: z.number().int(),
});
export type UsageView = z.infer<typeof UsageView>;

/** The longest undo grace period a user may choose. */
export const UNDO_GRACE_MAX_MS = 60_000;

/** PUT /v1/settings: the settings to change; those left out keep their values. */
export const SettingsBody = z
  .object({
    executionPreference: ExecutionPreference.optional(),
    undoGraceMs: z
      .number()
      .int('must be whole milliseconds')
      .min(0, 'must be 0 (no undo window) or more')
      .max(UNDO_GRACE_MAX_MS, `must be at most ${UNDO_GRACE_MAX_MS} (one minute)`)
      .optional(),
    reviewDrafts: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'give at least one of executionPreference, undoGraceMs, reviewDrafts',
  });
export type SettingsBody = z.infer<typeof SettingsBody>;

export const CheckoutBody = z.object({
  planId: z.enum(['basic', 'pro', 'premium', 'enterprise']),
  successUrl: z.string().url().optional(),
  cancelUrl: z.string().url().optional(),
});
export type CheckoutBody = z.infer<typeof CheckoutBody>;

/**
 * POST /v1/billing/checkout's answer: a first subscription is paid on Stripe's Checkout page
 * (`url`, go there); a subscriber's subscription is moved to the plan at once, the difference
 * charged or credited pro rata, and `usage` shows the new plan.
 */
export const CheckoutResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('checkout'), url: z.string() }),
  z.object({ kind: z.literal('changed'), usage: UsageView }),
]);
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

/** POST /v1/billing/portal: where to return from Stripe's customer portal (default: the plan page). */
export const PortalBody = z.object({ returnUrl: z.string().url().optional() });
export type PortalBody = z.infer<typeof PortalBody>;

/** Stripe's customer portal for the caller: cards and invoices. */
export const PortalResponse = z.object({ url: z.string() });
export type PortalResponse = z.infer<typeof PortalResponse>;

// ---- devices --------------------------------------------------------------------------------

/** POST /v1/devices/pair/start: the code to type into the app; `pairingId` to wait on it. */
export const PairStartResponse = z.object({ pairingId: uuid, code: z.string(), expiresAt: z.string() });
export type PairStartResponse = z.infer<typeof PairStartResponse>;

export const PairCompleteBody = z.object({
  code: z.string().trim().toUpperCase().min(6).max(20),
  kind: DeviceKind,
  name: z.string().trim().min(1).max(100),
  /** The app's or extension's version, shown in the devices list. */
  version: z.string().trim().min(1).max(50).optional(),
});
export type PairCompleteBody = z.infer<typeof PairCompleteBody>;

/** The device token is shown once: only its hash is stored. */
export const PairCompleteResponse = z.object({ deviceId: uuid, deviceToken: z.string() });
export type PairCompleteResponse = z.infer<typeof PairCompleteResponse>;

export const DeviceView = z.object({
  id: uuid,
  kind: DeviceKind,
  name: z.string(),
  version: z.string().nullable(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DeviceList = z.object({ devices: z.array(DeviceView) });
export type DeviceList = z.infer<typeof DeviceList>;

/** GET /v1/devices/pair/:pairingId: what the web shows while the user types the code. */
export const PairingStatus = z.object({
  pairingId: uuid,
  status: z.enum(['pending', 'completed', 'expired']),
  expiresAt: z.string(),
  device: DeviceView.nullable(),
});
export type PairingStatus = z.infer<typeof PairingStatus>;

// ---- the device-scoped API (device token; the device's own user only) -------------------------

/** GET /v1/devices/me: the calling device and whose account it is paired to. */
export const DeviceSelf = z.object({ device: DeviceView, user: z.object({ id: uuid, email: z.string() }) });
export type DeviceSelf = z.infer<typeof DeviceSelf>;

/** What GET /v1/devices/me/queue lists: applications still on their way (held, queued or waiting). */
export const DEVICE_QUEUE_STATUSES = [
  'CLAIMED',
  'RUNNING',
  'QUEUED',
  'GRACE',
  'RETRY_SCHEDULED',
  'SCHEDULED',
  'WAITING_QUOTA',
] as const satisfies readonly ApplicationStatus[];

export const DeviceQueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export type DeviceQueueQuery = z.infer<typeof DeviceQueueQuery>;

/**
 * GET /v1/devices/me/queue: the user's applications on their way, held ones first, then by when
 * they become available; `total` counts them all when `items` stops at the limit.
 */
export const DeviceQueue = z.object({ items: z.array(ApplicationSummary), total: z.number().int() });
export type DeviceQueue = z.infer<typeof DeviceQueue>;

/**
 * GET /v1/devices/me/questions: the user's applications in NEEDS_ATTENTION, oldest first, each with
 * the questions it waits on (`attention`); answer them with POST /v1/devices/me/applications/:id/answer
 * (body AnswerBody, as the web's /v1/applications/:id/answer).
 */
export const DeviceQuestions = z.object({ items: z.array(ApplicationSummary) });
export type DeviceQuestions = z.infer<typeof DeviceQuestions>;

/**
 * GET /v1/devices/me/autofill: what the extension's autofill fills a form the user opened with:
 * the profile, the saved answers and a link to the default resume (valid for a few minutes).
 */
/** GET /v1/devices/me/autofill?url=: the page the form is on (its job tells the engine the company and country). */
export const DeviceAutofillQuery = z.object({ url: z.string().max(2_000).optional() });
export type DeviceAutofillQuery = z.infer<typeof DeviceAutofillQuery>;

export const DeviceAutofill = z.object({
  profile: ApplicantProfile,
  answers: SavedAnswers,
  resumeUrl: z.string().nullable(),
  resumeFileName: z.string().nullable(),
  /**
   * The catalog's job whose apply URL is the page, or a page one or two path segments above it
   * (null for a page JobSwipe does not know): its
   * company and ISO country answer "authorized to work in the country of this job" questions.
   */
  job: z.object({ company: z.string().nullable(), country: z.string().nullable() }).nullable(),
});
export type DeviceAutofill = z.infer<typeof DeviceAutofill>;

/**
 * POST /v1/devices/me/applications/by-hand: the user submitted a form the autofill filled. The job
 * is the catalog's job with this apply URL or one created from the page (title, company, URL);
 * the application enters SUBMITTED, applied by hand. Idempotent: the user's live application for
 * that job is answered again (`created: false`), never a second one.
 */
export const ByHandBody = z.object({
  /** The page the form was filled on. */
  url: z
    .string()
    .trim()
    .max(2_000)
    .url('must be a web address')
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) address'),
  title: z.string().trim().min(1, 'must name the job').max(300),
  company: z.string().trim().min(1, 'must name the company').max(200),
  /** The ATS the form belongs to (the engine's detection), or "generic". */
  atsKind: z.string().trim().min(1).max(40),
  /** The confirmation the page showed after the user's submit. */
  confirmation: z.string().max(2_000).nullable().default(null),
});
export type ByHandBody = z.infer<typeof ByHandBody>;

export const ByHandResponse = z.object({ application: ApplicationSummary, created: z.boolean() });
export type ByHandResponse = z.infer<typeof ByHandResponse>;

/**
 * POST /v1/devices/me/answers: answers the user gave by hand on a form the autofill filled, which
 * they chose to save for future forms, with the question's control type and choices. Never a
 * sensitive question (protocol/src/sensitive.ts) nor a password: those are refused. Answers with
 * the saved answers (an AnswersView of these).
 */
export const DeviceAnswersBody = z.object({
  answers: z
    .array(
      z.object({
        question: z.string().trim().min(1).max(1_000),
        answer: AnswerValue,
        type: FieldType.exclude(['password', 'file']),
        options: z.array(z.string().max(1_000)).max(200).default([]),
      }),
    )
    .min(1)
    .max(50),
});
export type DeviceAnswersBody = z.infer<typeof DeviceAnswersBody>;

// ---- ops ------------------------------------------------------------------------------------

export const QueueStats = z.object({
  counts: z.array(z.object({ status: ApplicationStatus, lane: Lane, count: z.number().int() })),
  oldestQueuedAgeSeconds: z.number().nullable(),
  devicesOnline: z.number().int(),
});
export type QueueStats = z.infer<typeof QueueStats>;

/** GET /readyz: Postgres must answer; without Redis the node still serves, degraded. */
export const Readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  postgres: z.enum(['ready', 'down']),
  redis: z.enum(['ready', 'degraded']),
});
export type Readiness = z.infer<typeof Readiness>;

/** GET /v1/queue/dead (operators): applications that used up their attempts. */
export const DeadLettersQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const DeadLetter = z.object({
  id: uuid,
  userEmail: z.string(),
  job: z.object({ title: z.string(), company: z.string(), applyUrl: z.string() }),
  lane: Lane,
  attempt: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  errorClass: ErrorClass.nullable(),
  diedAt: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;
