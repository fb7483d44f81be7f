// fetch with a cookie jar, as a browser has: the session's refresh travels in the httpOnly
// cookie the backend sets, which Node's fetch would otherwise drop. It also counts requests by
// path and the refusals, so tests can see how many refreshes were made and why.
export interface CookieFetch {
  fetch: typeof fetch;
  calls: (path: string) => number;
  /** How many answers were 401 (an expired or refused token). */
  refused: () => number;
  jar: Map<string, string>;
}

export function cookieFetch(): CookieFetch {
  const jar = new Map<string, string>();
  const counts = new Map<string, number>();
  let refused = 0;
  const wrapped: typeof fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers });
    if (res.status === 401) refused += 1;
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      const text = value.join('=');
      if (text && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.set(name.trim(), text);
      else jar.delete(name.trim());
    }
    return res;
  };
  return { fetch: wrapped, calls: (path) => counts.get(path) ?? 0, refused: () => refused, jar };
}
