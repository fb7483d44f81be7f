// The one contract between the window and the main process: every channel the preload may use,
// with the schema main validates its payload against. The renderer only sees the types (through
// the preload's `window.jobswipe`); main never trusts a payload it did not parse here.
import { AnswerBody, type Question } from '@jobswipe/protocol';
import { z } from 'zod';

export { INVOKE, PUSH } from './ipc-channels.ts';

const QUIET_HOURS = /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/;

export const BrowserKind = z.enum(['chrome', 'edge', 'bundled', 'custom']);
export type BrowserKind = z.infer<typeof BrowserKind>;

export const Settings = z
  .object({
    /** Applications at once (the agent's --capacity). */
    capacity: z.number().int().min(1, 'at least 1').max(10, 'at most 10'),
    /** Local time, HH:MM-HH:MM, or null for none. */
    quietHours: z.string().regex(QUIET_HOURS, 'write it as HH:MM-HH:MM, e.g. 22:00-07:00').nullable(),
    browser: BrowserKind,
    /** The Chromium to use when `browser` is `custom`. */
    browserPath: z.string().max(4096).nullable(),
    /** Show the browser while it applies (needs a display). */
    headful: z.boolean(),
    launchAtLogin: z.boolean(),
  })
  .refine((s) => s.browser !== 'custom' || Boolean(s.browserPath), {
    message: 'give the path of the Chromium to use',
    path: ['browserPath'],
  });
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  capacity: 1,
  quietHours: null,
  browser: 'chrome',
  browserPath: null,
  headful: false,
  launchAtLogin: false,
};

export const PairRequest = z.object({
  code: z.string().trim().min(4, 'the code from the Devices page').max(64),
  server: z.string().trim().url('the JobSwipe address, e.g. https://jobswipe.example.com').max(2048),
});
export type PairRequest = z.infer<typeof PairRequest>;

export const SetPausedRequest = z.boolean();

/** Answers to the questions one application waits on (the device API's body, plus which one). */
export const AnswerRequest = z.object({
  applicationId: z.string().uuid('the application the answers are for'),
  answers: AnswerBody.shape.answers,
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** Which application's result to show the evidence of. */
export const EvidenceRequest = z.object({ applicationId: z.string().uuid('the application to show') });
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;

/** What the tray and the window say the app is doing, most urgent first. */
export type TrayStatus = 'not-paired' | 'needs-you' | 'offline' | 'paused' | 'applying' | 'idle';

export interface CurrentApplication {
  applicationId: string;
  company: string;
  title: string;
  step: string;
  percent: number;
  attempt: number;
  startedAt: string;
  /** A small live picture of its page (JPEG data URL), renewed every few seconds; null before the first. */
  thumbnail: string | null;
}

export interface Result {
  applicationId: string;
  company: string;
  title: string;
  status: string;
  /** The failure class the engine gave, when it did not submit (e.g. `blocked`). */
  errorClass: string | null;
  at: string;
}

/** An application on its way (the device API's queue), with when it should start here. */
export interface QueuedApplication {
  applicationId: string;
  company: string;
  title: string;
  status: string;
  lane: 'server' | 'device';
  /** About when it starts here (null: running now, paused, on the servers, or no pace measured yet). */
  etaAt: string | null;
}

/** What the backend keeps of a result: the ATS's confirmation and the screenshots, as images for the window. */
export interface ResultEvidence {
  applicationId: string;
  confirmation: string | null;
  /** Answers the model drafted on this form, shown as the model's. */
  modelAnswers: Array<{ field: string; value: string }>;
  screenshots: Array<{ id: string; kind: string; attempt: number; image: string }>;
}

/** An application waiting on the user's answers (NEEDS_ATTENTION). */
export interface NeedsYouItem {
  applicationId: string;
  company: string;
  title: string;
  reason: string | null;
  questions: Question[];
}

export interface LogEntry {
  time: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  applicationId?: string;
}

export interface DesktopState {
  status: TrayStatus;
  /** One line for the tray's tooltip and the window's header. */
  summary: string;
  paired: { server: string; device: string; deviceId: string } | null;
  /** A `jobswipe://pair` link that arrived and waits for the user to confirm it. */
  pairingOffer: { code: string; server: string } | null;
  /** Why the last pairing or start failed, in words for the user. */
  problem: string | null;
  paused: boolean;
  connection: 'not-started' | 'connecting' | 'connected' | 'reconnecting' | 'stopping';
  running: CurrentApplication[];
  /** Applications this device ended today (local time), newest first. */
  today: Result[];
  /** The user's applications on their way, from the server (all devices), held ones first. */
  queue: QueuedApplication[];
  queueTotal: number;
  /** How long an application takes on this computer (median of the last ones); null before the first. */
  paceMs: number | null;
  needsYou: NeedsYouItem[];
  settings: Settings;
  /** Whether this build carries a Chromium of its own (the `bundled` browser). */
  bundledChromium: boolean;
  offers: number;
}

/** What the preload exposes as `window.jobswipe`: nothing else crosses the bridge. */
export interface JobSwipeBridge {
  getState(): Promise<DesktopState>;
  pair(request: PairRequest): Promise<DesktopState>;
  setPaused(paused: boolean): Promise<DesktopState>;
  saveSettings(settings: Settings): Promise<DesktopState>;
  answer(request: AnswerRequest): Promise<DesktopState>;
  evidence(request: EvidenceRequest): Promise<ResultEvidence>;
  getLog(): Promise<LogEntry[]>;
  /** Returns the unsubscribe. */
  onState(listener: (state: DesktopState) => void): () => void;
  onLog(listener: (entry: LogEntry) => void): () => void;
}

/** Thrown back to the renderer when a payload fails its schema: what, where, what to do. */
export function invalidPayload(channel: string, error: z.ZodError): Error {
  const where = error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
  return new Error(`${channel} was refused: ${where}.`);
}
