// The device token on disk: readable by its owner only, whatever the umask, and a damaged file
// is an error that says what to do.
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { agentPaths, ensureAgentDir } from '../src/agent/agent-dir.ts';
import { type DeviceCredentials, FileTokenStore } from '../src/agent/token-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jsa-token-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const credentials: DeviceCredentials = {
  server: 'http://127.0.0.1:3000',
  deviceId: '6f1c1f7e-7d0e-4d8a-9a51-0c3f7e2b9d11',
  token: 'dt_secret_token_value_123',
  name: 'Test laptop',
  pairedAt: '2026-01-01T00:00:00.000Z',
};

const mode = async (path: string) => (await stat(path)).mode & 0o777;

it('writes the credentials readable by their owner only, even under a permissive umask', async () => {
  const store = new FileTokenStore(join(dir, 'device.json'));
  const umask = process.umask(0);
  try {
    await store.save(credentials);
  } finally {
    process.umask(umask);
  }
  expect(await mode(store.location)).toBe(0o600);
  expect(await store.load()).toEqual(credentials);
});

it('replacing a file others could read leaves one only its owner can', async () => {
  const store = new FileTokenStore(join(dir, 'device.json'));
  await writeFile(store.location, '{}');
  await chmod(store.location, 0o644);
  await store.save(credentials);
  expect(await mode(store.location)).toBe(0o600);
});

it('no file: not paired; a damaged file: an error naming it and what to do', async () => {
  const store = new FileTokenStore(join(dir, 'device.json'));
  expect(await store.load()).toBeNull();
  await writeFile(store.location, '{"server": "http://x", "token": 1');
  await expect(store.load()).rejects.toThrow(/device\.json is damaged .*pair this device again/);
  await writeFile(store.location, JSON.stringify({ ...credentials, deviceId: 'not-a-uuid' }));
  await expect(store.load()).rejects.toThrow(/deviceId/);
});

it('the agent dir is created for its owner only', async () => {
  const paths = agentPaths({ JOBSWIPE_AGENT_DIR: join(dir, 'agent') });
  await ensureAgentDir(paths);
  expect(await mode(paths.dir)).toBe(0o700);
  expect(paths.credentials.startsWith(paths.dir)).toBe(true);
});
