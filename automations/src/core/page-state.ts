// Reading what the page says about the application: confirmation and "already applied" notices,
// CAPTCHAs and bot walls, login walls, closed postings, and validation errors. Adapters add their
// ATS's own markers to these common ones.
import { deepElements, deepQueryAll, frameDocument, isVisible, pageText, textOf } from './dom.ts';

export interface Markers {
  /** Selectors whose visible presence means the application went through. */
  successSelectors: string[];
  /** Paths a site moves to after a successful submit. */
  successUrls: RegExp[];
  successText: RegExp[];
  alreadyAppliedText: RegExp[];
  errorSelectors: string[];
}

export const COMMON_MARKERS: Markers = {
  successSelectors: ['[data-confirmation]', '#application_confirmation', '.application-confirmation'],
  successUrls: [/\/(thank[-_]?you|thanks|confirmation|application[-_]?(submitted|received|complete))\/?$/i],
  successText: [
    /thank(s| you) for (applying|your application|submitting)/i,
    /(application|submission) (has been |was |is )?(successfully )?(submitted|received)/i,
    /we(’|')?ve received your application/i,
    /your application (is|has been) (on its way|sent|submitted|received)/i,
    // "Your application for Application Developer II has been submitted successfully."
    /your application for .{1,120}? (has been|was) (successfully )?(submitted|received|sent)/i,
  ],
  alreadyAppliedText: [
    /you(’|')?ve already applied/i,
    /you have already (applied|submitted)/i,
    /already (submitted )?an application/i,
    /application (for this (job|position|role) )?already exists/i,
  ],
  errorSelectors: [
    '[role="alert"]',
    '[aria-live="assertive"]',
    '.error',
    '.errors',
    '.field-error',
    '.error-message',
    '.invalid-feedback',
    '.error-summary',
    '[data-automation-id="errorMessage"]',
    '[id$="-error"]',
    '[id$="_error"]',
  ],
};

const CAPTCHA_SELECTORS = [
  'iframe[src*="recaptcha"]',
  'iframe[src*="hcaptcha"]',
  'iframe[src*="turnstile"]',
  'iframe[title*="captcha" i]',
  '.g-recaptcha',
  '.h-captcha',
  '.cf-turnstile',
  '[data-sitekey]',
  '[data-captcha]',
  '#captcha',
  '.captcha',
];
const BOT_WALL_TEXT = [
  /verify(ing)? (that )?you are (a )?human/i,
  /checking (if the site connection is secure|your browser)/i,
  /are you a robot/i,
  /press (&|and) hold/i,
  /unusual traffic/i,
  /access denied/i,
  /please complete the (security )?check/i,
];
const CLOSED_TEXT = [
  /no longer (accepting|taking) applications/i,
  /(job|position|posting|role|requisition) (is )?no longer (available|open|active)/i,
  /(this|the) (job|position|posting) (has been|is|was) (closed|filled|removed)/i,
  /position has been filled/i,
  /job (not found|does not exist)/i,
  /page (you are looking for )?(could not be|can(no|')t be|was not) found/i,
];
const LOGIN_TEXT = [
  /sign in to (apply|continue)/i,
  /log ?in to (apply|continue)/i,
  /(please )?(sign|log) ?in (to|before) (you can )?(apply|submit|view)/i,
  /you must be (signed|logged) in/i,
  /create an account to apply/i,
];

export type Blocker =
  | { kind: 'blocked'; message: string }
  | { kind: 'expired'; message: string }
  | { kind: 'login_required'; message: string };

/** The line that matches one of `patterns`, with the two lines after it (a reference number). */
function firstMatch(text: string, patterns: RegExp[], extraLines = 0): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const start = text.lastIndexOf('\n', m.index) + 1;
    const lines = text
      .slice(start)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines
      .slice(0, 1 + extraLines)
      .join(' ')
      .slice(0, 300);
  }
  return null;
}

/** A confirmation ("Thank you for applying") or "already applied" notice, with its text. */
export function confirmation(doc: Document, markers: Markers): { text: string; already: boolean } | null {
  const text = pageText(doc);
  const already = firstMatch(text, markers.alreadyAppliedText);
  if (already) return { text: already, already: true };
  for (const selector of markers.successSelectors) {
    const el = deepQueryAll(selector, doc).find(isVisible);
    if (el) return { text: textOf(el).slice(0, 300) || selector, already: false };
  }
  const success = firstMatch(text, markers.successText, 2);
  if (success) return { text: success, already: false };
  // The page, or the frame the form was in (iCIMS frames it; the frame alone moves to its thank-you page).
  const frames = deepElements(doc)
    .filter((el) => el.tagName === 'IFRAME' && isVisible(el))
    .map((el) => frameDocument(el as HTMLIFrameElement));
  const moved = [doc, ...frames].find(
    (d): d is Document => !!d && markers.successUrls.some((re) => re.test(d.location.pathname)),
  );
  return moved ? { text: `${moved.title} (${moved.location.pathname})`.trim(), already: false } : null;
}

/** Smaller than this, a CAPTCHA frame is a badge or an invisible widget's anchor, not a challenge. */
const CHALLENGE_MIN_PX = 40;

/**
 * A CAPTCHA the page shows: a visible challenge or checkbox frame, or a container holding one.
 * Invisible widgets (Lever renders an invisible hCaptcha on every posting), empty containers and
 * the reCAPTCHA v3 badge ask nothing of anyone and are not a block.
 */
function shownChallenge(el: Element): boolean {
  if (!isVisible(el)) return false;
  if (/invisible/i.test(`${el.getAttribute('data-size') ?? ''} ${el.getAttribute('src') ?? ''}`)) return false;
  if (el.closest('.grecaptcha-badge,[data-size="invisible"]')) return false;
  const frames = el.tagName === 'IFRAME' ? [el] : Array.from(el.querySelectorAll('iframe'));
  const shown = frames.some((f) => {
    if (!isVisible(f) || /invisible/i.test(f.getAttribute('src') ?? '')) return false;
    const rect = f.getBoundingClientRect();
    return rect.width >= CHALLENGE_MIN_PX && rect.height >= CHALLENGE_MIN_PX;
  });
  if (shown) return true;
  // A container without a frame is a challenge only when it asks something (an image, a prompt).
  if (el.tagName === 'IFRAME') return false;
  const rect = el.getBoundingClientRect();
  const asks = textOf(el) !== '' || !!el.querySelector('img,canvas,input');
  return asks && rect.width >= CHALLENGE_MIN_PX && rect.height >= CHALLENGE_MIN_PX;
}

/** What stops an application before the form: CAPTCHA, bot wall, closed posting, login wall. */
export function blocker(doc: Document, hasApplicationFields: boolean): Blocker | null {
  const captcha = CAPTCHA_SELECTORS.flatMap((s) => deepQueryAll(s, doc)).find(shownChallenge);
  if (captcha)
    return { kind: 'blocked', message: 'A CAPTCHA challenge must be solved before this form can be submitted.' };
  const text = pageText(doc);
  const wall = firstMatch(text, BOT_WALL_TEXT);
  if (wall && !hasApplicationFields)
    return { kind: 'blocked', message: `A bot check stands in front of the posting: "${wall}"` };
  const closed = firstMatch(text, CLOSED_TEXT);
  if (closed && !hasApplicationFields) return { kind: 'expired', message: `The posting is closed: "${closed}"` };
  const hasPassword = deepQueryAll('input[type="password"]', doc).some(isVisible);
  const login = firstMatch(text, LOGIN_TEXT);
  if ((login || hasPassword) && !hasApplicationFields) {
    return {
      kind: 'login_required',
      message: login ? `The site asks to sign in: "${login}"` : 'The site shows a sign-in form.',
    };
  }
  return null;
}

/**
 * What a page says when it refuses a submit in a banner or a toast that no error selector marks
 * (Workable's "Please fill in all required fields", BambooHR's "Some required fields are
 * missing"). Read only after the final click: before it, such words may be an instruction.
 */
const REFUSAL_TEXT = [
  /\bplease (fill|complete) (in |out )?(all )?(of )?(the )?(required|mandatory) (fields|information|questions)\b/i,
  /\b(some |one or more )?(required|mandatory) (fields?|questions?|information) (is |are )?(missing|empty|incomplete|not (filled|answered|completed))\b/i,
  /\bplease (correct|fix|review|check) the (errors?|highlighted|marked|invalid|following)\b/i,
  /\b(enter|provide) a valid e-?mail\b/i,
  /\b(accept|agree to|consent to) (the|our) (privacy|terms|data)\b.{0,40}\bto (continue|proceed|apply|submit)\b/i,
  /\bthere (was|were|are|is) (a |an |some )?(problems?|errors?|issues?) with (your|the) (application|submission|form)\b/i,
  /\b(form|application) (contains|has) (some )?errors\b/i,
];

/** Lines of the page that refuse the last submit (see REFUSAL_TEXT). */
export function refusalText(doc: Document): string[] {
  const lines = pageText(doc)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l.length < 300);
  return [...new Set(lines.filter((l) => REFUSAL_TEXT.some((re) => re.test(l))))];
}

/** Visible validation messages: inline errors, error summaries, and fields marked aria-invalid. */
export function validationErrors(doc: Document, markers: Markers): string[] {
  const messages = new Set<string>();
  for (const el of markers.errorSelectors.flatMap((s) => deepQueryAll(s, doc))) {
    if (!isVisible(el)) continue;
    const text = textOf(el);
    if (text && text.length < 400) messages.add(text);
  }
  for (const el of deepElements(doc)) {
    if (el.getAttribute('aria-invalid') !== 'true' || !isVisible(el)) continue;
    const describedBy = el.getAttribute('aria-describedby') ?? el.getAttribute('aria-errormessage');
    const described = describedBy
      ?.split(/\s+/)
      .map((id) => textOf((el.getRootNode() as Document).getElementById?.(id)))
      .filter(Boolean)
      .join(' ');
    if (described) messages.add(described);
  }
  return [...messages];
}
