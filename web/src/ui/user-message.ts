// Errors in words a job seeker understands, with the way out. The API's own messages are already
// written for people; these cover what it cannot say (no connection, a crash on our side).
import { ApiError, NetworkError } from '../api/http.ts';

export function userMessage(err: unknown): string {
  if (err instanceof NetworkError) return "You're offline or JobSwipe can't be reached. We'll retry when you're back.";
  if (err instanceof ApiError) {
    if (err.code === 'rate_limited') return 'That was a lot at once. Wait a minute, then try again.';
    if (err.code === 'internal') return 'Something went wrong on our side. Try again in a moment.';
    // The server says which service is missing or down ("Payments are not set up…").
    return err.message;
  }
  return 'Something unexpected happened. Reload the page and try again.';
}

/** Per-field messages of a validation error: its `details.issues` name each field by its dotted path. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return {};
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string' && !out[issue.path]) {
      out[issue.path] = issue.message;
    }
  }
  return out;
}
