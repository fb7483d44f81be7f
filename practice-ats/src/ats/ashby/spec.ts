// Ashby's application form (jobs.ashbyhq.com/<board>/<id>/application): system fields named
// _systemfield_name, _systemfield_email, _systemfield_resume, _systemfield_location; every other
// question keyed by its field uuid. Yes/no questions are button pairs, selects are comboboxes.
import { createHash } from 'node:crypto';
import type { Posting } from '../../catalog/posting.ts';
import { LOCATION_OPTIONS } from '../../shared/locations.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, specField } from '../../spec/form-spec.ts';
import { customQuestions, EEO_TEMPLATES, type FieldTemplate, place } from '../../spec/question-bank.ts';

export const ASHBY_FILE_TYPES = ['.pdf', '.doc', '.docx', '.odt', '.rtf', '.txt'] as const;
export const ASHBY_MAX_BYTES = 10 * 1024 * 1024;

export function postingPath(p: Posting): string {
  return `/ashby/${p.company.board}/${p.externalId}`;
}

/** A field uuid, stable per posting and question like Ashby's form definition ids. */
export function fieldUuid(p: Posting, key: string): string {
  const hex = createHash('sha1').update(`${p.externalId}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function ashbySpec(p: Posting): FormSpec {
  const bank = customQuestions(p);
  const system = (
    key: string,
    label: string,
    type: FieldSpec['type'],
    required: boolean,
    asks: FieldSpec['asks'],
  ): FieldSpec => specField(`_systemfield_${key}`, label, type, required, asks);
  const byUuid = (key: string, t: FieldTemplate, section?: string): FieldSpec => {
    const id = fieldUuid(p, key);
    // Ashby asks single-choice questions through its combobox (ValueSelect).
    const type = t.type === 'select' ? 'combobox' : t.type;
    return place(t, section ? { name: id, id, type, section } : { name: id, id, type });
  };
  const fields: FieldSpec[] = [
    system('name', 'Name', 'text', true, profile('profile.fullName')),
    { ...system('email', 'Email', 'email', true, profile('profile.email')), format: 'email' },
    byUuid('phone', { label: 'Phone', type: 'tel', required: false, asks: profile('profile.phone'), format: 'phone' }),
    {
      ...system('resume', 'Resume', 'file', true, document('resume')),
      accept: ASHBY_FILE_TYPES,
      maxBytes: ASHBY_MAX_BYTES,
    },
    { ...system('location', 'Location', 'location', false, profile('profile.location')), options: LOCATION_OPTIONS },
    byUuid('linkedin', {
      label: 'LinkedIn Profile',
      type: 'url',
      required: false,
      asks: profile('profile.links.linkedin'),
      format: 'url',
    }),
    byUuid('github', {
      label: 'GitHub',
      type: 'url',
      required: false,
      asks: profile('profile.links.github'),
      format: 'url',
    }),
    ...p.questions.map((k) => byUuid(k, bank[k])),
    ...(['gender', 'race', 'veteran'] as const).map((k) =>
      byUuid(`eeo-${k}`, { ...EEO_TEMPLATES[k], type: 'select' }, 'EEO'),
    ),
  ];
  return formOf('ashby', p, fields, `${postingPath(p)}/application`, `${postingPath(p)}/application/submit`);
}
