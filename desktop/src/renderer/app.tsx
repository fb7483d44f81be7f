// The window: what the app is doing (one line, announced to screen readers as it changes), the
// pairing form when it is not paired or a link arrived, the application running now and the
// others with it, today's results, the settings and the log. One page of landmarks and headings,
// no custom widgets: every control is a native one, reachable with Tab.
import { useState } from 'react';
import type { JobSwipeBridge } from '../shared/ipc.ts';
import { LogPanel } from './log-panel.tsx';
import { NeedsYouPanel } from './needs-you-panel.tsx';
import { NowPanel } from './now-panel.tsx';
import { PairingPanel } from './pairing-panel.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { TodayPanel } from './today-panel.tsx';
import { bridgeError, useDesktopState } from './use-desktop.ts';

export function App({ bridge }: { bridge: JobSwipeBridge }) {
  const state = useDesktopState(bridge);
  const [pauseError, setPauseError] = useState<string | null>(null);
  if (!state) {
    return (
      <main className="loading" aria-busy="true">
        Starting JobSwipe…
      </main>
    );
  }
  const togglePause = () => {
    setPauseError(null);
    bridge.setPaused(!state.paused).catch((err: unknown) => setPauseError(bridgeError(err)));
  };
  const pairing = !state.paired || state.pairingOffer !== null;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">JobSwipe</span>
        <p className={`summary summary-${state.status}`} role="status" aria-live="polite" data-testid="summary">
          {state.summary}
        </p>
        {state.paired && (
          <button type="button" className="btn" aria-pressed={state.paused} onClick={togglePause}>
            {state.paused ? 'Resume applying' : 'Pause applying'}
          </button>
        )}
      </header>
      <main id="main" className="layout">
        {pauseError && (
          <p className="note note-error" role="alert">
            {pauseError}
          </p>
        )}
        {state.problem && (
          <p className="note note-error" role="alert" data-testid="problem">
            {state.problem}
          </p>
        )}
        {pairing && <PairingPanel bridge={bridge} state={state} />}
        {state.paired && (
          <>
            <NeedsYouPanel bridge={bridge} items={state.needsYou} />
            <NowPanel state={state} />
            <QueuePanel state={state} />
            <TodayPanel bridge={bridge} state={state} />
          </>
        )}
        <SettingsPanel bridge={bridge} settings={state.settings} bundledChromium={state.bundledChromium} />
        <LogPanel bridge={bridge} />
      </main>
    </>
  );
}
