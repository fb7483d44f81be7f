// Greenhouse's application form. Two designs share one question model: the classic board
// (boards.greenhouse.io, Rails names like job_application[first_name] and
// job_application[answers_attributes][N][text_value]) and the newer job-boards design
// (job-boards.greenhouse.io, React, names like first_name and question_<id>).
import type { Posting } from '../../catalog/posting.ts';
import { LOCATION_OPTIONS } from '../../shared/locations.ts';
import { DISABILITY, GENDER, HISPANIC_LATINO, RACE, VETERAN } from '../../spec/eeo.ts';
import { document, type FieldSpec, type FormSpec, formOf, profile, specField } from '../../spec/form-spec.ts';
import { customQuestions, EEO_TEMPLATES, type FieldTemplate, place } from '../../spec/question-bank.ts';

export type GreenhouseDesign = 'classic' | 'job-boards';

/** Boards on the newer job-boards design; the others are classic. */
const JOB_BOARDS_DESIGN = new Set(['lumenlabs']);
/** Postings that companies show on their own careers page, in the grnhse_iframe embed. */
const EMBEDDED = new Set(['4012401']);

export function designOf(p: Posting): GreenhouseDesign {
  return JOB_BOARDS_DESIGN.has(p.company.board) ? 'job-boards' : 'classic';
}

export function isEmbedded(p: Posting): boolean {
  return EMBEDDED.has(p.externalId);
}

export function postingPath(p: Posting): string {
  return designOf(p) === 'classic'
    ? `/greenhouse/boards/${p.company.board}/jobs/${p.externalId}`
    : `/greenhouse/job-boards/${p.company.board}/jobs/${p.externalId}`;
}

export function embedHostPath(p: Posting): string {
  return `/greenhouse/company/${p.company.board}/careers?gh_jid=${p.externalId}`;
}

export function embedFormPath(p: Posting): string {
  return `/greenhouse/embed/job_app?for=${p.company.board}&token=${p.externalId}`;
}

export const GREENHOUSE_FILE_TYPES = ['.pdf', '.doc', '.docx', '.txt', '.rtf'] as const;
export const GREENHOUSE_MAX_BYTES = 10 * 1024 * 1024;

/** Greenhouse's numeric ids: stable per posting and question, as the API shows them. */
export function questionId(p: Posting, index: number): string {
  return `${p.externalId}${String(index + 10).padStart(3, '0')}`;
}

const EEO_IDS: Record<keyof typeof EEO_TEMPLATES, { classic: string; jobBoards: string; labels: readonly string[] }> = {
  gender: { classic: 'job_application[gender]', jobBoards: 'gender', labels: GENDER },
  hispanicLatino: {
    classic: 'job_application[hispanic_ethnicity]',
    jobBoards: 'hispanic_ethnicity',
    labels: HISPANIC_LATINO,
  },
  race: { classic: 'job_application[race]', jobBoards: 'race', labels: RACE },
  veteran: { classic: 'job_application[veteran_status]', jobBoards: 'veteran_status', labels: VETERAN },
  disability: { classic: 'job_application[disability_status]', jobBoards: 'disability_status', labels: DISABILITY },
};

interface Names {
  main: (key: string) => string;
  /** The submitted name of custom question `index`, by the kind of answer it takes. */
  answer: (index: number, kind: 'text' | 'boolean' | 'option' | 'options') => string;
}

function names(p: Posting, design: GreenhouseDesign): Names {
  if (design === 'classic') {
    const base = (i: number) => `job_application[answers_attributes][${i}]`;
    return {
      main: (key) => `job_application[${key}]`,
      answer: (i, kind) =>
        kind === 'text'
          ? `${base(i)}[text_value]`
          : kind === 'boolean'
            ? `${base(i)}[boolean_value]`
            : kind === 'option'
              ? `${base(i)}[answer_selected_options_attributes][0][question_option_id]`
              : `${base(i)}[answer_selected_options_attributes][][question_option_id]`,
    };
  }
  return {
    main: (key) => key,
    answer: (i, kind) => (kind === 'options' ? `question_${questionId(p, i)}[]` : `question_${questionId(p, i)}`),
  };
}

/** A custom question placed the Greenhouse way: booleans as Yes(1)/No(0), options by numeric id. */
function customField(p: Posting, design: GreenhouseDesign, n: Names, index: number, t: FieldTemplate): FieldSpec {
  const qid = questionId(p, index);
  const select = design === 'classic' ? 'select' : 'combobox';
  const section = 'Custom questions';
  switch (t.type) {
    case 'yes_no':
      return place(t, {
        name: n.answer(index, 'boolean'),
        id: `question_${qid}`,
        type: select,
        section,
        optionValue: (l) => (l === 'Yes' ? '1' : '0'),
      });
    case 'select':
      return place(t, {
        name: n.answer(index, 'option'),
        id: `question_${qid}`,
        type: select,
        section,
        optionValue: (_l, i) => `${qid}${i + 1}`,
      });
    case 'checkbox_group':
      return place(t, {
        name: n.answer(index, 'options'),
        id: `question_${qid}`,
        section,
        optionValue: (_l, i) => `${qid}${i + 1}`,
      });
    default:
      // Greenhouse has no date questions: a date is asked as text.
      return place(t, {
        name: n.answer(index, 'text'),
        id: `question_${qid}`,
        type: t.type === 'date' ? 'text' : t.type,
        section,
      });
  }
}

/** `design` defaults to the board's; the Job Board API describes questions in job-boards names. */
export function greenhouseSpec(p: Posting, design: GreenhouseDesign = designOf(p)): FormSpec {
  const n = names(p, design);
  const mainField = (
    key: string,
    label: string,
    type: FieldSpec['type'],
    required: boolean,
    asks: FieldSpec['asks'],
  ): FieldSpec => specField(n.main(key), label, type, required, asks, { id: key });
  const bank = customQuestions(p);
  const links: FieldTemplate[] = [
    { label: 'LinkedIn Profile', type: 'text', required: false, asks: profile('profile.links.linkedin') },
    { label: 'Website', type: 'text', required: false, asks: profile('profile.links.portfolio') },
  ];
  const custom = [...links, ...p.questions.map((k) => bank[k])].map((t, i) => customField(p, design, n, i, t));
  const fields: FieldSpec[] = [
    mainField('first_name', 'First Name', 'text', true, profile('profile.firstName')),
    mainField('last_name', 'Last Name', 'text', true, profile('profile.lastName')),
    { ...mainField('email', 'Email', 'email', true, profile('profile.email')), format: 'email' },
    { ...mainField('phone', 'Phone', 'tel', true, profile('profile.phone')), format: 'phone' },
    design === 'classic'
      ? mainField('location', 'Location (City)', 'location', false, profile('profile.location'))
      : {
          ...mainField('candidate-location', 'Location (City)', 'location', true, profile('profile.location')),
          options: LOCATION_OPTIONS,
        },
    {
      ...mainField('resume', 'Resume/CV', 'file', true, document('resume')),
      accept: GREENHOUSE_FILE_TYPES,
      maxBytes: GREENHOUSE_MAX_BYTES,
    },
    {
      ...mainField('resume_text', 'Resume/CV', 'textarea', false, document('resume', true)),
      alternativeTo: n.main('resume'),
    },
    {
      ...mainField('cover_letter', 'Cover Letter', 'file', false, document('coverLetter')),
      accept: GREENHOUSE_FILE_TYPES,
      maxBytes: GREENHOUSE_MAX_BYTES,
    },
    {
      ...mainField('cover_letter_text', 'Cover Letter', 'textarea', false, profile('profile.coverLetter')),
      alternativeTo: n.main('cover_letter'),
    },
    ...custom,
    ...(Object.keys(EEO_IDS) as Array<keyof typeof EEO_IDS>).map((key) =>
      place(EEO_TEMPLATES[key], {
        name: design === 'classic' ? EEO_IDS[key].classic : EEO_IDS[key].jobBoards,
        id: design === 'classic' ? `job_application_${EEO_IDS[key].jobBoards}` : EEO_IDS[key].jobBoards,
        type: design === 'classic' ? 'select' : 'combobox',
        section: 'Voluntary Self-Identification',
        // Greenhouse submits EEOC answers by numeric id; Hispanic/Latino by its words.
        optionValue: (label, i) => (key === 'hispanicLatino' ? label : String(i + 1)),
      }),
    ),
  ];
  if (design === 'classic') {
    // The hidden ids that tie each answer to its question, as the Rails form posts them.
    custom.forEach((_f, i) => {
      fields.push({
        name: `job_application[answers_attributes][${i}][question_id]`,
        id: `job_application_answers_attributes_${i}_question_id`,
        label: 'question id',
        type: 'text',
        required: false,
        asks: { kind: 'system' },
        value: questionId(p, i),
      });
    });
  }
  const url = isEmbedded(p) ? embedFormPath(p) : postingPath(p);
  const submitUrl = design === 'classic' ? url : `${url}/applications`;
  return formOf('greenhouse', p, fields, url, submitUrl);
}
