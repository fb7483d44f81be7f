// The Playwright runner: opens the posting, loops the in-page core's steps until the application
// is submitted or cannot go on, and classifies how it ended. It reports the `submitting`
// checkpoint (awaited) just before the one final click, never clicks submit again unless the form
// refused the last try with visible errors, and with `verifyFirst` only looks, never submits.
import {
  type ApplicantProfile,
  type ApplyOutcome,
  type ApplyResult,
  accountPasswordQuestion,
  type ErrorClass,
  type SavedAnswers,
  SUBMITTING_STEP,
} from '@jobswipe/protocol';
import type { JobContext } from '@jobswipe/protocol/device';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { AiFallback, AnswerDrafter } from '../ai/fallback.ts';
import { draftsToReview, reviewMessage } from '../ai/review-drafts.ts';
import type { FilledField, StepInput, StepResult, Unanswered } from '../core/types.ts';
import { loadFile } from './applicant-files.ts';
import { launchBrowser, launchDesktopContext, newApplicationContext, type ProxySettings } from './browser.ts';
import { captureEvidence, defaultEvidenceDir } from './evidence.ts';
import { callCore, clickAt, coreAfterSubmit, coreStep, coreSubmit, formFrame, offerFiles } from './page-core.ts';
import { type ProgressCallback, ProgressReporter } from './progress.ts';

export interface ApplyOptions {
  url: string;
  profile: ApplicantProfile;
  answers?: SavedAnswers;
  resumePath?: string;
  /** Cover letter text (for forms that take it typed); `coverLetterPath` for an upload. */
  coverLetter?: string;
  coverLetterPath?: string;
  mode: 'server' | 'desktop';
  proxy?: ProxySettings;
  headless?: boolean;
  /** Fill everything and stop just before the final submit. */
  dryRun?: boolean;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
  /** An earlier attempt reached `submitting` and was lost: look for proof, never submit blindly. */
  verifyFirst?: boolean;
  /**
   * The applicant's account on ATSs that require one (Workday); the email defaults to the
   * profile's, the host it is for (typed on no other) to the posting's.
   */
  account?: { email?: string; password: string; host?: string };
  /** The job's company and country (from the work order): authorization and "worked here before?" need them. */
  job?: JobContext | null;
  /** Server mode: a browser the worker keeps for all its applications (a fresh context each). */
  browser?: Browser;
  /** Desktop mode: the agent's persistent context (a new page each application). */
  context?: BrowserContext;
  /** Desktop mode without `context`: the persistent profile directory. */
  userDataDir?: string;
  executablePath?: string;
  evidenceDir?: string;
  /** Optional model fallback for non-sensitive unknown questions. */
  ai?: AiFallback | null;
  /** Optional drafts of answers to non-sensitive unknown questions, filled by the core. */
  drafter?: AnswerDrafter | null;
  /**
   * The user reviews model-drafted answers: a form with any stops before the final submit and
   * hands them back as questions carrying the drafts.
   */
  reviewDrafts?: boolean;
  /**
   * Called with the page the application runs in once it is open (the desktop's live thumbnail);
   * what it returns is awaited before the page closes, so a watcher sees the page as it ended.
   */
  onPage?: (page: Page) => (() => Promise<void>) | undefined;
  navigationTimeoutMs?: number;
  /** How long to wait for the ATS to answer a submit before asking a person to verify. */
  confirmationTimeoutMs?: number;
}

const MAX_STEPS = 40;
const MAX_SUBMITS = 3;
/** How long a page may show nothing to act on (still rendering, a slow server) before giving up. */
const MAX_WAITING_MS = 30_000;
/** The longest a verifying look waits for the page's requests to finish before it reads the page. */
const SETTLE_NETWORK_MS = 8_000;

class Aborted extends Error {}

interface Session {
  page: Page;
  close(): Promise<void>;
}

async function openSession(opts: ApplyOptions): Promise<Session> {
  if (opts.mode === 'desktop') {
    if (opts.context) {
      const page = await opts.context.newPage();
      return { page, close: () => page.close() };
    }
    if (!opts.userDataDir) throw new Error('Desktop mode needs `context` or `userDataDir` (the persistent profile).');
    const context = await launchDesktopContext({
      userDataDir: opts.userDataDir,
      headless: opts.headless ?? false,
      ...(opts.executablePath ? { executablePath: opts.executablePath } : {}),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { page, close: () => context.close() };
  }
  const owned = opts.browser ? null : (await launchBrowser({ headless: opts.headless ?? true })).browser;
  const browser = opts.browser ?? owned!;
  const context = await newApplicationContext(browser, opts.proxy);
  const page = await context.newPage();
  return {
    page,
    close: async () => {
      await context.close();
      await owned?.close();
    },
  };
}

/**
 * Waits briefly for a navigation the last click may have started, then for its document. A
 * navigation that starts later is safe: the core leaves a control it clicked alone while waiting.
 */
async function settleAfterClick(page: Page): Promise<void> {
  await page.waitForEvent('framenavigated', { timeout: 200 }).catch(() => {});
  await page.waitForLoadState('domcontentloaded').catch(() => {});
}

/** Waits until the page has loaded and its network has been idle (bounded: some pages poll forever). */
async function settledPage(page: Page): Promise<void> {
  await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: SETTLE_NETWORK_MS }).catch(() => {});
}

class Attempt {
  readonly filled = new Map<string, FilledField>();
  /** The Next/Apply clicks of this attempt (`StepResult.pressed`), kept across documents. */
  readonly clicked: string[] = [];
  /** The frame the application is in (a cross-origin iframe on a company's page, or the top one). */
  frame: Frame | undefined;
  readonly timings: Record<string, number> = {};
  readonly evidence: string[] = [];
  /** The model's drafts so far, and every question already put to the drafter (asked once). */
  readonly drafts: SavedAnswers = {};
  readonly drafterAsked = new Set<string>();
  /** The questions put to the model (drafter or fallback), by label: a review asks them as the form did. */
  readonly modelAsked = new Map<string, Unanswered>();
  readonly progress: ProgressReporter;
  /**
   * The last final submit was refused (errors or a challenge shown after the click): nothing was
   * submitted, whatever this attempt ends with short of a confirmation.
   */
  submitRefused = false;
  private readonly started = Date.now();
  private phaseStart = Date.now();

  constructor(
    readonly opts: ApplyOptions,
    readonly page: Page,
    private readonly base: StepInput,
  ) {
    this.progress = new ProgressReporter(opts.onProgress);
  }

  checkAbort(before: string): void {
    if (this.opts.signal?.aborted) throw new Aborted(`Aborted before ${before}.`);
  }

  phase(name: string): void {
    const now = Date.now();
    this.timings[name] = (this.timings[name] ?? 0) + (now - this.phaseStart);
    this.phaseStart = now;
  }

  input(submits: number, extra: Partial<StepInput> = {}): StepInput {
    return { ...this.base, submits, clicked: this.clicked, drafts: this.drafts, ...extra };
  }

  record(filled: FilledField[]): void {
    for (const f of filled) this.filled.set(f.field, f);
  }

  async result(
    outcome: ApplyOutcome,
    errorClass: ErrorClass | null,
    message: string | null,
    extra: { confirmation?: string; unanswered?: Unanswered[]; dryRun?: boolean } = {},
  ): Promise<ApplyResult> {
    this.phase('finish');
    const label = extra.dryRun ? 'dry-run' : outcome;
    this.evidence.push(
      ...(await captureEvidence(
        this.page,
        this.opts.evidenceDir ?? defaultEvidenceDir(),
        label,
        outcome !== 'submitted',
      )),
    );
    this.timings.total = Date.now() - this.started;
    if (outcome === 'submitted') await this.progress.report('confirm', extra.confirmation, 100).catch(() => {});
    return {
      outcome,
      errorClass,
      message,
      filled: [...this.filled.values()],
      unanswered: (extra.unanswered ?? []).map(({ sensitive: _s, ...q }) => q),
      confirmation: extra.confirmation ?? null,
      evidence: this.evidence,
      timings: this.timings,
      ...(extra.dryRun ? { dryRun: true } : {}),
      ...(this.submitRefused && outcome !== 'submitted' ? { submitRefused: true } : {}),
    };
  }
}

/** What every step gets; files are read once, before a browser opens, so a bad path fails fast. */
async function baseInput(opts: ApplyOptions): Promise<StepInput> {
  return {
    profile: opts.profile,
    answers: opts.answers ?? {},
    files: {
      resume: opts.resumePath ? await loadFile(opts.resumePath) : null,
      coverLetter: opts.coverLetterPath ? await loadFile(opts.coverLetterPath) : null,
    },
    coverLetterText: opts.coverLetter ?? opts.profile.coverLetter,
    submits: 0,
    // Playwright clicks Apply, Next and Submit with real input; the extension's core clicks itself.
    trustedClicks: true,
    account: opts.account ? { ...opts.account, host: opts.account.host ?? new URL(opts.url).host } : null,
    job: opts.job ?? null,
  };
}

/** How a step that ends the run maps to an outcome. */
function terminal(attempt: Attempt, r: StepResult): Promise<ApplyResult> | null {
  switch (r.status) {
    case 'submitted':
      return attempt.result('submitted', null, null, { confirmation: r.confirmation });
    case 'blocked':
      return attempt.result('blocked', 'blocked', r.message);
    case 'expired':
      return attempt.result('expired', 'permanent', r.message);
    case 'login_required': {
      // The user gives the password once; it is kept for this site and used from then on.
      const question = accountPasswordQuestion(new URL(attempt.opts.url).host);
      const message = attempt.opts.account
        ? `${r.message} Check the password JobSwipe has for this site.`
        : `${r.message} JobSwipe needs your password for this site to sign in (or create the account).`;
      return attempt.result('needs_attention', 'needs_user', message, {
        unanswered: [{ ...question, sensitive: true }],
      });
    }
    case 'invalid':
      // Errors shown instead of a confirmation prove the form kept the application: nothing was
      // sent, so the user fixes or answers what it refused (never "did it go through?").
      return attempt.result(
        'needs_attention',
        'needs_user',
        `The form refused the application, so nothing was submitted: ${r.errors.join('; ')}${
          r.questions?.length ? ` (it wants: ${r.questions.map((q) => `"${q.label}"`).join(', ')})` : ''
        }`,
        { unanswered: r.questions ?? [] },
      );
    case 'mismatch': {
      const list = r.fields.map((m) => `"${m.field}" shows "${m.actual}" instead of "${m.expected}"`).join('; ');
      return attempt.result(
        'needs_attention',
        'needs_user',
        `The form did not keep these answers, so nothing was submitted: ${list}. Check the form, or apply on the site yourself.`,
      );
    }
    case 'needs_user': {
      const list = r.questions.map((q) => `"${q.label}"`).join(', ');
      // Asked after the form refused the submit: why nothing was submitted.
      const why = attempt.submitRefused ? 'The form refused the application, so nothing was submitted. ' : '';
      return attempt.result('needs_attention', 'needs_user', `${why}Answer needed for: ${list}`, {
        unanswered: r.questions,
      });
    }
    default:
      return null;
  }
}

/**
 * Verifying a lost attempt: walk to where the ATS would show it (sign in on Workday) without
 * filling or submitting. Proof of a submission → submitted; proof there is none → apply as usual
 * (null); no proof either way → a person must check.
 */
async function verify(attempt: Attempt): Promise<ApplyResult | null> {
  await attempt.progress.report('verify', 'Looking for proof of the earlier submission');
  let settledView: string | null = null;
  for (let i = 0; i < MAX_STEPS; i++) {
    attempt.frame = await formFrame(attempt.page, attempt.frame);
    const r = await coreStep(attempt.page, attempt.frame, attempt.input(0, { verifyOnly: true }));
    if (r.status === 'not_applied') return null;
    if (r.status === 'advanced' && r.pressed) attempt.clicked.push(r.pressed);
    if (r.status === 'advanced' && r.click) await clickAt(attempt.page, attempt.frame, r.click);
    if (r.status === 'advanced' || r.status === 'waiting') {
      await settleAfterClick(attempt.page);
      continue;
    }
    if (r.status === 'unknown') {
      // "No proof either way" holds only for a settled page: loaded, its requests answered, and
      // saying the same twice. A page still fetching its notice would send a submitted
      // application to the user as a question.
      const view = attempt.page.url();
      if (settledView !== view) {
        settledView = view;
        await settledPage(attempt.page);
        continue;
      }
      break;
    }
    const end = terminal(attempt, r);
    if (end) return end;
    break;
  }
  return attempt.result(
    'needs_attention',
    'needs_user',
    'An earlier attempt reached the final submit and was lost; the ATS shows no confirmation or "already applied" notice. ' +
      'Check the company site or your email for a confirmation before applying again.',
  );
}

async function waitForAnswer(attempt: Attempt, timeoutMs: number): Promise<StepResult> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await settleAfterClick(attempt.page);
    attempt.frame = await formFrame(attempt.page, attempt.frame);
    const r = await coreAfterSubmit(attempt.page, attempt.frame);
    if (r.status !== 'waiting' || Date.now() > until) return r;
  }
}

async function aiFill(attempt: Attempt, frame: Frame, ai: AiFallback, submits: number): Promise<void> {
  const input = attempt.input(submits);
  const open = await callCore(attempt.page, frame, (arg) => globalThis.__jobswipeCore!.survey(arg), input);
  const allowed = open.filter((q) => !q.sensitive);
  if (!allowed.length) return;
  for (const q of allowed) attempt.modelAsked.set(q.label, q);
  const filled = await ai.fill(attempt.page, allowed, {
    pageTitle: await attempt.page.title(),
    currentTitle: attempt.opts.profile.currentTitle,
    yearsOfExperience: attempt.opts.profile.yearsOfExperience,
  });
  attempt.record(filled);
}

/** Asks the drafter, once per question, for the required non-sensitive ones nothing answers. */
async function draftOpen(attempt: Attempt, frame: Frame, drafter: AnswerDrafter, submits: number): Promise<void> {
  const open = await callCore(
    attempt.page,
    frame,
    (arg) => globalThis.__jobswipeCore!.survey(arg),
    attempt.input(submits),
  );
  const ask = open.filter((q) => !q.sensitive && !attempt.drafterAsked.has(q.key));
  if (!ask.length) return;
  for (const q of ask) {
    attempt.drafterAsked.add(q.key);
    attempt.modelAsked.set(q.label, q);
  }
  Object.assign(attempt.drafts, await drafter.draft(ask.map(({ sensitive: _s, ...q }) => q)));
}

async function run(attempt: Attempt): Promise<ApplyResult> {
  const { opts, page, progress } = attempt;
  await progress.report('open', opts.url);
  const response = await page.goto(opts.url, {
    waitUntil: 'domcontentloaded',
    timeout: opts.navigationTimeoutMs ?? 45_000,
  });
  attempt.phase('open');
  if (response && (response.status() === 404 || response.status() === 410)) {
    return attempt.result('expired', 'permanent', `The posting answers HTTP ${response.status()}: it is gone.`);
  }
  attempt.checkAbort('detect');
  await progress.report('detect');
  if (opts.verifyFirst) {
    const verified = await verify(attempt);
    if (verified) return verified;
    await progress.report('fill', 'The ATS shows no earlier application: applying');
  }

  let submits = 0;
  let pages = 0;
  const actions: string[] = [];
  let waitingSince: number | null = null;
  for (let i = 0; i < MAX_STEPS; i++) {
    attempt.checkAbort('the next step');
    const frame = await formFrame(page, attempt.frame);
    attempt.frame = frame;
    if (opts.ai) await aiFill(attempt, frame, opts.ai, submits);
    if (opts.drafter) await draftOpen(attempt, frame, opts.drafter, submits);
    const r = await coreStep(page, frame, attempt.input(submits));
    if ('filled' in r) attempt.record(r.filled);
    attempt.phase('fill');
    if (r.status === 'advanced') {
      pages++;
      if (r.pressed) attempt.clicked.push(r.pressed);
      actions.push(r.action);
      if (r.click) await clickAt(page, frame, r.click);
      const uploaded = r.filled.some((f) => f.source === 'resume');
      await progress.page(uploaded ? 'upload' : 'fill', pages, r.action);
      await settleAfterClick(page);
      continue;
    }
    if (r.status === 'waiting') {
      waitingSince ??= Date.now();
      if (Date.now() - waitingSince > MAX_WAITING_MS) {
        return attempt.result('failed', 'permanent', `No application form was found: ${r.message}`);
      }
      await settleAfterClick(page);
      continue;
    }
    waitingSince = null;
    if (r.status !== 'ready') return terminal(attempt, r)!;

    if (r.filled.some((f) => f.source === 'resume')) await progress.report('upload');
    await progress.report('review', `${attempt.filled.size} fields filled`);
    if (opts.dryRun)
      return attempt.result('needs_attention', null, 'Dry run: the form is filled; nothing was submitted.', {
        dryRun: true,
      });
    const review = opts.reviewDrafts ? draftsToReview(attempt.filled.values(), attempt.modelAsked) : [];
    if (review.length)
      return attempt.result('needs_attention', 'needs_user', reviewMessage(review), { unanswered: review });
    attempt.checkAbort('submitting');
    await progress.report(SUBMITTING_STEP, r.submitLabel);
    const { clicked, click } = await coreSubmit(page, frame, true);
    // The page changed between the step and the click: nothing was sent, so look again.
    if (!clicked) continue;
    if (click) await clickAt(page, frame, click);
    submits++;
    attempt.phase('review');
    await progress.report('confirm', 'Waiting for the ATS to answer');
    const answer = await waitForAnswer(attempt, opts.confirmationTimeoutMs ?? 30_000);
    attempt.phase('submit');
    attempt.submitRefused = answer.status === 'invalid' || answer.status === 'blocked';
    if (answer.status === 'invalid') {
      if (submits >= MAX_SUBMITS) return terminal(attempt, answer)!;
      continue;
    }
    if (answer.status === 'waiting') {
      return attempt.result(
        'needs_attention',
        'needs_user',
        'The application was submitted but the ATS showed no confirmation; verify it on the company site before trying again.',
      );
    }
    return terminal(attempt, answer)!;
  }
  return attempt.result(
    'failed',
    'permanent',
    `Gave up after ${MAX_STEPS} steps without reaching the submit; the last steps: ${lastSteps(actions)}.`,
  );
}

/** The last few actions, repeats counted, so a loop shows where it turns. */
function lastSteps(actions: string[]): string {
  const runs: Array<{ action: string; times: number }> = [];
  for (const action of actions.slice(-12)) {
    const last = runs[runs.length - 1];
    if (last?.action === action) last.times++;
    else runs.push({ action, times: 1 });
  }
  return runs.map((r) => (r.times > 1 ? `${r.action} ×${r.times}` : r.action)).join(', ') || 'none';
}

function failure(errorClass: ErrorClass, message: string): ApplyResult {
  return {
    outcome: 'failed',
    errorClass,
    message,
    filled: [],
    unanswered: [],
    confirmation: null,
    evidence: [],
    timings: {},
  };
}

/** Applies to one job and says how it went. Never throws for a failed application. */
export async function applyToJob(opts: ApplyOptions): Promise<ApplyResult> {
  let base: StepInput;
  try {
    base = await baseInput(opts);
  } catch (err) {
    return failure('permanent', (err as Error).message);
  }
  let session: Session | null = null;
  let attempt: Attempt | null = null;
  let unwatch: (() => Promise<void>) | undefined;
  try {
    session = await openSession(opts);
    unwatch = opts.onPage?.(session.page);
    // The core attaches these by name with trusted input (CDP's file chooser), never as page bytes.
    offerFiles(session.page, [opts.resumePath, opts.coverLetterPath]);
    attempt = new Attempt(opts, session.page, base);
    return await run(attempt);
  } catch (err) {
    // Network errors, timeouts, a crashed page or an abort: nothing was submitted, so try again later.
    const text = err instanceof Aborted ? err.message : `${(err as Error).name}: ${(err as Error).message}`;
    const message = text.split('\n')[0] ?? text;
    return (await attempt?.result('failed', 'retryable', message).catch(() => null)) ?? failure('retryable', message);
  } finally {
    await unwatch?.().catch(() => {});
    await session?.close().catch(() => {});
  }
}
