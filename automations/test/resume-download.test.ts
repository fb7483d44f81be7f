// The resume keeps the name the user gave it (employers see it), made safe for any file system.
import { expect, it } from 'vitest';
import { safeFileName } from '../src/runner/resume-download.ts';

it.each([
  ['Ada Lovelace – Résumé (final).pdf', 'Ada Lovelace – Résumé (final).pdf'],
  ['../../etc/passwd', 'passwd'],
  ['C:\\Users\\ada\\cv.docx', 'cv.docx'],
  ['what?<now>.pdf', 'what__now_.pdf'],
  ['.hidden.pdf', 'hidden.pdf'],
  ['...', 'resume.pdf'],
  [null, 'resume.pdf'],
])('%j → %j', (name, safe) => {
  expect(safeFileName(name)).toBe(safe);
});
