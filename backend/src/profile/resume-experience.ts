// Work history and education read from a resume, for the user to confirm in onboarding: the text
// of the PDF (pdf.js through unpdf) or DOCX (mammoth), its "Experience" and "Education" sections,
// and in them the lines that carry a date range. A proposal only: nothing is saved until the user
// has corrected and confirmed it, because forms ask these as facts.
import { EducationEntry, type ResumeExperience, WorkEntry } from '@jobswipe/protocol';
import { extractRawText } from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentType } from '../files/document-type.ts';

/** The resume's plain text, one line per line of the document. */
export async function resumeText(bytes: Uint8Array, kind: DocumentType['kind']): Promise<string> {
  if (kind === 'docx') return (await extractRawText({ buffer: Buffer.from(bytes) })).value;
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(?:${MONTHS.join('|')})[a-z]*\\.?`;
const POINT = `(?:${MONTH}\\s+\\d{4}|\\d{1,2}/\\d{4}|\\d{4})`;
const RANGE = new RegExp(`(${POINT})\\s*(?:–|—|-|to)\\s*(${POINT}|present|current|now|today)`, 'i');
const SINGLE = new RegExp(`(${POINT})`, 'i');

const SECTION =
  /^\s*(work experience|professional experience|experience|employment( history)?|work history|career history|education|academic background|skills|projects|certifications|publications|awards|languages|interests|summary|profile|references|volunteer\w*)\s*:?\s*$/i;
const EXPERIENCE_SECTION = /experience|employment|work history|career history/i;
const EDUCATION_SECTION = /education|academic/i;
const TITLE_WORDS =
  /\b(engineer|developer|manager|analyst|designer|lead|director|intern|scientist|consultant|specialist|architect|officer|head|associate|coordinator|administrator|programmer|researcher|founder|president|vp|assistant|technician|accountant|editor|writer|teacher|nurse)\b/i;
const DEGREE =
  /\b(b\.?\s?sc?|b\.?\s?a|b\.?\s?eng|m\.?\s?sc?|m\.?\s?a|m\.?\s?eng|mba|ph\.?\s?d|bachelor\w*|master\w*|doctor\w*|associate\w* degree|diploma|a\.?\s?s)\b\.?/i;
const SCHOOL = /\b(university|college|institute|school|academy|polytechnic|universit[éä]t|hochschule)\b/i;

/** "Jun 2019", "06/2019", "2019" as YYYY-MM (January when only the year is known). */
function month(point: string): string | undefined {
  const text = point.toLowerCase().trim();
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (slash) return `${slash[2]}-${slash[1]!.padStart(2, '0')}`;
  const named = /^([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (named) {
    const index = MONTHS.indexOf(named[1]!.slice(0, 3));
    return index >= 0 ? `${named[2]}-${String(index + 1).padStart(2, '0')}` : undefined;
  }
  return /^\d{4}$/.test(text) ? `${text}-01` : undefined;
}

function sections(lines: string[]): Array<{ heading: string; lines: string[] }> {
  const out: Array<{ heading: string; lines: string[] }> = [];
  for (const line of lines) {
    if (SECTION.test(line)) out.push({ heading: line.trim(), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/** "Senior Engineer at Acme", "Acme — Senior Engineer", "Senior Engineer, Acme": which is the title. */
function titleAndCompany(text: string): { title: string; company: string } | null {
  const parts = text
    .split(/\s+(?:at|@)\s+|\s*[|,–—·]\s*|\s+-\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const titleIndex = parts.findIndex((p) => TITLE_WORDS.test(p));
  const t = titleIndex >= 0 ? titleIndex : 0;
  const c = parts.findIndex((_, i) => i !== t);
  return { title: parts[t]!, company: parts[c]! };
}

function workEntries(lines: string[]): WorkEntry[] {
  const entries: WorkEntry[] = [];
  lines.forEach((line, i) => {
    const range = RANGE.exec(line);
    if (!range) return;
    const rest = line
      .replace(range[0], '')
      .replace(/[(),|–—-]+\s*$/, '')
      .trim();
    // The header is the dated line, or the one or two lines above a line that holds only dates.
    const header = rest || [lines[i - 2], lines[i - 1]].filter(Boolean).join(' | ');
    const names = titleAndCompany(header);
    if (!names) return;
    const ongoing = /present|current|now|today/i.test(range[2]!);
    const parsed = WorkEntry.safeParse({
      ...names,
      start: month(range[1]!),
      ...(ongoing ? {} : { end: month(range[2]!) }),
      current: ongoing,
    });
    if (parsed.success) entries.push(parsed.data);
  });
  return entries;
}

function educationEntries(lines: string[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  lines.forEach((line, i) => {
    if (!SCHOOL.test(line)) return;
    const nearby = [line, lines[i + 1] ?? '', lines[i - 1] ?? ''];
    const degreeLine = nearby.find((l) => DEGREE.test(l));
    const school = line
      .split(/\s*[|,–—·]\s*|\s+-\s+/)
      .find((p) => SCHOOL.test(p))
      ?.trim();
    const range = nearby.map((l) => RANGE.exec(l)).find(Boolean);
    const single = range ? null : nearby.map((l) => SINGLE.exec(l)).find(Boolean);
    const degreeText = degreeLine
      ?.replace(RANGE, '')
      .replace(school ?? '', '')
      .trim();
    const [degree, field] = (degreeText ?? '').split(/\s+(?:in|of)\s+|,\s*/).map((s) => s.trim());
    const parsed = EducationEntry.safeParse({
      school,
      ...(degree ? { degree } : {}),
      ...(field ? { field } : {}),
      ...(range ? { start: month(range[1]!), end: month(range[2]!) } : {}),
      ...(single ? { end: month(single[1]!) } : {}),
    });
    if (parsed.success) entries.push(parsed.data);
  });
  return entries;
}

/** The work history and education a resume's text shows (empty lists when it shows none). */
export function experienceFromText(text: string): ResumeExperience {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const parts = sections(lines);
  const of = (re: RegExp) => parts.filter((s) => re.test(s.heading)).flatMap((s) => s.lines);
  return { workHistory: workEntries(of(EXPERIENCE_SECTION)), education: educationEntries(of(EDUCATION_SECTION)) };
}
