// The apply bench's model pass: what the model fallback costs. Two applicants in turn apply to the
// tuned forms that ask a non-sensitive free-text question (as the engine's tests' applicant, the
// tuned forms' own answer sheet), their saved answers leaving those
// questions out; the scripted OpenAI-compatible model on loopback (STAND-IN for a real model, at
// the outermost boundary) drafts them from the answer sheet, and Stagehand operates their fields
// with the answer as a variable. The widget actions it learns are shared between the applicants
// (per form template, as between users); drafts are not (each applicant's are their own).
import { formSpec, type PracticeAts, type PracticeJob } from '@jobswipe/practice-ats';
import type { SavedAnswers } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import type { ActionCache, WidgetAction } from '../src/ai/model-use.ts';
import { startStagehandFallback } from '../src/ai/stagehand-fallback.ts';
import { applyToJob } from '../src/runner/apply.ts';
import { launchBrowser } from '../src/runner/browser.ts';
import { ACCOUNT, applicantAnswers, PROFILE } from '../test/support/applicant.ts';

/** Questions a model drafts in this pass: free text the scripted model's observe() plans typing into. */
const DRAFTED = new Set(['text', 'textarea']);
const APPLICATION_TIMEOUT_MS = 120_000;

/** Widget actions in memory, shared by both applicants, counting lookups and hits. */
function sharedActions() {
  const known = new Map<string, WidgetAction>();
  const counts = { lookups: 0, hits: 0 };
  const cache: ActionCache = {
    async get(template, instruction) {
      counts.lookups++;
      const action = known.get(`${template}\n${instruction}`) ?? null;
      if (action) counts.hits++;
      return action;
    },
    async put(template, instruction, action) {
      known.set(`${template}\n${instruction}`, action);
    },
    async drop(template, instruction) {
      known.delete(`${template}\n${instruction}`);
    },
  };
  return { cache, counts };
}

export async function modelBench(ats: PracticeAts, jobs: PracticeJob[], resumePath: string) {
  const script: Record<string, string> = {};
  const forms: Array<{ job: PracticeJob; answers: SavedAnswers }> = [];
  for (const job of jobs) {
    const spec = formSpec(job.ats, job.externalId);
    const answers: SavedAnswers = applicantAnswers(spec);
    let drafted = 0;
    for (const f of spec.fields) {
      if (f.asks.kind !== 'question' || !DRAFTED.has(f.type) || isSensitiveQuestion(f.label)) continue;
      const value = answers[f.asks.key];
      if (typeof value !== 'string') continue;
      delete answers[f.asks.key];
      script[f.label] = value;
      drafted++;
    }
    if (drafted) forms.push({ job, answers });
  }
  const model = await new ScriptedModel(script).start();
  const { browser, cdpUrl } = await launchBrowser({ withCdp: true });
  const actions = sharedActions();
  const table: Array<Record<string, string | number>> = [];
  try {
    for (const applicant of ['first applicant', 'second applicant']) {
      const before = { ...model.calls(), ...actions.counts };
      let submitted = 0;
      const ai = await startStagehandFallback({
        cdpUrl: cdpUrl!,
        model: { baseURL: model.url, model: 'scripted', apiKey: 'bench' },
        actions: actions.cache,
      });
      try {
        for (const { job, answers } of forms) {
          ats.submissions.clear();
          const result = await applyToJob({
            url: job.applyUrl,
            profile: PROFILE,
            answers,
            resumePath,
            mode: 'server',
            browser,
            ai,
            account: ACCOUNT,
            job: { company: job.company, country: countryOfLocation(job.location) },
            signal: AbortSignal.timeout(APPLICATION_TIMEOUT_MS),
          }).catch((err: unknown) => ({ outcome: 'crashed', message: String(err) }));
          if (result.outcome === 'submitted') submitted++;
          console.error(
            `model ${applicant} ${job.ats} ${job.externalId}: ${result.outcome}${result.message ? ` — ${result.message.slice(0, 160)}` : ''}`,
          );
        }
      } finally {
        await ai.close();
      }
      const calls = model.calls();
      const drafts = calls.draft - before.draft;
      const widgets = calls.widget - before.widget;
      const lookups = actions.counts.lookups - before.lookups;
      const hits = actions.counts.hits - before.hits;
      table.push({
        applicant,
        applications: forms.length,
        submitted,
        'model calls / application': +((drafts + widgets) / forms.length).toFixed(2),
        'drafts / application': +(drafts / forms.length).toFixed(2),
        'widget calls / application': +(widgets / forms.length).toFixed(2),
        'action cache hit rate': lookups ? `${((100 * hits) / lookups).toFixed(0)} % (${hits}/${lookups})` : '–',
      });
    }
  } finally {
    await browser.close();
    await model.close();
  }
  return { forms: forms.map((f) => f.job.applyUrl), table };
}
