// Errors in words a job seeker understands, with the way out. The API's own messages are already
// written for people; these cover what it cannot say (no connection, a crash on our side).
import { ApiError, NetworkError } from '../api/http.ts';

export function userMessage(err: unknown): string {
  if (err instanceof NetworkError) return "You're offline or JobSwipe can't be reached. We'll retry when you're back.";
  if (err instanceof ApiError) {
    if (err.code === 'rate_limited') return 'That was a lot at once. Wait a minute, then try again.';
    if (err.code === 'internal' || err.code === 'service_unavailable') {
      return 'Something went wrong on our side. Try again in a moment.';
    }
    return err.message;
  }
  return 'Something unexpected happened. Reload the page and try again.';
}

/** Per-field messages of a validation error (`details` lists zod issues with their path). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed' || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of err.details as { path?: unknown[]; message?: string }[]) {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : '';
    if (path && issue.message && !out[path]) out[path] = issue.message;
  }
  return out;
}
