// Receives one uploaded file from a multipart/form-data request, in memory and never larger than
// the limit, and turns every way an upload can be wrong into a clear 4xx.
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError } from '../http/errors.ts';

export interface UploadRules {
  /** The form field holding the file. */
  field: string;
  maxBytes: number;
  /** What is accepted, for error messages ("a PDF or DOCX resume"). */
  accepted: string;
}

export interface Upload {
  bytes: Buffer;
  originalName: string;
}

export function fileUpload(rules: UploadRules) {
  const middleware = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as raw UTF-8.
    defParamCharset: 'utf8',
    limits: { fileSize: rules.maxBytes, files: 1, fields: 10, parts: 11 },
  }).single(rules.field);
  const how = `Send ${rules.accepted} as multipart/form-data, in the form field "${rules.field}"`;

  return async function receive(req: Request, res: Response): Promise<Upload> {
    if (!req.is('multipart/form-data')) throw new AppError('unsupported_media_type', `${how}.`);
    const encoding = req.get('content-encoding');
    // The multipart reader takes the bytes as they come: a compressed body would be read as garbage.
    if (encoding && encoding.toLowerCase() !== 'identity') {
      throw new AppError(
        'validation_failed',
        `Content-Encoding "${encoding}" is not accepted on uploads. ${how}, uncompressed.`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      middleware(req, res, (err: unknown) => (err ? reject(uploadError(err, rules, how)) : resolve()));
    });
    if (!req.file) throw new AppError('validation_failed', `No file was sent. ${how}.`);
    if (req.file.size === 0) throw new AppError('validation_failed', `The file is empty. ${how}.`);
    return { bytes: req.file.buffer, originalName: req.file.originalname };
  };
}

function uploadError(err: unknown, rules: UploadRules, how: string): AppError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      return new AppError(
        'payload_too_large',
        `The file is too large: the limit is ${formatBytes(rules.maxBytes)}. ${how}, of at most that size.`,
      );
    }
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT') {
      return new AppError('validation_failed', `Unexpected file field "${err.field ?? ''}". ${how}, one file only.`);
    }
    return new AppError('validation_failed', `The upload was refused (${err.message}). ${how}.`);
  }
  return new AppError(
    'validation_failed',
    `The multipart body could not be read (${err instanceof Error ? err.message : String(err)}). ${how}.`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
