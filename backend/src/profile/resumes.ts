// A user's resumes: stored only when the bytes really are a PDF or DOCX; the newest upload becomes
// the default one that applications send.
import { randomUUID } from 'node:crypto';
import type { Queryable, Resume } from '@jobswipe/db';
import type { AppContext } from '../context.ts';
import { detectDocumentType } from '../files/document-type.ts';
import type { Upload } from '../files/upload.ts';
import { AppError } from '../http/errors.ts';

export const RESUME_ACCEPTED = 'a PDF or Word (.docx) resume';

/** Refuses an upload that would take the user past RESUME_MAX_COUNT resumes or RESUME_MAX_TOTAL_BYTES. */
async function checkResumeLimits(
  tx: Queryable,
  config: AppContext['config'],
  userId: string,
  adding: number,
): Promise<void> {
  // The user's row is locked so two uploads at once cannot both fit under the limits.
  await tx.$queryRaw`select 1 from users where id = ${userId}::uuid for update`;
  const stored = await tx.resume.aggregate({ where: { userId }, _count: true, _sum: { size: true } });
  const deleteOne = 'Delete resumes you no longer need (DELETE /v1/profile/resumes/:id, or in your profile) first.';
  if (stored._count >= config.RESUME_MAX_COUNT)
    throw new AppError('conflict', `You have ${stored._count} resumes stored, the most we keep. ${deleteOne}`);
  const total = (stored._sum.size ?? 0) + adding;
  if (total > config.RESUME_MAX_TOTAL_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    throw new AppError(
      'payload_too_large',
      `Your resumes would take ${mb(total)} MB, more than the ${mb(config.RESUME_MAX_TOTAL_BYTES)} MB we keep per account. ${deleteOne}`,
    );
  }
}

export async function saveResume(
  ctx: Pick<AppContext, 'db' | 'files' | 'config'>,
  userId: string,
  upload: Upload,
): Promise<Resume> {
  const type = detectDocumentType(upload.bytes);
  if (!type) {
    throw new AppError(
      'unsupported_media_type',
      'Only PDF and Word (.docx) resumes are accepted, and this file is neither (its content was checked, not its name). Export your resume as PDF or DOCX and upload that.',
    );
  }
  const id = randomUUID();
  const stored = await ctx.files.put(`resumes/${userId}/${id}.${type.extension}`, upload.bytes, type.mime);
  try {
    return await ctx.db.prisma.$transaction(async (tx) => {
      await checkResumeLimits(tx, ctx.config, userId, upload.bytes.length);
      await tx.resume.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
      return tx.resume.create({
        data: {
          id,
          userId,
          fileName: resumeFileName(upload.originalName, type.extension),
          mime: type.mime,
          isDefault: true,
          ...stored,
        },
      });
    });
  } catch (err) {
    await ctx.files.remove(stored.storagePath);
    throw err;
  }
}

/** Deletes one of the user's resumes, record and file; the newest left becomes the default. */
export async function deleteResume(
  ctx: Pick<AppContext, 'db' | 'files'>,
  userId: string,
  resumeId: string,
): Promise<boolean> {
  const deleted = await ctx.db.prisma.$transaction(async (tx) => {
    const resume = await tx.resume.findFirst({ where: { id: resumeId, userId } });
    if (!resume) return null;
    await tx.resume.delete({ where: { id: resume.id } });
    if (resume.isDefault) {
      const newest = await tx.resume.findFirst({ where: { userId }, orderBy: { createdAt: 'desc' } });
      if (newest) await tx.resume.update({ where: { id: newest.id }, data: { isDefault: true } });
    }
    return resume;
  });
  // The file goes once no record points at it; a crash in between leaves only an orphan file.
  if (deleted) await ctx.files.remove(deleted.storagePath);
  return deleted !== null;
}

export function defaultResume(db: Queryable, userId: string): Promise<Resume | null> {
  return db.resume.findFirst({ where: { userId, isDefault: true }, orderBy: { createdAt: 'desc' } });
}

/** The name shown and sent to forms: the client's name without any path, control or bidi characters,
 * ending in the extension of what the file really is. */
function resumeFileName(originalName: string, extension: string): string {
  const base = (originalName.split(/[\\/]/).at(-1) ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    // Bidi controls make "cv\u202Efdp.exe" read as "cvexe.pdf": they are removed too.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\.(pdf|docx?)$/i, '')
    .trim()
    .slice(0, 150);
  return `${base || 'resume'}.${extension}`;
}
