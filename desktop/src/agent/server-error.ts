// What the backend said when it refused a request, as an error a person can act on.
import { ErrorBody } from '@jobswipe/protocol';

export async function serverError(res: Response, what: string): Promise<Error> {
  const text = await res.text().catch(() => '');
  let said = text.slice(0, 300);
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) said = body.data.error.message;
  } catch {
    // Not JSON (a proxy's page, say): show the start of it.
  }
  return new Error(`${what} failed: HTTP ${res.status}${said ? ` — ${said}` : ''}`);
}

/** A fetch that failed before any answer came back, said plainly. */
export function unreachable(url: string, err: unknown): Error {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new Error(`Cannot reach ${url} (${why}). Check the address and your connection.`);
}
