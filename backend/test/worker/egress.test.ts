// Nothing a posting controls reaches an internal address: the address check on its own, the
// egress proxy under real Chromium (redirect hops, subresources, names that resolve inward), and
// the server worker end to end. "Internal" here is a server on loopback that is not allowlisted;
// it counts every request that reaches it, and none may.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchBrowser, newApplicationContext } from '@jobswipe/automations/runner/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressCheck, type EgressRefused, type Resolve } from '../../src/egress/address-check.ts';
import { EgressProxy } from '../../src/egress/egress-proxy.ts';
import { createLogger } from '../../src/logger.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { createJobs } from '../support/factories.ts';
import { applicant, startTestWorker, swipeAll } from '../support/server-lane.ts';

/** A hosts file of the test's own: names the test controls, the rest as the system resolves them. */
function hostsOverride(hosts: Record<string, string>): Resolve {
  return async (name) => {
    const address = hosts[name];
    if (!address) throw new Error(`${name} is not in the test's hosts`);
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

interface Recorder {
  url: string;
  port: number;
  hits: string[];
  server: Server;
}

async function serve(handler: (path: string) => { status?: number; headers?: Record<string, string>; body?: string }) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const answer = handler(req.url ?? '/');
    res.writeHead(answer.status ?? 200, { 'content-type': 'text/html', ...answer.headers });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, hits, server } satisfies Recorder;
}

let browser: Browser;
let internal: Recorder;
let site: Recorder;

beforeAll(async () => {
  browser = (await launchBrowser()).browser;
  internal = await serve(() => ({ body: 'INTERNAL SECRET: db password hunter2' }));
  // The employer's site (allowlisted, as the practice ATS is in tests): pages that try to lead inward.
  site = await serve((path) => {
    const inward = `http://intranet.test:${internal.port}`;
    if (path === '/to-metadata')
      return { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } };
    if (path === '/to-internal') return { status: 302, headers: { location: `${inward}/after-redirect` } };
    if (path === '/to-decimal')
      return { status: 302, headers: { location: `http://2130706433:${internal.port}/decimal` } };
    if (path === '/hop') return { status: 302, headers: { location: '/to-internal' } };
    if (path === '/page') {
      return {
        body: `<h1>Apply</h1>
          <img src="${inward}/img.png">
          <img src="http://0177.0.0.1:${internal.port}/octal.png">
          <iframe src="http://[::ffff:127.0.0.1]:${internal.port}/mapped"></iframe>
          <script>fetch('${inward}/fetch').catch(() => {}); navigator.sendBeacon('${inward}/beacon', 'x');</script>`,
      };
    }
    return { body: '<h1>ok</h1>' };
  });
});
afterAll(async () => {
  await browser?.close();
  internal?.server.close();
  site?.server.close();
});

describe('the address check', () => {
  const check = new AddressCheck({
    allow: '127.0.0.1:4100',
    resolve: hostsOverride({
      'intranet.test': '10.0.0.7',
      'metadata.test': '169.254.169.254',
      'public.test': '93.184.215.14',
      'cgnat.test': '100.100.100.200',
      'ula.test': 'fd00:ec2::254',
      'mapped.test': '::ffff:192.168.1.1',
    }),
  });
  const refusal = (host: string, port = 80) =>
    check.resolve(host, port).then(
      () => 'allowed',
      (err: EgressRefused) => err.reason,
    );

  it('refuses every internal range, after resolving names, in every way an address can be written', async () => {
    expect(await refusal('intranet.test')).toBe('it resolves to 10.0.0.7, a private-network address');
    expect(await refusal('metadata.test')).toMatch(/169\.254\.169\.254, a link-local \(cloud metadata\) address/);
    expect(await refusal('cgnat.test')).toMatch(/carrier-grade NAT/);
    expect(await refusal('ula.test')).toMatch(/unique-local IPv6/);
    expect(await refusal('mapped.test')).toMatch(/private-network/);
    for (const host of [
      '2130706433',
      '0177.0.0.1',
      '0x7f.0.0.1',
      '0x7f000001',
      '127.1',
      '[::ffff:127.0.0.1]',
      '[::1]',
    ]) {
      expect(await refusal(host), host).toMatch(/loopback/);
    }
    for (const host of ['0.0.0.0', '172.16.3.4', '192.168.0.1', '[::ffff:a9fe:a9fe]', '[fe80::1]', '224.0.0.1']) {
      expect(await refusal(host), host).not.toBe('allowed');
    }
    expect(await refusal('nowhere.test')).toMatch(/does not resolve/);
    expect(await refusal('public.test')).toBe('allowed');
  });

  it('lets the allowlisted host through on its port only', async () => {
    expect(await refusal('127.0.0.1', 4100)).toBe('allowed');
    expect(await refusal('2130706433', 4100)).toBe('allowed');
    expect(await refusal('127.0.0.1', 5432)).toMatch(/loopback/);
    await expect(check.checkUrl('file:///etc/passwd')).rejects.toThrow(/file: links are not opened/);
  });
});

describe('the egress proxy under Chromium', () => {
  async function browse(path: string) {
    const check = new AddressCheck({
      allow: `127.0.0.1:${site.port}`,
      resolve: hostsOverride({ 'intranet.test': '127.0.0.1' }),
    });
    const proxy = await EgressProxy.start(check, createLogger('silent'));
    const egress = proxy.open(null);
    const context = await newApplicationContext(browser, egress.settings);
    const page = await context.newPage();
    try {
      const error = await page.goto(`${site.url}${path}`, { waitUntil: 'load', timeout: 15_000 }).then(
        () => null,
        (err: Error) => err.message,
      );
      // Give late subresources (the beacon, the fetch) their chance to go out.
      await page.waitForTimeout(300).catch(() => {});
      const text = await page.content().catch(() => '');
      return { error, text, refused: egress.refused.map((r) => r.message) };
    } finally {
      await context.close();
      egress.close();
      await proxy.close();
    }
  }

  it('refuses a redirect to the metadata address, and to a name or a decimal address that lead inward', async () => {
    const before = internal.hits.length;
    const metadata = await browse('/to-metadata');
    expect(metadata.error).toMatch(/net::ERR_/);
    expect(metadata.refused).toEqual([expect.stringMatching(/169\.254\.169\.254:80: it is a link-local/)]);

    for (const path of ['/to-internal', '/hop', '/to-decimal']) {
      const inward = await browse(path);
      expect(inward.error, path).toMatch(/net::ERR_/);
      expect(inward.text).not.toContain('INTERNAL SECRET');
      expect(inward.refused.length, path).toBeGreaterThan(0);
    }
    expect(internal.hits.slice(before)).toEqual([]);
  });

  it('loads the page and refuses every subresource that leads inward: images, frames, fetch, beacons', async () => {
    const before = internal.hits.length;
    const page = await browse('/page');
    expect(page.error).toBeNull();
    expect(page.text).toContain('<h1>Apply</h1>');
    expect(internal.hits.slice(before)).toEqual([]);
    expect(page.refused.join('\n')).toMatch(/intranet\.test/);
    expect(page.refused.join('\n')).toMatch(/127\.0\.0\.1:\d+: it is a loopback/);
  });
});

describe('the server worker', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', EGRESS_ALLOW: `127.0.0.1:${site.port}` });
  });
  afterAll(() => backend?.close());

  it('fails for good, saying why, every posting that leads to an internal address, and reaches none', {
    timeout: 90_000,
  }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    const user = await applicant(backend);
    const urls = [
      `http://intranet.test:${internal.port}/jobs/1`,
      `http://2130706433:${internal.port}/jobs/2`,
      `http://0177.0.0.1:${internal.port}/jobs/3`,
      `http://[::ffff:127.0.0.1]:${internal.port}/jobs/4`,
      `${site.url}/to-metadata`,
      `${site.url}/hop`,
    ];
    const jobs = [];
    for (const applyUrl of urls) jobs.push(...(await createJobs(prisma, 1, { applyUrl })));
    const before = internal.hits.length;
    const ids = await swipeAll(
      user,
      jobs.map((job) => ({ job, postingId: job.id })),
    );
    const worker = await startTestWorker(
      backend,
      browser,
      {},
      { resolve: hostsOverride({ 'intranet.test': '127.0.0.1' }) },
    );
    try {
      const ended = async () => {
        const rows = await prisma.application.findMany({ where: { id: { in: ids } } });
        return ids.map((id) => {
          const row = rows.find((r) => r.id === id)!;
          return `${row.status} ${row.errorClass}`;
        });
      };
      await expect.poll(ended, { timeout: 60_000 }).toEqual(ids.map(() => 'FAILED permanent'));
      const rows = await prisma.application.findMany({ where: { id: { in: ids } } });
      const reasons = ids.map((id) => rows.find((r) => r.id === id)!.lastError);
      expect(reasons[0]).toMatch(/intranet\.test:\d+: it resolves to 127\.0\.0\.1, a loopback address/);
      for (const reason of reasons.slice(1, 3)) expect(reason).toMatch(/127\.0\.0\.1:\d+: it is a loopback address/);
      expect(reasons[3]).toMatch(/\[::ffff:7f00:1\]:\d+: it is a loopback address/);
      expect(reasons[4]).toMatch(/169\.254\.169\.254:80: it is a link-local \(cloud metadata\) address/);
      expect(reasons[5]).toMatch(/intranet\.test/);
      expect(internal.hits.slice(before)).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
