// Messages between the main process and the agent host (the utility process that runs the
// agent). Both sides parse what they receive: a message that does not fit is a bug, said loudly.
import { z } from 'zod';
import { DeviceCredentials } from '../agent/token-store.ts';
import { Settings } from './ipc.ts';

export const HostCommand = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    /** Decrypted by main (safeStorage); it never touches the disk in the host. */
    credentials: DeviceCredentials,
    settings: Settings,
    agentDir: z.string(),
    /** The executable of the Chromium packaged with the app; null when this build has none. */
    bundledChromium: z.string().nullable(),
    version: z.string(),
    paused: z.boolean(),
    /** Whether the window is shown, so live thumbnails are wanted. */
    thumbnails: z.boolean(),
  }),
  z.object({ type: z.literal('thumbnails'), wanted: z.boolean() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** Hand back what it holds, close the browser, exit. */
  z.object({ type: z.literal('stop') }),
]);
export type HostCommand = z.infer<typeof HostCommand>;

const Running = z.object({
  applicationId: z.string(),
  company: z.string(),
  title: z.string(),
  step: z.string(),
  percent: z.number(),
  attempt: z.number(),
  startedAt: z.string(),
});

const Ended = z.object({
  applicationId: z.string(),
  company: z.string(),
  title: z.string(),
  status: z.string(),
  errorClass: z.string().nullable(),
  startedAt: z.string().nullable(),
  at: z.string(),
});
export type EndedMessage = z.infer<typeof Ended>;

export const HostStatus = z.object({
  connection: z.enum(['connecting', 'connected', 'reconnecting', 'stopping']),
  connectionError: z.string().nullable(),
  paused: z.boolean(),
  capacity: z.number(),
  offers: z.number(),
  running: z.array(Running),
  browser: z.string(),
});
export type HostStatus = z.infer<typeof HostStatus>;

export const HostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: HostStatus }),
  z.object({
    type: z.literal('log'),
    record: z.object({
      time: z.string(),
      level: z.enum(['debug', 'info', 'warn', 'error']),
      msg: z.string(),
      applicationId: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('ended'), application: Ended }),
  /** The live thumbnail of a running application's page: shown in the window, kept nowhere. */
  z.object({
    type: z.literal('thumbnail'),
    applicationId: z.string(),
    dataUrl: z.string().startsWith('data:image/jpeg;base64,').max(500_000),
  }),
  /** The agent could not start (no browser, another agent on the dir, ...): in words for the user. */
  z.object({ type: z.literal('failed'), message: z.string() }),
  /** The server refused the device token: pair again. */
  z.object({ type: z.literal('refused'), message: z.string() }),
  z.object({ type: z.literal('stopped') }),
]);
export type HostMessage = z.infer<typeof HostMessage>;
