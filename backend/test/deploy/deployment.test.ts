// A production deployment on loopback, every server process built JavaScript run by plain node:
// two backend nodes and a server worker against Postgres, a Redis Cluster (three masters, three
// replicas, on loopback) and the S3 stand-in (s3rver), with
// the practice ATS standing in for the employers' sites. Users act through one node while the
// executors talk to the other: the worker applies the server lane on the practice forms (resumes
// fetched through signed links from the bucket, evidence stored in it), and a device applies the
// device lane over the executor protocol. Every application is submitted exactly once.
import { openDatabase } from '@jobswipe/db';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import { type ApplicationStatus, HELD_STATUSES, WAITING_STATUSES } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltNode,
  buildForTest,
  type Deployment,
  startBuiltNode,
  startBuiltWorker,
  type TestBuild,
  testDeployment,
} from '../support/built-backend.ts';
import { pairDevice, startDevice, submitted } from '../support/devices.ts';
import { tinyPng } from '../support/documents.ts';
import { TestRedisCluster } from '../support/redis-cluster.ts';
import { type S3StandIn, startS3StandIn } from '../support/s3-stand-in.ts';
import { applicantOn, FILLABLE, practicePostings, swipeAll } from '../support/server-lane.ts';
import { claimCounts } from '../support/users.ts';

let build: TestBuild;
let s3: S3StandIn;
let redis: TestRedisCluster;
let ats: PracticeAts;
let deployment: Deployment;
let nodes: BuiltNode[];
let db: ReturnType<typeof openDatabase>;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  [build, s3, ats, redis] = await Promise.all([
    buildForTest(),
    startS3StandIn(),
    startPracticeAts(),
    TestRedisCluster.start(),
  ]);
  cleanups.push(
    () => build.remove(),
    () => s3.close(),
    () => ats.close(),
    () => redis.stop(),
  );
  // The practice ATS stands in for the employers' sites on loopback, which the egress check refuses.
  deployment = await testDeployment({
    ...s3.env,
    EGRESS_ALLOW: new URL(ats.url).host,
    REDIS_CLUSTER_NODES: redis.seeds,
  });
  cleanups.push(() => deployment.close());
  db = openDatabase(deployment.db.url, { max: 2 });
  cleanups.push(() => db.close());
  nodes = [await startBuiltNode(build, deployment), await startBuiltNode(build, deployment)];
  for (const node of nodes) cleanups.push(() => node.kill());
}, 180_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STILL_MOVING: readonly ApplicationStatus[] = ['QUEUED', ...HELD_STATUSES, ...WAITING_STATUSES];
const finished = async (ids: string[]) =>
  (await db.prisma.application.findMany({ where: { id: { in: ids } } })).filter(
    (a) => !STILL_MOVING.includes(a.status),
  );

describe('a built deployment: two backend nodes, a server worker, S3', () => {
  it('applies both lanes end to end, each application once, files in the bucket', { timeout: 240_000 }, async () => {
    const [front, back] = nodes as [BuiltNode, BuiltNode];
    // The worker fetches resumes through signed links of the other node.
    const worker = await startBuiltWorker(build, deployment, back.api.baseUrl, { WORKER_CONCURRENCY: '2' });
    cleanups.push(() => worker.kill());

    const serverUser = await applicantOn(front.api, db.prisma, 'server_only');
    const serverIds = await swipeAll(serverUser, await practicePostings(db.prisma, ats, FILLABLE.slice(0, 4)));

    const deviceUser = await applicantOn(front.api, db.prisma, 'device_only');
    const { token } = await pairDevice(deviceUser.api);
    // The device is connected to the other node; evidence goes up before the result, as agents do.
    const device = startDevice(back.api.baseUrl, token, async (order) => {
      const form = new FormData();
      form.set('leaseToken', order.leaseToken);
      form.set('kind', 'screenshot');
      form.set('file', new Blob([new Uint8Array(tinyPng())]), 'confirmation.png');
      const stored = await fetch(`${back.api.baseUrl}/v1/applications/${order.applicationId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (stored.status !== 201) throw new Error(`evidence refused: ${stored.status}`);
      const { id } = (await stored.json()) as { id: string };
      return { ...submitted, evidenceIds: [id] };
    });
    cleanups.push(() => device.client.stop());
    const deviceIds = await swipeAll(deviceUser, await practicePostings(db.prisma, ats, FILLABLE.slice(4, 6)));

    const ids = [...serverIds, ...deviceIds];
    await expect.poll(async () => (await finished(ids)).length, { timeout: 200_000, interval: 1_000 }).toBe(ids.length);
    const outcome = await db.prisma.application.findMany({ where: { id: { in: ids } } });
    expect(
      outcome.filter((a) => a.status !== 'SUBMITTED').map((a) => `${a.lane} ${a.status} ${a.lastError}`),
      worker.output.slice(-20).join('\n'),
    ).toEqual([]);
    expect([...(await claimCounts(db.prisma, ids)).values()]).toEqual(ids.map(() => 1));
    expect(
      outcome
        .filter((a) => a.lane === 'server')
        .map((a) => a.id)
        .sort(),
    ).toEqual([...serverIds].sort());

    // The practice ATS got each server-lane application once, with the resume from the bucket.
    const submissions = ats.submissions.list();
    expect(submissions).toHaveLength(serverIds.length);
    for (const submission of submissions) expect(JSON.stringify(submission)).toContain('ada-lovelace-resume.pdf');

    // Resumes and all evidence are in the bucket, none on a node's disk.
    const keys = await s3.keys();
    const resumes = await db.prisma.resume.findMany({
      where: { userId: { in: [serverUser.user.id, deviceUser.user.id] } },
    });
    const evidence = await db.prisma.evidence.findMany({ where: { applicationId: { in: ids } } });
    expect(evidence.length).toBeGreaterThanOrEqual(ids.length);
    for (const file of [...resumes, ...evidence]) expect(keys).toContain(file.storagePath);
  });
});
