// The step API a host loops over. Each call looks at the page as it is now and does one thing:
// fills this page and clicks Next, reports that only the final submit is left, or tells why it
// cannot go on. The core keeps no state between calls, so a host may re-inject it after every
// navigation (Playwright) or the extension's background may re-inject it into a new document.
import { normalizeQuestion } from '@jobswipe/protocol/questions';
import { sensitiveKindOf } from '@jobswipe/protocol/sensitive';
import { CONTROLS } from './accessible-name.ts';
import { NEXT, START, SUBMIT } from './adapters/generic.ts';
import { type Adapter, adapterFor } from './adapters/index.ts';
import { type Answer, consentToApply, decide } from './answer-policy.ts';
import { advance, type Control, clicksOnView, findControl, press, recentlyClicked } from './controls.ts';
import { currentValue, discoverFields } from './discover.ts';
import { isVisible, parentElement, settle, textOf } from './dom.ts';
import { fieldKey, isProfileKey } from './field-keys.ts';
import { driver, type FillValue, fillField } from './fill.ts';
import { isYesNo, matchOption, norm } from './option-match.ts';
import { blocker, COMMON_MARKERS, confirmation, type Markers, refusalText, validationErrors } from './page-state.ts';
import { compareReadBack } from './read-back.ts';
import { signIn } from './sign-in.ts';
import type {
  AutofillReport,
  DiscoveredField,
  FilledField,
  Mismatch,
  StepInput,
  StepResult,
  SubmitResult,
  Unanswered,
} from './types.ts';

/** Clicks on Next a page may ignore (each left alone for the grace period) before the step gives up. */
const IGNORED_CLICKS = 3;
/** Rounds of fill → settle → look again, for questions that appear once another is answered. */
const FILL_ROUNDS = 3;

/** The adapter's own markers first, then the common ones. */
function markersOf(adapter: Adapter): Markers {
  const own: Partial<Record<keyof Markers, Array<string | RegExp>>> = adapter.markers ?? {};
  const keys = Object.keys(COMMON_MARKERS) as Array<keyof Markers>;
  return Object.fromEntries(keys.map((k) => [k, [...(own[k] ?? []), ...COMMON_MARKERS[k]]])) as unknown as Markers;
}

function control(base: Control, own: Partial<Control> | undefined): Control {
  return { selectors: own?.selectors ?? base.selectors, text: own?.text ?? base.text };
}

/** The visible headings, which tell apart wizard steps that ask the same questions or none. */
function headings(doc: Document): string {
  return Array.from(doc.querySelectorAll('h1,h2,h3,[role="heading"]')).filter(isVisible).map(textOf).join('|');
}

/** Fields of the application itself: not a sign-in form's, not a site search box. */
function applicationFields(doc: Document): DiscoveredField[] {
  return discoverFields(doc).filter((f) => {
    const form = f.element.closest('form');
    // A password box the page hides (shown later to returning candidates) does not make it a sign-in form.
    if (form && Array.from(form.querySelectorAll('input[type="password"]')).some(isVisible)) return false;
    return !(f.element.getAttribute('type') === 'search' || f.element.getAttribute('role') === 'searchbox');
  });
}

/** True when an error message sits next to the field (its own container) or it is aria-invalid. */
function isInvalid(f: DiscoveredField, errorSelectors: string[]): boolean {
  if (f.element.getAttribute('aria-invalid') === 'true') return true;
  let container: Element | null = f.element;
  for (let i = 0; i < 3 && container; i++) container = parentElement(container);
  const selector = errorSelectors.join(',');
  return !!container && Array.from(container.querySelectorAll(selector)).some((e) => isVisible(e) && textOf(e) !== '');
}

function alreadyHolds(f: DiscoveredField, answer: Answer): boolean {
  const now = currentValue(f);
  const value = answer.value;
  if (f.widget === 'file') return typeof value === 'object' && !Array.isArray(value) && now.includes(value.name);
  if (f.widget === 'checkbox') return (now === 'true') === (value === true || /^(yes|true)$/i.test(String(value)));
  if (!now) return false;
  if (f.widget === 'date_parts') return compareReadBack(value, { widget: f.widget, type: f.type, value: now }).ok;
  if (f.widget === 'text' || f.widget === 'date') return norm(now) === norm(String(value));
  if (typeof value === 'object') return false;
  return matchOption([now], value) !== null;
}

/** The question as the user is asked it: its type and options kept (a Yes/No select is yes/no). */
function questionOf(f: DiscoveredField, sensitive: boolean): Unanswered {
  const label = f.label || f.hints.split(' ')[0] || 'Unlabelled field';
  const options = f.options.map((o) => o.label);
  const type = isYesNo(options) && f.type !== 'checkbox_group' ? 'yes_no' : f.type;
  const q: Unanswered = { key: normalizeQuestion(label), label, type, required: f.required, sensitive };
  if (options.length) q.options = options;
  return q;
}

/** A wrapper's class that says the field inside is wrong (BambooHR's `fab-FormField--error`, `has-error`). */
const ERROR_CLASS = /(^|\s)(has-error|is-invalid|invalid|error)(\s|$)|--(error|invalid)\b|\b\w*-(error|invalid)(\s|$)/i;

/** Visible text of the elements `ids` names (aria-describedby, aria-errormessage). */
function describedText(el: Element, attr: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return (el.getAttribute(attr) ?? '')
    .split(/\s+/)
    .map((id) => (id ? root.getElementById?.(id) : null))
    .filter((e): e is HTMLElement => !!e && isVisible(e))
    .map(textOf)
    .join(' ')
    .trim();
}

/** An error summary's link to this field ("<a href="#email">Email is required</a>"). */
function summaryLinksTo(f: DiscoveredField, errorSelectors: string[]): boolean {
  const ids = [f.element, ...f.options.map((o) => o.element)].map((e) => e.id).filter(Boolean);
  if (!ids.length) return false;
  const doc = f.element.ownerDocument;
  return Array.from(doc.querySelectorAll(errorSelectors.map((s) => `${s} a[href^="#"]`).join(','))).some(
    (a) => isVisible(a) && ids.includes(decodeURIComponent((a.getAttribute('href') ?? '').slice(1))),
  );
}

/**
 * The page marks this very field wrong: aria-invalid, an error message it is described by, the
 * browser's own `:invalid` on a control it checked, an error summary's link to it, or an error
 * (text or class) on a wrapper holding it alone. Asked only while the page shows a refusal.
 */
function marksThisField(f: DiscoveredField, errorSelectors: string[]): boolean {
  const own: Element[] = [f.element, ...f.options.map((o) => o.element)];
  if (own.some((el) => el.getAttribute('aria-invalid') === 'true')) return true;
  if (own.some((el) => describedText(el, 'aria-errormessage') !== '')) return true;
  if (
    own.some((el) =>
      /\b(required|invalid|missing|must|please|enter a|select a)\b/i.test(describedText(el, 'aria-describedby')),
    )
  )
    return true;
  if (own.some((el) => el.matches('input:invalid,select:invalid,textarea:invalid') && isVisible(f.element)))
    return true;
  if (summaryLinksTo(f, errorSelectors)) return true;
  const selector = errorSelectors.join(',');
  for (let node = parentElement(f.element), level = 0; node && level < 3; node = parentElement(node), level++) {
    if (Array.from(node.querySelectorAll(CONTROLS)).some((c) => !own.some((o) => o === c || o.contains(c)))) break;
    if (ERROR_CLASS.test(node.getAttribute('class') ?? '')) return true;
    if (Array.from(node.querySelectorAll(selector)).some((e) => isVisible(e) && textOf(e) !== '')) return true;
  }
  return false;
}

/** Errors the page shows now; after a submit also a refusal said only in a banner or a toast. */
function shownErrors(doc: Document, markers: Markers, afterSubmit: boolean): string[] {
  const errors = validationErrors(doc, markers);
  return afterSubmit ? [...new Set([...errors, ...refusalText(doc)])] : errors;
}

/**
 * The form's refusal, with the fields it marks as wrong as questions for the user. A refusal that
 * marks no field ("Please fill in all required fields") names the fields still empty: the ones
 * nothing answered, which the page wants.
 */
function refused(doc: Document, markers: Markers, errors: string[], ats: string): StepResult {
  const fields = applicationFields(doc);
  const marked = fields.filter((f) => marksThisField(f, markers.errorSelectors));
  const named = marked.length
    ? marked.map((f) => ({ ...f, required: true }))
    : fields.filter((f) => !currentValue(f) && !(f.widget === 'checkbox' && !f.required));
  const questions = named.map((f) => questionOf(f, sensitiveKindOf(f.label) !== null));
  return { status: 'invalid', errors, ats, ...(questions.length ? { questions } : {}) };
}

interface FillReport {
  filled: FilledField[];
  unanswered: Unanswered[];
  /** How many fields this call wrote (not counting those that already held their answer). */
  changed: number;
  /** What each field written or kept was meant to hold, by label, for the read-back. */
  intended: Map<string, FillValue>;
}

/** The switch of an "Attach or enter manually" slot that shows a box to type in. */
const TYPE_INSTEAD = /^(or )?(enter|type|write|paste)( it)?( manually| here| instead)?$/i;

/**
 * A cover-letter slot that takes a file or typed text ("Attach or enter manually"), when only the
 * text is at hand: clicks the switch next to it (the nearest one that belongs to this slot alone,
 * not the resume's beside it), so the next round fills the box it shows. True when clicked.
 */
async function typeCoverLetterInstead(f: DiscoveredField, input: StepInput): Promise<boolean> {
  if (f.widget !== 'file' || input.files.coverLetter) return false;
  if (!(input.coverLetterText ?? input.profile.coverLetter ?? '').trim()) return false;
  const key = fieldKey(f.label, f.hints, f.type, [], f.placeholder);
  if (!key || !isProfileKey(key) || key.key !== 'coverLetter') return false;
  for (let box = parentElement(f.element), i = 0; box && i < 3; box = parentElement(box), i++) {
    if (box.querySelectorAll('input[type="file"]').length > 1) return false;
    // Switched already (a second fill): the box is there to type in.
    if (Array.from(box.querySelectorAll('textarea')).some(isVisible)) return false;
    const toggle = Array.from(box.querySelectorAll<HTMLElement>('button,a,[role="button"]')).find(
      (b) => isVisible(b) && TYPE_INSTEAD.test(textOf(b).trim()),
    );
    if (toggle) {
      await driver().click(toggle);
      return true;
    }
  }
  return false;
}

/** Fills every field it has an answer for; repeats while answering reveals new questions. */
async function fillPage(doc: Document, input: StepInput, markers: Markers): Promise<FillReport> {
  const filled = new Map<string, FilledField>();
  const unanswered = new Map<string, Unanswered>();
  const done = new Set<Element>();
  const intended = new Map<string, FillValue>();
  let changed = 0;
  for (let round = 0; round < FILL_ROUNDS; round++) {
    const fields = applicationFields(doc).filter((f) => !done.has(f.element));
    if (!fields.length) break;
    unanswered.clear();
    // A field the page marks wrong while it shows its errors is required, whatever its label
    // said; so is a box consenting to this application once a click was refused (Workable's
    // privacy notice box carries no marker at all; iCIMS's email step refuses its Next until the
    // privacy policy is accepted). A marketing opt-in never is.
    const refusing = shownErrors(doc, markers, input.submits > 0).length > 0;
    for (const field of fields) {
      done.add(field.element);
      const required =
        refusing &&
        (marksThisField(field, markers.errorSelectors) || (field.widget === 'checkbox' && consentToApply(field.label)));
      const f = required ? { ...field, required: true } : field;
      const { answer, sensitive } = decide(f, input);
      const invalid = input.submits > 0 && isInvalid(f, markers.errorSelectors);
      if (!answer) {
        if (await typeCoverLetterInstead(f, input)) {
          changed++;
          continue;
        }
        if (f.required && !currentValue(f)) unanswered.set(f.label, questionOf(f, sensitive));
        continue;
      }
      // A value the form refused is written another way on the next try (a phone's format).
      const alternates = answer.alternates ?? [];
      const value =
        invalid && alternates.length ? alternates[Math.min(input.submits, alternates.length - 1)]! : answer.value;
      if (!invalid && alreadyHolds(f, { ...answer, value })) {
        filled.set(f.label, { field: f.label, value: currentValue(f), source: answer.source, ref: answer.ref });
        intended.set(f.label, value);
        continue;
      }
      const result = await fillField(f, value);
      if (result.ok) changed++;
      if (result.ok) intended.set(f.label, value);
      if (result.ok)
        filled.set(f.label, { field: f.label, value: result.value, source: answer.source, ref: answer.ref });
      else if (f.required) unanswered.set(f.label, questionOf(f, sensitive));
    }
    await settle(doc, 120, 1_500);
  }
  return { filled: [...filled.values()], unanswered: [...unanswered.values()], changed, intended };
}

/**
 * Reads every control written back from the page and compares it with its answer; one that does
 * not hold it is filled once more, and what still differs is returned (the run stops before any
 * submit click).
 */
async function readBack(doc: Document, intended: Map<string, FillValue>): Promise<Mismatch[]> {
  const fields = applicationFields(doc);
  const mismatches: Mismatch[] = [];
  for (const [label, want] of intended) {
    // A field a later answer hid or removed is no longer part of the application. A file is read
    // from a file control, text from the others: an "Attach or enter manually" slot has both,
    // under one label.
    const file = typeof want === 'object' && !Array.isArray(want);
    const f = fields.find((x) => x.label === label && (x.widget === 'file') === file);
    if (!f) continue;
    const holds = () => compareReadBack(want, { widget: f.widget, type: f.type, value: currentValue(f) });
    if (holds().ok) continue;
    await fillField(f, want);
    await settle(doc, 120, 1_000);
    const again = holds();
    if (!again.ok) mismatches.push({ field: label, expected: again.expected, actual: again.actual });
  }
  return mismatches;
}

interface PageLook {
  adapter: Adapter;
  ats: Adapter['ats'];
  markers: Markers;
  fields: DiscoveredField[];
  /** An outcome the page already shows (confirmation, CAPTCHA, closed posting, login wall). */
  shown: StepResult | null;
}

/** The page as every entry point first reads it, once the DOM has settled. */
async function look(doc: Document): Promise<PageLook> {
  await settle(doc);
  const adapter = adapterFor(doc);
  const ats = adapter.ats;
  const markers = markersOf(adapter);
  const fields = applicationFields(doc);
  const confirmed = confirmation(doc, markers);
  const stop = confirmed ? null : blocker(doc, fields.length > 0);
  const shown: StepResult | null = confirmed
    ? { status: 'submitted', confirmation: confirmed.text, ats }
    : stop && { status: stop.kind, message: stop.message, ats };
  return { adapter, ats, markers, fields, shown };
}

/**
 * The required questions on this page that neither the user nor the profile answers, without
 * touching the page: a host may answer the non-sensitive ones (the AI fallback) before `step`
 * fills anything, so no typed personal value is on the page when a model reads it.
 */
export async function survey(input: StepInput, doc: Document = document): Promise<Unanswered[]> {
  const { fields } = await look(doc);
  return fields
    .filter((f) => f.required && !currentValue(f))
    .map((f) => ({ f, decision: decide(f, input) }))
    .filter(({ decision }) => !decision.answer)
    .map(({ f, decision }) => questionOf(f, decision.sensitive));
}

/**
 * An application form the user opened themselves, as the extension's autofill recognises it: at
 * least two application fields and a control that submits or leads on; null otherwise.
 */
export async function recognise(doc: Document = document): Promise<{ ats: string; fields: number } | null> {
  const { adapter, ats, fields, shown } = await look(doc);
  // The autofill runs in every web frame: a form in a framed web page is that frame's to offer,
  // not the page's around it (whose look sees into same-origin frames), or the user gets two buttons.
  const ours = (el: Element) => el.ownerDocument === doc || !/^https?:/.test(el.ownerDocument.URL);
  const own = fields.filter((f) => ours(f.element));
  if (shown || own.length < 2) return null;
  const leadsOn = findControl(doc, control(SUBMIT, adapter.submit)) ?? findControl(doc, control(NEXT, adapter.next));
  return leadsOn && ours(leadsOn.element) ? { ats, fields: own.length } : null;
}

/**
 * Fills every field of this page the answer policy answers and clicks nothing: the autofill on a
 * page the user opened, where the user reviews the form and submits it. Says what it filled and
 * which required questions it left to the user.
 */
export async function fill(input: StepInput, doc: Document = document): Promise<AutofillReport> {
  const { ats, markers } = await look(doc);
  const { filled, unanswered } = await fillPage(doc, input, markers);
  return { ats, filled, unanswered };
}

/** Looks at the page and takes the next step of the application. */
export async function step(input: StepInput, doc: Document = document): Promise<StepResult> {
  const { adapter, ats, markers, fields, shown } = await look(doc);
  if (shown?.status === 'login_required') return (await signIn(doc, input, ats)) ?? shown;
  if (shown) return shown;
  const special = await adapter.special?.(doc, input);
  if (special) return special;
  if (input.verifyOnly && adapter.provesNotApplied?.(doc)) {
    return { status: 'not_applied', message: 'The ATS offers the application form again: no application exists.', ats };
  }

  // What this page is: its address, headings and questions. A click that led on changes one of
  // them. The query and fragment are left out: servers that render a refused step again give it a
  // new token in the address, and wizards that move on change their questions or headings too.
  const view = `${doc.location.origin}${doc.location.pathname}#${headings(doc)}#${fields.map((f) => f.label).join('|')}`;
  const pending = (el: HTMLElement): StepResult | null =>
    recentlyClicked(el, view) && !validationErrors(doc, markers).length
      ? { status: 'waiting', message: 'The page has not responded to the last click yet.', ats }
      : null;
  if (!fields.length) {
    // An Apply already clicked here several times without effect is not clicked again: another
    // one may lead on (a second Apply lower on the posting re-opens the same menu).
    const tried = (el: Element) => clicksOnView(el, view, input.clicked) >= IGNORED_CLICKS;
    const start = findControl(doc, control(START, adapter.start), tried);
    if (start) {
      const wait = pending(start.element);
      if (wait) return wait;
      return advance(start.element, view, input, { action: `clicked "${start.label}"`, ats });
    }
  }
  // Verifying fills and submits nothing: the form being there says nothing either way.
  if (input.verifyOnly)
    return { status: 'unknown', message: 'No confirmation or "already applied" notice is shown.', ats };

  const { filled, unanswered, changed, intended } = await fillPage(doc, input, markers);
  if (unanswered.length) return { status: 'needs_user', questions: unanswered, filled, ats };
  const mismatches = await readBack(doc, intended);
  if (mismatches.length) return { status: 'mismatch', fields: mismatches, filled, ats };

  const next = findControl(doc, control(NEXT, adapter.next));
  if (next) {
    const wait = pending(next.element);
    if (wait) return wait;
    // Clicked on this very page before, by this core or by one injected into an earlier document:
    // refused with errors and nothing written differently, or clicked several times whatever was
    // written, the same click would be refused forever.
    const errors = validationErrors(doc, markers);
    const times = clicksOnView(next.element, view, input.clicked);
    if (times >= (errors.length && changed === 0 ? 1 : IGNORED_CLICKS)) {
      return refused(doc, markers, errors.length ? errors : [`the page did not move on after "${next.label}"`], ats);
    }
    return advance(next.element, view, input, { action: `clicked "${next.label}"`, ats, filled });
  }
  const submit = findControl(doc, control(SUBMIT, adapter.submit));
  if (submit) {
    const errors = input.submits > 0 ? shownErrors(doc, markers, true) : [];
    // Refilled after a refusal but nothing was written differently: the same click would fail again.
    if (errors.length && changed === 0) return refused(doc, markers, errors, ats);
    return { status: 'ready', filled, submitLabel: submit.label, ats };
  }
  const errors = validationErrors(doc, markers);
  if (errors.length) return refused(doc, markers, errors, ats);
  return { status: 'waiting', message: 'No form, confirmation or control to go on was found on this page.', ats };
}

/**
 * Clicks the final submit control (after the host recorded its pre-submit checkpoint), or with
 * `trustedClicks` says where the host must click it.
 */
export function submit(doc: Document = document, options: { trustedClicks?: boolean } = {}): SubmitResult {
  const adapter = adapterFor(doc);
  const found = findControl(doc, control(SUBMIT, adapter.submit));
  const click = found ? press(found.element, '', options.trustedClicks) : undefined;
  return { clicked: found?.label ?? null, ...(click ? { click } : {}) };
}

/** After a submit: the confirmation, the errors the form shows, a blocker, or nothing yet. */
export async function afterSubmit(doc: Document = document): Promise<StepResult> {
  const { ats, markers, shown } = await look(doc);
  if (shown) return shown;
  const errors = shownErrors(doc, markers, true);
  if (errors.length) return refused(doc, markers, errors, ats);
  return { status: 'waiting', message: 'No confirmation yet.', ats };
}
