// The built backend in production mode, started with plain node as the Docker image starts it:
// without its secrets and services it refuses to start and names each one; with them it serves
// the API and the web app, starts no practice ATS, seeds no demo user, and stops cleanly on SIGTERM.
import { connect } from 'node:net';
import { openDatabase } from '@jobswipe/db';
import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL } from '../../src/seed/demo-seed.ts';
import { signUp } from '../support/api.ts';
import { cleanEnv, startBuiltNode, testDeployment, useBuild } from '../support/built-backend.ts';
import { startEntryProcess } from '../support/entry-process.ts';
import { freePort } from '../support/redis-server.ts';

const fixture = useBuild();
const { cleanups } = fixture;

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() && true));
    socket.once('error', () => resolve(false));
  });

describe('the built backend in production mode', () => {
  it('refuses to start without its secrets and services, naming each, with no stack trace', async () => {
    const started = startEntryProcess(
      fixture.build.entries.main,
      { ...cleanEnv(), NODE_ENV: 'production' },
      () => false,
    );
    const failure = await started.then(
      () => null,
      (err: Error) => err.message,
    );
    expect(failure).toMatch(/exited \(1\)/);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'ACCOUNTS_KEY']) {
      expect(failure).toMatch(new RegExp(`^  ${name}: not set; give `, 'm'));
    }
    expect(failure).not.toMatch(/^\s+at /m);
  });

  it('serves the API and the web app with nothing demo-grade, and exits 0 on SIGTERM', {
    timeout: 90_000,
  }, async () => {
    const deployment = await testDeployment();
    cleanups.push(() => deployment.close());
    const practicePort = await freePort();
    const server = await startBuiltNode(fixture.build, deployment, { PRACTICE_ATS_PORT: String(practicePort) });
    cleanups.push(() => server.kill());
    const api = server.api;

    expect((await api.get('/readyz')).body).toMatchObject({ status: 'ready', postgres: 'ready', redis: 'ready' });
    expect(await (await fetch(`${api.baseUrl}/`)).text()).toContain('<div id="root">');
    const me = await signUp(api);
    expect((await me.api.get('/v1/me')).status).toBe(200);
    // No practice ATS, no demo user or catalog.
    expect(await listening(practicePort)).toBe(false);
    const { prisma, close } = openDatabase(deployment.db.url, { max: 1 });
    cleanups.push(close);
    expect(await prisma.user.count({ where: { email: DEMO_EMAIL } })).toBe(0);
    expect(await prisma.job.count()).toBe(0);
    expect(server.output.join('\n')).not.toMatch(/practice ATS|demo/i);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
