// The plain company careers page's form: honest HTML with labels, fieldsets and radio groups.
import type { Posting } from '../../catalog/posting.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, question } from '../../spec/form-spec.ts';
import { customQuestions, place } from '../../spec/question-bank.ts';

export const CAREERS_FILE_TYPES = ['.pdf', '.doc', '.docx'] as const;
export const CAREERS_MAX_BYTES = 5 * 1024 * 1024;

export function careersPath(p: Posting): string {
  return `/careers/${p.company.board}/jobs/${p.externalId}`;
}

export function careersSpec(p: Posting): FormSpec {
  const personal = 'Personal details';
  const bank = customQuestions(p);
  const fields: FieldSpec[] = [
    {
      name: 'first_name',
      id: 'first_name',
      label: 'First name',
      type: 'text',
      required: true,
      asks: profile('profile.firstName'),
      section: personal,
    },
    {
      name: 'last_name',
      id: 'last_name',
      label: 'Last name',
      type: 'text',
      required: true,
      asks: profile('profile.lastName'),
      section: personal,
    },
    {
      name: 'email',
      id: 'email',
      label: 'Email address',
      type: 'email',
      required: true,
      format: 'email',
      asks: profile('profile.email'),
      section: personal,
    },
    {
      name: 'phone',
      id: 'phone',
      label: 'Phone number',
      type: 'tel',
      required: true,
      format: 'phone',
      asks: profile('profile.phone'),
      section: personal,
    },
    {
      name: 'city',
      id: 'city',
      label: 'Where are you based?',
      type: 'text',
      required: false,
      asks: profile('profile.location.city'),
      section: personal,
      placeholder: 'City',
    },
    {
      name: 'linkedin_url',
      id: 'linkedin_url',
      label: 'LinkedIn profile',
      type: 'url',
      required: false,
      format: 'url',
      asks: profile('profile.links.linkedin'),
      section: 'Links',
    },
    {
      name: 'github_url',
      id: 'github_url',
      label: 'GitHub or portfolio',
      type: 'url',
      required: false,
      format: 'url',
      asks: profile('profile.links.github'),
      section: 'Links',
    },
    {
      name: 'resume',
      id: 'resume',
      label: 'CV / Resume',
      type: 'file',
      required: true,
      asks: document('resume'),
      accept: CAREERS_FILE_TYPES,
      maxBytes: CAREERS_MAX_BYTES,
      section: 'Documents',
      description: 'PDF, DOC or DOCX, up to 5 MB.',
    },
    {
      name: 'cover_letter',
      id: 'cover_letter',
      label: 'Cover letter',
      type: 'textarea',
      required: false,
      asks: profile('profile.coverLetter'),
      section: 'Documents',
    },
    ...p.questions.map((key) => place(bank[key], { name: `q_${key}`, section: 'A few questions' })),
    {
      name: 'privacy_consent',
      id: 'privacy_consent',
      label: `I agree that ${p.company.name} may store and process my data to consider this application.`,
      type: 'checkbox',
      required: true,
      asks: question(`I agree that ${p.company.name} may store and process my data to consider this application.`),
      options: [{ value: 'yes', label: 'I agree' }],
      section: 'Consent',
    },
    {
      name: 'website_url',
      id: 'website_url',
      label: 'Leave this field empty',
      type: 'text',
      required: false,
      asks: { kind: 'honeypot' },
    },
  ];
  return formOf('careers', p, fields, `${careersPath(p)}/apply`);
}
