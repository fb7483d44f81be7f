// Settings: how many applications at once, quiet hours, which browser applies (the user's Chrome
// or Edge, the Chromium bundled with the app when this build has one, or a Chromium they point
// to), shown or hidden, and starting at login. Main checks them again; its error names the field.
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { BrowserKind, JobSwipeBridge, Settings } from '../shared/ipc.ts';
import { bridgeError } from './use-desktop.ts';

const BROWSERS: Array<{ value: BrowserKind; label: string }> = [
  { value: 'chrome', label: 'Google Chrome (installed)' },
  { value: 'edge', label: 'Microsoft Edge (installed)' },
  { value: 'bundled', label: 'The Chromium that comes with JobSwipe' },
  { value: 'custom', label: 'Another Chromium' },
];

export function SettingsPanel({
  bridge,
  settings,
  bundledChromium,
}: {
  bridge: JobSwipeBridge;
  settings: Settings;
  /** Whether this build carries a Chromium of its own. */
  bundledChromium: boolean;
}) {
  const [draft, setDraft] = useState(settings);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const hint = useId();
  // Main pushes its whole state on every change: the draft follows the saved settings only when
  // they changed, not on each push (which would wipe what the user is typing).
  const saved = JSON.stringify(settings);
  useEffect(() => setDraft(JSON.parse(saved) as Settings), [saved]);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    bridge
      .saveSettings(draft)
      .then(() => setMessage({ text: 'Saved.', error: false }))
      .catch((err: unknown) => setMessage({ text: bridgeError(err), error: true }));
  };

  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form onSubmit={submit} className="form" aria-describedby={hint}>
        <p id={hint} className="muted">
          Changes to the browser or capacity apply once nothing is running.
        </p>
        <label>
          Applications at once
          <input
            name="capacity"
            type="number"
            min={1}
            max={10}
            value={draft.capacity}
            onChange={(e) => set('capacity', Number(e.target.value))}
          />
        </label>
        <label>
          Quiet hours (local time, e.g. 22:00-07:00; empty for none)
          <input
            name="quietHours"
            value={draft.quietHours ?? ''}
            onChange={(e) => set('quietHours', e.target.value.trim() || null)}
            placeholder="22:00-07:00"
          />
        </label>
        <fieldset>
          <legend>Browser that applies</legend>
          {BROWSERS.map((b) => (
            <label key={b.value} className="choice">
              <input
                type="radio"
                name="browser"
                value={b.value}
                checked={draft.browser === b.value}
                // Chosen before (a build that had one) stays selectable, so the saved setting shows.
                disabled={b.value === 'bundled' && !bundledChromium && settings.browser !== 'bundled'}
                onChange={() => set('browser', b.value)}
              />
              {b.label}
              {b.value === 'bundled' && !bundledChromium && ' (none: this build of JobSwipe comes without one)'}
            </label>
          ))}
          {draft.browser === 'custom' && (
            <label>
              Path of the Chromium
              <input
                name="browserPath"
                value={draft.browserPath ?? ''}
                onChange={(e) => set('browserPath', e.target.value || null)}
                placeholder="/usr/bin/chromium"
              />
            </label>
          )}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={draft.headful} onChange={(e) => set('headful', e.target.checked)} />
          Show the browser while it applies
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.launchAtLogin}
            onChange={(e) => set('launchAtLogin', e.target.checked)}
          />
          Start JobSwipe when I log in
        </label>
        {message && (
          <p className={message.error ? 'note note-error' : 'note note-ok'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
