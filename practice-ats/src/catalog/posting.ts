// What a practice posting is: the job as a board shows it, plus the adversarial scenario (if any)
// its pages play out.

import type { AtsKind } from '../spec/form-spec.ts';
import type { QuestionKey } from '../spec/question-bank.ts';

export const SCENARIOS = [
  'normal',
  /** A reCAPTCHA/hCaptcha-like widget that must be solved before the form submits. */
  'captcha',
  /** A Cloudflare-like "verify you are human" interstitial in front of the posting. */
  'bot-wall',
  /** Sign-in required before the application form is shown. */
  'login-wall',
  /** The posting is gone: HTTP 404. */
  'closed-404',
  /** The posting page still answers 200 but says it no longer accepts applications. */
  'closed',
  /** Every page of the posting answers after a delay (`?delay=ms`, default 4000 ms). */
  'slow',
  /** The first submission is refused with a field error that a corrected second try passes. */
  'reject-first',
  /** Field order, labels and ids change on every visit. */
  'shuffled',
  /** A second application with the same email is answered "you have already applied". */
  'already-applied',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Company {
  name: string;
  /** The board token / site name / tenant in the ATS's URLs. */
  board: string;
  about: string;
  benefits: string;
}

export interface Posting {
  ats: AtsKind;
  company: Company;
  externalId: string;
  title: string;
  department: string;
  location: string;
  remote: boolean;
  employmentType: 'Full-time' | 'Part-time' | 'Contract';
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  summary: string;
  keyPoints: string[];
  requirements: string[];
  questions: QuestionKey[];
  postedAt: string;
  scenario: Scenario;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The description as paragraphs of plain text, the way the boards present it. */
export function descriptionParagraphs(p: Posting): string[] {
  return [p.company.about, p.summary, p.company.benefits];
}

export function salaryText(p: Posting): string | null {
  if (p.salaryMin === null || p.salaryMax === null || p.salaryCurrency === null) return null;
  const fmt = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: p.salaryCurrency,
    maximumFractionDigits: 0,
  });
  return `${fmt.format(p.salaryMin)} – ${fmt.format(p.salaryMax)} per year`;
}
