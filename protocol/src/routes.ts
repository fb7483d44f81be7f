// Every HTTP route of the backend, with who may call it and the zod schemas of what it takes and
// answers: the one source of the OpenAPI document (openapi.ts, served at /v1/openapi.json) and of
// docs/api.md, which is generated from that document. A backend test keeps this table and the
// routes the backend declares the same, in both directions.
import { z } from 'zod';
import * as api from './api.ts';
import * as device from './device.ts';
import { EvidenceKind } from './domain.ts';
import { ErrorBody } from './errors.ts';

const withoutType = <T extends z.ZodObject<{ type: z.ZodLiteral<string> }>>(message: T) => message.omit({ type: true });

/** Schemas the routes name, under the names the OpenAPI document and docs/api.md give them. */
export const SCHEMAS = {
  SignupBody: api.SignupBody,
  LoginBody: api.LoginBody,
  RefreshBody: api.RefreshBody,
  AuthResponse: api.AuthResponse,
  UserView: api.UserView,
  ProfileView: api.ProfileView,
  ProfileBody: api.ProfileBody,
  ResumeView: api.ResumeView,
  AnswersView: api.AnswersView,
  AnswersBody: api.AnswersBody,
  DeckQuery: api.DeckQuery,
  DeckPage: api.DeckPage,
  JobView: api.JobView,
  SwipeBody: api.SwipeBody,
  SwipeResponse: api.SwipeResponse,
  UndoResponse: z.object({ cancelledApplicationId: z.string().uuid().nullable() }),
  ApplicationsQuery: api.ApplicationsQuery,
  ApplicationPage: api.Page(api.ApplicationSummary),
  ApplicationSummary: api.ApplicationSummary,
  ApplicationDetail: api.ApplicationDetail,
  AnswerBody: api.AnswerBody,
  EvidenceUpload: z.object({
    leaseToken: device.LeaseToken,
    kind: EvidenceKind.default('screenshot'),
    file: z.string().describe('the PNG, JPEG, HTML or PDF file'),
  }),
  EvidenceStored: z.object({ id: z.string().uuid(), attempt: z.number().int(), kind: z.string(), size: z.number() }),
  ResumeUpload: z.object({ file: z.string().describe('the PDF or DOCX resume, at most RESUME_MAX_BYTES (5 MiB)') }),
  UsageView: api.UsageView,
  SettingsBody: api.SettingsBody,
  CheckoutBody: api.CheckoutBody,
  CheckoutResponse: api.CheckoutResponse,
  PortalBody: api.PortalBody,
  PortalResponse: api.PortalResponse,
  WebhookReceipt: z.object({ received: z.literal(true), outcome: z.string() }),
  PairStartResponse: api.PairStartResponse,
  PairingStatus: api.PairingStatus,
  PairCompleteBody: api.PairCompleteBody,
  PairCompleteResponse: api.PairCompleteResponse,
  DeviceList: api.DeviceList,
  PollBody: device.PollBody,
  PollResponse: device.PollResponse,
  ClaimBody: withoutType(device.Claim),
  HeartbeatBody: withoutType(device.Heartbeat),
  ResultBody: withoutType(device.Result),
  ReleaseBody: withoutType(device.Release),
  DeviceReply: device.BackendMessage.nullable(),
  QueueStats: api.QueueStats,
  DeadLettersQuery: api.DeadLettersQuery,
  DeadLetterPage: api.Page(api.DeadLetter),
  Requeued: z.object({ id: z.string().uuid(), status: z.string() }),
  Health: z.object({ status: z.literal('ok') }),
  Readiness: api.Readiness,
  ErrorBody,
} as const satisfies Record<string, z.ZodType>;

export type SchemaName = keyof typeof SCHEMAS;

/** Who may call a route, and how they prove it. */
export const CALLERS = {
  anyone: 'anyone',
  user: 'a signed-in user (access token)',
  operator: 'an operator (access token of a user with the operator role)',
  refresh: 'a refresh token, in the body or the httpOnly cookie',
  device: 'a paired device or server worker (device token)',
  lease: 'the executor holding the lease (device token and lease token)',
  link: 'a signed link (exp and sig in the query string)',
  stripe: 'Stripe (a signed webhook event)',
  metrics: 'Prometheus (METRICS_TOKEN as a bearer token, when set)',
} as const;
export type Caller = keyof typeof CALLERS;

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style: /v1/devices/:id. */
  path: string;
  who: Caller;
  summary: string;
  body?: SchemaName;
  /** The body is multipart/form-data with these fields. */
  multipart?: SchemaName;
  query?: SchemaName;
  /** Success status; default 200. */
  status?: number;
  /** The success answer: a JSON schema, a file of this media type, or nothing (204). */
  answer?: SchemaName | { file: string; description: string };
}

export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/v1/auth/signup',
    who: 'anyone',
    summary: 'Create an account',
    body: 'SignupBody',
    status: 201,
    answer: 'AuthResponse',
  },
  {
    method: 'post',
    path: '/v1/auth/login',
    who: 'anyone',
    summary: 'Sign in',
    body: 'LoginBody',
    answer: 'AuthResponse',
  },
  {
    method: 'post',
    path: '/v1/auth/refresh',
    who: 'refresh',
    summary: 'Rotate the refresh token; reusing an old one ends the whole session family',
    body: 'RefreshBody',
    answer: 'AuthResponse',
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    who: 'refresh',
    summary: 'End the session',
    body: 'RefreshBody',
    status: 204,
  },
  { method: 'get', path: '/v1/me', who: 'user', summary: 'The signed-in user', answer: 'UserView' },
  { method: 'get', path: '/v1/profile', who: 'user', summary: 'The applicant profile', answer: 'ProfileView' },
  {
    method: 'put',
    path: '/v1/profile',
    who: 'user',
    summary: 'Save profile fields; fields left out keep their values',
    body: 'ProfileBody',
    answer: 'ProfileView',
  },
  {
    method: 'post',
    path: '/v1/profile/resumes',
    who: 'user',
    summary: 'Upload a resume (PDF or DOCX, checked by content); it becomes the default',
    multipart: 'ResumeUpload',
    status: 201,
    answer: 'ResumeView',
  },
  {
    method: 'get',
    path: '/v1/profile/resumes/:id/file',
    who: 'user',
    summary: 'Download one of your resumes',
    answer: { file: 'application/octet-stream', description: 'the resume' },
  },
  {
    method: 'get',
    path: '/v1/profile/answers',
    who: 'user',
    summary: 'Saved answers to application questions',
    answer: 'AnswersView',
  },
  {
    method: 'put',
    path: '/v1/profile/answers',
    who: 'user',
    summary: 'Save answers to application questions',
    body: 'AnswersBody',
    answer: 'AnswersView',
  },
  {
    method: 'get',
    path: '/v1/jobs/deck',
    who: 'user',
    summary: 'The next jobs to swipe on',
    query: 'DeckQuery',
    answer: 'DeckPage',
  },
  { method: 'get', path: '/v1/jobs/:id', who: 'user', summary: 'One job', answer: 'JobView' },
  {
    method: 'post',
    path: '/v1/swipes',
    who: 'user',
    summary: 'Swipe on a job; right queues an application (Idempotency-Key header: a retry answers the first answer)',
    body: 'SwipeBody',
    status: 201,
    answer: 'SwipeResponse',
  },
  {
    method: 'delete',
    path: '/v1/swipes/:jobId',
    who: 'user',
    summary: 'Undo a swipe while no executor holds its application',
    answer: 'UndoResponse',
  },
  {
    method: 'get',
    path: '/v1/applications',
    who: 'user',
    summary: 'Your applications, newest first',
    query: 'ApplicationsQuery',
    answer: 'ApplicationPage',
  },
  {
    method: 'get',
    path: '/v1/applications/:id',
    who: 'user',
    summary: 'One application with its events and evidence',
    answer: 'ApplicationDetail',
  },
  {
    method: 'post',
    path: '/v1/applications/:id/cancel',
    who: 'user',
    summary: 'Cancel an application',
    answer: 'ApplicationSummary',
  },
  {
    method: 'post',
    path: '/v1/applications/:id/retry',
    who: 'user',
    summary: 'Retry a failed or dead application',
    answer: 'ApplicationSummary',
  },
  {
    method: 'post',
    path: '/v1/applications/:id/answer',
    who: 'user',
    summary: 'Answer the questions an application waits on; it is queued again',
    body: 'AnswerBody',
    answer: 'ApplicationSummary',
  },
  {
    method: 'post',
    path: '/v1/applications/:id/evidence',
    who: 'lease',
    summary: 'Store evidence of the current attempt',
    multipart: 'EvidenceUpload',
    status: 201,
    answer: 'EvidenceStored',
  },
  {
    method: 'get',
    path: '/v1/applications/:id/evidence/:evidenceId',
    who: 'user',
    summary: 'Download evidence of your application',
    answer: { file: 'application/octet-stream', description: 'the screenshot, page or PDF' },
  },
  { method: 'get', path: '/v1/plan', who: 'user', summary: 'Your plan, usage and settings', answer: 'UsageView' },
  {
    method: 'put',
    path: '/v1/settings',
    who: 'user',
    summary: 'Change where applications run (execution preference)',
    body: 'SettingsBody',
    answer: 'UsageView',
  },
  {
    method: 'post',
    path: '/v1/billing/checkout',
    who: 'user',
    summary: 'Subscribe or change plan',
    body: 'CheckoutBody',
    answer: 'CheckoutResponse',
  },
  {
    method: 'post',
    path: '/v1/billing/portal',
    who: 'user',
    summary: "Open Stripe's customer portal",
    body: 'PortalBody',
    answer: 'PortalResponse',
  },
  {
    method: 'delete',
    path: '/v1/billing/subscription',
    who: 'user',
    summary: 'Cancel the subscription at the end of the period',
    answer: 'UsageView',
  },
  {
    method: 'post',
    path: '/v1/billing/subscription/resume',
    who: 'user',
    summary: 'Keep a subscription set to end',
    answer: 'UsageView',
  },
  {
    method: 'post',
    path: '/v1/billing/webhook',
    who: 'stripe',
    summary: "Stripe's events (signature verified)",
    answer: 'WebhookReceipt',
  },
  {
    method: 'post',
    path: '/v1/devices/pair/start',
    who: 'user',
    summary: 'Start pairing a device: a short code to type on it',
    status: 201,
    answer: 'PairStartResponse',
  },
  {
    method: 'get',
    path: '/v1/devices/pair/:pairingId',
    who: 'user',
    summary: 'Whether the device has used the code yet',
    answer: 'PairingStatus',
  },
  {
    method: 'post',
    path: '/v1/devices/pair/complete',
    who: 'anyone',
    summary: 'The device exchanges the code for its device token',
    body: 'PairCompleteBody',
    status: 201,
    answer: 'PairCompleteResponse',
  },
  { method: 'get', path: '/v1/devices', who: 'user', summary: 'Your devices', answer: 'DeviceList' },
  {
    method: 'delete',
    path: '/v1/devices/:id',
    who: 'user',
    summary: 'Revoke a device; it is disconnected at once',
    status: 204,
  },
  {
    method: 'post',
    path: '/v1/devices/poll',
    who: 'device',
    summary: 'Long-poll fallback of the device socket: hello, then wait for offers (docs/protocol.md)',
    body: 'PollBody',
    answer: 'PollResponse',
  },
  {
    method: 'post',
    path: '/v1/devices/claim',
    who: 'device',
    summary: 'The claim message, answered as over the socket',
    body: 'ClaimBody',
    answer: 'DeviceReply',
  },
  {
    method: 'post',
    path: '/v1/devices/heartbeat',
    who: 'device',
    summary: 'The heartbeat message, answered as over the socket',
    body: 'HeartbeatBody',
    answer: 'DeviceReply',
  },
  {
    method: 'post',
    path: '/v1/devices/result',
    who: 'device',
    summary: 'The result message, answered as over the socket',
    body: 'ResultBody',
    answer: 'DeviceReply',
  },
  {
    method: 'post',
    path: '/v1/devices/release',
    who: 'device',
    summary: 'The release message, answered as over the socket',
    body: 'ReleaseBody',
    answer: 'DeviceReply',
  },
  {
    method: 'get',
    path: '/v1/files/resumes/:id',
    who: 'link',
    summary: "The applicant's resume, for the executor holding the lease",
    answer: { file: 'application/octet-stream', description: 'the resume' },
  },
  {
    method: 'get',
    path: '/v1/queue/stats',
    who: 'operator',
    summary: 'Applications per status and lane, the oldest queued wait, devices online',
    answer: 'QueueStats',
  },
  {
    method: 'get',
    path: '/v1/queue/dead',
    who: 'operator',
    summary: 'Dead letters: applications that used every attempt',
    query: 'DeadLettersQuery',
    answer: 'DeadLetterPage',
  },
  {
    method: 'post',
    path: '/v1/queue/dead/:id/retry',
    who: 'operator',
    summary: 'Requeue a dead application with fresh attempts',
    answer: 'Requeued',
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    who: 'anyone',
    summary: 'This API described by OpenAPI 3.1',
    answer: { file: 'application/json', description: 'the OpenAPI document' },
  },
  { method: 'get', path: '/healthz', who: 'anyone', summary: 'The process answers', answer: 'Health' },
  {
    method: 'get',
    path: '/readyz',
    who: 'anyone',
    summary: 'The node can serve (503 without Postgres, or while shutting down)',
    answer: 'Readiness',
  },
  {
    method: 'get',
    path: '/metrics',
    who: 'metrics',
    summary: 'Prometheus metrics',
    answer: { file: 'text/plain', description: 'Prometheus text exposition' },
  },
];

/** The WebSocket endpoints (upgrades, outside OpenAPI): documented beside the routes. */
export const WEBSOCKETS = [
  { path: '/v1/devices/connect', who: 'device token', what: 'the executor protocol ([protocol.md](protocol.md))' },
  {
    path: '/v1/events',
    who: 'access token, first message',
    what: "live status of the caller's applications and devices",
  },
] as const;
