// A posting as the jobs table stores it, and the text helpers every board source shares.
import type { Job } from '@jobswipe/db';
import type { FormQuestion } from '@jobswipe/protocol';
import { type Seniority, seniorityOf, skillsIn } from '@jobswipe/protocol/job-catalog';
import type { AddressCheck } from '../../egress/address-check.ts';
import { type CheckedResponse, checkedGet } from '../../egress/checked-get.ts';

/**
 * One row of the `jobs` table as an import writes it (unique by source + externalId), with the
 * form's questions where the board's API publishes them (Greenhouse). Seniority and skills are
 * read from the posting's own text when it is saved (`readFromText`), the same for every board.
 */
export type ImportedJob = Omit<Job, 'id' | 'closedAt' | 'createdAt' | 'updatedAt' | 'seniority' | 'skills'> & {
  questions?: FormQuestion[];
};

/** What the catalog reads from a posting's text: the level its title states and the skills it names. */
export function readFromText(job: { title: string; description: string; keyPoints: string[] }): {
  seniority: Seniority | null;
  skills: string[];
} {
  return {
    seniority: seniorityOf(job.title),
    skills: skillsIn([job.title, job.description, ...job.keyPoints].join('\n')),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of a posting's HTML: paragraphs and list items on their own lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<li[^>]*>/gi, '\n- ')
      .replace(/<\/(p|div|h[1-6]|ul|ol|li)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/** The first few list items of a posting: the bullet points a job card shows. */
export function keyPointsOf(html: string, max = 5): string[] {
  return [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)]
    .map((m) => htmlToText(m[1] ?? ''))
    .filter(Boolean)
    .slice(0, max);
}

export function isRemote(...texts: Array<string | null | undefined>): boolean {
  return texts.some((t) => t && /\bremote\b/i.test(t));
}

/** Fetches JSON past the address check, with an error that says what was asked and what came back. */
export async function fetchJson(check: AddressCheck, url: string, signal?: AbortSignal): Promise<unknown> {
  let response: CheckedResponse;
  try {
    response = await checkedGet(check, url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (err) {
    throw new Error(`Cannot reach ${url}: ${(err as Error).message}`);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${url} answered HTTP ${response.status}; check the board name and --base-url.`);
  }
  try {
    return JSON.parse(response.body);
  } catch {
    throw new Error(`${url} did not answer JSON; check --base-url.`);
  }
}
