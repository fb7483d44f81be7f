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

/** Every country a sentence names, in order ("…in the United Kingdom or Ireland?" → GB, IE). */
export function countriesIn(sentence: string): string[] {
  const words = norm(sentence).split(' ');
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    let step = 1;
    for (let len = Math.min(4, words.length - i); len >= 1; len--) {
      const phrase = words.slice(i, i + len).join(' ');
      // Two-letter words ("in", "to") are too ambiguous to read as codes inside a sentence.
      if (phrase.length <= 2 && phrase !== 'us' && phrase !== 'uk') continue;
      if (phrase === 'us' && !/\bthe us\b|\bin us\b|\bu s\b/.test(words.join(' '))) continue;
      const code = countryCode(phrase);
      if (code) {
        if (!found.includes(code)) found.push(code);
        step = len;
        break;
      }
    }
    i += step;
  }
  return found;
}

/** The first country named in a sentence ("…authorized to work in the United States?"). */
export function countryIn(sentence: string): string | null {
  return countriesIn(sentence)[0] ?? null;
}

// A job's location names its country in the ways job boards write places: "Berlin, Germany",
// "San Francisco, CA", "Austin, Texas, United States", "Remote - US", "Toronto, ON". A US state or
// Canadian province after a city stands for its country.
const US_STATES: Record<string, string> = {
  AL: 'alabama',
  AK: 'alaska',
  AZ: 'arizona',
  AR: 'arkansas',
  CA: 'california',
  CO: 'colorado',
  CT: 'connecticut',
  DE: 'delaware',
  DC: 'district of columbia',
  FL: 'florida',
  GA: 'georgia',
  HI: 'hawaii',
  ID: 'idaho',
  IL: 'illinois',
  IN: 'indiana',
  IA: 'iowa',
  KS: 'kansas',
  KY: 'kentucky',
  LA: 'louisiana',
  ME: 'maine',
  MD: 'maryland',
  MA: 'massachusetts',
  MI: 'michigan',
  MN: 'minnesota',
  MS: 'mississippi',
  MO: 'missouri',
  MT: 'montana',
  NE: 'nebraska',
  NV: 'nevada',
  NH: 'new hampshire',
  NJ: 'new jersey',
  NM: 'new mexico',
  NY: 'new york',
  NC: 'north carolina',
  ND: 'north dakota',
  OH: 'ohio',
  OK: 'oklahoma',
  OR: 'oregon',
  PA: 'pennsylvania',
  RI: 'rhode island',
  SC: 'south carolina',
  SD: 'south dakota',
  TN: 'tennessee',
  TX: 'texas',
  UT: 'utah',
  VT: 'vermont',
  VA: 'virginia',
  WA: 'washington',
  WV: 'west virginia',
  WI: 'wisconsin',
  WY: 'wyoming',
};
const CA_PROVINCES: Record<string, string> = {
  AB: 'alberta',
  BC: 'british columbia',
  MB: 'manitoba',
  NB: 'new brunswick',
  NL: 'newfoundland and labrador',
  NS: 'nova scotia',
  NT: 'northwest territories',
  NU: 'nunavut',
  ON: 'ontario',
  PE: 'prince edward island',
  QC: 'quebec',
  SK: 'saskatchewan',
  YT: 'yukon',
};
/** State codes job boards also use for countries ("Berlin, DE", "Pune, IN", "Tel Aviv, IL"): they prove nothing. */
const AMBIGUOUS_CODES = new Set(['DE', 'IN', 'IL']);
/** State names that are also countries ("Tbilisi, Georgia"). */
const AMBIGUOUS_NAMES = new Set(['georgia']);
const REGION_WORDS =
  /^(remote|hybrid|on ?site|onsite|anywhere|worldwide|global|emea|apac|latam|americas|europe|eu|hq|office)$/;

function placeCountry(part: string, afterCity: boolean): string | null | 'ambiguous' {
  const raw = part.trim();
  const key = norm(raw);
  if (!key || REGION_WORDS.test(key)) return null;
  if (/^[A-Z]{2}$/.test(raw) && afterCity) {
    if (AMBIGUOUS_CODES.has(raw)) return 'ambiguous';
    if (raw in US_STATES) return 'US';
    if (raw in CA_PROVINCES) return 'CA';
  }
  if (AMBIGUOUS_NAMES.has(key)) return 'ambiguous';
  if (Object.values(US_STATES).includes(key)) return 'US';
  if (Object.values(CA_PROVINCES).includes(key)) return 'CA';
  // Two letters alone name a country only as "US" or "UK": "DE" may be Delaware.
  if (raw === 'US' || raw === 'UK') return raw === 'US' ? 'US' : 'GB';
  if (key.length <= 2) return null;
  return countryCode(raw);
}

/**
 * The ISO country of a job's location, or null when it names none or several ("New York or
 * London"), or only a place that could be in two ("Atlanta, Georgia", "Berlin, DE").
 */
export function countryOfLocation(location: string): string | null {
  const parts = location
    .replace(/\b(remote|hybrid|on-?site)\b/gi, ',')
    .split(/[,;|/()•·]|\s[-–]\s|^\s*[-–]|[-–]\s*$|\bor\b|\band\b/)
    .map((p) => p?.trim())
    .filter((p): p is string => !!p);
  const found = new Set<string>();
  parts.forEach((part, i) => {
    const country = placeCountry(part, i > 0);
    if (country) found.add(country);
  });
  if (found.has('ambiguous') || found.size !== 1) return null;
  return [...found][0] ?? null;
}
