// The retention policy for stored files: evidence goes EVIDENCE_RETENTION_DAYS after it was taken,
// a resume RESUME_RETENTION_DAYS after the user uploaded the one that replaced it. Each file is
// removed from the store first and its row after, so a failure leaves a row for the next sweep,
// never a row whose file is gone. One node sweeps at a time (the leader), once an hour.
import type { AppContext } from '../context.ts';
import { Leadership } from '../recovery/leadership.ts';

const DAY_MS = 24 * 3600_000;
const SWEEP_MS = 3600_000;
/** Rows per query; a sweep goes on until a batch comes back short. */
const BATCH = 500;

export interface Pruned {
  evidence: number;
  resumes: number;
}

interface FileRow {
  id: string;
  storage_path: string;
}

/** Deletes every file past its retention at `now`; answers how many of each kind went. */
export async function pruneExpiredFiles(ctx: AppContext, now = new Date()): Promise<Pruned> {
  const prisma = ctx.db.prisma;
  const evidenceCutoff = new Date(now.getTime() - ctx.config.EVIDENCE_RETENTION_DAYS * DAY_MS);
  const resumeCutoff = new Date(now.getTime() - ctx.config.RESUME_RETENTION_DAYS * DAY_MS);
  const evidence = await pruneAll(
    ctx,
    () => prisma.$queryRaw<FileRow[]>`
      select id, storage_path from evidence where created_at < ${evidenceCutoff}
      order by created_at limit ${BATCH}`,
    (ids) => prisma.evidence.deleteMany({ where: { id: { in: ids } } }),
  );
  // Replaced: a newer resume of the same user exists, uploaded before the cutoff.
  const resumes = await pruneAll(
    ctx,
    () => prisma.$queryRaw<FileRow[]>`
      select r.id, r.storage_path from resumes r
      where not r.is_default and exists (
        select 1 from resumes newer
        where newer.user_id = r.user_id and newer.created_at > r.created_at and newer.created_at < ${resumeCutoff})
      limit ${BATCH}`,
    (ids) => prisma.resume.deleteMany({ where: { id: { in: ids }, isDefault: false } }),
  );
  if (evidence || resumes) ctx.log.info({ evidence, resumes }, 'files past their retention deleted');
  ctx.metrics.filesPruned.inc({ kind: 'evidence' }, evidence);
  ctx.metrics.filesPruned.inc({ kind: 'resume' }, resumes);
  return { evidence, resumes };
}

async function pruneAll(
  ctx: AppContext,
  next: () => Promise<FileRow[]>,
  deleteRows: (ids: string[]) => Promise<unknown>,
): Promise<number> {
  let pruned = 0;
  for (;;) {
    const rows = await next();
    const removed: string[] = [];
    for (const row of rows) {
      try {
        await ctx.files.remove(row.storage_path);
        removed.push(row.id);
      } catch (err) {
        ctx.log.warn(
          { err, key: row.storage_path },
          'a file past its retention could not be deleted; the next sweep retries',
        );
      }
    }
    if (removed.length) await deleteRows(removed);
    pruned += removed.length;
    // A short batch was the last; a batch with failures is left for the next sweep.
    if (rows.length < BATCH || removed.length < rows.length) return pruned;
  }
}

/** The hourly sweep, run by whichever node leads the retention sweep. */
export class FileRetention {
  private readonly leadership: Leadership;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly ctx: AppContext) {
    this.leadership = new Leadership(ctx.db.url, `${ctx.config.REDIS_PREFIX}:file-retention`, ctx.log);
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
    void this.sweep();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.leadership.stepDown();
  }

  /** One sweep if this node leads (tests call it rather than wait an hour). */
  sweep(): Promise<unknown> {
    this.running ??= (async () => {
      if (await this.leadership.isLeader()) return pruneExpiredFiles(this.ctx);
      return null;
    })()
      .catch((err: unknown) => this.ctx.log.warn({ err }, 'file retention sweep failed; the next one retries'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
