// Country names and codes without shipping a table: the browser's Intl.DisplayNames knows every
// ISO 3166 region name. Aliases cover what forms write that Intl does not ("USA", "UK").
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u s': 'US',
  'u s a': 'US',
  america: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  holland: 'NL',
  'south korea': 'KR',
  korea: 'KR',
  russia: 'RU',
  czechia: 'CZ',
  'czech republic': 'CZ',
  uae: 'AE',
};

/** Retired and reserved codes Intl still names after a current country (DD "Germany", UK). */
const RETIRED = new Set(['AN', 'BU', 'CS', 'DD', 'EU', 'EZ', 'FX', 'NT', 'QO', 'SU', 'TP', 'UK', 'UN', 'YU', 'ZR']);

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name && name !== code && !RETIRED.has(code)) byName.set(norm(name), code);
    }
  }
  return byName;
}

/** ISO alpha-2 code for a country name, alias or code ("United States", "USA", "us" → "US"). */
export function countryCode(text: string): string | null {
  const key = norm(text);
  const alias = ALIASES[key];
  if (alias) return alias;
  if (/^[a-z]{2}$/.test(key)) {
    const upper = key.toUpperCase();
    return [...names().values()].includes(upper) ? upper : null;
  }
  return names().get(key) ?? null;
}

/** True when two texts name the same country. */
export function sameCountry(a: string, b: string): boolean {
  const ca = countryCode(a);
  return ca !== null && ca === countryCode(b);
}

/** The first country named in a sentence ("…authorized to work in the United States?"). */
export function countryIn(sentence: string): string | null {
  const words = norm(sentence).split(' ');
  for (let len = 4; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const phrase = words.slice(i, i + len).join(' ');
      // Two-letter words ("in", "to") are too ambiguous to read as codes inside a sentence.
      if (phrase.length <= 2 && phrase !== 'us' && phrase !== 'uk') continue;
      if (phrase === 'us' && !/\bthe us\b|\bin us\b|\bu s\b/.test(words.join(' '))) continue;
      const code = countryCode(phrase);
      if (code) return code;
    }
  }
  return null;
}
