// The app's state as main pushes it, and the log lines as they come.
import { useEffect, useState } from 'react';
import type { DesktopState, JobSwipeBridge, LogEntry } from '../shared/ipc.ts';

const LOG_SHOWN = 300;

export function useDesktopState(bridge: JobSwipeBridge): DesktopState | null {
  const [state, setState] = useState<DesktopState | null>(null);
  useEffect(() => {
    const off = bridge.onState(setState);
    void bridge.getState().then(setState);
    return off;
  }, [bridge]);
  return state;
}

export function useLog(bridge: JobSwipeBridge): LogEntry[] {
  const [lines, setLines] = useState<LogEntry[]>([]);
  useEffect(() => {
    const off = bridge.onLog((entry) => setLines((before) => [...before, entry].slice(-LOG_SHOWN)));
    void bridge.getLog().then((earlier) => setLines((before) => [...earlier, ...before].slice(-LOG_SHOWN)));
    return off;
  }, [bridge]);
  return lines;
}

/** The message of an error that crossed the bridge, without Electron's "Error invoking remote method" prefix. */
export function bridgeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
}
