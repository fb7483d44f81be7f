// A user's resumes: stored only when the bytes really are a PDF or DOCX; the newest upload becomes
// the default one that applications send.
import { randomUUID } from 'node:crypto';
import type { Queryable, Resume } from '@jobswipe/db';
import type { AppContext } from '../context.ts';
import { detectDocumentType } from '../files/document-type.ts';
import type { Upload } from '../files/upload.ts';
import { AppError } from '../http/errors.ts';

export const RESUME_ACCEPTED = 'a PDF or Word (.docx) resume';

export async function saveResume(
  ctx: Pick<AppContext, 'db' | 'files'>,
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
