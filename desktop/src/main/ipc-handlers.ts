// The main side of the bridge: one handler per channel of `shared/ipc.ts`, each refusing callers
// that are not the app's own page and payloads that do not parse, before anything happens.
import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { z } from 'zod';
import {
  AnswerRequest,
  type DesktopState,
  EvidenceRequest,
  INVOKE,
  invalidPayload,
  type LogEntry,
  PairRequest,
  type ResultEvidence,
  SetPausedRequest,
  Settings,
} from '../shared/ipc.ts';
import { isAppUrl } from './app-window.ts';

export interface IpcActions {
  state(): DesktopState;
  log(): LogEntry[];
  pair(request: PairRequest): Promise<DesktopState>;
  setPaused(paused: boolean): DesktopState;
  saveSettings(settings: Settings): Promise<DesktopState>;
  answer(request: AnswerRequest): Promise<DesktopState>;
  evidence(request: EvidenceRequest): Promise<ResultEvidence>;
}

function fromApp(channel: string, event: IpcMainInvokeEvent): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) throw new Error(`${channel} was refused: it may only be called by the JobSwipe window.`);
}

function parse<T>(channel: string, schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw invalidPayload(channel, parsed.error);
  return parsed.data;
}

export function registerIpc(actions: IpcActions): void {
  const handle = <T>(channel: string, run: (payload: unknown) => T) =>
    ipcMain.handle(channel, (event, payload: unknown) => {
      fromApp(channel, event);
      return run(payload);
    });
  handle(INVOKE.getState, () => actions.state());
  handle(INVOKE.getLog, () => actions.log());
  handle(INVOKE.pair, (payload) => actions.pair(parse(INVOKE.pair, PairRequest, payload)));
  handle(INVOKE.setPaused, (payload) => actions.setPaused(parse(INVOKE.setPaused, SetPausedRequest, payload)));
  handle(INVOKE.saveSettings, (payload) => actions.saveSettings(parse(INVOKE.saveSettings, Settings, payload)));
  handle(INVOKE.answer, (payload) => actions.answer(parse(INVOKE.answer, AnswerRequest, payload)));
  handle(INVOKE.evidence, (payload) => actions.evidence(parse(INVOKE.evidence, EvidenceRequest, payload)));
}
