import { userMessage } from './user-message.ts';

/** An error shown where it happened, with a retry when one makes sense. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="note note-error" role="alert">
      <span aria-hidden="true">⚠</span>
      <p>{userMessage(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
