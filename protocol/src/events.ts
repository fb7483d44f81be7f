// Live updates for the web site, over the WebSocket at /v1/events: every status change and
// progress report of the caller's applications, and their devices coming and going.
import { z } from 'zod';
import { ErrorClass, Lane } from './domain.ts';
import { ErrorCode } from './errors.ts';
import { ApplicationStatus } from './status.ts';

/** The first message a web client sends: browsers cannot set headers on a WebSocket. */
export const EventsAuth = z.object({ type: z.literal('auth'), token: z.string().min(10).max(2_000) });
export const EventsPing = z.object({ type: z.literal('ping'), at: z.number().optional() });
export const EventsClientMessage = z.discriminatedUnion('type', [EventsAuth, EventsPing]);
export type EventsClientMessage = z.infer<typeof EventsClientMessage>;

/** The application as it is after the change, enough to update a list row in place. */
export const ApplicationState = z.object({
  id: z.string().uuid(),
  status: ApplicationStatus,
  lane: Lane,
  attempt: z.number().int(),
  executor: z.string().nullable(),
  progressStep: z.string().nullable(),
  progressPct: z.number().int().nullable(),
  lastError: z.string().nullable(),
  errorClass: ErrorClass.nullable(),
  updatedAt: z.string(),
});
export type ApplicationState = z.infer<typeof ApplicationState>;

export const ApplicationEvent = z.object({
  type: z.literal('application'),
  kind: z.enum(['status', 'progress']),
  from: ApplicationStatus.nullable(),
  message: z.string().nullable(),
  application: ApplicationState,
  at: z.string(),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const DeviceEvent = z.object({
  type: z.literal('device'),
  deviceId: z.string().uuid(),
  online: z.boolean(),
  /** Set when this event is a device that was just paired. */
  paired: z.boolean().optional(),
  /** Set when the device was revoked: its connections are closed. */
  revoked: z.boolean().optional(),
  at: z.string(),
});
export type DeviceEvent = z.infer<typeof DeviceEvent>;

export const EventsReady = z.object({ type: z.literal('ready'), userId: z.string().uuid() });
export const EventsPong = z.object({ type: z.literal('pong'), at: z.number().optional() });
export const EventsError = z.object({ type: z.literal('error'), code: ErrorCode, message: z.string() });

export const EventsServerMessage = z.discriminatedUnion('type', [
  EventsReady,
  ApplicationEvent,
  DeviceEvent,
  EventsPong,
  EventsError,
]);
export type EventsServerMessage = z.infer<typeof EventsServerMessage>;
