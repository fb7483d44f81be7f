// Workday's application wizard (<tenant>.myworkdayjobs.com/<site>/job/.../apply): every field is
// named by its data-automation-id and belongs to a step. Dropdowns submit Workday ids (WIDs).
import { createHash } from 'node:crypto';
import type { Posting } from '../../catalog/posting.ts';
import { slugify } from '../../catalog/posting.ts';
import { DISABILITY, GENDER, HISPANIC_LATINO, RACE, VETERAN } from '../../spec/eeo.ts';
import {
  document,
  type FieldSpec,
  type FormSpec,
  formOf,
  profile,
  question,
  specField,
  workedFor,
} from '../../spec/form-spec.ts';
import { customQuestions, HOW_HEARD, place } from '../../spec/question-bank.ts';

export const WORKDAY_STEPS = [
  'My Information',
  'My Experience',
  'Application Questions',
  'Voluntary Disclosures',
  'Self Identify',
] as const;
export type WorkdayStep = (typeof WORKDAY_STEPS)[number];

export const WORKDAY_FILE_TYPES = ['.pdf', '.doc', '.docx'] as const;
export const WORKDAY_MAX_BYTES = 5 * 1024 * 1024;
export const WORKDAY_SITE = 'External';

/** A Workday id (WID): 32 hex characters, stable per label. */
export function wid(label: string): string {
  return createHash('sha1').update(`wid:${label}`).digest('hex').slice(0, 32);
}

export function sitePath(p: Posting): string {
  return `/workday/${p.company.board}/${WORKDAY_SITE}`;
}

export function jobPath(p: Posting): string {
  const location = p.location.replace(/,\s*/g, '-').replace(/\s+/g, '-');
  return `${sitePath(p)}/job/${location}/${slugify(p.title).replace(/-/g, '-')}_${p.externalId}`;
}

const COUNTRIES = ['United States of America', 'Canada', 'United Kingdom', 'Germany', 'India'] as const;
const PHONE_TYPES = ['Mobile', 'Home', 'Work'] as const;

function dropdown(
  name: string,
  label: string,
  required: boolean,
  asks: FieldSpec['asks'],
  labels: readonly string[],
  section: WorkdayStep,
): FieldSpec {
  return specField(name, label, 'combobox', required, asks, {
    section,
    options: labels.map((l) => ({ label: l, value: wid(l) })),
  });
}

function input(
  name: string,
  label: string,
  type: FieldSpec['type'],
  required: boolean,
  asks: FieldSpec['asks'],
  section: WorkdayStep,
): FieldSpec {
  return specField(name, label, type, required, asks, { section });
}

export function workdaySpec(p: Posting): FormSpec {
  const bank = customQuestions(p);
  const info: WorkdayStep = 'My Information';
  const experience: WorkdayStep = 'My Experience';
  const disclosures: WorkdayStep = 'Voluntary Disclosures';
  const consent =
    'I consent to the processing of my personal data for this application and have read the privacy statement.';
  const fields: FieldSpec[] = [
    dropdown(
      'source',
      'How Did You Hear About Us?',
      true,
      question('How Did You Hear About Us?', 'referralSource'),
      HOW_HEARD,
      info,
    ),
    {
      ...input(
        'previousWorker',
        `Have you previously worked for ${p.company.name}?`,
        'radio',
        true,
        workedFor(p.company.name),
        info,
      ),
      options: [
        { label: 'Yes', value: 'true' },
        { label: 'No', value: 'false' },
      ],
    },
    dropdown('countryRegion', 'Country', true, profile('profile.location.country'), COUNTRIES, info),
    input('legalNameSection_firstName', 'First Name', 'text', true, profile('profile.firstName'), info),
    input('legalNameSection_lastName', 'Last Name', 'text', true, profile('profile.lastName'), info),
    input(
      'addressSection_addressLine1',
      'Address Line 1',
      'text',
      false,
      profile('profile.location.addressLine'),
      info,
    ),
    input('addressSection_city', 'City', 'text', true, profile('profile.location.city'), info),
    input('addressSection_postalCode', 'Postal Code', 'text', false, profile('profile.location.postalCode'), info),
    { ...input('email', 'Email Address', 'email', true, profile('profile.email'), info), format: 'email' },
    dropdown(
      'phoneDeviceType',
      'Phone Device Type',
      true,
      question('Phone Device Type', 'phoneType'),
      PHONE_TYPES,
      info,
    ),
    { ...input('phoneNumber', 'Phone Number', 'tel', true, profile('profile.phone'), info), format: 'phone' },
    input('jobTitle', 'Job Title', 'text', false, profile('profile.currentTitle'), experience),
    input('company', 'Company', 'text', false, profile('profile.currentCompany'), experience),
    {
      ...input('resume', 'Resume/CV', 'file', true, document('resume'), experience),
      id: 'file-upload-input-ref',
      accept: WORKDAY_FILE_TYPES,
      maxBytes: WORKDAY_MAX_BYTES,
    },
    { ...input('linkedIn', 'LinkedIn', 'url', false, profile('profile.links.linkedin'), experience), format: 'url' },
    ...p.questions.map((key, i) => {
      const t = bank[key];
      const name = `primaryQuestionnaire--${wid(`${p.externalId}:${key}`).slice(0, 12)}`;
      const choice = t.type === 'yes_no' || t.type === 'select';
      const field = place(t, {
        name,
        id: `question-${i}`,
        type: choice ? 'combobox' : t.type,
        section: 'Application Questions',
        optionValue: (label) => wid(label),
      });
      return t.type === 'date' ? { ...field, dateFormat: 'mdy' as const } : field;
    }),
    dropdown('gender', 'Gender', true, profile('profile.eeo.gender'), GENDER, disclosures),
    dropdown(
      'hispanicOrLatino',
      'Are you Hispanic or Latino?',
      true,
      profile('profile.eeo.hispanicLatino'),
      HISPANIC_LATINO,
      disclosures,
    ),
    dropdown('ethnicity', 'Race/Ethnicity', true, profile('profile.eeo.race'), RACE, disclosures),
    dropdown('veteranStatus', 'Veteran Status', true, profile('profile.eeo.veteran'), VETERAN, disclosures),
    {
      ...input('termsAndConditions', consent, 'checkbox', true, question(consent), disclosures),
      options: [{ label: 'I agree', value: 'true' }],
    },
    input('selfIdName', 'Name', 'text', true, profile('profile.fullName'), 'Self Identify'),
    { ...input('selfIdDate', 'Date', 'date', true, { kind: 'system' }, 'Self Identify'), dateFormat: 'mdy' },
    {
      ...input(
        'disabilityStatus',
        'Please check one of the boxes below:',
        'radio',
        true,
        profile('profile.eeo.disability'),
        'Self Identify',
      ),
      options: DISABILITY.map((l) => ({ label: l, value: wid(l) })),
    },
  ];
  return formOf('workday', p, fields, `${jobPath(p)}/apply`, `${jobPath(p)}/apply/submit`);
}
