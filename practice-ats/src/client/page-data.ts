// What a server-rendered shell hands its single-page form: read from a JSON script tag, the way
// real SPAs ship their initial state (window.__appData, __NEXT_DATA__...).
import type { FieldSpec } from '../spec/form-spec.ts';

export const PAGE_DATA_ID = '__PRACTICE_APP_DATA__';

export interface ClientPosting {
  title: string;
  company: string;
  location: string;
  department: string;
  employmentType: string;
  descriptionHtml: string;
}

export interface ClientPageData {
  posting: ClientPosting;
  fields: FieldSpec[];
  /** Where the form posts (multipart) and gets a JSON answer. */
  submitUrl: string;
  /** ATS-specific extras (Workday's steps, the candidate's email...). */
  extra?: Record<string, unknown>;
}

export function readPageData(): ClientPageData {
  const node = document.getElementById(PAGE_DATA_ID);
  if (!node?.textContent) throw new Error(`The page has no #${PAGE_DATA_ID} script.`);
  return JSON.parse(node.textContent) as ClientPageData;
}
