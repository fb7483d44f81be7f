// Lever's application form (jobs.lever.co/<site>/<id>/apply): flat names (name, email, phone,
// location, org, urls[LinkedIn]...), custom questions as cards[<uuid>][fieldN], the EEO survey as
// eeo[...] and "Additional information" as comments. Option values are the options' words.
import { createHash } from 'node:crypto';
import type { Posting } from '../../catalog/posting.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, specField } from '../../spec/form-spec.ts';
import { customQuestions, EEO_TEMPLATES, place } from '../../spec/question-bank.ts';

export const LEVER_FILE_TYPES = ['.pdf', '.doc', '.docx', '.txt', '.rtf', '.odt'] as const;
export const LEVER_MAX_BYTES = 10 * 1024 * 1024;

export function postingPath(p: Posting): string {
  return `/lever/${p.company.board}/${p.externalId}`;
}

/** The uuid of the posting's custom question card, stable like a Lever card template id. */
export function cardId(p: Posting): string {
  const hex = createHash('sha1').update(`card:${p.externalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function leverSpec(p: Posting): FormSpec {
  const card = cardId(p);
  const bank = customQuestions(p);
  const main = (
    name: string,
    label: string,
    type: FieldSpec['type'],
    required: boolean,
    asks: FieldSpec['asks'],
  ): FieldSpec =>
    specField(name, label, type, required, asks, {
      id: name.replace(/[[\]]+/g, '-').replace(/-$/, ''),
      section: 'Submit your application',
    });
  const link = (site: string, path: Parameters<typeof profile>[0]): FieldSpec => ({
    ...main(`urls[${site}]`, `${site} URL`, 'url', false, profile(path)),
    section: 'Links',
    format: 'url',
  });
  const fields: FieldSpec[] = [
    {
      ...main('resume', 'Resume/CV', 'file', true, document('resume')),
      id: 'resume-upload-input',
      accept: LEVER_FILE_TYPES,
      maxBytes: LEVER_MAX_BYTES,
    },
    main('name', 'Full name', 'text', true, profile('profile.fullName')),
    { ...main('email', 'Email', 'email', true, profile('profile.email')), format: 'email' },
    { ...main('phone', 'Phone', 'tel', false, profile('profile.phone')), format: 'phone' },
    { ...main('location', 'Current location', 'location', false, profile('profile.location')), id: 'location-input' },
    main('org', 'Current company', 'text', false, profile('profile.currentCompany')),
    link('LinkedIn', 'profile.links.linkedin'),
    link('Twitter', 'profile.links.twitter'),
    link('GitHub', 'profile.links.github'),
    link('Portfolio', 'profile.links.portfolio'),
    link('Other', 'profile.links.website'),
    ...p.questions.map((key, i) =>
      place(bank[key], {
        name: `cards[${card}][field${i}]`,
        id: `card-${card.slice(0, 8)}-field${i}`,
        // Lever asks yes/no questions as radio buttons.
        type: bank[key].type === 'yes_no' ? 'radio' : bank[key].type === 'date' ? 'text' : bank[key].type,
        section: 'Additional questions',
      }),
    ),
    ...(['gender', 'race', 'veteran', 'disability'] as const).map((key) =>
      place(EEO_TEMPLATES[key], { name: `eeo[${key}]`, id: `eeo-${key}`, section: 'EEO' }),
    ),
    {
      name: 'comments',
      id: 'additional-information',
      label: 'Additional information',
      type: 'textarea',
      required: false,
      asks: profile('profile.coverLetter'),
      placeholder: 'Add a cover letter or anything else you want to share.',
      section: 'Additional information',
    },
  ];
  return formOf('lever', p, fields, `${postingPath(p)}/apply`);
}
