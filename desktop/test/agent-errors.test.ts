// What a user sees when something is wrong: not paired yet, a bad pairing code, a server that
// does not answer (the agent keeps trying and says so), a revoked device, a second agent on the
// same agent dir, and pause with no agent running. The token is never printed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceList, PairStartResponse } from '@jobswipe/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileTokenStore } from '../src/agent/token-store.ts';
import { runAgentCommand } from './support/agent-process.ts';
import { startWorld, type World } from './support/world.ts';

let world: World;
let emptyDir: string;
beforeAll(async () => {
  world = await startWorld();
  emptyDir = await mkdtemp(join(tmpdir(), 'jsa-'));
});
afterEach(() => world.stopAgents());
afterAll(async () => {
  await world?.close();
  await rm(emptyDir, { recursive: true, force: true });
});

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pairing', () => {
  it('stores the token without printing it', async () => {
    const applicant = await world.applicant([]);
    const agentDir = await world.pairedAgentDir(applicant);
    const stored = await new FileTokenStore(join(agentDir, 'device.json')).load();
    const devices = await applicant.api.get<DeviceList>('/v1/devices');
    expect(devices.body.devices.map((d) => [d.id, d.name, d.kind])).toEqual([
      [stored!.deviceId, 'Test laptop', 'desktop'],
    ]);

    const again = await applicant.api.post<PairStartResponse>('/v1/devices/pair/start');
    const paired = await runAgentCommand(agentDir, ['pair', again.body.code, '--server', world.backend.node.url]);
    expect(paired.code, paired.output).toBe(0);
    const token = (await new FileTokenStore(join(agentDir, 'device.json')).load())!.token;
    expect(paired.output).toMatch(/Paired as .* replaces the earlier pairing/);
    expect(paired.output).not.toContain(token);
    expect(paired.output).not.toContain(stored!.token);
  });

  it('a wrong code: the server says why, nothing is stored', async () => {
    const result = await runAgentCommand(emptyDir, ['pair', 'WRONG123', '--server', world.backend.node.url]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Pairing failed: HTTP 4\d\d — /);
    await expect(readFile(join(emptyDir, 'device.json'))).rejects.toThrow(/ENOENT/);
  });

  it('a server that does not answer is named', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runAgentCommand(emptyDir, ['pair', 'ABCDEF12', '--server', url]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Cannot reach ${url} (ECONNREFUSED)`);
  });
});

describe('running', () => {
  it('not paired yet: says how to pair, exit code 2', async () => {
    const result = await runAgentCommand(emptyDir, []);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/not paired yet.*npm run agent -- pair <code>/s);
  });

  it('bad options: says what is wrong and shows the usage', async () => {
    const result = await runAgentCommand(emptyDir, ['--capacity', '0']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/--capacity "0" must be a whole number from 1 to 10/);
    expect(result.output).toMatch(/Usage: npm run agent/);
  });

  it('server unreachable: keeps retrying and says so', async () => {
    const applicant = await world.applicant([]);
    const agentDir = await world.pairedAgentDir(applicant);
    const store = new FileTokenStore(join(agentDir, 'device.json'));
    const url = `http://127.0.0.1:${await closedPort()}`;
    await store.save({ ...(await store.load())!, server: url });
    const agent = world.startAgent(agentDir);
    await expect
      .poll(() => agent.logged('cannot reach the server; retrying', { server: url, error: 'ECONNREFUSED' }).length)
      .toBeGreaterThanOrEqual(2);
    expect(agent.logged('agent starting')).toHaveLength(1);
  });

  it('the device is revoked: it stops and says to pair again, exit code 3', async () => {
    const applicant = await world.applicant([]);
    const agentDir = await world.pairedAgentDir(applicant);
    const { deviceId } = (await new FileTokenStore(join(agentDir, 'device.json')).load())!;
    const agent = world.startAgent(agentDir);
    await expect.poll(() => agent.logged('connected').length).toBe(1);
    expect((await applicant.api.delete(`/v1/devices/${deviceId}`)).status).toBeLessThan(300);
    const exit = await agent.exited;
    expect(exit.code, agent.transcript).toBe(3);
    expect(agent.transcript).toMatch(/The server refused this device: .*npm run agent -- pair <code>/);
  });

  it('a second agent on the same agent dir is refused; pause and resume need a running one', async () => {
    const applicant = await world.applicant([]);
    const agentDir = await world.pairedAgentDir(applicant);
    const noAgent = await runAgentCommand(agentDir, ['pause']);
    expect(noAgent.code).toBe(1);
    expect(noAgent.output).toMatch(/No agent is running here/);

    const first = world.startAgent(agentDir);
    await expect.poll(() => first.logged('connected').length).toBe(1);
    const second = await runAgentCommand(agentDir, []);
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/Another agent is already running with this agent dir/);
    const status = await runAgentCommand(agentDir, ['status']);
    expect(status.code, status.output).toBe(0);
    expect(JSON.parse(status.output)).toMatchObject({ connection: 'connected', device: 'Test laptop' });
  });
});
