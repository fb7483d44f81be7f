// What the popup asks the service worker (runtime messages inside the extension).
import type { ExecutorState } from './executor.ts';
import type { Settings } from './stored.ts';

export type PopupRequest =
  | { type: 'state' }
  | { type: 'pair'; server: string; code: string }
  | { type: 'settings'; settings: Partial<Settings> }
  | { type: 'signOut' };

export type PopupReply = { ok: true; state: ExecutorState; settings: Settings } | { ok: false; error: string };
