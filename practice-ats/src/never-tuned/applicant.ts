// The never-tuned split's one applicant: a profile and an answer sheet, in the very file formats
// `npm run apply --profile --answers` reads, used by the split's tests and the benchmark alike.
// The saved answers are worded the way a user would have saved them elsewhere ("Where did you hear
// about us?"), never the way any of the split's forms asks, and never taken from a form's key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicantProfile, SavedAnswers } from '@jobswipe/protocol';

export const APPLICANT_PROFILE_FILE = join(import.meta.dirname, 'applicant', 'profile.json');
export const APPLICANT_ANSWERS_FILE = join(import.meta.dirname, 'applicant', 'answers.json');

export const APPLICANT_PROFILE: ApplicantProfile = ApplicantProfile.parse(
  JSON.parse(readFileSync(APPLICANT_PROFILE_FILE, 'utf8')),
);
export const APPLICANT_ANSWERS: SavedAnswers = SavedAnswers.parse(
  JSON.parse(readFileSync(APPLICANT_ANSWERS_FILE, 'utf8')),
);

/** Where a spec's expected value comes from: a profile path, or a saved answer by its question. */
export const FROM = {
  heard: 'answers: "Where did you hear about us?" = LinkedIn',
  start: 'answers: "When can you start?" = 2027-02-01',
  adult: 'answers: "Are you 18 or older?" = yes',
  formerEmployee: 'answers: "Have you ever worked for this company before?" = no',
  relocate: 'answers: "Would you be willing to relocate for this role?" = yes',
  onSite: 'answers: "Are you comfortable working on-site or hybrid?" = yes',
  typescript: 'answers: "Years of experience with TypeScript" = 3',
  preferredName: 'answers: "What name do you go by?" = Ren',
  pronouns: 'answers: "Your pronouns" = she/her',
} as const;
