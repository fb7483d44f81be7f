// "Review drafted answers before submitting": when on, an application whose form got any answer
// from the model stops before the final submit and waits on the user to keep or edit the drafts.
import type { UsageView } from '@jobswipe/protocol';
import { useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';

export function ReviewDraftsSetting({ view, onSaved }: { view: UsageView; onSaved: (next: UsageView) => void }) {
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  /** The choice shown at once, while it is being saved; a refused save puts the saved one back. */
  const [choosing, setChoosing] = useState<boolean | null>(null);

  async function save(reviewDrafts: boolean) {
    setError(null);
    setChoosing(reviewDrafts);
    try {
      onSaved(await api.saveSettings({ reviewDrafts }));
    } catch (err) {
      setError(err);
    } finally {
      setChoosing(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Answers the model drafts</h2>
      <label className="choice">
        <input type="checkbox" checked={choosing ?? view.reviewDrafts} onChange={(e) => void save(e.target.checked)} />
        <span>
          <strong>Review drafted answers before submitting</strong>
          <span className="muted small">
            {' '}
            — an application whose form got an answer from the model waits for you to keep or edit it. Off: it is
            submitted, and you see the drafted answers in its detail.
          </span>
        </span>
      </label>
      <ErrorNote error={error} />
    </section>
  );
}
