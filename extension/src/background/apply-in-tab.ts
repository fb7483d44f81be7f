// One claimed application in the user's own browser: the posting opens in a tab the extension owns
// in its applying window, the in-page core (the same one the server and desktop executors inject)
// steps through the form, re-injected after each navigation, every step reported to the backend;
// questions the rules leave open and a model may answer are drafted by the backend's model answers;
// the `submitting` checkpoint is awaited before the one final click, and with `verifyFirst` the run
// only looks for proof of an earlier submission. Evidence is uploaded under the lease. The tab
// closes at the end, except when the user must act there (a login wall, a CAPTCHA, a question).
import { draftsToReview, reviewMessage } from '@jobswipe/automations/ai/review-drafts';
import type { FilledField, StepInput, StepResult, Unanswered } from '@jobswipe/automations/core/types';
import { ProgressReporter } from '@jobswipe/automations/runner/progress';
import { type ApplyOutcome, accountPasswordQuestion, type ErrorClass, SUBMITTING_STEP } from '@jobswipe/protocol';
import { type AttemptControl, type AttemptOutcome, attemptOutcomeOf } from '@jobswipe/protocol/attempt-runner';
import { type ClaimedMessage, jobContextOf } from '@jobswipe/protocol/device';
import { closeApplicationTab, handTabToUser, type OwnedTab, openApplicationTab } from './applying-window.ts';
import { captureAndUpload } from './evidence.ts';
import { coreAfterSubmit, coreStep, coreSubmit, formFrame, settleAfterClick, tabLoaded } from './page-core.ts';
import { deviceApi, downloadResume } from './server-api.ts';
import { siteNeedingGrant } from './site-access.ts';
import type { Credentials } from './stored.ts';

const MAX_STEPS = 40;
const MAX_SUBMITS = 3;
/** How long a page may show nothing to act on (still rendering, a slow server) before giving up. */
const MAX_WAITING_MS = 30_000;
const CONFIRMATION_TIMEOUT_MS = 30_000;

interface Ending {
  outcome: ApplyOutcome;
  errorClass: ErrorClass | null;
  message: string | null;
  confirmation?: string;
  unanswered?: Unanswered[];
  /** The form refused the final submit: nothing was submitted (the checkpoint is cleared). */
  submitRefused?: boolean;
}

export interface ApplyDeps {
  credentials: Credentials;
  /** Tells the user an application waits on them in its tab. */
  notify(title: string, message: string): void;
}

class Attempt {
  readonly filled = new Map<string, FilledField>();
  /** The backend model's drafts for questions the rules left open, by question key. */
  readonly drafted: StepInput['answers'] = {};
  /** Questions already sent to the model (each at most once per attempt), by label. */
  readonly asked = new Map<string, Unanswered>();
  /**
   * What the core pressed (`pressed` of each advanced step), kept here across the tab's documents:
   * a fresh core must not press the same Next forever or retry a refused sign-in; the page keeps nothing.
   */
  readonly clicked: string[] = [];
  frame = 0;
  readonly progress: ProgressReporter;

  constructor(
    readonly order: ClaimedMessage,
    readonly control: AttemptControl,
    readonly tab: OwnedTab,
    private readonly base: StepInput,
  ) {
    this.progress = new ProgressReporter((p) => control.progress(p.step, p.percent, p.message));
  }

  input(submits: number, extra: Partial<StepInput> = {}): StepInput {
    // Drafts apart from saved answers: the core fills them only where nothing else answers, as the model's.
    return { ...this.base, drafts: this.drafted, submits, clicked: this.clicked, ...extra };
  }

  record(filled: FilledField[]): void {
    for (const f of filled) this.filled.set(f.field, f);
  }

  checkAbort(): void {
    if (this.control.signal.aborted) throw new Error('Stopped: the application was taken away.');
  }

  async step(extra: Partial<StepInput> = {}, submits = 0): Promise<StepResult> {
    this.frame = await formFrame(this.tab.tabId, this.frame);
    const r = await coreStep(this.tab.tabId, this.frame, this.input(submits, extra));
    if (r.status === 'advanced' && r.pressed) this.clicked.push(r.pressed);
    return r;
  }
}

/** How a step that ends the run maps to an ending; null when the run goes on. */
function ending(attempt: Attempt, r: StepResult): Ending | null {
  switch (r.status) {
    case 'submitted':
      return { outcome: 'submitted', errorClass: null, message: null, confirmation: r.confirmation };
    case 'blocked':
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: `${r.message} Finish it in the open tab.`,
      };
    case 'expired':
      return { outcome: 'expired', errorClass: 'permanent', message: r.message };
    case 'login_required': {
      const question = accountPasswordQuestion(new URL(attempt.order.job.applyUrl as string).host);
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: `${r.message} Sign in to the site in this browser, or give JobSwipe the password.`,
        unanswered: [{ ...question, sensitive: true }],
      };
    }
    case 'invalid':
      return {
        outcome: 'failed',
        errorClass: 'permanent',
        message: `The form refused the application: ${r.errors.join('; ')}`,
      };
    case 'mismatch': {
      const list = r.fields.map((m) => `"${m.field}" shows "${m.actual}" instead of "${m.expected}"`).join('; ');
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: `The form did not keep these answers, so nothing was submitted: ${list}.`,
      };
    }
    case 'needs_user': {
      const list = r.questions.map((q) => `"${q.label}"`).join(', ');
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: `Answer needed for: ${list}`,
        unanswered: r.questions,
      };
    }
    default:
      return null;
  }
}

/** Verifying a lost attempt: proof of a submission, proof there is none (null: apply), or ask the user. */
async function verify(attempt: Attempt): Promise<Ending | null> {
  await attempt.progress.report('verify', 'Looking for proof of the earlier submission');
  for (let i = 0; i < MAX_STEPS; i++) {
    const r = await attempt.step({ verifyOnly: true });
    if (r.status === 'not_applied') return null;
    if (r.status === 'advanced' || r.status === 'waiting') {
      await settleAfterClick(attempt.tab.tabId);
      continue;
    }
    const end = r.status === 'unknown' ? null : ending(attempt, r);
    if (end) return end;
    break;
  }
  return {
    outcome: 'needs_attention',
    errorClass: 'needs_user',
    message:
      'An earlier attempt reached the final submit and was lost; the ATS shows no confirmation or "already applied" notice. ' +
      'Check the company site or your email for a confirmation before applying again.',
  };
}

/**
 * The non-sensitive questions a step left to the user go to the backend's model answers (the one
 * model policy: it refuses sensitive kinds itself, and drafts from the job and work facts only).
 * True when it drafted any, so the step runs again and fills them.
 */
async function draftAnswers(attempt: Attempt, deps: ApplyDeps, questions: Unanswered[]): Promise<boolean> {
  const open = questions.filter((q) => !q.sensitive && !attempt.asked.has(q.label)).slice(0, 20);
  if (!open.length) return false;
  for (const q of open) attempt.asked.set(q.label, q);
  const reply = await deviceApi(deps.credentials)
    .modelAnswers({
      applicationId: attempt.order.applicationId,
      leaseToken: attempt.order.leaseToken,
      questions: open.map(({ sensitive: _s, ...q }) => q),
    })
    // No model, or the backend refused: the questions go to the user as before.
    .catch(() => null);
  for (const a of reply?.answers ?? []) attempt.drafted[a.key] = a.answer;
  return (reply?.answers.length ?? 0) > 0;
}

async function waitForAnswer(attempt: Attempt): Promise<StepResult> {
  const until = Date.now() + CONFIRMATION_TIMEOUT_MS;
  for (;;) {
    await settleAfterClick(attempt.tab.tabId);
    attempt.frame = await formFrame(attempt.tab.tabId, attempt.frame);
    const r = await coreAfterSubmit(attempt.tab.tabId, attempt.frame);
    if (r.status !== 'waiting' || Date.now() > until) return r;
  }
}

async function run(attempt: Attempt, deps: ApplyDeps): Promise<Ending> {
  const { progress, tab } = attempt;
  await progress.report('open', attempt.order.job.applyUrl as string);
  await tabLoaded(tab.tabId);
  attempt.checkAbort();
  await progress.report('detect');
  if (attempt.order.verifyFirst) {
    const verified = await verify(attempt);
    if (verified) return verified;
    await progress.report('fill', 'The ATS shows no earlier application: applying');
  }
  let submits = 0;
  let pages = 0;
  let waitingSince: number | null = null;
  // Errors or a challenge the page shows after the final click prove nothing was submitted.
  let refused = false;
  const end = (r: StepResult): Ending => {
    const e = ending(attempt, r) ?? unexpected(r);
    return refused && e.outcome !== 'submitted' ? { ...e, submitRefused: true } : e;
  };
  for (let i = 0; i < MAX_STEPS; i++) {
    attempt.checkAbort();
    const r = await attempt.step({}, submits);
    if ('filled' in r) attempt.record(r.filled);
    if (r.status === 'advanced') {
      pages++;
      await progress.page(r.filled.some((f) => f.source === 'resume') ? 'upload' : 'fill', pages, r.action);
      await settleAfterClick(tab.tabId);
      continue;
    }
    if (r.status === 'waiting') {
      waitingSince ??= Date.now();
      if (Date.now() - waitingSince > MAX_WAITING_MS) {
        return { outcome: 'failed', errorClass: 'permanent', message: `No application form was found: ${r.message}` };
      }
      await settleAfterClick(tab.tabId);
      continue;
    }
    waitingSince = null;
    if (r.status === 'needs_user' && (await draftAnswers(attempt, deps, r.questions))) continue;
    if (r.status !== 'ready') return end(r);
    if (r.filled.some((f) => f.source === 'resume')) await progress.report('upload');
    await progress.report('review', `${attempt.filled.size} fields filled`);
    const review = attempt.order.reviewDrafts ? draftsToReview(attempt.filled.values(), attempt.asked) : [];
    if (review.length) {
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: reviewMessage(review),
        unanswered: review,
      };
    }
    attempt.checkAbort();
    // The checkpoint is recorded by the backend before the click (progress resolves on its reply).
    await progress.report(SUBMITTING_STEP, r.submitLabel);
    const { clicked } = await coreSubmit(tab.tabId, attempt.frame);
    // The page changed between the step and the click: nothing was sent, so look again.
    if (!clicked) continue;
    submits++;
    await progress.report('confirm', 'Waiting for the ATS to answer');
    const answer = await waitForAnswer(attempt);
    refused = answer.status === 'invalid' || answer.status === 'blocked';
    if (answer.status === 'invalid' && submits < MAX_SUBMITS) continue;
    if (answer.status === 'waiting') {
      return {
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message:
          'The application was submitted but the ATS showed no confirmation; verify it on the company site before trying again.',
      };
    }
    return end(answer);
  }
  return {
    outcome: 'failed',
    errorClass: 'permanent',
    message: `Gave up after ${MAX_STEPS} steps without reaching the submit.`,
  };
}

function unexpected(r: StepResult): Ending {
  return { outcome: 'failed', errorClass: 'retryable', message: `The form ended in an unexpected state: ${r.status}.` };
}

function failed(errorClass: ErrorClass, message: string): AttemptOutcome {
  return attemptOutcomeOf({ outcome: 'failed', errorClass, message, confirmation: null, unanswered: [] });
}

export function applicationRunner(deps: ApplyDeps) {
  return async function applyInTab(order: ClaimedMessage, control: AttemptControl): Promise<AttemptOutcome> {
    const url = order.job.applyUrl;
    if (typeof url !== 'string' || !url) return failed('permanent', 'The job has no apply URL to open.');
    // A site outside the ATS hosts needs the user's grant, which only a click of theirs can give:
    // the application goes to them at once instead of waiting on a prompt.
    const site = await siteNeedingGrant(url);
    if (site) {
      deps.notify(`Allow JobSwipe on ${site.host}`, 'Open the JobSwipe extension and allow this site, then retry.');
      return attemptOutcomeOf({
        outcome: 'needs_attention',
        errorClass: 'needs_user',
        message: `JobSwipe may not open ${site.host} yet: allow it in the extension (popup or options), then retry.`,
        confirmation: null,
        unanswered: [],
      });
    }
    let resume: StepInput['files']['resume'] = null;
    if (order.resumeUrl) {
      try {
        resume = await downloadResume(order.resumeUrl, order.resumeFileName, control.signal);
      } catch (err) {
        return failed('retryable', (err as Error).message);
      }
    }
    const base: StepInput = {
      profile: order.profile,
      answers: order.answers,
      files: { resume, coverLetter: null },
      coverLetterText: order.profile.coverLetter,
      submits: 0,
      account: order.account,
      job: jobContextOf(order.job),
    };
    let tab: OwnedTab;
    try {
      tab = await openApplicationTab(order.applicationId, url);
    } catch (err) {
      return failed('retryable', (err as Error).message);
    }
    const attempt = new Attempt(order, control, tab, base);
    let end: Ending;
    try {
      end = await run(attempt, deps);
    } catch (err) {
      // A closed tab, a crashed page, the job taken away: nothing was submitted after the checkpoint
      // without the backend knowing, so another attempt may run (it verifies first if needed).
      end = { outcome: 'failed', errorClass: 'retryable', message: String((err as Error).message).split('\n')[0]! };
    }
    if (control.signal.aborted) {
      await closeApplicationTab(order.applicationId);
      return failed('retryable', 'Stopped: the application was taken away.');
    }
    if (end.outcome === 'submitted') await attempt.progress.report('confirm', end.confirmation, 100).catch(() => {});
    const evidenceIds = await captureAndUpload(tab, attempt.frame, {
      server: deps.credentials.server,
      token: deps.credentials.token,
      applicationId: order.applicationId,
      leaseToken: order.leaseToken,
      outcome: end.outcome,
    });
    if (end.outcome === 'needs_attention') {
      await handTabToUser(order.applicationId);
      deps.notify(`${String(order.job.title ?? 'An application')} needs you`, end.message ?? 'Open the tab to finish.');
    } else {
      await closeApplicationTab(order.applicationId);
    }
    return attemptOutcomeOf(
      {
        outcome: end.outcome,
        errorClass: end.errorClass,
        message: end.message,
        confirmation: end.confirmation ?? null,
        unanswered: (end.unanswered ?? []).map(({ sensitive: _s, ...q }) => q),
        filled: [...attempt.filled.values()],
        submitRefused: end.submitRefused ?? false,
      },
      evidenceIds,
    );
  };
}
