// The answer key applied: what a correct submission of a form holds for a given profile and saved
// answers, and a field-by-field check of a recorded submission against it. Tolerant where an ATS
// stores an option id rather than its label, and where formatting varies (phone digits, salary).
import type { AnswerValue, ApplicantProfile, SavedAnswers } from '@jobswipe/protocol';
import { sameCountry } from '@jobswipe/protocol/countries';
import type { Asks, FieldOption, FieldSpec, FormSpec, ProfilePath } from './form-spec.ts';
import { answerByMeaning } from './meanings.ts';

export type MatchMode = 'exact' | 'digits' | 'phone' | 'prefix' | 'url' | 'email' | 'set';

export interface ExpectedValue {
  field: string;
  label: string;
  /** What the form should have submitted (option values for choices). */
  value: string | string[];
  /** Other spellings that are just as right (an option's label where the ATS submits its id). */
  alsoAccepted: string[];
  match: MatchMode;
  source: 'profile' | 'answer';
}

export interface ExpectedSubmission {
  fields: ExpectedValue[];
  /** File fields and the document each must carry. */
  files: Array<{ field: string; document: 'resume' | 'coverLetter'; required: boolean }>;
  /** Fields that must stay empty (honeypots). */
  empty: string[];
  /** Fields neither the profile nor the answers cover: left to the user, or left empty. */
  uncovered: Array<{ field: string; label: string; required: boolean }>;
  /** Fields any answer the form offers is right for (a phone's device type the profile never says). */
  anything: Array<{ field: string; label: string }>;
}

export interface SubmissionMismatch {
  field: string;
  label: string;
  expected: string | string[];
  actual: string | string[] | undefined;
}

type Raw = string | number | boolean | string[] | null | undefined;

function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function formattedLocation(p: ApplicantProfile): string | undefined {
  const parts = [p.location.city, p.location.region, p.location.country].filter((x): x is string => !!x);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function profileValue(p: ApplicantProfile, path: ProfilePath, country?: string, company?: string): Raw {
  switch (path) {
    case 'profile.firstName':
      return p.firstName;
    case 'profile.lastName':
      return p.lastName;
    case 'profile.fullName':
      return `${p.firstName} ${p.lastName}`.trim();
    case 'profile.email':
      return p.email;
    case 'profile.phone':
      return p.phone || undefined;
    case 'profile.links.linkedin':
    case 'profile.links.github':
    case 'profile.links.portfolio':
    case 'profile.links.website':
    case 'profile.links.twitter':
      return p.links[path.slice('profile.links.'.length) as keyof ApplicantProfile['links']];
    case 'profile.location':
      return formattedLocation(p);
    case 'profile.location.city':
    case 'profile.location.region':
    case 'profile.location.country':
    case 'profile.location.postalCode':
    case 'profile.location.addressLine':
      return p.location[path.slice('profile.location.'.length) as keyof ApplicantProfile['location']];
    case 'profile.workAuthorization.authorizedCountries': {
      const countries = p.workAuthorization.authorizedCountries;
      if (country === undefined) return countries.length > 0 ? countries : undefined;
      // An empty list says nothing: the user never answered.
      return countries.length === 0 ? undefined : countries.some((c) => sameCountry(c, country));
    }
    case 'profile.workAuthorization.requiresSponsorship': {
      // Working in a country the applicant is not authorized in takes a visa, whatever else they said.
      const countries = p.workAuthorization.authorizedCountries;
      if (country !== undefined && countries.length > 0 && !countries.some((c) => sameCountry(c, country))) return true;
      return p.workAuthorization.requiresSponsorship;
    }
    case 'profile.salaryExpectation':
      return p.salaryExpectation ? String(p.salaryExpectation.amount) : undefined;
    case 'profile.noticePeriod':
      return p.noticePeriod;
    case 'profile.currentCompany':
      return p.currentCompany;
    case 'profile.currentTitle':
      return p.currentTitle;
    case 'profile.yearsOfExperience':
      return p.yearsOfExperience;
    case 'profile.eeo.gender':
    case 'profile.eeo.race':
    case 'profile.eeo.hispanicLatino':
    case 'profile.eeo.veteran':
    case 'profile.eeo.disability':
      return p.eeo[path.slice('profile.eeo.'.length) as keyof ApplicantProfile['eeo']];
    case 'profile.coverLetter':
      return p.coverLetter;
    case 'profile.earliestStartDate':
      return p.earliestStartDate;
    case 'profile.willingToRelocate':
      return p.willingToRelocate;
    case 'profile.workHistory':
      // An empty history says nothing: the user never confirmed one.
      if (p.workHistory.length === 0 || company === undefined) return undefined;
      return p.workHistory.some((w) => norm(w.company).startsWith(norm(company)));
  }
}

const DECLINE =
  /decline|don.?t wish|do not wish|not want|prefer not|don.?t want|rather not|not to (answer|say|disclose)/i;

/** The years an experience option stands for: "3-5 years" → [3, 5], "More than 10" → [11, ∞). */
function yearRange(label: string): [number, number] | null {
  const text = label.toLowerCase();
  const between = /(\d+)\s*(?:-|–|to)\s*(\d+)/.exec(text);
  if (between) return [Number(between[1]), Number(between[2])];
  const below = /(?:less than|under|fewer than|<)\s*(\d+)/.exec(text);
  if (below) return [0, Number(below[1]) - 1];
  const above = /(?:more than|over|>)\s*(\d+)/.exec(text);
  if (above) return [Number(above[1]) + 1, Number.POSITIVE_INFINITY];
  const plus = /(\d+)\s*\+/.exec(text);
  if (plus) return [Number(plus[1]), Number.POSITIVE_INFINITY];
  return null;
}

function chooseOption(options: readonly FieldOption[], raw: string | number | boolean): FieldOption | undefined {
  if (typeof raw === 'boolean') {
    const word = raw ? 'yes' : 'no';
    return options.find((o) => norm(o.label) === word || norm(o.label).startsWith(`${word} `));
  }
  if (typeof raw === 'number') {
    return options.find((o) => {
      const range = yearRange(o.label);
      return range !== null && raw >= range[0] && raw <= range[1];
    });
  }
  if (norm(raw) === 'decline') return options.find((o) => DECLINE.test(o.label));
  const wanted = norm(raw);
  return (
    options.find((o) => norm(o.label) === wanted || norm(o.value) === wanted) ??
    options.find((o) => sameCountry(o.label, raw)) ??
    options.find((o) => norm(o.label).startsWith(wanted) || wanted.startsWith(norm(o.label)))
  );
}

const CHOICE_TYPES = new Set(['select', 'combobox', 'radio', 'yes_no']);

function matchMode(field: FieldSpec): MatchMode {
  if (field.type === 'checkbox_group') return 'set';
  if (field.type === 'tel') return 'phone';
  if (field.asks.kind === 'profile' && field.asks.path === 'profile.salaryExpectation') return 'digits';
  if (field.type === 'url') return 'url';
  if (field.type === 'email') return 'email';
  if (field.type === 'location') return 'prefix';
  return 'exact';
}

function isoToField(field: FieldSpec, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return field.dateFormat === 'mdy' && m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** The expected submitted value of one field for a raw profile value or saved answer. */
function fieldValue(field: FieldSpec, raw: Raw): { value: string | string[]; alsoAccepted: string[] } | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const options = field.options ?? [];
  if (field.type === 'checkbox') {
    const checked = raw === true || (typeof raw === 'string' && /^(yes|true|on|1|i agree)$/i.test(raw.trim()));
    return { value: checked ? (options[0]?.value ?? 'on') : '', alsoAccepted: checked ? ['on', 'true'] : [] };
  }
  if (field.type === 'checkbox_group') {
    const wanted = Array.isArray(raw) ? raw : [String(raw)];
    const picked = wanted.map((w) => chooseOption(options, w));
    if (picked.some((o) => o === undefined)) return null;
    return { value: picked.map((o) => o!.value), alsoAccepted: picked.map((o) => o!.label) };
  }
  if (CHOICE_TYPES.has(field.type) || (field.type === 'location' && options.length > 0)) {
    if (field.type === 'location' && typeof raw === 'string') {
      const place = options.find((o) => norm(o.label).startsWith(norm(raw.split(',')[0] ?? raw)));
      return place ? { value: place.value, alsoAccepted: [place.label] } : null;
    }
    const option = Array.isArray(raw) ? undefined : chooseOption(options, raw);
    return option ? { value: option.value, alsoAccepted: [option.label] } : null;
  }
  if (typeof raw === 'boolean') return { value: raw ? 'Yes' : 'No', alsoAccepted: [] };
  if (Array.isArray(raw)) return { value: raw.join(', '), alsoAccepted: [] };
  if (field.type === 'date') return { value: isoToField(field, String(raw)), alsoAccepted: [] };
  if (field.type === 'location') return { value: String(raw).split(',')[0] ?? String(raw), alsoAccepted: [] };
  return { value: String(raw), alsoAccepted: [] };
}

/** A profile value; "worked for this company?" with no confirmed work history, the saved answer about it. */
function profileAnswer(profile: ApplicantProfile, answers: SavedAnswers, asks: Extract<Asks, { kind: 'profile' }>) {
  const value = profileValue(profile, asks.path, asks.country, asks.company);
  if (value !== undefined || asks.path !== 'profile.workHistory') return value;
  return answerByMeaning(answers, 'previouslyEmployed');
}

/** The answer to this very question, else one saved in other words, else the profile's default. */
function questionAnswer(profile: ApplicantProfile, answers: SavedAnswers, asks: Extract<Asks, { kind: 'question' }>) {
  const exact = answers[asks.key];
  if (exact !== undefined || asks.means !== 'referralSource') return exact;
  return answerByMeaning(answers, 'referralSource') ?? profile.referralSource ?? undefined;
}

export function expectedSubmission(
  spec: FormSpec,
  profile: ApplicantProfile,
  answers: SavedAnswers = {},
): ExpectedSubmission {
  const out: ExpectedSubmission = { fields: [], files: [], empty: [], uncovered: [], anything: [] };
  for (const field of spec.fields) {
    const { asks } = field;
    if (asks.kind === 'system') continue;
    if (asks.kind === 'honeypot') {
      out.empty.push(field.name);
      continue;
    }
    if (asks.kind === 'document') {
      if (field.type === 'file')
        out.files.push({ field: field.name, document: asks.document, required: field.required });
      continue;
    }
    if (asks.kind === 'question' && asks.means === 'phoneType' && answers[asks.key] === undefined) {
      out.anything.push({ field: field.name, label: field.label });
      continue;
    }
    const raw: Raw | AnswerValue =
      asks.kind === 'profile' ? profileAnswer(profile, answers, asks) : questionAnswer(profile, answers, asks);
    const resolved = fieldValue(field, raw);
    if (resolved === null || (field.type === 'checkbox' && resolved.value === '' && !field.required)) {
      if (resolved === null) out.uncovered.push({ field: field.name, label: field.label, required: field.required });
      continue;
    }
    out.fields.push({
      field: field.name,
      label: field.label,
      ...resolved,
      match: matchMode(field),
      source: asks.kind === 'profile' ? 'profile' : 'answer',
    });
  }
  return out;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** The same number, written with or without its country code (1 to 3 leading digits). */
function samePhone(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 7 && long.endsWith(short) && long.length - short.length <= 3;
}

function normalUrl(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Whether a submitted value is the expected one, within the tolerance of its match mode. */
export function matches(e: ExpectedValue, actual: string | string[] | undefined): boolean {
  const list = actual === undefined ? [] : Array.isArray(actual) ? actual : [actual];
  if (e.match === 'set') {
    const wanted = Array.isArray(e.value) ? e.value : [e.value];
    const ok = (a: string) => wanted.includes(a) || e.alsoAccepted.includes(a);
    return list.length === wanted.length && list.every(ok);
  }
  const got = list[0] ?? '';
  const candidates = [...(Array.isArray(e.value) ? e.value : [e.value]), ...e.alsoAccepted];
  return candidates.some((want) => {
    switch (e.match) {
      case 'digits':
        return digits(got) !== '' && digits(got) === digits(want);
      case 'phone':
        return samePhone(digits(got), digits(want));
      case 'url':
        return normalUrl(got) === normalUrl(want);
      case 'email':
        return got.trim().toLowerCase() === want.trim().toLowerCase();
      case 'prefix':
        return squash(got).toLowerCase().startsWith(squash(want).toLowerCase());
      default:
        return squash(got) === squash(want);
    }
  });
}

export interface RecordedSubmission {
  fields: Record<string, string | string[]>;
  files: Array<{ field: string; sha256: string }>;
}

/**
 * Every difference between a recorded submission and the answer key: wrong or missing values,
 * filled honeypots, and files whose sha256 differs from the documents given.
 */
export function checkSubmission(
  spec: FormSpec,
  submission: RecordedSubmission,
  profile: ApplicantProfile,
  answers: SavedAnswers = {},
  documents: { resume?: string; coverLetter?: string } = {},
): SubmissionMismatch[] {
  const expected = expectedSubmission(spec, profile, answers);
  const mismatches: SubmissionMismatch[] = [];
  const byName = new Map(spec.fields.map((f) => [f.name, f]));
  const hasFile = (name: string | undefined) => submission.files.some((f) => f.field === name);
  const hasText = (name: string | undefined) => {
    const value = name === undefined ? undefined : submission.fields[name];
    return value !== undefined && value !== '';
  };
  for (const e of expected.fields) {
    // Text that stands in for a file ("enter manually") is not expected when the file was sent.
    if (hasFile(byName.get(e.field)?.alternativeTo)) continue;
    const actual = submission.fields[e.field];
    if (!matches(e, actual)) mismatches.push({ field: e.field, label: e.label, expected: e.value, actual });
  }
  for (const name of expected.empty) {
    const actual = submission.fields[name];
    if (actual !== undefined && actual !== '')
      mismatches.push({ field: name, label: 'honeypot', expected: '', actual });
  }
  for (const f of expected.files) {
    const sha = documents[f.document];
    if (sha === undefined) continue;
    const got = submission.files.find((x) => x.field === f.field)?.sha256;
    const pasted = spec.fields.find((x) => x.alternativeTo === f.field)?.name;
    // An optional file may be left out, and a pasted text may stand in for any file.
    if (got === undefined && (!f.required || hasText(pasted))) continue;
    if (got !== sha) mismatches.push({ field: f.field, label: f.document, expected: sha, actual: got });
  }
  return mismatches;
}
