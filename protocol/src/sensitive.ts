// The one list of sensitive question kinds. A question of one of these kinds is answered only
// from the applicant's own profile or their own saved answer to that very question: never by a
// model, never by a default, never by similarity to another question. The automation engine, its
// model fallback and the web (which tells the user why it asks) all read it from here.
import { normalizeQuestion } from './questions.ts';

export const SENSITIVE_KINDS = ['pay', 'immigration', 'eeo', 'clearance', 'exportControl', 'legal'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** What the user is told a kind is about. */
export const SENSITIVE_KIND_LABELS: Record<SensitiveKind, string> = {
  pay: 'pay',
  immigration: 'work authorization and visas',
  eeo: 'equal-opportunity self-identification',
  clearance: 'security clearance',
  exportControl: 'export control',
  legal: 'legal history and attestations',
};

// Checked on normalizeQuestion's text (lower case, words separated by single spaces). Order
// matters only for which kind a question touching two is reported as.
const PATTERNS: Array<[SensitiveKind, RegExp]> = [
  [
    'exportControl',
    /\b(export (control|controlled|administration|regulations?)|itar|ear99|deemed export|u ?s person|us persons?|ofac|sanctioned countr)/,
  ],
  [
    'clearance',
    /\b(security clearance|clearances?|polygraph|ts sci|top secret|secret clearance|public trust|dv clearance|sc clearance|baseline clearance)\b/,
  ],
  [
    'immigration',
    /\b(visas?|sponsor(ed|ship)?|immigration|citizen(s|ship)?|nationality|permanent resident|green card|h ?1 ?b|(stem )?opt(?! (in|out|into)\b)|cpt|ead|work (authori[sz]ation|permit|eligibility)|right to work|(authori[sz]ed|eligible|entitled|permitted|legally able) to (legally )?work|residency status|resident status|immigration status)\b/,
  ],
  [
    'eeo',
    /\b(gender|sex|sexual orientation|transgender|lgbt\w*|race|racial|ethnic(ity)?|hispanic|latin[oaxe]|veteran|military spouse|disabilit(y|ies)|disabled|pronouns?|religio(n|us)|date of birth|birth ?date|how old|age range|marital|pregnan\w*)\b/,
  ],
  [
    'pay',
    /\b(salary|salaries|compensation|pay|paid|wages?|remuneration|bonus|equity|ote|ctc|stipend|(hourly|daily|day) rate|rate expectations?|earnings|income)\b/,
  ],
  [
    'legal',
    /\b(convicted|convictions?|felony|felonies|misdemeanou?r|criminal|arrested|background (check|screening)|drug (test|screen)\w*|non ?compete|non ?solicit\w*|restrictive covenants?|social security|ssn|national insurance number|debarred|excluded from federal)\b/,
  ],
];

/** The sensitive kind a question's text touches, or null. */
export function sensitiveKindOf(question: string): SensitiveKind | null {
  const text = normalizeQuestion(question);
  return PATTERNS.find(([, re]) => re.test(text))?.[0] ?? null;
}

export function isSensitiveQuestion(question: string): boolean {
  return sensitiveKindOf(question) !== null;
}
