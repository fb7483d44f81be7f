// The job a form the user opened is for, read from the page: the title and company its ATS puts in
// the document's title, else the page's own heading and site name. The backend matches the job by
// the page's address first; these name a job it records from the page.

/** Title formats of the supported ATS (the company and job in one string). */
const TITLE_FORMATS: Array<{ ats: string; format: RegExp }> = [
  { ats: 'greenhouse', format: /^Job Application for (?<title>.+) at (?<company>.+)$/i },
  { ats: 'ashby', format: /^(?<title>.+) @ (?<company>.+)$/ },
  { ats: 'lever', format: /^(?<company>.+?) - (?<title>.+)$/ },
  { ats: 'workable', format: /^(?:Apply - )?(?<title>.+) - (?<company>.+)$/ },
  { ats: 'icims', format: /^(?<title>.+?)(?: in .+)? \| Careers at (?<company>.+)$/ },
];

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The site's name: og:site_name, else the host without "www." and its top-level domain. */
function siteName(doc: Document): string {
  const meta = clean(doc.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content);
  if (meta) return meta;
  const labels = doc.location.hostname.replace(/^www\./, '').split('.');
  return labels.length > 1 ? labels.slice(0, -1).join('.') : labels[0] || doc.location.host;
}

export function jobOfPage(doc: Document, ats: string): { title: string; company: string } {
  const pageTitle = clean(doc.title);
  for (const { format } of TITLE_FORMATS.filter((f) => f.ats === ats)) {
    const match = format.exec(pageTitle)?.groups;
    if (match?.title && match.company) return { title: clean(match.title), company: clean(match.company) };
  }
  const heading = clean(doc.querySelector('h1')?.textContent);
  return { title: (heading || pageTitle || 'Application').slice(0, 300), company: siteName(doc).slice(0, 200) };
}
