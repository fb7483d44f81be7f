// The applicant every engine test applies as, the documents they upload, their own answer sheet
// (phrased their way, never a form's) and what they reply when JobSwipe asks them something.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormSpec } from '@jobswipe/practice-ats';
import {
  type AnswerValue,
  ApplicantProfile,
  normalizeQuestion,
  type Question,
  type SavedAnswers,
} from '@jobswipe/protocol';

export const PROFILE: ApplicantProfile = ApplicantProfile.parse({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada.lovelace@example.org',
  phone: '+1 415 555 0134',
  links: {
    linkedin: 'https://www.linkedin.com/in/ada-lovelace',
    github: 'https://github.com/ada-lovelace',
    portfolio: 'https://ada.example.org/work',
    website: 'https://ada.example.org',
  },
  location: {
    city: 'San Francisco',
    region: 'California',
    country: 'United States',
    postalCode: '94107',
    addressLine: '1 Market St',
  },
  workAuthorization: { authorizedCountries: ['United States'], requiresSponsorship: false },
  salaryExpectation: { amount: 165000, currency: 'USD', period: 'year' },
  noticePeriod: '4 weeks',
  currentCompany: 'Analytical Engines Ltd',
  currentTitle: 'Senior Software Engineer',
  yearsOfExperience: 7,
  earliestStartDate: '2027-01-15',
  referralSource: 'LinkedIn',
  legalAge: true,
  willingToRelocate: false,
  workHistory: [
    { company: 'Analytical Engines Ltd', title: 'Senior Software Engineer', start: '2019-06', current: true },
    { company: 'Difference Engine Co', title: 'Software Engineer', start: '2016-09', end: '2019-05' },
  ],
  education: [{ school: 'University of London', degree: 'BSc', field: 'Mathematics', end: '2016-06' }],
  eeo: {
    gender: 'Female',
    race: 'White',
    hispanicLatino: 'No',
    veteran: 'I am not a protected veteran',
    disability: 'decline',
  },
  coverLetter: 'I would love to bring my experience with analytical engines to your team.',
});

export interface Documents {
  dir: string;
  resumePath: string;
  coverLetterPath: string;
  sha256: { resume: string; coverLetter: string };
}

/** A small but real PDF, different per document, so a swapped upload is caught by its hash. */
function pdf(title: string): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function writeDocuments(): Promise<Documents> {
  const dir = await mkdtemp(join(tmpdir(), 'jobswipe-docs-'));
  const resume = pdf('Ada Lovelace resume');
  const cover = pdf('Ada Lovelace cover letter');
  const resumePath = join(dir, 'ada-lovelace-resume.pdf');
  const coverLetterPath = join(dir, 'ada-lovelace-cover-letter.pdf');
  await writeFile(resumePath, resume);
  await writeFile(coverLetterPath, cover);
  return { dir, resumePath, coverLetterPath, sha256: { resume: sha256(resume), coverLetter: sha256(cover) } };
}

/**
 * The applicant's own answer sheet: what they saved once, in their own words, never a form's.
 * `means` is the test's reading of which form questions each answer is for (a person's judgement,
 * written here, not the engine's), so a submission can be checked against it.
 */
export const ANSWER_SHEET: Array<{ question: string; answer: AnswerValue; means: RegExp }> = [
  { question: 'Where did you first learn about this opening?', answer: 'Job board', means: /\bhear about\b/i },
  { question: 'What are your preferred pronouns?', answer: 'she/her', means: /^pronouns$/i },
  { question: 'How many years have you worked with TypeScript?', answer: '6', means: /\btypescript\b/i },
];

/** The sheet as saved answers (keyed the way the backend keys them). */
export function sheetAnswers(): SavedAnswers {
  return Object.fromEntries(ANSWER_SHEET.map((e) => [normalizeQuestion(e.question), e.answer]));
}

/** What the applicant answers when JobSwipe asks a question it cannot answer (as the web shows it). */
export function reply(q: Pick<Question, 'label' | 'type' | 'options'>): AnswerValue {
  switch (q.type) {
    case 'checkbox':
      return true;
    case 'checkbox_group':
      return (q.options ?? []).slice(0, 1);
    case 'yes_no':
      return false;
    case 'date':
      return '2027-02-01';
    default:
      if (q.options?.length) return q.options[0]!;
      return 'I want to build the tools this team makes, for the people who use them.';
  }
}

/**
 * Answers the applicant gave on an earlier attempt, when JobSwipe asked the form's own questions
 * that neither the profile nor the sheet answers (replies to the questions as shown, not to the
 * form's answer key). The ask-and-answer loop in apply-every-form.test.ts proves these are exactly
 * what the engine asks.
 */
export function earlierReplies(spec: FormSpec): SavedAnswers {
  const replies: SavedAnswers = {};
  for (const f of spec.fields) {
    if (f.asks.kind !== 'question' || !f.required || sheetEntryFor(f.label)) continue;
    if (f.type === 'checkbox') continue; // a required consent box is ticked by the engine
    replies[f.asks.key] = reply({ label: f.label, type: f.type, options: f.options?.map((o) => o.label) });
  }
  return replies;
}

/** Everything the applicant has saved before applying to a form: the sheet and earlier replies. */
export function applicantAnswers(spec: FormSpec): SavedAnswers {
  return { ...sheetAnswers(), ...earlierReplies(spec) };
}

/**
 * Questions the profile answers by a rule rather than a saved answer: its one phone is the number
 * the applicant carries, so "Phone Device Type" is Mobile.
 */
const PROFILE_RULES: Array<{ answer: AnswerValue; means: RegExp }> = [
  { answer: 'Mobile', means: /\bphone (device )?type\b/i },
];

function sheetEntryFor(label: string) {
  return [...ANSWER_SHEET, ...PROFILE_RULES].find((e) => e.means.test(label));
}

/** The answers a correct submission holds for a form's own questions: the user's replies, else the sheet's. */
export function intendedAnswers(spec: FormSpec, replies: SavedAnswers): SavedAnswers {
  const out: SavedAnswers = {};
  for (const f of spec.fields) {
    if (f.asks.kind !== 'question') continue;
    const answer = replies[f.asks.key] ?? sheetEntryFor(f.label)?.answer;
    if (answer !== undefined) out[f.asks.key] = answer;
  }
  return out;
}

/** The applicant's candidate account on the practice ATS's Workday (a local test account only). */
export const ACCOUNT = { password: 'practice-only-password' };
