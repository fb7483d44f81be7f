// `jobswipe://pair?code=…[&server=…]` links, from the web's Devices page. A link only pre-fills
// the pairing form: the user confirms it in the window, because any web page can open a link and
// a device paired to a stranger's server would apply in the user's own browser profile.
import { PAIR_LINK_SCHEME } from '@jobswipe/protocol/pair-link';

export interface PairLink {
  code: string;
  /** The server named in the link, if any (else the app's own). */
  server: string | null;
}

export function parsePairLink(text: string): PairLink | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== `${PAIR_LINK_SCHEME}:`) return null;
  // `jobswipe://pair?…` parses with host "pair" (and an empty path); `jobswipe:pair?…` with path "pair".
  const action = url.host || url.pathname.replace(/^\/+/, '');
  const code = url.searchParams.get('code')?.trim() ?? '';
  if (action !== 'pair' || !/^[A-Za-z0-9-]{4,64}$/.test(code)) return null;
  const server = url.searchParams.get('server');
  return { code, server: server && /^https?:\/\//.test(server) ? server : null };
}

/** The deep link among a process's arguments (Windows and Linux pass it to the app that way). */
export function pairLinkInArgs(argv: readonly string[]): PairLink | null {
  for (const arg of argv) {
    if (arg.startsWith(`${PAIR_LINK_SCHEME}:`)) return parsePairLink(arg);
  }
  return null;
}
