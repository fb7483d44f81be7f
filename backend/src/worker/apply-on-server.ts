// One claimed application, applied on our servers: wait for the ATS host's rate limit (or put the
// application off when the next slot is far away), fetch the resume from the signed link, run the
// engine in server mode through one proxy (sticky for the attempt; a proxy that fails before the
// posting even loaded is swapped, nothing was done through it), tell the proxy pool how it went,
// store the evidence under the lease, and report the result.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AiFallback } from '@jobswipe/automations/ai/fallback';
import { applyToJob } from '@jobswipe/automations/runner/apply';
import { downloadResume } from '@jobswipe/automations/runner/resume-download';
import { type ApplyResult, type ErrorClass, JobView } from '@jobswipe/protocol';
import {
  type AttemptControl,
  type AttemptExecute,
  type AttemptOutcome,
  attemptOutcomeOf,
} from '@jobswipe/protocol/attempt-runner';
import { type ClaimedMessage, jobContextOf } from '@jobswipe/protocol/device';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { type AddressCheck, EgressRefused } from '../egress/address-check.ts';
import type { EgressProxy } from '../egress/egress-proxy.ts';
import type { Executor } from '../leases/executor.ts';
import { withLogContext } from '../logger.ts';
import type { ProxyVerdict } from '../proxies/proxy-health.ts';
import type { ProxyPool } from '../proxies/proxy-pool.ts';
import { proxyVerdict } from '../proxies/proxy-verdict.ts';
import type { HostRateLimiter } from '../rate-limits/host-rate-limit.ts';
import { storeAttemptEvidence } from './attempt-evidence.ts';
import type { WorkerBrowser } from './worker-browser.ts';
import type { WorkerMetrics } from './worker-metrics.ts';

export interface ServerApplyDeps {
  ctx: AppContext;
  executor: Executor;
  browser: WorkerBrowser;
  proxies: ProxyPool;
  /** Every request of an attempt goes out through the egress proxy, past the address check. */
  egress: { check: AddressCheck; proxy: EgressProxy };
  rates: HostRateLimiter;
  /** The longest wait for a host's rate-limit slot sat out holding the application; longer ones put it off. */
  holdForRateMs: number;
  metrics: WorkerMetrics;
  /**
   * The model fallback (LLM_BASE_URL / LLM_MODEL) for non-sensitive questions the rules leave
   * open, attached to the worker's browser over CDP for one attempt (charged to the order's
   * user); null without a model.
   */
  ai: { start(order: ClaimedMessage): Promise<AiFallback> } | null;
}

/** Other proxies tried in one attempt when the first cannot even open the posting. */
const MAX_PROXY_SWITCHES = 2;

/** The job snapshot's apply link; only http(s) pages can be applied to. */
const PostingLink = JobView.pick({ applyUrl: true }).extend({ applyUrl: z.url({ protocol: /^https?$/ }) });
const NOTHING_DONE = { filled: [], unanswered: [], evidence: [], timings: {} };

/** One attempt at an application, as it goes through the proxies. */
interface Attempt {
  order: ClaimedMessage;
  control: AttemptControl;
  url: string;
  host: string;
  dir: string;
  resumePath: string | undefined;
  /** Engine runs still going after an abort; the attempt's directory is removed once they end. */
  running: Promise<unknown>[];
}

/** An outcome reached without running the engine. */
function withoutApplying(outcome: 'failed' | 'blocked', errorClass: ErrorClass, message: string): ApplyResult {
  return { outcome, errorClass, message, confirmation: null, ...NOTHING_DONE };
}

/** `work`, or the abort's reason as soon as `signal` fires (the engine only looks between steps). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function applyOnServer(deps: ServerApplyDeps): AttemptExecute {
  return (order, control) =>
    withLogContext({ applicationId: order.applicationId, correlationId: order.correlationId }, () =>
      runAttempt(deps, order, control),
    );
}

async function runAttempt(
  deps: ServerApplyDeps,
  order: ClaimedMessage,
  control: AttemptControl,
): Promise<AttemptOutcome> {
  const link = PostingLink.safeParse(order.job);
  if (!link.success) {
    return attemptOutcomeOf(
      withoutApplying('failed', 'permanent', 'The job has no valid apply URL: nothing to apply to.'),
      [],
    );
  }
  const url = link.data.applyUrl;
  try {
    await deps.egress.check.checkUrl(url);
  } catch (err) {
    if (!(err instanceof EgressRefused)) throw err;
    deps.ctx.log.warn({ url, reason: err.reason }, 'server lane: posting on an internal address refused');
    return attemptOutcomeOf(withoutApplying('failed', 'permanent', err.message), []);
  }
  const host = new URL(url).host.toLowerCase();
  const dir = await mkdtemp(join(tmpdir(), 'jobswipe-attempt-'));
  const running: Promise<unknown>[] = [];
  try {
    const limit = deps.rates.limitFor(host);
    const rule = `${host} gets at most ${limit} application${limit === 1 ? '' : 's'} per ${Math.round(deps.rates.windowMs / 1000)} s from us`;
    const farOff = await deps.rates.take(
      host,
      control.signal,
      (waitMs) => {
        deps.metrics.rateWaits.inc();
        return control.progress('open', 0, `Waiting ${Math.ceil(waitMs / 1000)} s: ${rule}.`);
      },
      deps.holdForRateMs,
    );
    if (farOff > 0) {
      // Sitting out a long wait would idle this slot while other sites' applications queue.
      deps.metrics.rateWaits.inc();
      deps.ctx.log.info({ host, retryInMs: farOff }, 'server lane: put off until the host rate limit frees a slot');
      return { release: `${rule}.`, retryInMs: farOff };
    }
    const resumePath = order.resumeUrl
      ? await downloadResume(order.resumeUrl, order.resumeFileName, dir, control.signal)
      : undefined;
    const result = await throughProxies(deps, { order, control, url, host, dir, resumePath, running });
    const evidenceIds = await storeAttemptEvidence(
      deps.ctx,
      deps.executor,
      { applicationId: order.applicationId, leaseToken: BigInt(order.leaseToken) },
      { paths: result.evidence, outcome: result.outcome },
    );
    deps.ctx.log.info({ outcome: result.outcome, host, evidence: evidenceIds.length }, 'server lane: attempt ended');
    return attemptOutcomeOf(result, evidenceIds);
  } finally {
    void Promise.allSettled(running).then(() => rm(dir, { recursive: true, force: true }));
  }
}

async function throughProxies(deps: ServerApplyDeps, attempt: Attempt): Promise<ApplyResult> {
  const { control, host } = attempt;
  for (let switches = 0; ; switches++) {
    const pick = await deps.proxies.pick(host, control.signal, (waitMs) =>
      control.progress('open', 0, `Every proxy is resting: waiting ${Math.ceil(waitMs / 1000)} s.`),
    );
    if (pick.kind === 'blocked') return withoutApplying('blocked', 'blocked', pick.message);
    if (pick.kind === 'unavailable') return withoutApplying('failed', 'retryable', pick.message);
    const proxy = pick.kind === 'proxy' ? pick.endpoint : null;
    const egress = deps.egress.proxy.open(proxy?.settings ?? null);
    let verdict: ProxyVerdict = 'neutral';
    let loaded = false;
    // Without the model the rules still apply; the open questions then go to the user.
    const ai = deps.ai
      ? await deps.ai.start(attempt.order).catch((err: unknown) => {
          deps.ctx.log.warn({ err: (err as Error).message }, 'server lane: the model fallback did not start');
          return null;
        })
      : null;
    try {
      const applying = applyToJob({
        url: attempt.url,
        profile: attempt.order.profile,
        answers: attempt.order.answers,
        job: jobContextOf(attempt.order.job),
        ...(attempt.resumePath ? { resumePath: attempt.resumePath } : {}),
        mode: 'server',
        browser: await deps.browser.get(),
        proxy: egress.settings,
        headless: true,
        signal: control.signal,
        verifyFirst: attempt.order.verifyFirst,
        ...(ai ? { ai } : {}),
        reviewDrafts: attempt.order.reviewDrafts,
        ...(attempt.order.account ? { account: attempt.order.account } : {}),
        evidenceDir: attempt.dir,
        onProgress: async (p) => {
          if (p.step !== 'open') loaded = true;
          await control.progress(p.step, p.percent, p.message);
        },
      });
      attempt.running.push(applying);
      const result = refusedOutcome(await untilAborted(applying, control.signal), egress.refused);
      // A request we refused is not the proxy's failure.
      verdict = proxy && egress.refused.length === 0 ? proxyVerdict(result) : 'neutral';
      if (verdict === 'failed' && !loaded && switches < MAX_PROXY_SWITCHES) {
        deps.ctx.log.warn(
          { proxy: proxy?.label, host, error: result.message },
          'proxy failed before the posting loaded',
        );
        continue;
      }
      if (proxy) deps.ctx.log.info({ proxy: proxy.label, host, verdict }, 'server lane: attempt through proxy');
      return result;
    } finally {
      await ai?.close().catch(() => {});
      egress.close();
      if (pick.kind === 'proxy') await pick.done(verdict);
    }
  }
}

/**
 * An attempt that failed after the address check refused something (a redirect to an internal
 * address, say) failed because of it, for good: retrying would be refused again.
 */
function refusedOutcome(result: ApplyResult, refused: readonly EgressRefused[]): ApplyResult {
  const first = refused[0];
  if (!first || result.outcome !== 'failed' || result.errorClass !== 'retryable') return result;
  return { ...result, errorClass: 'permanent', message: first.message };
}
