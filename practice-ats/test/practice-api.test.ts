// The /__practice endpoints: the record of submissions with its filters, the request log with the
// Via header, the catalog, and the JSON file that keeps submissions across restarts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ATS_KINDS, formSpec, type PracticeJob, SubmissionStore } from '../src/index.ts';
import { correctPost, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();

describe('practice endpoints', () => {
  it('filters submissions by ATS, job and email, and clears them', async () => {
    const spec = formSpec('careers', 'data-engineer');
    const other = formSpec('careers', 'ml-engineer');
    await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    await post(server.ats.url + other.url, correctPost(other, { resume: pdf() }, { email: 'grace@example.com' }));
    expect(await recorded(server.ats)).toHaveLength(2);
    expect(await recorded(server.ats, { jobId: 'ml-engineer' })).toMatchObject([{ email: 'grace@example.com' }]);
    expect(await recorded(server.ats, { email: 'ADA.LOVELACE@example.com' })).toMatchObject([
      { jobId: 'data-engineer' },
    ]);
    expect(await recorded(server.ats, { ats: 'lever' })).toEqual([]);
    const del = await fetch(`${server.ats.url}/__practice/submissions`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('logs every request with its address and Via header', async () => {
    await fetch(`${server.ats.url}/careers/tidewater`, { headers: { via: '1.1 proxy-a (tinyproxy/1.11.1)' } });
    const log = (await (await fetch(`${server.ats.url}/__practice/requests`)).json()) as Array<Record<string, unknown>>;
    expect(log[0]).toMatchObject({ method: 'GET', path: '/careers/tidewater', via: '1.1 proxy-a (tinyproxy/1.11.1)' });
    expect(log[0]?.remoteAddress).toMatch(/127\.0\.0\.1/);
    await fetch(`${server.ats.url}/__practice/requests`, { method: 'DELETE' });
    const after = (await (await fetch(`${server.ats.url}/__practice/requests`)).json()) as unknown[];
    expect(after).toHaveLength(1); // only the GET of the log itself
  });

  it('serves the catalog with absolute apply URLs that open', async () => {
    const jobs = (await (await fetch(`${server.ats.url}/__practice/jobs`)).json()) as PracticeJob[];
    const normal = jobs.filter((j) => j.scenario === 'normal');
    for (const job of normal) {
      expect(job.applyUrl.startsWith(server.ats.url)).toBe(true);
      expect(job.description.length).toBeGreaterThan(300);
      expect(job.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect((await fetch(job.applyUrl)).status).toBe(200);
    }
    for (const kind of ATS_KINDS) expect(normal.filter((j) => j.ats === kind).length).toBeGreaterThanOrEqual(3);
    expect(new Set(normal.map((j) => j.title)).size).toBe(normal.length);
  });

  it('keeps submissions in the PRACTICE_ATS_DATA file across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'practice-ats-'));
    try {
      const file = join(dir, 'submissions.json');
      const first = new SubmissionStore(file);
      first.add(
        {
          ats: 'careers',
          board: 'tidewater',
          jobId: 'data-engineer',
          email: 'ada@example.com',
          fields: { first_name: 'Ada' },
          files: [{ field: 'resume', filename: 'cv.pdf', mime: 'application/pdf', size: 4, sha256: 'x' }],
          remoteAddress: '127.0.0.1',
          via: null,
          userAgent: null,
        },
        new Map([['resume', Buffer.from('%PDF')]]),
      );
      const again = new SubmissionStore(file);
      const [kept] = again.list({ email: 'ada@example.com' });
      expect(kept).toMatchObject({ fields: { first_name: 'Ada' } });
      expect(again.fileBytes(kept!.id, 'resume')?.toString()).toBe('%PDF');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as `npm run practice-ats`: logs its URL as JSON and stops cleanly on SIGTERM', async () => {
    const main = join(import.meta.dirname, '../src/main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PRACTICE_ATS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const log = JSON.parse(line) as { level: string; msg: string; url: string };
      expect(log).toMatchObject({ level: 'info', msg: 'practice ATS listening' });
      expect((await fetch(`${log.url}/__practice/jobs`)).status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('answers bad input with clear errors', async () => {
    expect(() => formSpec('taleo', '1')).toThrow('Unknown practice ATS "taleo". Use one of: greenhouse, lever');
    expect(() => formSpec('lever', 'nope')).toThrow('No lever posting with id "nope" in the practice catalog');
    const spec = formSpec('careers', 'data-engineer');
    const res = await fetch(server.ats.url + spec.submitUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'Expected a form post (multipart/form-data or urlencoded), got "application/json".',
    });
    const missing = await fetch(`${server.ats.url}/__practice/submissions/none/files/resume`);
    expect(missing.status).toBe(404);
  });
});
