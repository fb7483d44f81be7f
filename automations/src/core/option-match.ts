// Picking the option a form offers that means what the profile or the user's answer says:
// yes/no wording, countries and codes, numeric ranges ("3-5 years", "$100k–$120k") and the many
// ways to decline a self-identification question.
import { sameCountry } from '@jobswipe/protocol/countries';

export const norm = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

const YES = /^(yes|y|true|i am|i do|i have|i will|i can|correct|agree|i agree|yes i)\b/;
const NO = /^(no|n|false|i am not|i do not|i dont|i have not|i will not|i cannot|i cant|not)\b/;
const DECLINE =
  /\b(decline|prefer not|dont wish|do not wish|not wish|do not want|dont want|choose not|rather not|not to (answer|disclose|say|self identify)|wish not|no answer|not specified|not disclosed)\b/;

export function isDeclineOption(label: string): boolean {
  return DECLINE.test(norm(label));
}

export function yesNoOf(label: string): boolean | null {
  const n = norm(label);
  if (isDeclineOption(label)) return null;
  if (NO.test(n)) return false;
  if (YES.test(n)) return true;
  return null;
}

/** Two options, one meaning yes and one no ("Yes" / "No", "Yes, I will" / "No, I won't"). */
export function isYesNo(options: string[]): boolean {
  if (options.length !== 2) return false;
  const meanings = options.map(yesNoOf);
  return meanings.includes(true) && meanings.includes(false);
}

/** Words that mean the same thing on EEO forms. */
const SYNONYMS: Array<[RegExp, RegExp]> = [
  [/^(female|woman|f)$/, /\b(female|woman)\b/],
  [/^(male|man|m)$/, /^(male|man)\b/],
  [/\bnon ?binary\b/, /\bnon ?binary\b/],
  [
    /^not a (protected )?veteran$|^no$|^i am not a (protected )?veteran$/,
    /\bnot a (protected )?veteran\b|\bi am not\b/,
  ],
  [
    /^(protected )?veteran$|^yes$|^i am a (protected )?veteran$/,
    /\bidentify as (one or more|a protected)|\bi am a protected veteran\b/,
  ],
  [/^no$|^no disability$|^i do not have a disability$/, /\bno i do(nt| not) have a disability\b|^no\b/],
  [/^yes$|^i have a disability$/, /\byes i have a disability\b|^yes\b/],
];

/** A numeric range an option states: "3-5 years" → [3, 5], "10+ years" → [10, ∞], "$90k – $110k". */
export function parseRange(label: string): [number, number] | null {
  const text = label.toLowerCase().replace(/,/g, '');
  const nums = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(k|m)?/g)].map((m) => {
    const n = Number(m[1]);
    return m[2] === 'k' ? n * 1_000 : m[2] === 'm' ? n * 1_000_000 : n;
  });
  if (!nums.length) return null;
  const [a, b] = [nums[0]!, nums[1]];
  if (/less than|under|fewer than|below|up to|<|^0\s*-/.test(text) && b === undefined) return [0, a];
  if (/\+|more than|over|above|or more|at least|>/.test(text) && b === undefined) return [a, Number.POSITIVE_INFINITY];
  if (b !== undefined) return [Math.min(a, b), Math.max(a, b)];
  return [a, a];
}

/**
 * The option whose range holds `value`: the tightest one if several overlap, and of open-ended
 * ones ("1+", "3+", "5+") the one starting nearest below it (3 is "3+", not "1+").
 */
export function rangeOption(options: string[], value: number): string | null {
  let best: { label: string; width: number; low: number } | null = null;
  for (const label of options) {
    const range = parseRange(label);
    if (!range) continue;
    // "3-5 years" holds 5; "5-7" holds 5 too, so prefer an upper bound that is exclusive-looking.
    if (value >= range[0] && value <= range[1]) {
      const width = range[1] - range[0] + (value === range[1] && range[1] !== range[0] ? 0.5 : 0);
      if (!best || width < best.width || (width === best.width && range[0] > best.low))
        best = { label, width, low: range[0] };
    }
  }
  return best?.label ?? null;
}

function tokens(s: string): Set<string> {
  return new Set(norm(s).split(' ').filter(Boolean));
}

/** A phone country code as answers carry it: "+1 United States" (the code, then the country). */
const PHONE_CODE = /^\+(\d{1,4})\b\s*(.*)$/;

/**
 * The option of a phone country-code picker for `+<code> <country>`: the options naming that
 * code ("United States (+1)", "+1"); several (+1 is the US and Canada) are told apart by the
 * country, and an option that names another country never answers.
 */
function phoneCodeOption(options: string[], code: string, country: string): string | null {
  const hasCode = new RegExp(`(^|[^\\d])\\+?\\s?${code}(?!\\d)`);
  const withCode = options.filter((o) => /\+\s?\d/.test(o) && hasCode.test(o));
  if (withCode.length === 1) {
    const named = withCode[0]!.replace(/[+()\d\s:-]+/g, ' ').trim();
    return !named || !country || sameCountry(named, country) || norm(named).includes(norm(country))
      ? withCode[0]!
      : null;
  }
  const exact = withCode.filter((o) => country && sameCountry(o.replace(/[+()\d\s:-]+/g, ' ').trim(), country));
  return exact.length === 1 ? exact[0]! : null;
}

/** The option that best means `wanted`, or null when none clearly does. */
export function matchOption(options: string[], wanted: string | boolean | number): string | null {
  if (!options.length) return null;
  const code = typeof wanted === 'string' ? PHONE_CODE.exec(wanted.trim()) : null;
  if (code) return phoneCodeOption(options, code[1]!, code[2]!.trim());
  if (typeof wanted === 'number') return rangeOption(options, wanted) ?? matchOption(options, String(wanted));
  if (typeof wanted === 'boolean') return options.find((o) => yesNoOf(o) === wanted) ?? null;
  const w = norm(wanted);
  if (!w) return null;
  const exact = options.find((o) => norm(o) === w);
  if (exact) return exact;
  // A number saved as text ("3" years) picks its range ("3-5 years", "2 to 4 years") as a number does.
  if (/^\d+(\.\d+)?$/.test(w)) {
    const range = rangeOption(options, Number(w));
    if (range) return range;
  }
  if (w === 'decline' || isDeclineOption(wanted)) return options.find(isDeclineOption) ?? null;
  const country = options.find((o) => sameCountry(o, wanted));
  if (country) return country;
  if (/^(yes|no|true|false)$/.test(w)) return matchOption(options, w === 'yes' || w === 'true');
  for (const [from, to] of SYNONYMS) {
    if (!from.test(w)) continue;
    const hit = options.find((o) => to.test(norm(o)) && !isDeclineOption(o));
    if (hit) return hit;
  }
  const starts = options.filter((o) => norm(o).startsWith(`${w} `) || w.startsWith(`${norm(o)} `));
  if (starts.length === 1) return starts[0]!;
  // Token overlap, refusing pairs where only one side is negated ("I am a veteran" vs "I am not").
  const want = tokens(wanted);
  const negated = want.has('not') || want.has('no');
  let best: { option: string; score: number } | null = null;
  for (const option of options) {
    const have = tokens(option);
    if ((have.has('not') || have.has('no')) !== negated) continue;
    const shared = [...want].filter((t) => have.has(t)).length;
    const score = shared / Math.max(want.size, have.size);
    if (score >= 0.5 && (!best || score > best.score)) best = { option, score };
  }
  return best?.option ?? null;
}
