// The read-back contract: after filling, every control is read from the page again (the text it
// holds, the option or chip selected, the pressed button, the file attached) and compared with
// the answer the policy intended. A control that does not hold its answer is filled again or
// ends the run as needs-attention; it is never submitted. Pure: the DOM layer reads, this decides.
import { sameCountry } from '@jobswipe/protocol/countries';
import { matchOption, norm, parseRange, yesNoOf } from './option-match.ts';
import type { DiscoveredField, FilePayload } from './types.ts';

export type Intended = string | string[] | boolean | number | FilePayload;

export interface ReadBack {
  widget: DiscoveredField['widget'];
  type: DiscoveredField['type'];
  /** What the control shows now: typed text, the selected options' labels, file names ('' = nothing). */
  value: string;
}

export type Comparison = { ok: true } | { ok: false; expected: string; actual: string };

const digits = (s: string) => s.replace(/\D/g, '');

function shown(intended: Intended): string {
  if (typeof intended === 'boolean') return intended ? 'Yes' : 'No';
  if (Array.isArray(intended)) return intended.join(', ');
  if (typeof intended === 'object') return intended.name;
  return String(intended);
}

/** A date written any common way ("2027-03-01", "03/01/2027", "March 1, 2027") as YYYY-MM-DD. */
function isoDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  // Forms in this engine write month first where they show MM/DD/YYYY, day first where DD.MM.YYYY.
  if (m)
    return t.includes('.')
      ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
      : `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const parsed = Date.parse(`${t} UTC`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** The same phone number, with or without its country code. */
function samePhone(a: string, b: string): boolean {
  const [x, y] = [digits(a), digits(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short) && long.length - short.length <= 3;
}

/** A time of day as a native time input holds it ("14:30") from "14:30", "2:30 pm" or "2 PM"; else null. */
export function time24(text: string): string | null {
  const m = /^\s*(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*([ap])?\.?\s*(m\.?)?\s*$/i.exec(text);
  if (!m || (!m[2] && !m[3])) return null;
  const hour = m[3] ? (Number(m[1]) % 12) + (/p/i.test(m[3]) ? 12 : 0) : Number(m[1]);
  return hour < 24 ? `${String(hour).padStart(2, '0')}:${m[2] ?? '00'}` : null;
}

/** A date and a time of day written any common way ("2027-01-20 9:45 am") as a datetime-local input holds them. */
export function isoDateTime(text: string): string | null {
  const m = /^(.+?)(?:T|,?\s+(?:at\s+)?)(\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)$/i.exec(text.trim());
  const [date, time] = m ? [isoDate(m[1]!), time24(m[2]!)] : [null, null];
  return date && time ? `${date}T${time}` : null;
}

function sameText(intended: string, actual: string, type: DiscoveredField['type']): boolean {
  if (norm(intended) === norm(actual)) return true;
  if (time24(intended) !== null && time24(intended) === time24(actual)) return true;
  if (type === 'tel') return samePhone(intended, actual);
  if (type === 'date' && isoDateTime(intended) !== null) return isoDateTime(intended) === isoDateTime(actual);
  if (type === 'date') return isoDate(intended) !== null && isoDate(intended) === isoDate(actual);
  if (type === 'url')
    return norm(intended).replace(/^https? (www )?/, '') === norm(actual).replace(/^https? (www )?/, '');
  // Numbers a mask formats ("165000" shown as "165,000" or "$165,000").
  if (/^\d[\d,. ]*$/.test(intended.trim())) return digits(intended) === digits(actual);
  return false;
}

function sameChoice(intended: Exclude<Intended, FilePayload | string[]>, actual: string): boolean {
  if (typeof intended === 'boolean') return yesNoOf(actual) === intended;
  if (typeof intended === 'number') {
    const range = parseRange(actual);
    return range !== null && intended >= range[0] && intended <= range[1];
  }
  if (sameCountry(intended, actual)) return true;
  // A typeahead may show more than was asked ("Berlin" → "Berlin, Germany"): the first part decides.
  const first = norm(intended.split(',')[0] ?? intended);
  if (first && norm(actual).startsWith(first)) return true;
  return matchOption([actual], intended) !== null;
}

/** Whether `readBack` holds `intended`; when not, what was wanted and what the page shows. */
export function compareReadBack(intended: Intended, readBack: ReadBack): Comparison {
  const actual = readBack.value.trim();
  const miss: Comparison = { ok: false, expected: shown(intended), actual };
  if (readBack.widget === 'checkbox') {
    const want = typeof intended === 'boolean' ? intended : /^(yes|true|1|on|checked)$/i.test(shown(intended));
    return (actual === 'true') === want ? { ok: true } : { ...miss, expected: want ? 'checked' : 'unchecked' };
  }
  if (!actual) return miss;
  if (typeof intended === 'object' && !Array.isArray(intended)) {
    return actual.split(', ').includes(intended.name) ? { ok: true } : miss;
  }
  if (Array.isArray(intended)) {
    const chosen = actual.split(/,\s*/);
    const all = intended.every((want) => chosen.some((have) => sameChoice(want, have)));
    return all && chosen.length >= intended.length ? { ok: true } : miss;
  }
  if (readBack.widget === 'date_parts') {
    // Month and year only (no day part) hold the month of the date.
    const iso = isoDate(shown(intended));
    return iso !== null && actual.length >= 7 && iso.startsWith(actual) ? { ok: true } : miss;
  }
  if (readBack.widget === 'text' || readBack.widget === 'date') {
    if (typeof intended === 'boolean') return norm(actual) === norm(shown(intended)) ? { ok: true } : miss;
    return sameText(String(intended), actual, readBack.type) ? { ok: true } : miss;
  }
  return sameChoice(intended, actual) ? { ok: true } : miss;
}
