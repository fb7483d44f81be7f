// The bridge's channel names, apart from the schemas so the preload bundles no validator: main
// validates (shared/ipc.ts), the preload only forwards.
/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE = {
  getState: 'jobswipe:get-state',
  getLog: 'jobswipe:get-log',
  pair: 'jobswipe:pair',
  setPaused: 'jobswipe:set-paused',
  saveSettings: 'jobswipe:save-settings',
  answer: 'jobswipe:answer',
  evidence: 'jobswipe:evidence',
} as const;

/** Main → renderer pushes (webContents.send / ipcRenderer.on). */
export const PUSH = {
  state: 'jobswipe:state',
  log: 'jobswipe:log',
} as const;
