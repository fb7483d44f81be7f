// On an application's page: where it stands with the employer (the user's stage, set only once it
// is submitted), the history of that stage, and the user's notes.
import {
  type ApplicationStatus,
  NOTES_MAX,
  TRACKABLE_STATUS,
  TRACKER_STAGES,
  type TrackerStage,
  type TrackingBody,
} from '@jobswipe/protocol';
import { useId, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { useResource } from '../ui/use-resource.ts';
import { STAGE_LABELS } from './stage-label.tsx';

function stageText(stage: TrackerStage | null): string {
  return stage ? STAGE_LABELS[stage] : 'Submitted';
}

export function TrackingPanel({ applicationId, status }: { applicationId: string; status: ApplicationStatus }) {
  const { api } = useServices();
  const tracking = useResource(() => api.tracking(applicationId), applicationId);
  const [notes, setNotes] = useState<string | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: unknown; saved: string | null }>({
    busy: false,
    error: null,
    saved: null,
  });
  const notesId = useId();
  const data = tracking.data;
  const trackable = status === TRACKABLE_STATUS;

  async function save(body: TrackingBody, saved: string) {
    setState({ busy: true, error: null, saved: null });
    try {
      const next = await api.saveTracking(applicationId, body);
      tracking.set(() => next);
      if (body.notes !== undefined) setNotes(null);
      setState({ busy: false, error: null, saved });
    } catch (err) {
      setState({ busy: false, error: err, saved: null });
    }
  }

  const draft = notes ?? data?.notes ?? '';
  return (
    <section className="panel" aria-labelledby="tracking-title">
      <h2 id="tracking-title">Where it stands</h2>
      <ErrorNote error={tracking.error} onRetry={() => void tracking.reload()} />
      {data && (
        <>
          {trackable ? (
            <fieldset className="chips">
              <legend>Stage with the employer</legend>
              {TRACKER_STAGES.map((stage) => (
                <button
                  key={stage}
                  type="button"
                  className="chip"
                  aria-pressed={data.stage === stage}
                  disabled={state.busy}
                  onClick={() =>
                    void save(
                      { stage: data.stage === stage ? null : stage },
                      data.stage === stage ? 'Stage cleared.' : `Stage set to ${STAGE_LABELS[stage]}.`,
                    )
                  }
                >
                  {STAGE_LABELS[stage]}
                </button>
              ))}
            </fieldset>
          ) : (
            <p className="muted small">Once it is submitted, you can follow it here: screening, interview, offer…</p>
          )}
          {data.history.length > 0 && (
            <ol className="stage-history" aria-label="Stage history">
              {[...data.history].reverse().map((h) => (
                <li key={h.createdAt}>
                  <span className="timeline-when muted small">
                    <time dateTime={h.createdAt}>{new Date(h.createdAt).toLocaleString()}</time>
                  </span>
                  <span>
                    {stageText(h.fromStage)} → <strong>{stageText(h.toStage)}</strong>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <form
            className="notes-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ notes: draft }, 'Notes saved.');
            }}
          >
            <label htmlFor={notesId}>Your notes</label>
            <textarea
              id={notesId}
              rows={4}
              maxLength={NOTES_MAX}
              value={draft}
              placeholder="Who you spoke to, dates, what to prepare…"
              onChange={(e) => {
                setNotes(e.target.value);
                setState((s) => ({ ...s, saved: null }));
              }}
            />
            <button type="submit" className="btn btn-small" disabled={state.busy || notes === null}>
              Save notes
            </button>
          </form>
          <ErrorNote error={state.error} />
          {state.saved && (
            <p className="note note-ok" role="status">
              {state.saved}
            </p>
          )}
        </>
      )}
    </section>
  );
}
