// SmartRecruiters' one-click application (jobs.smartrecruiters.com/oneclick-ui/company/<company>/
// publication/<id>): "spl-" web components whose inputs live in open shadow roots and join the form
// as form-associated custom elements. Email is asked twice (email and confirm email).
import type { Posting } from '../../catalog/posting.ts';
import { slugify } from '../../catalog/posting.ts';
import { LOCATION_OPTIONS } from '../../shared/locations.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, question, specField } from '../../spec/form-spec.ts';
import { customQuestions, place } from '../../spec/question-bank.ts';

export const SR_FILE_TYPES = ['.pdf', '.doc', '.docx', '.odt', '.rtf'] as const;
export const SR_MAX_BYTES = 5 * 1024 * 1024;

export function jobPath(p: Posting): string {
  return `/smartrecruiters/${p.company.board}/${p.externalId}-${slugify(p.title)}`;
}

export function applyPath(p: Posting): string {
  return `/smartrecruiters/oneclick-ui/company/${p.company.board}/publication/${p.externalId}`;
}

export function smartRecruitersSpec(p: Posting): FormSpec {
  const bank = customQuestions(p);
  const field = (
    name: string,
    label: string,
    type: FieldSpec['type'],
    required: boolean,
    asks: FieldSpec['asks'],
    section: string,
  ): FieldSpec => specField(name, label, type, required, asks, { id: `spl-form-element_${name}`, section });
  const personal = 'Personal information';
  const consent = `I have read and agree to the ${p.company.name} Privacy Policy.`;
  const fields: FieldSpec[] = [
    field('firstName', 'First name', 'text', true, profile('profile.firstName'), personal),
    field('lastName', 'Last name', 'text', true, profile('profile.lastName'), personal),
    { ...field('email', 'Email', 'email', true, profile('profile.email'), personal), format: 'email' },
    {
      ...field('confirmEmail', 'Confirm your email', 'email', true, profile('profile.email'), personal),
      format: 'email',
    },
    {
      ...field('location', 'City', 'location', true, profile('profile.location'), personal),
      options: LOCATION_OPTIONS,
    },
    { ...field('phoneNumber', 'Phone number', 'tel', false, profile('profile.phone'), personal), format: 'phone' },
    {
      ...field('linkedin', 'LinkedIn profile', 'url', false, profile('profile.links.linkedin'), 'Your profiles'),
      format: 'url',
    },
    {
      ...field('website', 'Website', 'url', false, profile('profile.links.portfolio'), 'Your profiles'),
      format: 'url',
    },
    {
      ...field('resume', 'Resume', 'file', true, document('resume'), 'Resume'),
      accept: SR_FILE_TYPES,
      maxBytes: SR_MAX_BYTES,
    },
    field(
      'messageToHiringTeam',
      'Message to the Hiring Team',
      'textarea',
      false,
      profile('profile.coverLetter'),
      'Message to the Hiring Team',
    ),
    ...p.questions.map((key, i) =>
      place(bank[key], {
        name: `screening_${i + 1}`,
        id: `spl-form-element_screening_${i + 1}`,
        type: bank[key].type === 'yes_no' ? 'radio' : bank[key].type,
        section: 'Screening questions',
      }),
    ),
    {
      ...field('privacyConsent', consent, 'checkbox', true, question(consent), 'Privacy'),
      options: [{ label: 'I agree', value: 'true' }],
    },
  ];
  return formOf('smartrecruiters', p, fields, applyPath(p), `${applyPath(p)}/submit`);
}
