// SIGTERM to a built backend node mid-request, as Docker sends it: the node stops taking new
// connections and says it is not ready, while the request already in flight (a right-swipe whose
// body arrives after the signal) is committed and answered on an intact socket. A long-poll in
// flight is answered at once, a device's socket is closed as "going away" so it reconnects to
// another node, and the process exits 0 well before the deadline. Nothing is lost: the swipe is in
// the database with its outbox row, for whichever node's relay publishes it.
import { request } from 'node:http';
import { connect } from 'node:net';
import { openDatabase } from '@jobswipe/db';
import type { SwipeResponse } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { signUp } from '../support/api.ts';
import { type BuiltNode, startBuiltNode, testDeployment, useBuild } from '../support/built-backend.ts';
import { pairDevice, wsUrl } from '../support/devices.ts';
import { createJobs } from '../support/factories.ts';

const fixture = useBuild();
const { cleanups } = fixture;

interface HalfSent {
  /** Sends the rest of the body; resolves with the response. */
  finish(): Promise<{ status: number; connection: string | undefined; body: string }>;
}

/**
 * A request whose headers the server has read (it answered "100 Continue") and whose body is held
 * back: in flight on the server for as long as the test wants.
 */
function halfSentRequest(node: BuiltNode, path: string, token: string, body: unknown): Promise<HalfSent> {
  const payload = JSON.stringify(body);
  const req = request({
    host: '127.0.0.1',
    port: node.port,
    method: 'POST',
    path,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
    req.once('error', reject);
  });
  return new Promise((resolve, reject) => {
    req.once('continue', () =>
      resolve({
        finish: () => {
          req.end(payload);
          return response;
        },
      }),
    );
    req.once('error', reject);
    req.flushHeaders();
  });
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });

describe('SIGTERM to a built backend node', () => {
  it('finishes the request in flight and loses nothing', { timeout: 90_000 }, async () => {
    const deployment = await testDeployment({ SHUTDOWN_GRACE_MS: '20000' });
    cleanups.push(() => deployment.close());
    const node = await startBuiltNode(fixture.build, deployment);
    cleanups.push(() => node.kill());
    const { prisma, close } = openDatabase(deployment.db.url, { max: 2 });
    cleanups.push(close);

    const me = await signUp(node.api);
    await prisma.user.update({
      where: { id: me.user.id },
      data: { planId: 'enterprise', executionPreference: 'device_only' },
    });
    const [job] = await createJobs(prisma, 1);
    const { token: deviceToken } = await pairDevice(me.api);
    const device = new WebSocket(wsUrl(node.api.baseUrl, '/v1/devices/connect'));
    const deviceClosed = new Promise<number>((resolve) => device.once('close', (code) => resolve(code)));
    await new Promise((resolve) => device.once('open', resolve));
    device.send(
      JSON.stringify({ type: 'hello', token: deviceToken, kind: 'desktop', version: 't', capacity: 0, held: [] }),
    );
    const poll = fetch(`${node.api.baseUrl}/v1/devices/poll`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'desktop', version: 't', capacity: 0, held: [], waitMs: 30_000 }),
    });
    const swipe = await halfSentRequest(node, '/v1/swipes', me.accessToken, { jobId: job!.id, direction: 'right' });

    const signalled = Date.now();
    node.child.kill('SIGTERM');
    await expect.poll(() => node.output.some((line) => line.includes('shutting down'))).toBe(true);
    // No new connection is taken; the long-poll and the device's socket are let go.
    expect(await refused(node.port)).toBe(true);
    expect((await poll).status).toBe(200);
    expect(await deviceClosed).toBe(1001);

    const answer = await swipe.finish();
    expect(answer.status).toBe(201);
    // The client is told to take its next request elsewhere.
    expect(answer.connection).toBe('close');
    const application = (JSON.parse(answer.body) as SwipeResponse).application!;
    expect(await node.exited).toBe(0);
    // Done when the work was, not at the 20 s deadline.
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(node.output.join('\n')).not.toContain('shutdown deadline');

    expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: application.status,
      userId: me.user.id,
    });
    const outbox = await prisma.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from outbox where payload->>'applicationId' = ${application.id}`;
    expect(outbox[0]?.n).toBeGreaterThan(0);
  });
});
