// Scans the forms of open jobs whose questions are not known yet (no job_forms row), one at a
// time, each ATS host at most `perWindow` scans per window across every process (the shared
// per-host limiter, under keys of their own so scans never take an application's slot), through
// the server lane's proxy pool (health shared with the workers) and the address check. Started
// by the import for the jobs it saved; paid by us, never counted against any user's quota. A
// board API's questions or those learned from a real application are never overwritten by a scan.
import type { Database } from '@jobswipe/db';
import type { Browser } from 'playwright-core';
import { type AddressCheck, EgressRefused } from '../../egress/address-check.ts';
import type { EgressProxy } from '../../egress/egress-proxy.ts';
import type { Logger } from '../../logger.ts';
import type { ProxyVerdict } from '../../proxies/proxy-health.ts';
import type { ProxyPool } from '../../proxies/proxy-pool.ts';
import type { HostRateLimiter } from '../../rate-limits/host-rate-limit.ts';
import { scanForm } from './scan-form.ts';

export interface FormScanDeps {
  db: Database;
  /** Launched only when some form is pending. */
  browser: () => Promise<Browser>;
  check: AddressCheck;
  egress: EgressProxy;
  /** The per-host limiter; scans take slots of `scan:<host>`. */
  slots: Pick<HostRateLimiter, 'take'>;
  /** The server lane's proxies: a scan goes out through one, as an application would. */
  proxies: Pick<ProxyPool, 'pick'>;
  log: Logger;
}

export interface ScanReport {
  jobId: string;
  host: string;
  outcome: 'scanned' | 'refused' | 'failed';
  questions: number;
  complete: boolean;
  message?: string;
}

const PENDING = `
select j.id, j.apply_url from jobs j
where j.closed_at is null and not exists (select 1 from job_forms f where f.job_id = j.id)
  and ($1::uuid[] is null or j.id = any($1::uuid[]))
order by j.posted_at desc
limit $2`;

// A scan only fills what no better source said.
const SAVE = `
insert into job_forms (job_id, source, complete, questions, checked_at) values ($1, 'page_scan', $2, $3, now())
on conflict (job_id) do update set complete = excluded.complete, questions = excluded.questions,
  checked_at = excluded.checked_at
where job_forms.source = 'page_scan'`;

/** Scans the pending forms among `jobIds` (all pending jobs when null), at most `limit` of them. */
export async function scanPendingForms(
  deps: FormScanDeps,
  jobIds: string[] | null,
  signal: AbortSignal,
  limit = 500,
): Promise<ScanReport[]> {
  const { rows } = await deps.db.pool.query<{ id: string; apply_url: string }>(PENDING, [jobIds, limit]);
  const reports: ScanReport[] = [];
  for (const job of rows) {
    if (signal.aborted) break;
    reports.push(await scanOne(deps, job.id, job.apply_url, signal));
  }
  return reports;
}

async function scanOne(deps: FormScanDeps, jobId: string, url: string, signal: AbortSignal): Promise<ScanReport> {
  const host = URL.canParse(url) ? new URL(url).host.toLowerCase() : '';
  const base = { jobId, host, questions: 0, complete: false };
  try {
    await deps.check.checkUrl(url);
  } catch (err) {
    return { ...base, outcome: 'refused', message: (err as Error).message };
  }
  await deps.slots.take(`scan:${host}`, signal, async (waitMs) => {
    deps.log.debug({ host, waitMs }, 'form scan: waiting for the host rate limit');
  });
  const pick = await deps.proxies.pick(host, signal, async (waitMs) => {
    deps.log.debug({ host, waitMs }, 'form scan: every proxy is resting');
  });
  if (pick.kind === 'blocked' || pick.kind === 'unavailable')
    return { ...base, outcome: 'failed', message: pick.message };
  const egress = deps.egress.open(pick.kind === 'proxy' ? pick.endpoint.settings : null);
  // A page that will not load through the proxy counts against it; anything else is the page's.
  let verdict: ProxyVerdict = 'neutral';
  try {
    const form = await scanForm(await deps.browser(), egress, url, signal).catch((err: unknown) => {
      if (/net::ERR_(PROXY|TUNNEL|CONNECTION|TIMED_OUT)/.test(String((err as Error).message))) verdict = 'failed';
      throw err;
    });
    if (egress.refused.length) throw egress.refused[0];
    verdict = 'ok';
    await deps.db.pool.query(SAVE, [jobId, form.complete, JSON.stringify(form.questions)]);
    deps.log.info(
      { jobId, host, questions: form.questions.length, complete: form.complete, refusedPosts: form.refusedPosts },
      'form scanned',
    );
    return { ...base, outcome: 'scanned', questions: form.questions.length, complete: form.complete };
  } catch (err) {
    const refused = err instanceof EgressRefused;
    deps.log.warn({ jobId, host, err: (err as Error).message }, 'form scan failed');
    return { ...base, outcome: refused ? 'refused' : 'failed', message: (err as Error).message };
  } finally {
    egress.close();
    if (pick.kind === 'proxy') await pick.done(verdict);
  }
}
