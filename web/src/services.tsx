// What every page uses: the session, the API client and, once the user is known, the swipe
// outbox's sync. Created once in main.tsx and handed down through context.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ApiClient } from './api/client.ts';
import { IDLE_SYNC, type SwipeSync, type SyncState } from './offline/swipe-sync.ts';
import type { Session, SessionSnapshot } from './session/session.ts';

export interface Services {
  session: Session;
  api: ApiClient;
  /** Null until the user is known (signed in, or remembered while offline). */
  sync: SwipeSync | null;
}

const ServicesContext = createContext<Services | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

export function useSession(): SessionSnapshot {
  const { session } = useServices();
  return useSyncExternalStore(
    (l) => session.subscribe(l),
    () => session.state,
  );
}

const noop = () => () => undefined;

export function useSyncState(): SyncState {
  const { sync } = useServices();
  return useSyncExternalStore(sync ? (l) => sync.subscribe(l) : noop, () => sync?.snapshot ?? IDLE_SYNC);
}
