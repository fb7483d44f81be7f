// The practice catalog: every posting with an absolute apply URL, as the demo deck and the
// engine's tests read it, and the answer key of each posting's form.
import { atsModule, hasAtsModule } from '../ats/registry.ts';
import { NEVER_TUNED_FORMS } from '../never-tuned/forms/index.ts';
import {
  ATS_KINDS,
  type AtsKind,
  type FormSpec,
  NEVER_TUNED_ONLY_KINDS,
  SPLITS,
  type Split,
} from '../spec/form-spec.ts';
import { descriptionParagraphs, type Posting, type Scenario } from './posting.ts';
import { POSTINGS } from './postings.ts';

export interface PracticeJob {
  ats: AtsKind;
  board: string;
  externalId: string;
  company: string;
  title: string;
  location: string;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  employmentType: Posting['employmentType'];
  description: string;
  keyPoints: string[];
  applyUrl: string;
  scenario: Scenario;
  split: Split;
}

/**
 * The catalog. `split` picks the tuned forms (the default: the demo deck and the engine's tests),
 * the never-tuned ones (the split that measures the engine on forms it was not built against), or
 * both.
 */
export function practiceJobs(baseUrl: string, split: Split | 'all' = 'tuned'): PracticeJob[] {
  if (split !== 'all' && !SPLITS.includes(split)) {
    throw new Error(`Unknown practice split "${split}". Use one of: ${SPLITS.join(', ')}, all.`);
  }
  const base = baseUrl.replace(/\/+$/, '');
  const tuned = POSTINGS.filter((p) => hasAtsModule(p.ats)).map((p) =>
    job(p, base + atsModule(p.ats).applyPath(p), 'tuned'),
  );
  const neverTuned = NEVER_TUNED_FORMS.map((f) => job(f.posting, base + f.applyPath, 'never-tuned'));
  if (split === 'tuned') return tuned;
  return split === 'never-tuned' ? neverTuned : [...tuned, ...neverTuned];
}

function job(p: Posting, applyUrl: string, split: Split): PracticeJob {
  return {
    ats: p.ats,
    board: p.company.board,
    externalId: p.externalId,
    company: p.company.name,
    title: p.title,
    location: p.location,
    remote: p.remote,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    salaryCurrency: p.salaryCurrency,
    employmentType: p.employmentType,
    description: [
      ...descriptionParagraphs(p).slice(0, 2),
      `What you'll do:\n${p.keyPoints.map((k) => `- ${k}`).join('\n')}`,
      `What we're looking for:\n${p.requirements.map((k) => `- ${k}`).join('\n')}`,
      p.company.benefits,
    ].join('\n\n'),
    keyPoints: p.keyPoints,
    applyUrl,
    scenario: p.scenario,
    split,
  };
}

/** The answer key of one posting's form; `url` is the form's path on the practice server. */
export function formSpec(ats: AtsKind | string, jobId: string): FormSpec {
  const kinds: readonly string[] = [...ATS_KINDS, ...NEVER_TUNED_ONLY_KINDS];
  if (!kinds.includes(ats)) {
    throw new Error(`Unknown practice ATS "${ats}". Use one of: ${kinds.join(', ')}.`);
  }
  const neverTuned = NEVER_TUNED_FORMS.find((f) => f.posting.ats === ats && f.posting.externalId === jobId);
  if (neverTuned) return neverTuned.spec;
  const posting = POSTINGS.find((p) => p.ats === ats && p.externalId === jobId);
  if (!posting)
    throw new Error(`No ${ats} posting with id "${jobId}" in the practice catalog (see GET /__practice/jobs).`);
  return atsModule(posting.ats).formSpec(posting);
}
