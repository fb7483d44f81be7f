// What a stream entry carries: which application to look at. The entry is a nudge, not a claim:
// Postgres decides who owns the application, so a duplicate or stale entry is harmless.
import { z } from 'zod';

export const WorkEntry = z.object({
  applicationId: z.string().uuid(),
  userId: z.string().uuid(),
  lane: z.enum(['server', 'device']),
  priority: z.coerce.number().int(),
});
export type WorkEntry = z.infer<typeof WorkEntry>;

export interface StreamEntry {
  id: string;
  stream: string;
  work: WorkEntry;
}

export function toFields(work: WorkEntry): string[] {
  return [
    'applicationId',
    work.applicationId,
    'userId',
    work.userId,
    'lane',
    work.lane,
    'priority',
    String(work.priority),
  ];
}

/** Parses XREADGROUP/XAUTOCLAIM entries; an entry that does not parse is returned as `bad`. */
export function fromFields(stream: string, id: string, fields: string[] | null): StreamEntry | { bad: string } {
  const record: Record<string, string> = {};
  for (let i = 0; fields && i + 1 < fields.length; i += 2) record[fields[i] as string] = fields[i + 1] as string;
  const work = WorkEntry.safeParse(record);
  return work.success ? { id, stream, work: work.data } : { bad: id };
}
