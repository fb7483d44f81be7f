// Where each saved answer and profile field was used: read from what every attempt reported it
// filled (applications.filled, each entry with the ref of its source), newest first. A use is
// flagged as refused when its application then stopped because of it: the form's error names the
// field ("The form refused the application: …", "The form did not keep these answers: …"), or the
// application came back asking the same saved question again.
import { Prisma, type Queryable } from '@jobswipe/db';
import { type AnswerUsage, type ApplicationStatus, FilledField, Question } from '@jobswipe/protocol';
import { z } from 'zod';

/** Enough history to show where answers were used, without reading a heavy user's whole past. */
const RECENT_APPLICATIONS = 500;

const Filled = z.array(FilledField).catch([]);
const Questions = z.array(Question).catch([]);

interface Row {
  id: string;
  status: ApplicationStatus;
  lastError: string | null;
  attention: unknown;
  filled: unknown;
  updatedAt: Date;
  job: { title: string; company: string };
}

const REFUSAL = /form refused|did not keep/i;

/** Why the form refused this filled entry, or null. */
function refusal(app: Row, entry: FilledField): string | null {
  if (app.status === 'SUBMITTED') return null;
  if (app.lastError && REFUSAL.test(app.lastError) && app.lastError.toLowerCase().includes(entry.field.toLowerCase())) {
    return app.lastError;
  }
  const key = entry.ref?.startsWith('answer:') ? entry.ref.slice('answer:'.length) : null;
  if (app.status === 'NEEDS_ATTENTION' && key && Questions.parse(app.attention).some((q) => q.key === key)) {
    return `The form asked "${entry.field}" again after "${entry.value}" was filled in.`;
  }
  return null;
}

export async function answerUsage(db: Queryable, userId: string): Promise<AnswerUsage[]> {
  const apps: Row[] = await db.application.findMany({
    where: { userId, filled: { not: Prisma.DbNull } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: RECENT_APPLICATIONS,
    select: {
      id: true,
      status: true,
      lastError: true,
      attention: true,
      filled: true,
      updatedAt: true,
      job: { select: { title: true, company: true } },
    },
  });
  const byRef = new Map<string, AnswerUsage>();
  for (const app of apps) {
    for (const entry of Filled.parse(app.filled)) {
      if (!entry.ref) continue;
      let usage = byRef.get(entry.ref);
      if (!usage) {
        // The newest use decides: a later successful use clears an older refusal.
        const why = refusal(app, entry);
        usage = { ref: entry.ref, uses: [], refused: why ? { applicationId: app.id, message: why } : null };
        byRef.set(entry.ref, usage);
      }
      usage.uses.push({
        applicationId: app.id,
        title: app.job.title,
        company: app.job.company,
        status: app.status,
        field: entry.field,
        value: entry.value,
        at: app.updatedAt.toISOString(),
      });
    }
  }
  return [...byRef.values()];
}
