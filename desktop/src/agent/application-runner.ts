// One claimed application, start to end, on this machine: its resume fetched into a folder of its
// own (under the agent dir, which only the user can read), the engine run in desktop mode in the
// agent's browser with every step reported to the backend (the `submitting` checkpoint is awaited
// before the final click), the non-sensitive questions the rules leave open put to the backend's
// model (through the engine's Stagehand fallback when the backend relays model calls and the
// browser has a DevTools endpoint, else as drafts the in-page core fills), a live thumbnail of the
// page for a window that shows it, the evidence uploaded, and the outcome handed to the client to
// report. The folder is deleted afterwards.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { applyToJob } from '@jobswipe/automations/runner/apply';
import { downloadResume } from '@jobswipe/automations/runner/resume-download';
import type { ApplyResult, ErrorClass } from '@jobswipe/protocol';
import { type AttemptControl, type AttemptOutcome, attemptOutcomeOf } from '@jobswipe/protocol/attempt-runner';
import { type ClaimedMessage, jobContextOf } from '@jobswipe/protocol/device';
import type { AgentBrowser } from './agent-browser.ts';
import { DeviceApi } from './device-api.ts';
import { uploadEvidence } from './evidence-upload.ts';
import type { FileLeaseStore } from './lease-store.ts';
import { type ThumbnailSink, watchPage } from './live-thumbnail.ts';
import type { Logger } from './log.ts';
import { backendDrafter } from './model-drafts.ts';
import { deviceModelFallback, type Lease } from './model-fallback.ts';
import type { DeviceCredentials } from './token-store.ts';

export interface RunnerDeps {
  credentials: DeviceCredentials;
  /** Where each application gets its own folder (inside the private agent dir). */
  workDir: string;
  browser: AgentBrowser;
  leases: FileLeaseStore;
  log: Logger;
  /** Someone shows the page live (the desktop window): its thumbnail, every few seconds. */
  thumbnails?: ThumbnailSink | undefined;
}

function failed(errorClass: ErrorClass, message: string): AttemptOutcome {
  return attemptOutcomeOf({ outcome: 'failed', errorClass, message, confirmation: null, unanswered: [] });
}

export function applicationRunner(deps: RunnerDeps) {
  const api = new DeviceApi(deps.credentials);
  return async function runApplication(order: ClaimedMessage, control: AttemptControl): Promise<AttemptOutcome> {
    const log = deps.log.child({ applicationId: order.applicationId, correlationId: order.correlationId });
    const url = order.job.applyUrl;
    if (typeof url !== 'string' || !url) return failed('permanent', 'The job has no apply URL to open.');
    // The claim must be on disk before anything happens on the employer's site: after a crash,
    // the agent must know it held this application.
    await deps.leases.settled();
    await mkdir(deps.workDir, { recursive: true, mode: 0o700 });
    const workDir = await mkdtemp(join(deps.workDir, `${order.applicationId}-`));
    try {
      let resumePath: string | undefined;
      if (order.resumeUrl) {
        try {
          resumePath = await downloadResume(order.resumeUrl, order.resumeFileName, workDir, control.signal);
        } catch (err) {
          return failed('retryable', (err as Error).message);
        }
      }
      let context: Awaited<ReturnType<AgentBrowser['context']>>;
      try {
        context = await deps.browser.context({ devtools: order.modelRelay });
      } catch (err) {
        log.error('the browser did not start', { error: (err as Error).message });
        return failed('retryable', `The browser on this device did not start: ${firstLine(err)}`);
      }
      const lease = { applicationId: order.applicationId, leaseToken: order.leaseToken };
      const ai = await modelFallback(deps, api, order, lease, log);
      try {
        const result = await applyToJob({
          url,
          profile: order.profile,
          answers: order.answers,
          job: jobContextOf(order.job),
          ...(resumePath ? { resumePath } : {}),
          mode: 'desktop',
          context,
          signal: control.signal,
          verifyFirst: order.verifyFirst,
          ...(order.account ? { account: order.account } : {}),
          evidenceDir: join(workDir, 'evidence'),
          // One model path: Stagehand's (drafts included) when it runs, else the core fills drafts.
          ...(ai ? { ai } : { drafter: backendDrafter(api, lease, log) }),
          reviewDrafts: order.reviewDrafts,
          onPage: (page) => (deps.thumbnails ? watchPage(page, order.applicationId, deps.thumbnails) : undefined),
          onProgress: (p) => control.progress(p.step, p.percent, p.message),
        });
        if (control.signal.aborted) return failed('retryable', 'Stopped: the application was taken away.');
        const evidenceIds = await evidence(deps, order, result, log);
        log.info('attempt ended', {
          outcome: result.outcome,
          errorClass: result.errorClass,
          message: result.message,
          confirmation: result.confirmation,
          evidence: evidenceIds.length,
        });
        return attemptOutcomeOf(result, evidenceIds);
      } finally {
        await ai?.close().catch(() => {});
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}

/** The engine's model fallback for this application, when the backend relays model calls and the browser has CDP. */
async function modelFallback(deps: RunnerDeps, api: DeviceApi, order: ClaimedMessage, lease: Lease, log: Logger) {
  const cdpUrl = deps.browser.devtoolsUrl();
  if (!order.modelRelay || !cdpUrl) return null;
  // Without it the backend's drafts still come, filled by the in-page core.
  return deviceModelFallback(api, lease, log, cdpUrl).catch((err: unknown) => {
    log.warn('the model fallback did not start', { error: (err as Error).message });
    return null;
  });
}

async function evidence(deps: RunnerDeps, order: ClaimedMessage, result: ApplyResult, log: Logger): Promise<string[]> {
  const { ids, failed: notStored } = await uploadEvidence(
    {
      server: deps.credentials.server,
      token: deps.credentials.token,
      applicationId: order.applicationId,
      leaseToken: order.leaseToken,
      outcome: result.outcome,
    },
    result.evidence,
  );
  for (const { error } of notStored) log.warn('evidence not stored', { error });
  return ids;
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? text;
}
