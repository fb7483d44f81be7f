// The applicant every engine test applies as, the documents they upload, and saved answers made
// from a form's answer key (so the profile plus answers cover every field).
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormSpec } from '@jobswipe/practice-ats';
import { ApplicantProfile, type SavedAnswers } from '@jobswipe/protocol';

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

/** The answers a user would have saved for every custom question of a form. */
export function answersFor(spec: FormSpec): SavedAnswers {
  const answers: SavedAnswers = {};
  for (const field of spec.fields) {
    if (field.asks.kind !== 'question') continue;
    const options = field.options?.map((o) => o.label) ?? [];
    switch (field.type) {
      case 'checkbox':
        answers[field.asks.key] = true;
        break;
      case 'checkbox_group':
        answers[field.asks.key] = options.slice(0, 2);
        break;
      case 'date':
        answers[field.asks.key] = '2027-01-15';
        break;
      default:
        answers[field.asks.key] = options.at(-1) ?? `My answer to: ${field.label}`;
    }
  }
  return answers;
}

/** The applicant's candidate account on the practice ATS's Workday (a local test account only). */
export const ACCOUNT = { password: 'practice-only-password' };
