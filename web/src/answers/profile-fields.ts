// The profile fields the engine fills forms from, in the user's words, with how each is edited
// here: typed in place, or (a list of jobs, schools, a salary) on its onboarding step.
import type { ProfileBody, ProfileView } from '@jobswipe/protocol';

export type FieldKind = 'text' | 'number' | 'date' | 'yesno' | 'list' | 'step';

export interface ProfileField {
  /** The engine's path for it (its ref is `profile.<path>`). */
  path: string;
  label: string;
  kind: FieldKind;
}

export const PROFILE_FIELDS: readonly ProfileField[] = [
  { path: 'firstName', label: 'First name', kind: 'text' },
  { path: 'lastName', label: 'Last name', kind: 'text' },
  { path: 'email', label: 'Email', kind: 'text' },
  { path: 'phone', label: 'Phone', kind: 'text' },
  { path: 'location.city', label: 'City', kind: 'text' },
  { path: 'location.region', label: 'Region or state', kind: 'text' },
  { path: 'location.country', label: 'Country', kind: 'text' },
  { path: 'location.postalCode', label: 'Postal code', kind: 'text' },
  { path: 'location.addressLine', label: 'Street address', kind: 'text' },
  { path: 'links.linkedin', label: 'LinkedIn', kind: 'text' },
  { path: 'links.github', label: 'GitHub', kind: 'text' },
  { path: 'links.portfolio', label: 'Portfolio', kind: 'text' },
  { path: 'links.website', label: 'Website', kind: 'text' },
  { path: 'links.twitter', label: 'X (Twitter)', kind: 'text' },
  { path: 'workAuthorization.authorizedCountries', label: 'Countries you may work in', kind: 'list' },
  { path: 'workAuthorization.requiresSponsorship', label: 'Needs visa sponsorship', kind: 'yesno' },
  { path: 'currentTitle', label: 'Current title', kind: 'text' },
  { path: 'currentCompany', label: 'Current company', kind: 'text' },
  { path: 'yearsOfExperience', label: 'Years of experience', kind: 'number' },
  { path: 'noticePeriod', label: 'Notice period', kind: 'text' },
  { path: 'earliestStartDate', label: 'Earliest start date', kind: 'date' },
  { path: 'salaryExpectation', label: 'Salary expectation', kind: 'step' },
  { path: 'referralSource', label: 'How you heard about jobs', kind: 'text' },
  { path: 'legalAge', label: '18 or older', kind: 'yesno' },
  { path: 'willingToRelocate', label: 'Willing to relocate', kind: 'yesno' },
  { path: 'workHistory', label: 'Work history', kind: 'step' },
  { path: 'education', label: 'Education', kind: 'step' },
  { path: 'eeo.gender', label: 'Gender (EEO)', kind: 'text' },
  { path: 'eeo.race', label: 'Race (EEO)', kind: 'text' },
  { path: 'eeo.hispanicLatino', label: 'Hispanic or Latino (EEO)', kind: 'text' },
  { path: 'eeo.veteran', label: 'Veteran status (EEO)', kind: 'text' },
  { path: 'eeo.disability', label: 'Disability (EEO)', kind: 'text' },
  { path: 'coverLetter', label: 'Cover letter', kind: 'text' },
];

/** Fields that are never blank on a form: "delete" empties them instead of removing them. */
const REQUIRED_TEXT = new Set(['firstName', 'lastName', 'email', 'phone']);

export function fieldValue(profile: ProfileView, path: string): unknown {
  let value: unknown = profile;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** Whether the field holds anything the engine could fill in. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

export function showValue(field: ProfileField, value: unknown): string {
  if (!hasValue(value)) return 'Not set';
  if (field.kind === 'yesno') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (field.path === 'workHistory' || field.path === 'education') return `${value.length} entries`;
    return value.join(', ');
  }
  if (field.path === 'salaryExpectation' && typeof value === 'object' && value !== null) {
    const s = value as { amount: number; currency: string; period: string };
    return `${s.amount.toLocaleString()} ${s.currency} a ${s.period}`;
  }
  return String(value);
}

/** The text a field is edited as. */
export function editText(field: ProfileField, value: unknown): string {
  if (!hasValue(value)) return '';
  if (field.kind === 'yesno') return value ? 'yes' : 'no';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The edited text as the field's value; undefined: delete it. */
function parseText(field: ProfileField, text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  if (field.kind === 'yesno') return t === 'yes';
  if (field.kind === 'number') return Number(t);
  if (field.kind === 'list') {
    return t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return t;
}

/** What deleting a field leaves: empty where the form always needs text, else nothing. */
function emptied(field: ProfileField): unknown {
  if (REQUIRED_TEXT.has(field.path)) return '';
  if (field.kind === 'list') return [];
  return null;
}

/**
 * The PUT /v1/profile body that sets one field (text from the editor; null: delete it). A nested
 * field is sent with the rest of its group, which the API replaces whole.
 */
export function profileChange(profile: ProfileView, field: ProfileField, text: string | null): ProfileBody {
  const parsed = text === null ? undefined : parseText(field, text);
  const [top = '', sub] = field.path.split('.');
  if (!sub) return { [top]: parsed === undefined ? emptied(field) : parsed } as ProfileBody;
  const group = { ...(fieldValue(profile, top) as Record<string, unknown>) };
  if (parsed === undefined) {
    // Optional texts are left out; the sponsorship flag and the country list have their own empty.
    if (field.kind === 'text') delete group[sub];
    else group[sub] = emptied(field);
  } else group[sub] = parsed;
  return { [top]: group } as ProfileBody;
}
