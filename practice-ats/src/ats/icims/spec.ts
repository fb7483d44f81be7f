// iCIMS' candidate profile form (careers-<company>.icims.com/jobs/<id>/<slug>/candidate), which the
// career site shows inside an iframe (?in_iframe=1): classic server-rendered fields named like
// PersonProfileFields.FirstName, job questions as rcf<id>, and a voluntary EEO section.
import type { Posting } from '../../catalog/posting.ts';
import { slugify } from '../../catalog/posting.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, specField } from '../../spec/form-spec.ts';
import { customQuestions, EEO_TEMPLATES, place } from '../../spec/question-bank.ts';

export const ICIMS_FILE_TYPES = ['.pdf', '.doc', '.docx', '.txt', '.rtf'] as const;
export const ICIMS_MAX_BYTES = 5 * 1024 * 1024;
const COUNTRIES = ['United States', 'Canada', 'Mexico', 'United Kingdom'] as const;

export function jobBase(p: Posting): string {
  return `/icims/jobs/${p.externalId}/${slugify(p.title)}`;
}

export function icimsSpec(p: Posting): FormSpec {
  const bank = customQuestions(p);
  const person = (
    key: string,
    label: string,
    type: FieldSpec['type'],
    required: boolean,
    asks: FieldSpec['asks'],
  ): FieldSpec =>
    specField(`PersonProfileFields.${key}`, label, type, required, asks, {
      id: `PersonProfileFields_${key}`,
      section: 'Contact Information',
    });
  const fields: FieldSpec[] = [
    person('FirstName', 'First Name', 'text', true, profile('profile.firstName')),
    person('LastName', 'Last Name', 'text', true, profile('profile.lastName')),
    { ...person('Email', 'Email', 'email', true, profile('profile.email')), format: 'email' },
    { ...person('PhoneNumber', 'Phone Number', 'tel', true, profile('profile.phone')), format: 'phone' },
    person('AddressStreet1', 'Street Address', 'text', false, profile('profile.location.addressLine')),
    person('AddressCity', 'City', 'text', true, profile('profile.location.city')),
    person('AddressState', 'State/Province', 'text', false, profile('profile.location.region')),
    person('AddressZip', 'Zip/Postal Code', 'text', false, profile('profile.location.postalCode')),
    {
      ...person('AddressCountry', 'Country', 'select', true, profile('profile.location.country')),
      options: COUNTRIES.map((c) => ({ label: c, value: c })),
    },
    {
      ...person('LinkedInURL', 'LinkedIn Profile URL', 'url', false, profile('profile.links.linkedin')),
      format: 'url',
    },
    {
      ...person('Resume', 'Resume', 'file', true, document('resume')),
      section: 'Resume',
      accept: ICIMS_FILE_TYPES,
      maxBytes: ICIMS_MAX_BYTES,
    },
    ...p.questions.map((key, i) =>
      place(bank[key], {
        name: `rcf${3040 + i}`,
        id: `rcf${3040 + i}`,
        type: bank[key].type === 'yes_no' ? 'radio' : bank[key].type === 'date' ? 'text' : bank[key].type,
        section: 'Job Questions',
      }),
    ),
    ...(['gender', 'race', 'veteran', 'disability'] as const).map((key) =>
      place(EEO_TEMPLATES[key], {
        name: `PersonProfileFields.EEO${key[0]?.toUpperCase()}${key.slice(1)}`,
        id: `PersonProfileFields_EEO${key}`,
        section: 'Voluntary Self-Identification',
      }),
    ),
  ];
  return formOf('icims', p, fields, `${jobBase(p)}/candidate?in_iframe=1`);
}
