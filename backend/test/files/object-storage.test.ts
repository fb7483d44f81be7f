// Resumes and evidence in an S3-compatible bucket (the loopback stand-in, s3rver): uploads land in
// the bucket and nowhere on the node's disk, so any node can serve them; the user's download, the
// executor's signed link and the evidence download stream them back byte for byte; and the
// retention policy deletes old evidence and replaced resumes, from the bucket and the database,
// and nothing else.
import { readdir } from 'node:fs/promises';
import { openDatabase } from '@jobswipe/db';
import type { ResumeView } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedResumeUrl } from '../../src/files/signed-urls.ts';
import { Api, signUp } from '../support/api.ts';
import { startTestCluster, type TestCluster } from '../support/backend.ts';
import { pairDevice, RawDevice } from '../support/devices.ts';
import { minimalPdf, tinyPng } from '../support/documents.ts';
import { type S3StandIn, startS3StandIn } from '../support/s3-stand-in.ts';
import { swipeRight, userWith } from '../support/users.ts';

let s3: S3StandIn;
let cluster: TestCluster;
let db: ReturnType<typeof openDatabase>;
beforeAll(async () => {
  s3 = await startS3StandIn();
  cluster = await startTestCluster(2, { ...s3.env, EVIDENCE_RETENTION_DAYS: '30', RESUME_RETENTION_DAYS: '7' });
  db = openDatabase(cluster.db.url, { max: 2 });
});
afterAll(async () => {
  await db?.close();
  await cluster?.close();
  await s3?.close();
});

function uploadResume(api: Api, bytes: Buffer, fileName = 'resume.pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  return api.request<ResumeView>('POST', '/v1/profile/resumes', undefined, { raw: form });
}

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const [first, second] = [0, 1];

describe('files in object storage', () => {
  it('keeps resumes in the bucket, served by any node through every download path', async () => {
    const me = await signUp(new Api(cluster.nodes[first]!.url));
    const pdf = minimalPdf('Ada Lovelace, stored in S3');
    const uploaded = await uploadResume(me.api, pdf);
    expect(uploaded.status).toBe(201);
    const row = await db.prisma.resume.findUniqueOrThrow({ where: { id: uploaded.body.id } });
    expect(await s3.keys()).toContain(row.storagePath);
    // Nothing on the node's own disk.
    expect(await readdir(cluster.nodes[first]!.ctx.config.storageDir).catch(() => [])).toEqual([]);

    // The other node serves it: to the user, and to an executor through the signed link.
    const other = new Api(cluster.nodes[second]!.url, me.accessToken);
    const res = await fetch(`${other.baseUrl}/v1/profile/resumes/${row.id}/file`, {
      headers: { authorization: `Bearer ${me.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await bytesOf(res)).toEqual(pdf);
    const link = signedResumeUrl(cluster.nodes[second]!.ctx, row.id, new Date(Date.now() + 60_000));
    expect(await bytesOf(await fetch(link))).toEqual(pdf);
    // A signed link that has expired is refused.
    const expired = signedResumeUrl(cluster.nodes[second]!.ctx, row.id, new Date(Date.now() - 1_000));
    expect((await fetch(expired)).status).toBe(403);
  });

  it('keeps evidence in the bucket and streams it to the owner', async () => {
    const user = await userWith(new Api(cluster.nodes[first]!.url), db.prisma);
    const [id] = await swipeRight(user.api, db.prisma, 1);
    const { token } = await pairDevice(user.api);
    const device = await RawDevice.connect(cluster.nodes[first]!.url);
    try {
      device.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
      await device.next('offer');
      device.send({ type: 'claim', applicationId: id! });
      const claimed = await device.next('claimed');
      const png = tinyPng();
      const form = new FormData();
      form.set('leaseToken', claimed.leaseToken);
      form.set('kind', 'screenshot');
      form.set('file', new Blob([new Uint8Array(png)]), 'shot.png');
      const upload = await fetch(`${cluster.nodes[first]!.url}/v1/applications/${id}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(upload.status).toBe(201);
      const { id: evidenceId } = (await upload.json()) as { id: string };
      const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
      expect(await s3.keys()).toContain(row.storagePath);
      const download = await fetch(`${cluster.nodes[second]!.url}/v1/applications/${id}/evidence/${evidenceId}`, {
        headers: { authorization: `Bearer ${user.accessToken}` },
      });
      expect(download.status).toBe(200);
      expect(await bytesOf(download)).toEqual(png);
    } finally {
      await device.close();
    }
  });

  it('deletes evidence and replaced resumes past their retention, and nothing else', async () => {
    const me = await signUp(new Api(cluster.nodes[first]!.url));
    const day = 24 * 3600_000;
    const upload = async (text: string, ageDays: number) => {
      const res = await uploadResume(me.api, minimalPdf(text));
      expect(res.status).toBe(201);
      const createdAt = new Date(Date.now() - ageDays * day);
      return db.prisma.resume.update({ where: { id: res.body.id }, data: { createdAt } });
    };
    // Replaced 20 days ago (past the 7 days), replaced 3 days ago (kept), and the current one.
    const old = await upload('first', 40);
    const replacedRecently = await upload('second', 20);
    const current = await upload('third', 3);

    const evidence = await db.prisma.evidence.findMany();
    expect(evidence.length).toBeGreaterThan(0);
    const aged = evidence[0]!;
    await db.prisma.evidence.update({ where: { id: aged.id }, data: { createdAt: new Date(Date.now() - 31 * day) } });
    const before = await s3.keys();

    // Whichever node leads the retention sweep does it; the other does nothing.
    await Promise.all(cluster.nodes.map((node) => node.retention.sweep()));

    const gone = [old.storagePath, aged.storagePath];
    expect(await s3.keys()).toEqual(before.filter((key) => !gone.includes(key)));
    expect(await db.prisma.resume.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.prisma.evidence.findUnique({ where: { id: aged.id } })).toBeNull();
    const kept = await db.prisma.resume.findMany({ where: { userId: me.user.id }, orderBy: { createdAt: 'asc' } });
    expect(kept.map((r) => [r.id, r.isDefault])).toEqual([
      [replacedRecently.id, false],
      [current.id, true],
    ]);
    expect(await db.prisma.evidence.count()).toBe(evidence.length - 1);
  });
});
