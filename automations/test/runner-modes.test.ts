// The runner's hosts: server mode with a proxy per context (requests really go through it), desktop
// mode on a persistent profile, and network failures classified as worth retrying.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formSpec, type PracticeJob } from '@jobswipe/practice-ats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplyOptions, applyToJob } from '../src/runner/apply.ts';
import { applicantAnswers, PROFILE } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';
import { startTinyproxy, type TestProxy } from './support/tinyproxy.ts';

let world: PracticeWorld;
let proxy: TestProxy;
beforeAll(async () => {
  [world, proxy] = await Promise.all([startWorld(), startTinyproxy('jobswipe-test-proxy')]);
});
afterAll(async () => {
  await proxy?.close();
  await world?.close();
});

const careers = catalog('normal').filter((j) => j.ats === 'careers');

const apply = (job: PracticeJob, extra: Partial<ApplyOptions> = {}) => world.apply(job, extra);

describe('server mode', () => {
  it('sends one application through its own proxy and the next one without', async () => {
    // Chromium never proxies loopback unless told to ("<-loopback>"); the practice ATS is on loopback.
    const viaProxy = await apply(careers[0]!, { proxy: { server: proxy.url, bypass: '<-loopback>' } });
    expect(viaProxy.outcome, viaProxy.message ?? '').toBe('submitted');
    const [through] = world.ats.submissions.list({ jobId: careers[0]!.externalId });
    expect(through?.via).toContain(proxy.name);

    const direct = await apply(careers[1]!, {});
    expect(direct.outcome).toBe('submitted');
    const [straight] = world.ats.submissions.list({ jobId: careers[1]!.externalId });
    expect(straight?.via ?? '').not.toContain(proxy.name);
  });

  it('classifies an unreachable site as a failure worth retrying', async () => {
    const result = await applyToJob({
      url: 'http://127.0.0.1:9/jobs/1',
      profile: PROFILE,
      mode: 'server',
      browser: world.browser,
    });
    expect(result.outcome).toBe('failed');
    expect(result.errorClass).toBe('retryable');
    expect(result.message).toMatch(/ERR_CONNECTION_REFUSED|net::/);
  });
});

describe('a form in a cross-origin iframe', () => {
  it('is found in its frame, filled and submitted there (a company page embedding Greenhouse)', async () => {
    const job = catalog('normal').find((j) => j.ats === 'greenhouse' && j.applyUrl.includes('gh_jid='))!;
    const spec = formSpec(job.ats, job.externalId);
    // The company's own site: another origin (its own port) framing the ATS's form.
    const company: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>Careers</title><h1>Join us</h1><iframe id="grnhse_iframe" width="900" height="2400" src="${world.ats.url}${spec.url}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => company.listen(0, '127.0.0.1', resolve));
    const { port } = company.address() as { port: number };
    try {
      const result = await applyToJob({
        url: `http://localhost:${port}/careers`,
        profile: PROFILE,
        answers: applicantAnswers(spec),
        resumePath: world.docs.resumePath,
        mode: 'server',
        browser: world.browser,
      });
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(world.ats.submissions.list({ jobId: job.externalId })).toHaveLength(1);
    } finally {
      await new Promise((resolve) => company.close(resolve));
    }
  });
});

describe('desktop mode', () => {
  it('applies from a persistent profile (Chrome when installed, else the configured Chromium)', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'jobswipe-profile-'));
    try {
      const result = await apply(careers[2]!, { mode: 'desktop', userDataDir, headless: true, browser: undefined });
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(existsSync(join(userDataDir, 'Default'))).toBe(true);
      expect(world.ats.submissions.list({ jobId: careers[2]!.externalId })).toHaveLength(1);
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
