// The preload: the only bridge between the window and the main process. It exposes `window.jobswipe`
// (the typed `JobSwipeBridge`), a few named calls and two subscriptions, and nothing of Electron
// or Node. Main validates every payload; this side only forwards. Bundled to one CommonJS file,
// as a sandboxed preload must be.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { DesktopState, JobSwipeBridge, LogEntry } from '../shared/ipc.ts';
import { INVOKE, PUSH } from '../shared/ipc-channels.ts';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

const bridge: JobSwipeBridge = {
  getState: () => ipcRenderer.invoke(INVOKE.getState),
  getLog: () => ipcRenderer.invoke(INVOKE.getLog),
  pair: (request) => ipcRenderer.invoke(INVOKE.pair, request),
  setPaused: (paused) => ipcRenderer.invoke(INVOKE.setPaused, paused),
  saveSettings: (settings) => ipcRenderer.invoke(INVOKE.saveSettings, settings),
  answer: (request) => ipcRenderer.invoke(INVOKE.answer, request),
  evidence: (request) => ipcRenderer.invoke(INVOKE.evidence, request),
  onState: (listener) => subscribe<DesktopState>(PUSH.state, listener),
  onLog: (listener) => subscribe<LogEntry>(PUSH.log, listener),
};

contextBridge.exposeInMainWorld('jobswipe', bridge);
