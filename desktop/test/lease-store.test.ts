// The held leases on disk: what a restart reads back, the last list asked for, private, and a
// damaged file said plainly.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredLease } from '@jobswipe/protocol/executor-client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FileLeaseStore } from '../src/agent/lease-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jsa-leases-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lease = (n: number): StoredLease => ({
  applicationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  leaseToken: String(n),
});

it('reads back what was saved, results included, from a file only its owner can read', async () => {
  const store = new FileLeaseStore(join(dir, 'leases.json'));
  expect(await store.load()).toEqual([]);
  const leases: StoredLease[] = [
    lease(1),
    {
      ...lease(2),
      result: {
        outcome: 'submitted',
        errorClass: null,
        message: null,
        confirmation: 'Thanks!',
        unanswered: [],
        evidenceIds: [],
        filled: [],
        submitRefused: false,
      },
    },
    { ...lease(3), result: { release: 'The executor is shutting down.' } },
  ];
  await store.save(leases);
  expect((await stat(store.location)).mode & 0o777).toBe(0o600);
  expect(await new FileLeaseStore(store.location).load()).toEqual(leases);
});

it('saves that overlap land in order: the file holds the last list', async () => {
  const store = new FileLeaseStore(join(dir, 'leases.json'));
  const lists = Array.from({ length: 20 }, (_, i) => Array.from({ length: i % 4 }, (_, j) => lease(i * 10 + j)));
  for (const list of lists) void store.save(list);
  await store.settled();
  expect(await store.load()).toEqual(lists.at(-1));
});

it('a damaged file is an error naming it and what to do', async () => {
  const store = new FileLeaseStore(join(dir, 'leases.json'));
  await writeFile(store.location, '[{"applicationId": "x"');
  await expect(store.load()).rejects.toThrow(/leases\.json is damaged .*Delete it/);
  await writeFile(store.location, JSON.stringify([{ applicationId: 'nope', leaseToken: '1' }]));
  await expect(store.load()).rejects.toThrow(/applicationId/);
});

it('a save that fails is reported, and later saves still happen', async () => {
  const errors: Error[] = [];
  const store = new FileLeaseStore(join(dir, 'missing', 'leases.json'), (err) => errors.push(err));
  await expect(store.save([lease(1)])).rejects.toThrow(/ENOENT/);
  await store.settled();
  expect(errors).toHaveLength(1);
  const working = new FileLeaseStore(join(dir, 'leases.json'));
  await working.save([lease(2)]);
  expect(await working.load()).toEqual([lease(2)]);
});
