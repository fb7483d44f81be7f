// The leases the agent holds, in a file (mode 0600) that outlives the process: after a crash or a
// reboot the agent tells the backend what it still held, so the backend can take it back at once
// instead of waiting for the lease to lapse. Saves are written in the order they were asked for,
// so the file always ends up holding the latest list.
import { HeldLease, Result } from '@jobswipe/protocol/device';
import type { LeaseStore, StoredLease } from '@jobswipe/protocol/executor-client';
import { z } from 'zod';
import { readPrivateJson, writePrivateJson } from './private-file.ts';

const StoredOutcome = z.union([
  Result.omit({ type: true, applicationId: true, leaseToken: true }),
  z.object({ release: z.string() }),
]);
const StoredLeases = z.array(HeldLease.extend({ result: StoredOutcome.optional() }));

export class FileLeaseStore implements LeaseStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly location: string,
    /** Told when a save fails (a full disk): the client that saves does not wait for it. */
    private readonly onError: (err: Error) => void = () => {},
  ) {}

  async load(): Promise<StoredLease[]> {
    const remedy = 'Delete it to start afresh: the backend takes back whatever it listed once those leases lapse.';
    return (await readPrivateJson(this.location, StoredLeases, remedy)) ?? [];
  }

  save(leases: StoredLease[]): Promise<void> {
    const write = this.writing.then(() => writePrivateJson(this.location, leases));
    this.writing = write.catch((err: Error) => this.onError(err));
    return write;
  }

  /** Resolves once every save asked for so far is on disk. */
  settled(): Promise<void> {
    return this.writing;
  }
}
