// Which ATS hosts a form: from the URL (hosted boards have well-known hosts) and from the DOM
// (the markers each ATS's markup carries, also inside iframes and shadow roots, so a company
// careers page that embeds a Greenhouse form is recognised as Greenhouse).
import { deepElements } from '../core/dom.ts';

// Hosted boards by their domains (a host is one of them or a subdomain); a company's own careers
// site falls to the generic adapter. The extension asks for these hosts at install.
export const ATS_DOMAINS = {
  greenhouse: ['greenhouse.io'],
  lever: ['lever.co'],
  ashby: ['ashbyhq.com'],
  workday: ['myworkdayjobs.com', 'myworkday.com', 'workday.com'],
  smartrecruiters: ['smartrecruiters.com'],
  icims: ['icims.com'],
  workable: ['workable.com'],
} as const;

const escapeDots = (domain: string) => domain.replaceAll('.', '\\.');
const HOSTS = Object.fromEntries(
  Object.entries(ATS_DOMAINS).map(([kind, domains]) => [
    kind,
    new RegExp(`(^|\\.)(${domains.map(escapeDots).join('|')})$`),
  ]),
) as Record<keyof typeof ATS_DOMAINS, RegExp>;

/** Chrome match patterns of every supported ATS host (https, any subdomain). */
export const ATS_HOST_PATTERNS: string[] = Object.values(ATS_DOMAINS)
  .flat()
  .map((domain) => `https://*.${domain}/*`);

export type AtsKind = keyof typeof ATS_DOMAINS | 'generic';

/** The ATS a URL belongs to, or null for a host we do not know (a company's own site). */
export function detectAtsFromUrl(url: string | URL): AtsKind | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const byHost = Object.entries(HOSTS).find(([, re]) => re.test(host))?.[0];
  if (byHost) return byHost as AtsKind;
  if (parsed.searchParams.has('gh_jid')) return 'greenhouse';
  return null;
}

const DOM_RULES: Array<[AtsKind, string]> = [
  [
    'workday',
    '[data-automation-id="jobPostingPage"],[data-automation-id="applyFlowPage"],[data-automation-id^="workday"],[data-uxi-widget-type]',
  ],
  [
    'greenhouse',
    '#grnhse_app,#grnhse_iframe,[name^="job_application["],#application_form[action*="greenhouse"],.greenhouse-job-board,form.application--form,.job__header + .job__description',
  ],
  [
    'lever',
    '[name^="cards["],.lever-job-page,[data-qa="btn-apply-bottom"],.postings-btn-wrapper,[data-qa="posting-name"]',
  ],
  ['ashby', '[name^="_systemfield_"],.ashby-application-form-container,[class*="ashby-job-posting"]'],
  ['smartrecruiters', 'oc-root,sr-apply,[class*="smartrecruiters"]'],
  ['icims', '#icims_content_iframe,.iCIMS_MainWrapper,[class*="iCIMS_"]'],
  [
    'workable',
    '[data-ui="application-form"],[data-ui="job-application"],[data-ui="overview-apply-now"],[class*="workable"]',
  ],
];

/** SmartRecruiters builds its application from spl-* web components (open shadow roots). */
const isSmartRecruitersComponent = (el: Element) => el.tagName.startsWith('SPL-') || el.tagName.startsWith('OC-');

/** The ATS whose markers the page carries (top document, frames and shadow roots). */
export function detectAtsFromDom(doc: Document = document): AtsKind | null {
  const elements = deepElements(doc);
  for (const [kind, selector] of DOM_RULES) {
    if (elements.some((el) => el.matches(selector))) return kind;
  }
  if (elements.some(isSmartRecruitersComponent)) return 'smartrecruiters';
  const automationIds = elements.filter((el) => el.hasAttribute('data-automation-id')).length;
  return automationIds >= 5 ? 'workday' : null;
}

/** URL first (it cannot be spoofed by page content), then the DOM, else the generic adapter. */
export function detectAts(doc: Document = document, url: string = doc.location.href): AtsKind {
  return detectAtsFromUrl(url) ?? detectAtsFromDom(doc) ?? 'generic';
}
