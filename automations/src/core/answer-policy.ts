// Where each answer comes from, and never a wrong one. In order: the user's saved answer to this
// very question; the profile field the question means exactly (work authorization derived from
// the authorized countries and the job's country, sponsorship, age, years, start date…); one saved
// answer to the same canonical kind of question in other words; then, for questions that are not
// sensitive, a saved answer to a question worded almost the same. Sensitive kinds (the one list
// in protocol/sensitive.ts) are never guessed; a question that cannot be read safely is asked.
import type { AnswerValue, ApplicantProfile, FillSource } from '@jobswipe/protocol';
import { countryCode, sameCountry } from '@jobswipe/protocol/countries';
import { normalizeQuestion } from '@jobswipe/protocol/questions';
import { sensitiveKindOf } from '@jobswipe/protocol/sensitive';
import { EEO_KEYS, type FieldKey, fieldKey, isProfileKey, type ProfileKey } from './field-keys.ts';
import { isDeclineOption, norm } from './option-match.ts';
import { phoneCountryCode } from './phone-codes.ts';
import { companyName, employerAsked, type QuestionKind, questionKind, sameKind } from './question-kinds.ts';
import type { DiscoveredField, FilePayload, StepInput } from './types.ts';

export interface Answer {
  /** Text to type, an option meaning (string/boolean/number), several options, or a file. */
  value: AnswerValue | number | FilePayload;
  source: FillSource;
  /** Where it came from: `profile.<field>`, `answer:<saved question key>`, `default:<rule>`. */
  ref: string;
  /** Other ways to write the same value, tried after the form rejects the first. */
  alternates?: string[];
}

/** What the policy reads of a field: its words and its shape, never the page. */
export type FieldFacts = Pick<DiscoveredField, 'label' | 'hints' | 'type' | 'widget' | 'required' | 'placeholder'> & {
  options: Array<{ label: string }>;
};

export interface Decision {
  key: FieldKey | null;
  answer: Answer | null;
  sensitive: boolean;
}

/** Canonical kinds about pay, immigration and self-identification: never guessed. */
const SENSITIVE_KINDS = new Set<QuestionKind['key']>([
  'sponsorship',
  'workAuthorization',
  'currentSalary',
  'expectedSalary',
  'pronouns',
]);
/** Consent to apply and to have the application processed: what a right swipe already says. */
const CONSENT =
  /\b(i (agree|consent|acknowledge|accept|understand|have read)|i have read|privacy (policy|notice|statement)|terms (of|and)|data (processing|protection)|information (provided|i have provided|given) (is|in this application is) (true|accurate|complete|correct)|i certify that (the|all) information)\b/i;
/** Opt-ins to more than this application: never implied by applying. */
const OPT_IN =
  /\b(marketing|newsletter|job alerts?|promotional|talent (pool|community|network)|future (opportunities|openings|roles|positions|vacancies)|other (opportunities|openings|roles|positions)|sms|text messages?|whatsapp)\b/i;
/** A box consenting to this application and its processing, not an opt-in to anything more. */
export function consentToApply(label: string): boolean {
  return CONSENT.test(label) && !OPT_IN.test(label) && sensitiveKindOf(label) === null;
}

/** The date a self-identification form or attestation is signed on: today. */
const TODAY = /^(todays date|today|date|current date|date signed|signature date|date of signature|signed on)$/;
/** Questions answered yes or no: a yes/no answer never goes into any other. */
const YES_NO_QUESTION = /^(are|do|does|did|will|would|can|could|have|has|is|were|was|should|shall|may)\b/;

/** The same phone number written the ways forms commonly accept. */
export function phoneFormats(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  const formats = [phone.trim()];
  if (phone.trim().startsWith('+')) formats.push(`+${digits}`);
  formats.push(national);
  if (national.length === 10) formats.push(`(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`);
  formats.push(national.length === 10 ? `+1${national}` : `+${digits}`);
  return [...new Set(formats)];
}

const fromProfile = (value: Answer['value'], path: string): Answer => ({
  value,
  source: 'profile',
  ref: `profile.${path}`,
});

function text(value: string | null | undefined, path: string): Answer | null {
  return value?.trim() ? fromProfile(value.trim(), path) : null;
}

function known<T>(value: T | null | undefined, path: string): Answer | null {
  return value === null || value === undefined ? null : fromProfile(value as Answer['value'], path);
}

function locationText(profile: ApplicantProfile): string {
  const { city, region, country } = profile.location;
  return [city, region, country].filter(Boolean).join(', ');
}

function profileAnswer(key: ProfileKey, field: FieldFacts, input: StepInput): Answer | null {
  const p = input.profile;
  switch (key) {
    case 'firstName':
      return text(p.firstName, 'firstName');
    case 'lastName':
      return text(p.lastName, 'lastName');
    case 'fullName':
      return text(`${p.firstName} ${p.lastName}`, 'firstName+lastName');
    case 'email':
      return text(p.email, 'email');
    case 'phone':
      return p.phone.trim() ? { ...fromProfile(p.phone.trim(), 'phone'), alternates: phoneFormats(p.phone) } : null;
    case 'phoneCountryCode': {
      const code = phoneCountryCode(p.phone, p.location.country);
      if (!code) return null;
      // Typed, the code alone; picked, the code with the country that tells +1 US from +1 Canada.
      return fromProfile(field.widget === 'text' ? code.split(' ')[0]! : code, 'phone (country code)');
    }
    case 'phoneType':
      return p.phone.trim() ? phoneTypeAnswer(field) : null;
    case 'linkedin':
    case 'github':
    case 'twitter':
    case 'portfolio':
      return text(p.links[key], `links.${key}`);
    case 'website': {
      // A single "Website" field is where applicants show their work.
      const which = (['portfolio', 'website', 'github'] as const).find((k) => p.links[k]);
      return which ? text(p.links[which], `links.${which}`) : null;
    }
    case 'otherUrl': {
      // Next to a "Portfolio" field, "Other URL" takes the personal site.
      const which = (['website', 'portfolio', 'github'] as const).find((k) => p.links[k]);
      return which ? text(p.links[which], `links.${which}`) : null;
    }
    case 'location':
      return text(locationText(p), 'location');
    case 'city':
    case 'region':
    case 'country':
    case 'postalCode':
    case 'addressLine':
      return text(p.location[key], `location.${key}`);
    case 'currentCompany':
    case 'currentTitle':
      return text(p[key], key);
    case 'gender':
    case 'race':
    case 'hispanicLatino':
    case 'veteran':
    case 'disability':
      return text(p.eeo[key], `eeo.${key}`);
    case 'resume':
      return input.files.resume ? { value: input.files.resume, source: 'resume', ref: 'resume' } : null;
    case 'coverLetter':
      if (field.type === 'file')
        return input.files.coverLetter
          ? { value: input.files.coverLetter, source: 'resume', ref: 'coverLetter' }
          : null;
      if (input.coverLetterText?.trim())
        return { value: input.coverLetterText.trim(), source: 'resume', ref: 'coverLetter' };
      return text(p.coverLetter, 'coverLetter');
  }
}

/** A personal mobile among a phone type's options; a work or office line is never it. */
const MOBILE = /\b(mobile|cell|cellular|cellphone|smartphone)\b/;
const NOT_PERSONAL = /\b(work|business|office|company|fax|pager)\b/;

/**
 * The applicant's phone is the number they carry: the profile keeps one number, the one an
 * employer should call or text, and people give their mobile for that. So "Phone Device Type"
 * takes the personal mobile option; a list with no such option (Home / Work only) is asked.
 */
function phoneTypeAnswer(field: FieldFacts): Answer | null {
  const ref = 'phone (the applicant’s own number: a mobile)';
  if (!field.options.length) return fromProfile('Mobile', ref);
  const mobile = field.options.map((o) => o.label).filter((o) => MOBILE.test(norm(o)));
  const choice = mobile.find((o) => !NOT_PERSONAL.test(norm(o)));
  return choice ? fromProfile(choice, ref) : null;
}

/** The job's country: named by the question, else the one parsed from the posting's location. */
function jobCountry(kindCountry: string | null, input: StepInput): string | null {
  return kindCountry ?? (input.job?.country ? countryCode(input.job.country) : null);
}

function authorizedIn(profile: ApplicantProfile, country: string | null): boolean | null {
  const list = profile.workAuthorization.authorizedCountries;
  if (!country || list.length === 0) return null;
  return list.some((c) => sameCountry(c, country) || countryCode(c) === country);
}

const invert = (value: boolean | null, inverted: boolean) => (value === null ? null : inverted ? !value : value);

function workAnswer(kind: QuestionKind, input: StepInput): Answer | null {
  const p = input.profile;
  const needs = p.workAuthorization.requiresSponsorship;
  if (kind.key === 'sponsorship') {
    if (kind.unclear) return null;
    const country = jobCountry(kind.country, input);
    const authorized = authorizedIn(p, country);
    // Not authorized in that country: working there takes a visa, whatever else the profile says.
    const value = authorized === false ? true : needs;
    const ref =
      authorized === false
        ? `profile.workAuthorization.authorizedCountries (not ${country})`
        : 'profile.workAuthorization.requiresSponsorship';
    return known(invert(value, kind.inverted), ref.slice('profile.'.length));
  }
  if (kind.key === 'workAuthorization') {
    if (kind.unclear) return null;
    const country = jobCountry(kind.country, input);
    const authorized = authorizedIn(p, country);
    if (authorized === null) return null;
    const value = !kind.unrestricted || !authorized ? authorized : needs === null ? null : !needs;
    const ref = kind.unrestricted
      ? `workAuthorization.authorizedCountries (${country}) + requiresSponsorship`
      : `workAuthorization.authorizedCountries (${country})`;
    return known(invert(value, kind.inverted), ref);
  }
  return null;
}

function sameCompany(a: string, b: string): boolean {
  const [x, y] = [companyName(a), companyName(b)];
  return x !== '' && (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `));
}

/** A profile answer to a canonical question kind, or null when the profile does not say. */
function kindProfileAnswer(kind: QuestionKind, field: FieldFacts, input: StepInput): Answer | null {
  const p = input.profile;
  switch (kind.key) {
    case 'sponsorship':
    case 'workAuthorization':
      return workAnswer(kind, input);
    case 'referralSource':
      return text(p.referralSource, 'referralSource');
    case 'preferredName':
      // Without a name the applicant said they go by, the first name is the name they use.
      return text(p.firstName, 'firstName');
    case 'earliestStartDate':
      return text(p.earliestStartDate, 'earliestStartDate');
    case 'noticePeriod':
      return text(p.noticePeriod, 'noticePeriod');
    case 'relocation':
      return known(p.willingToRelocate, 'willingToRelocate');
    case 'expectedSalary':
      return p.salaryExpectation ? fromProfile(p.salaryExpectation.amount, 'salaryExpectation') : null;
    case 'legalAge': {
      // 18 or older answers "at least 16" and "at least 18"; older thresholds need the user.
      if (p.legalAge === null || kind.minimum > 18) return null;
      if (kind.minimum < 18 && !p.legalAge) return null;
      return known(invert(p.legalAge, kind.inverted), 'legalAge');
    }
    case 'skillYears': {
      // "Years of professional software engineering experience" asked of a software engineer is
      // their career, not one skill within it.
      const titles = [p.currentTitle, p.workHistory[0]?.title];
      if (p.yearsOfExperience === null || !titles.some((t) => t && isProfession(kind.skill, t))) return null;
      return fromProfile(p.yearsOfExperience, `yearsOfExperience (${kind.skill}: the applicant’s own trade)`);
    }
    case 'totalYears': {
      if (p.yearsOfExperience === null) return null;
      if (kind.atLeast !== null) return fromProfile(p.yearsOfExperience >= kind.atLeast, 'yearsOfExperience');
      return fromProfile(p.yearsOfExperience, 'yearsOfExperience');
    }
    case 'previouslyEmployed': {
      // Only the confirmed work history says where the applicant worked, and only about this employer.
      const company = input.job?.company ?? null;
      if (!company || kind.negated || p.workHistory.length === 0 || employerAsked(field.label, company) !== 'job')
        return null;
      return fromProfile(
        p.workHistory.some((w) => sameCompany(w.company, company)),
        `workHistory (${company})`,
      );
    }
    default:
      return null;
  }
}

/** A word's stem, enough to tell "engineering" and "engineer" are one trade. */
function stem(word: string): string {
  const once = (w: string) => w.replace(/(ing|ers?|ment|ists?|ors?|s)$/, '');
  return once(once(word));
}

/**
 * Asked words that name an engineer's work: "software development" or "programming" asked of a
 * software engineer is their trade. One way only: a program manager's title does not make them
 * an engineer.
 */
const ENGINEERS_WORK: Record<string, string> = { develop: 'engine', programm: 'engine', program: 'engine' };

/** True when every word of `skill` is a word of the job title (its seniority left aside). */
function isProfession(skill: string, title: string): boolean {
  const have = new Set(norm(title).split(' ').map(stem));
  const words = skill.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => have.has(stem(w)) || have.has(ENGINEERS_WORK[stem(w)] ?? ''));
}

/** Profile fields answer first for these kinds; for the rest a saved answer of the same kind does. */
const PROFILE_FIRST = new Set<QuestionKind['key']>([
  'sponsorship',
  'workAuthorization',
  'expectedSalary',
  'legalAge',
  'totalYears',
  'previouslyEmployed',
]);

function savedExact(field: FieldFacts, input: StepInput): Answer | null {
  const key = normalizeQuestion(field.label);
  if (!key) return null;
  const saved = input.answers[key];
  return saved !== undefined ? { value: saved, source: 'answer', ref: `answer:${key}` } : null;
}

/**
 * One saved answer to the same canonical question in other words. "Worked here before?" is about
 * the posting's employer: a saved answer about "this company" (or this very employer) answers a
 * question naming the posting's company, never one naming another.
 */
function savedOfKind(kind: QuestionKind, label: string, input: StepInput): Answer | null {
  const company = input.job?.company ?? null;
  const aboutEmployer = kind.key === 'previouslyEmployed';
  if (aboutEmployer && employerAsked(label, company) !== 'job') return null;
  for (const [key, value] of Object.entries(input.answers)) {
    const other = questionKind(key);
    if (!other || !sameKind(other, kind)) continue;
    if (aboutEmployer && employerAsked(key, company) !== 'job') continue;
    return { value, source: 'answer', ref: `answer:${key}` };
  }
  return null;
}

const STOP = new Set(
  'a an the of to in on at for and or your you do are is be have has what which please with this that our we us any if would will can'.split(
    ' ',
  ),
);
const contentWords = (text: string) =>
  new Set(
    norm(text)
      .split(' ')
      .filter((w) => w && !STOP.has(w)),
  );
const numbers = (text: string) => (norm(text).match(/\d+/g) ?? []).join(' ');
const negated = (text: string) => /\b(not|no|never|without|dont|wont|cannot)\b/.test(norm(text));

/**
 * A saved answer to a question worded almost the same ("Why are you interested in this role?" and
 * "Why are you interested in the role?"), for questions that are not sensitive: most words shared,
 * the same numbers, the same negation. Two such answers that disagree answer nothing.
 */
function savedSimilar(label: string, input: StepInput): Answer | null {
  const want = contentWords(label);
  if (want.size < 3) return null;
  const hits: Array<{ key: string; value: AnswerValue; score: number }> = [];
  for (const [key, value] of Object.entries(input.answers)) {
    if (sensitiveKindOf(key) || questionKind(key)) continue;
    const have = contentWords(key);
    const shared = [...want].filter((w) => have.has(w)).length;
    const score = shared / (want.size + have.size - shared);
    if (score >= 0.8 && numbers(key) === numbers(label) && negated(key) === negated(label))
      hits.push({ key, value, score });
  }
  if (!hits.length) return null;
  hits.sort((a, b) => b.score - a.score);
  const best = hits[0]!;
  if (hits.some((h) => JSON.stringify(h.value) !== JSON.stringify(best.value))) return null;
  return { value: best.value, source: 'answer', ref: `answer:${best.key}` };
}

/** The model's draft for exactly this question (the executor asked for it by this key). */
function drafted(field: FieldFacts, input: StepInput): Answer | null {
  const key = normalizeQuestion(field.label);
  const draft = key ? input.drafts?.[key] : undefined;
  return draft !== undefined ? { value: draft, source: 'ai', ref: 'model' } : null;
}

/** A yes/no value only answers a yes/no question; a number never answers one, nor a text a yes/no control. */
function fits(answer: Answer, field: FieldFacts): boolean {
  // "This role is hybrid: 3 days a week in our office. Does that work for you?" asks its last sentence.
  const sentences = field.label
    .split(/(?<=[.?!:])\s+/)
    .map(norm)
    .filter(Boolean);
  const asksYesNo = [norm(field.label), sentences[sentences.length - 1] ?? ''].some((s) => YES_NO_QUESTION.test(s));
  if (typeof answer.value === 'boolean') return field.type === 'yes_no' || asksYesNo || field.widget === 'checkbox';
  if (typeof answer.value === 'number') return field.type !== 'yes_no' && !asksYesNo;
  return field.type !== 'yes_no';
}

/**
 * "I have a preferred name" (Workday: ticking it shows the preferred name fields): ticked when the
 * applicant goes by a name other than their first name, else left alone.
 */
function hasPreferredName(name: Answer | null, input: StepInput): Answer | null {
  if (!name || typeof name.value !== 'string' || norm(name.value) === norm(input.profile.firstName)) return null;
  return { ...name, value: true };
}

function kindAnswer(kind: QuestionKind, field: FieldFacts, input: StepInput): Answer | null {
  if (kind.key === 'preferredName' && field.widget === 'checkbox')
    return hasPreferredName(savedOfKind(kind, field.label, input), input);
  const fromProfileField = kindProfileAnswer(kind, field, input);
  const candidates = PROFILE_FIRST.has(kind.key)
    ? [fromProfileField, savedOfKind(kind, field.label, input)]
    : [savedOfKind(kind, field.label, input), fromProfileField];
  return candidates.find((a): a is Answer => a !== null && fits(a, field)) ?? null;
}

/** What to put in `field`, or a null answer when neither the user nor the profile says. */
export function decide(field: FieldFacts, input: StepInput): Decision {
  const options = field.options.map((o) => o.label);
  const key = fieldKey(field.label, field.hints, field.type, options, field.placeholder ?? '');
  const sensitive =
    sensitiveKindOf(field.label) !== null ||
    (key !== null && (isProfileKey(key) ? EEO_KEYS.has(key.key) : SENSITIVE_KINDS.has(key.key)));
  const exact = savedExact(field, input);
  if (exact) return { key, answer: exact, sensitive };
  let answer: Answer | null = null;
  if (key && isProfileKey(key)) {
    answer = profileAnswer(key.key, field, input);
    if (answer && !fits(answer, field)) answer = null;
  } else if (key) {
    answer = kindAnswer(key, field, input);
  }
  if (!answer && !key && !sensitive) answer = savedSimilar(field.label, input);
  if (!answer && !sensitive) answer = drafted(field, input);
  if (!answer && key && isProfileKey(key) && EEO_KEYS.has(key.key) && offersDecline(field)) {
    answer = { value: 'decline', source: 'default', ref: 'default:decline self-identification' };
  }
  // A required "I agree / I have read the privacy notice" box is the applicant's consent to apply.
  if (!answer && field.widget === 'checkbox' && field.required && !sensitive && consentToApply(field.label)) {
    answer = { value: true, source: 'default', ref: 'default:consent to apply' };
  }
  if (!answer && !key && field.type === 'date' && TODAY.test(norm(field.label))) {
    answer = { value: localToday(), source: 'default', ref: 'default:today (date signed)' };
  }
  return { key, answer, sensitive };
}

/** Today in the applicant's own time zone, as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** A combobox shows its options only once opened: offer "decline" and let the fill find it or not. */
function offersDecline(field: FieldFacts): boolean {
  return field.options.some((o) => isDeclineOption(o.label)) || (field.widget === 'combobox' && !field.options.length);
}
