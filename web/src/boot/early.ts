// What the first page needs, started by the small entry script before React has even arrived:
// the session (the refresh cookie signs the user back in), the swipe outbox, and the deck's first
// page for a visit that opens on the deck. React's bundle downloads meanwhile, so a phone on a
// slow network waits for the two at once instead of one after the other.
import type { DeckPage } from '@jobswipe/protocol';
import { ApiClient, type DeckFilters } from '../api/client.ts';
import { SwipeOutbox } from '../offline/swipe-outbox.ts';
import { Session } from '../session/session.ts';

export const session = new Session();
export const api = new ApiClient(session);
/** Opened at once: the deck must know the swipes still waiting before it shows cards. */
export const outbox = SwipeOutbox.open();

/** The size of the deck's pages; the first one fetched early must be the one the deck asks for. */
export const DECK_PAGE_SIZE = 10;

let firstDeck: { key: string; page: Promise<DeckPage> } | null = null;

/** The key a deck page is asked for under (its filters); an early page is only used for the same. */
export function deckKey(userId: string, filters: DeckFilters): string {
  return `${userId} ${JSON.stringify(filters)}`;
}

/**
 * Signs in from the refresh cookie and, when the visit opens on the deck, fetches its first page
 * with the filters the user last chose.
 */
export function startEarly(filtersOf: (userId: string) => DeckFilters): void {
  const restoring = session.restore().catch(() => undefined);
  if (window.location.pathname !== '/') return;
  void restoring.then(() => {
    const user = session.state.user;
    if (session.state.status !== 'signed_in' || !user) return;
    const filters = filtersOf(user.id);
    const page = api.deck(filters, undefined, DECK_PAGE_SIZE);
    // An early page nobody takes must not report an unhandled failure: the deck asks again.
    page.catch(() => undefined);
    firstDeck = { key: deckKey(user.id, filters), page };
  });
}

/** The first deck page fetched early for `key`, once; null when there is none for it. */
export function takeFirstDeck(key: string): Promise<DeckPage> | null {
  const early = firstDeck?.key === key ? firstDeck.page : null;
  firstDeck = null;
  return early;
}
