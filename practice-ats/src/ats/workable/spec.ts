// Workable's application page (apply.workable.com/<account>/j/<shortcode>/apply): a single-page
// React form in sections, custom questions keyed QA_<id>, multiple-choice questions as checkbox
// groups, a date picker, and a cover letter either written or uploaded.
import type { Posting } from '../../catalog/posting.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, question, specField } from '../../spec/form-spec.ts';
import { customQuestions, place } from '../../spec/question-bank.ts';

export const WORKABLE_FILE_TYPES = ['.pdf', '.doc', '.docx', '.odt', '.rtf'] as const;
export const WORKABLE_MAX_BYTES = 5 * 1024 * 1024;

export function jobPath(p: Posting): string {
  return `/workable/${p.company.board}/j/${p.externalId}`;
}

export function workableSpec(p: Posting): FormSpec {
  const bank = customQuestions(p);
  const personal = { section: 'Personal information' };
  const details = { section: 'Details' };
  const consent = `I agree to ${p.company.name} storing my data for this and future job openings.`;
  const files = { accept: WORKABLE_FILE_TYPES, maxBytes: WORKABLE_MAX_BYTES };
  const fields: FieldSpec[] = [
    specField('firstname', 'First name', 'text', true, profile('profile.firstName'), personal),
    specField('lastname', 'Last name', 'text', true, profile('profile.lastName'), personal),
    specField('email', 'Email', 'email', true, profile('profile.email'), { ...personal, format: 'email' }),
    specField('headline', 'Headline', 'text', false, profile('profile.currentTitle'), {
      ...personal,
      placeholder: 'Optional',
    }),
    specField('phone', 'Phone', 'tel', true, profile('profile.phone'), { ...personal, format: 'phone' }),
    specField('address', 'Address', 'text', false, profile('profile.location'), personal),
    specField('resume', 'Resume', 'file', true, document('resume'), { ...details, ...files }),
    specField('cover_letter', 'Cover letter', 'file', false, document('coverLetter'), { ...details, ...files }),
    specField('cover_letter_text', 'Cover letter', 'textarea', false, profile('profile.coverLetter'), {
      ...details,
      alternativeTo: 'cover_letter',
    }),
    ...p.questions.map((key, i) =>
      // Workable asks yes/no questions as a pair of radio buttons.
      place(bank[key], {
        name: `QA_${6302190 + i}`,
        section: 'Questions',
        type: bank[key].type === 'yes_no' ? 'radio' : bank[key].type,
      }),
    ),
    specField('gdpr', consent, 'checkbox', true, question(consent), {
      section: 'Privacy',
      options: [{ label: 'I agree', value: 'true' }],
    }),
  ];
  return formOf('workable', p, fields, `${jobPath(p)}/apply`, `${jobPath(p)}/apply/submit`);
}
