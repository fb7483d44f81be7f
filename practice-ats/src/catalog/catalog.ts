// The practice catalog: every posting with an absolute apply URL, as the demo deck and the
// engine's tests read it, and the answer key of each posting's form.
import { atsModule, hasAtsModule } from '../ats/registry.ts';
import { ATS_KINDS, type AtsKind, type FormSpec } from '../spec/form-spec.ts';
import { descriptionParagraphs, type Scenario } from './posting.ts';
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
  description: string;
  keyPoints: string[];
  applyUrl: string;
  scenario: Scenario;
}

export function practiceJobs(baseUrl: string): PracticeJob[] {
  const base = baseUrl.replace(/\/+$/, '');
  return POSTINGS.filter((p) => hasAtsModule(p.ats)).map((p) => ({
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
    description: [
      ...descriptionParagraphs(p).slice(0, 2),
      `What you'll do:\n${p.keyPoints.map((k) => `- ${k}`).join('\n')}`,
      `What we're looking for:\n${p.requirements.map((k) => `- ${k}`).join('\n')}`,
      p.company.benefits,
    ].join('\n\n'),
    keyPoints: p.keyPoints,
    applyUrl: base + atsModule(p.ats).applyPath(p),
    scenario: p.scenario,
  }));
}

/** The answer key of one posting's form; `url` is the form's path on the practice server. */
export function formSpec(ats: AtsKind | string, jobId: string): FormSpec {
  if (!ATS_KINDS.includes(ats as AtsKind)) {
    throw new Error(`Unknown practice ATS "${ats}". Use one of: ${ATS_KINDS.join(', ')}.`);
  }
  const posting = POSTINGS.find((p) => p.ats === ats && p.externalId === jobId);
  if (!posting)
    throw new Error(`No ${ats} posting with id "${jobId}" in the practice catalog (see GET /__practice/jobs).`);
  return atsModule(posting.ats).formSpec(posting);
}
