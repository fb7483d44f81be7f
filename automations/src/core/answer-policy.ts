// Where each answer comes from. The user's own saved answer for a question wins; then the profile
// for the canonical fields. Compensation, immigration and EEO come only from those two — never a
// guess or a model — and EEO falls back to "decline" only where the form offers that option.
import type { AnswerValue, ApplicantProfile, FillSource } from '@jobswipe/protocol';
import { countryCode, countryIn } from '@jobswipe/protocol/countries';
import { normalizeQuestion } from '@jobswipe/protocol/questions';
import { type FieldKey, fieldKey, isSensitiveQuestion, SENSITIVE_KEYS } from './field-keys.ts';
import { isDeclineOption } from './option-match.ts';
import type { DiscoveredField, FilePayload, StepInput } from './types.ts';

export interface Answer {
  /** Text to type, an option meaning (string/boolean/number), several options, or a file. */
  value: AnswerValue | number | FilePayload;
  source: FillSource;
  /** Other ways to write the same value, tried after the form rejects the first. */
  alternates?: string[];
}

export interface Decision {
  key: FieldKey | null;
  answer: Answer | null;
  sensitive: boolean;
}

const EEO_KEYS = new Set<FieldKey>(['gender', 'race', 'hispanicLatino', 'veteran', 'disability']);
const ATTESTATION =
  /\b(i (agree|consent|acknowledge|certify|confirm|accept|understand)|i have read|privacy (policy|notice)|terms)\b/i;

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

function text(value: string | null | undefined, source: FillSource = 'profile'): Answer | null {
  return value?.trim() ? { value: value.trim(), source } : null;
}

function workAuthorized(profile: ApplicantProfile, label: string): Answer | null {
  const countries = profile.workAuthorization.authorizedCountries;
  const asked = countryIn(label);
  if (!asked || countries.length === 0) return null;
  return { value: countries.some((c) => countryCode(c) === asked), source: 'profile' };
}

function locationText(profile: ApplicantProfile): string {
  const { city, region, country } = profile.location;
  return [city, region, country].filter(Boolean).join(', ');
}

function profileAnswer(key: FieldKey, field: DiscoveredField, input: StepInput): Answer | null {
  const p = input.profile;
  switch (key) {
    case 'firstName':
    case 'preferredName':
      return text(p.firstName);
    case 'lastName':
      return text(p.lastName);
    case 'fullName':
      return text(`${p.firstName} ${p.lastName}`);
    case 'email':
      return text(p.email);
    case 'phone':
      return p.phone.trim() ? { value: p.phone.trim(), source: 'profile', alternates: phoneFormats(p.phone) } : null;
    case 'linkedin':
    case 'github':
    case 'twitter':
    case 'portfolio':
      return text(p.links[key]);
    case 'website':
      // A single "Website" field is where applicants show their work.
      return text(p.links.portfolio ?? p.links.website ?? p.links.github);
    case 'otherUrl':
      // Next to a "Portfolio" field, "Other URL" takes the personal site.
      return text(p.links.website ?? p.links.portfolio ?? p.links.github);
    case 'location':
      return text(locationText(p));
    case 'city':
    case 'region':
    case 'country':
    case 'postalCode':
    case 'addressLine':
      return text(p.location[key]);
    case 'currentCompany':
    case 'currentTitle':
    case 'noticePeriod':
      return text(p[key]);
    case 'yearsOfExperience':
      return p.yearsOfExperience === null ? null : { value: p.yearsOfExperience, source: 'profile' };
    case 'salary':
      return p.salaryExpectation ? { value: p.salaryExpectation.amount, source: 'profile' } : null;
    case 'requiresSponsorship':
      return p.workAuthorization.requiresSponsorship === null
        ? null
        : { value: p.workAuthorization.requiresSponsorship, source: 'profile' };
    case 'workAuthorized':
      return workAuthorized(p, field.label);
    case 'gender':
    case 'race':
    case 'hispanicLatino':
    case 'veteran':
    case 'disability':
      return text(p.eeo[key]);
    case 'resume':
      return input.files.resume ? { value: input.files.resume, source: 'resume' } : null;
    case 'coverLetter':
      if (field.type === 'file')
        return input.files.coverLetter ? { value: input.files.coverLetter, source: 'resume' } : null;
      return text(input.coverLetterText ?? p.coverLetter);
  }
}

function savedAnswer(field: DiscoveredField, input: StepInput): Answer | null {
  const key = normalizeQuestion(field.label);
  if (!key) return null;
  const saved = input.answers[key];
  return saved !== undefined ? { value: saved, source: 'answer' } : null;
}

/** What to put in `field`, or a null answer when neither the user nor the profile says. */
export function decide(field: DiscoveredField, input: StepInput): Decision {
  const key = fieldKey(
    field.label,
    field.hints,
    field.type,
    field.options.map((o) => o.label),
  );
  const sensitive = (key !== null && SENSITIVE_KEYS.has(key)) || isSensitiveQuestion(field.label);
  const fromUser = savedAnswer(field, input);
  if (fromUser) return { key, answer: fromUser, sensitive };
  let answer = key ? profileAnswer(key, field, input) : null;
  // A combobox shows its options only once opened: offer "decline" and let the fill find it or not.
  const offersDecline =
    field.options.some((o) => isDeclineOption(o.label)) || (field.widget === 'combobox' && !field.options.length);
  if (!answer && key && EEO_KEYS.has(key) && offersDecline) answer = { value: 'decline', source: 'default' };
  // A required "I agree / I have read the privacy notice" box is the applicant's consent to apply.
  if (!answer && field.widget === 'checkbox' && field.required && ATTESTATION.test(field.label)) {
    answer = { value: true, source: 'default' };
  }
  return { key, answer, sensitive };
}
