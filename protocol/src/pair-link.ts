// The link the web's Devices page offers to open the desktop app on its pairing form:
// `jobswipe://pair?code=…&server=…`. The app registers the scheme and parses it
// (desktop/src/main/deep-link.ts); both sides take its shape from here.
export const PAIR_LINK_SCHEME = 'jobswipe';

/** The deep link for a pairing code shown on `server` (the web's origin). */
export function pairLinkUrl(code: string, server: string): string {
  const query = new URLSearchParams({ code, server });
  return `${PAIR_LINK_SCHEME}://pair?${query}`;
}
