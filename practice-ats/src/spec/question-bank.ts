// Questions that many postings ask, written once and placed by each ATS module under its own field
// names. A template knows what it asks (profile value or custom question) but not how it is named.
import type { FieldType } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { DISABILITY, GENDER, HISPANIC_LATINO, RACE, VETERAN } from './eeo.ts';
import { type Asks, type FieldFormat, type FieldOption, type FieldSpec, profile, question } from './form-spec.ts';

export interface FieldTemplate {
  label: string;
  type: FieldType;
  required: boolean;
  asks: Asks;
  options?: readonly string[];
  format?: FieldFormat;
  placeholder?: string;
  description?: string;
}

export const YES_NO = ['Yes', 'No'] as const;
export const EXPERIENCE_RANGES = [
  'Less than 1 year',
  '1-2 years',
  '3-5 years',
  '6-10 years',
  'More than 10 years',
] as const;
export const HOW_HEARD = ['LinkedIn', 'Company website', 'Referral from an employee', 'Job board', 'Other'] as const;
export const WORK_ARRANGEMENTS = ['Remote', 'Hybrid', 'On-site'] as const;

/** Custom questions a posting can list by key (the company and the country of its location vary). */
export function customQuestions(posting: { company: { name: string }; location: string }) {
  const company = posting.company.name;
  // Sponsorship is asked for the job's country: an applicant not authorized there needs a visa.
  const country = countryOfLocation(posting.location) ?? undefined;
  return {
    authorizedUs: {
      label: 'Are you legally authorized to work in the United States?',
      type: 'yes_no',
      required: true,
      asks: profile('profile.workAuthorization.authorizedCountries', 'United States'),
      options: YES_NO,
    },
    authorizedUk: {
      label: 'Do you have the right to work in the United Kingdom?',
      type: 'yes_no',
      required: true,
      asks: profile('profile.workAuthorization.authorizedCountries', 'United Kingdom'),
      options: YES_NO,
    },
    authorizedEu: {
      label: 'Are you eligible to work in Germany without a new work permit?',
      type: 'yes_no',
      required: true,
      asks: profile('profile.workAuthorization.authorizedCountries', 'Germany'),
      options: YES_NO,
    },
    sponsorship: {
      label: 'Will you now or in the future require sponsorship for employment visa status (e.g. H-1B visa status)?',
      type: 'yes_no',
      required: true,
      asks: profile('profile.workAuthorization.requiresSponsorship', country),
      options: YES_NO,
    },
    salary: {
      label: 'What are your annual salary expectations?',
      type: 'text',
      required: true,
      asks: profile('profile.salaryExpectation'),
    },
    noticePeriod: {
      label: 'What is your notice period?',
      type: 'text',
      required: false,
      asks: profile('profile.noticePeriod'),
    },
    experience: {
      label: 'How many years of professional experience do you have?',
      type: 'select',
      required: true,
      asks: profile('profile.yearsOfExperience'),
      options: EXPERIENCE_RANGES,
    },
    howHeard: {
      label: 'How did you hear about this job?',
      type: 'select',
      required: false,
      asks: question('How did you hear about this job?', 'referralSource'),
      options: HOW_HEARD,
    },
    whyUs: {
      label: `Why do you want to work at ${company}?`,
      type: 'textarea',
      required: true,
      asks: question(`Why do you want to work at ${company}?`),
    },
    relocate: {
      label: 'Are you willing to relocate?',
      type: 'yes_no',
      required: false,
      asks: profile('profile.willingToRelocate'),
      options: YES_NO,
    },
    startDate: {
      label: 'What is the earliest date you could start?',
      type: 'date',
      required: false,
      asks: profile('profile.earliestStartDate'),
    },
    arrangements: {
      label: 'Which work arrangements are you open to?',
      type: 'checkbox_group',
      required: false,
      asks: question('Which work arrangements are you open to?'),
      options: WORK_ARRANGEMENTS,
    },
    pronouns: {
      label: 'Pronouns',
      type: 'text',
      required: false,
      asks: question('Pronouns'),
    },
  } satisfies Record<string, FieldTemplate>;
}
export type QuestionKey = keyof ReturnType<typeof customQuestions>;

export const EEO_TEMPLATES = {
  gender: { label: 'Gender', type: 'select', required: false, asks: profile('profile.eeo.gender'), options: GENDER },
  hispanicLatino: {
    label: 'Are you Hispanic/Latino?',
    type: 'select',
    required: false,
    asks: profile('profile.eeo.hispanicLatino'),
    options: HISPANIC_LATINO,
  },
  race: { label: 'Race', type: 'select', required: false, asks: profile('profile.eeo.race'), options: RACE },
  veteran: {
    label: 'Veteran Status',
    type: 'select',
    required: false,
    asks: profile('profile.eeo.veteran'),
    options: VETERAN,
  },
  disability: {
    label: 'Disability Status',
    type: 'select',
    required: false,
    asks: profile('profile.eeo.disability'),
    options: DISABILITY,
  },
} satisfies Record<string, FieldTemplate>;

export interface Placement {
  name: string;
  id?: string;
  /** Option values as this ATS submits them (default: the labels). */
  optionValue?: (label: string, index: number) => string;
  section?: string;
  type?: FieldType;
  label?: string;
  required?: boolean;
}

/** A template placed on a form under the ATS's own name, id and option values. */
export function place(template: FieldTemplate, placement: Placement): FieldSpec {
  const optionValue = placement.optionValue ?? ((label: string) => label);
  const field: FieldSpec = {
    name: placement.name,
    id: placement.id ?? placement.name,
    label: placement.label ?? template.label,
    type: placement.type ?? template.type,
    required: placement.required ?? template.required,
    asks: template.asks,
  };
  if (template.options)
    field.options = template.options.map((label, i): FieldOption => ({ label, value: optionValue(label, i) }));
  if (template.format) field.format = template.format;
  if (template.placeholder) field.placeholder = template.placeholder;
  if (template.description) field.description = template.description;
  if (placement.section) field.section = placement.section;
  if (field.type === 'date') field.dateFormat = 'iso';
  return field;
}
