import type { ApplicationSummary } from '@jobswipe/protocol';
import type { ApplicationState } from '@jobswipe/protocol/events';

/** An application row with a live event's new state applied (older events do not overwrite newer). */
export function withLiveState<T extends ApplicationSummary>(app: T, state: ApplicationState): T {
  if (app.id !== state.id || Date.parse(state.updatedAt) < Date.parse(app.updatedAt)) return app;
  return { ...app, ...state };
}
