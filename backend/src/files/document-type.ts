// What kind of document a file really is, read from its bytes: the client's mime type and file
// extension are claims, not facts (a PNG renamed .pdf stays a PNG).
import { looksLikeZip, zipEntryNames } from './zip-entries.ts';

export interface DocumentType {
  kind: 'pdf' | 'docx';
  mime: string;
  extension: string;
}

const PDF: DocumentType = { kind: 'pdf', mime: 'application/pdf', extension: 'pdf' };
const DOCX: DocumentType = {
  kind: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};

const PDF_MAGIC = new TextEncoder().encode('%PDF-');

/** PDF (starts with "%PDF-") or DOCX (a ZIP holding word/document.xml); anything else is null. */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (PDF_MAGIC.every((byte, i) => bytes[i] === byte)) return PDF;
  if (looksLikeZip(bytes) && zipEntryNames(bytes)?.includes('word/document.xml')) return DOCX;
  return null;
}
