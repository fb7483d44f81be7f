// The deck's filters, kept per user on this device: a reload or the next visit shows the same
// deck, and "Clear" clears them here too.
import type { DeckFilters } from '../api/client.ts';

const key = (userId: string) => `jobswipe.filters.${userId}`;

export function savedFilters(userId: string): DeckFilters {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as DeckFilters) : {};
  } catch {
    return {};
  }
}

export function saveFilters(userId: string, filters: DeckFilters): void {
  try {
    if (Object.keys(filters).length === 0) localStorage.removeItem(key(userId));
    else localStorage.setItem(key(userId), JSON.stringify(filters));
  } catch {
    // Storage full or disabled: the filters last for this visit.
  }
}
