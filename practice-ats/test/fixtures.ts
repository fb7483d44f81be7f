// The applicant, saved answers and documents the practice ATS tests apply with, and a helper that
// builds a correct form post from a form's answer key (for server-rendered forms tested over HTTP).
import { createHash, randomBytes } from 'node:crypto';
import { ApplicantProfile, normalizeQuestion, type SavedAnswers } from '@jobswipe/protocol';
import { expectedSubmission, type FormSpec } from '../src/index.ts';

export const PROFILE: ApplicantProfile = ApplicantProfile.parse({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada.lovelace@example.com',
  phone: '+1 (415) 555-0142',
  links: {
    linkedin: 'https://www.linkedin.com/in/ada-lovelace',
    github: 'https://github.com/ada-lovelace',
    portfolio: 'https://ada.dev',
  },
  location: { city: 'San Francisco', region: 'California', country: 'United States', postalCode: '94107' },
  workAuthorization: { authorizedCountries: ['United States', 'GB'], requiresSponsorship: false },
  salaryExpectation: { amount: 180000, currency: 'USD', period: 'year' },
  noticePeriod: '4 weeks',
  currentCompany: 'Analytical Engines Ltd',
  currentTitle: 'Senior Software Engineer',
  yearsOfExperience: 8,
  earliestStartDate: '2027-01-15',
  willingToRelocate: false,
  workHistory: [{ company: 'Analytical Engines Ltd', title: 'Senior Software Engineer', current: true }],
  eeo: {
    gender: 'Female',
    race: 'decline',
    hispanicLatino: 'No',
    veteran: 'I am not a protected veteran',
    disability: 'decline',
  },
  coverLetter:
    'I have spent eight years building systems that people rely on every day, and I would like to do that with you.',
});

const BASE_ANSWERS: SavedAnswers = {
  [normalizeQuestion('How did you hear about this job?')]: 'LinkedIn',
  [normalizeQuestion('Which work arrangements are you open to?')]: ['Remote', 'Hybrid'],
  [normalizeQuestion('Pronouns')]: 'she/her',
};

/** Saved answers for every custom question of a form (free text and consent ones made up per form). */
export function answersFor(spec: FormSpec): SavedAnswers {
  const answers: SavedAnswers = { ...BASE_ANSWERS };
  for (const f of spec.fields) {
    if (f.asks.kind !== 'question' || f.asks.key in answers) continue;
    if (f.type === 'checkbox') answers[f.asks.key] = true;
    else if (f.options?.[0]) answers[f.asks.key] = f.options[0].label;
    else answers[f.asks.key] = `My answer to "${f.label}"`;
  }
  return answers;
}

export interface TestDocument {
  filename: string;
  mime: string;
  data: Buffer;
  sha256: string;
}

/** A small but real PDF with random content, so each test's upload has its own hash. */
export function pdf(filename = 'Ada_Lovelace_Resume.pdf', size = 2_000): TestDocument {
  const body = Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
    randomBytes(size),
    Buffer.from('\n%%EOF\n'),
  ]);
  return document(filename, 'application/pdf', body);
}

export function document(filename: string, mime: string, data: Buffer): TestDocument {
  return { filename, mime, data, sha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * The form post a careful applicant would send: every value the answer key expects, and the
 * documents in the file fields. `override` replaces (or with `null` removes) single fields.
 */
export function correctPost(
  spec: FormSpec,
  documents: { resume?: TestDocument; coverLetter?: TestDocument },
  override: Record<string, string | null> = {},
): FormData {
  const expected = expectedSubmission(spec, PROFILE, answersFor(spec));
  const form = new FormData();
  for (const e of expected.fields) {
    if (e.field in override) continue;
    for (const v of Array.isArray(e.value) ? e.value : [e.value]) form.append(e.field, v);
  }
  for (const [name, value] of Object.entries(override)) if (value !== null) form.append(name, value);
  for (const f of expected.files) {
    const doc = documents[f.document];
    if (doc) form.append(f.field, new Blob([new Uint8Array(doc.data)], { type: doc.mime }), doc.filename);
  }
  return form;
}
