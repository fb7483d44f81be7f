// The undo window: how long a right-swipe is held before anything applies, so Undo always works
// within it (0: applications go out at once, with no undo).
import { UNDO_GRACE_MAX_MS, type UsageView } from '@jobswipe/protocol';
import { type FormEvent, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';

const MAX_SECONDS = UNDO_GRACE_MAX_MS / 1000;

export function UndoWindowSetting({ view, onSaved }: { view: UsageView; onSaved: (next: UsageView) => void }) {
  const { api } = useServices();
  const [seconds, setSeconds] = useState(String(view.undoGraceMs / 1000));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const value = Number(seconds);
  const invalid =
    seconds.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_SECONDS
      ? `Enter whole seconds from 0 to ${MAX_SECONDS}.`
      : undefined;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (invalid) return;
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.saveSettings({ undoGraceMs: value * 1000 }));
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="undo-title">
      <h2 id="undo-title">Undo window</h2>
      <form className="undo-form" onSubmit={(e) => void save(e)} noValidate>
        <Field
          label="Seconds to undo a right-swipe"
          hint="Nothing applies before it ends, so Undo always works within it. 0 sends applications at once."
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SECONDS}
          step={1}
          value={seconds}
          error={invalid}
          onChange={(e) => {
            setSeconds(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" className="btn" disabled={Boolean(invalid)}>
          Save
        </button>
      </form>
      {saved && (
        <p className="note note-ok" role="status">
          {view.undoGraceMs === 0
            ? 'Saved: right-swipes go out at once.'
            : `Saved: you have ${view.undoGraceMs / 1000} s to undo a right-swipe.`}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
