// Reads a job's application form from its page, for jobs whose ATS publishes no questions (Lever,
// Ashby, careers pages, Workday): the engine's own field discovery, run in the page as rendered,
// never data a page embeds for its scripts. A scan never submits and posts nothing: every request
// but GET and HEAD is aborted before it leaves the browser, and the only clicks are on "Apply"
// links and buttons that lead to the form. Every request goes out through the egress proxy (the
// address check). Steps behind an account or a validating POST (Workday) stay unseen: the scan
// says the form is incomplete, and the first real application fills them in.

import { newApplicationContext } from '@jobswipe/automations/runner/browser';
import { callCore, formFrame } from '@jobswipe/automations/runner/page-core';
import { type FieldType, type FormQuestion, normalizeQuestion } from '@jobswipe/protocol';
import type { Browser, Frame, Page } from 'playwright-core';
import type { EgressSession } from '../../egress/egress-proxy.ts';

export interface ScannedForm {
  questions: FormQuestion[];
  /** False when the form goes on behind an account or a step the scan may not take. */
  complete: boolean;
  /** Requests the scan refused to send (anything but GET/HEAD): what a submit would have posted. */
  refusedPosts: number;
}

interface SeenField {
  label: string;
  hints: string;
  type: FieldType;
  required: boolean;
  options: string[];
}

interface SeenPage {
  fields: SeenField[];
  /** The page asks for a password (a sign-in or create-account wall). */
  account: boolean;
  /** Links and buttons that lead to the form ("Apply", "Apply Manually"), by index among `a, button`. */
  applyControls: number[];
}

const LOAD_TIMEOUT_MS = 20_000;
/** Clicks on "Apply" controls before the scan settles for what it sees. */
const MAX_HOPS = 3;

/** In the page: the fields the engine would fill (not a sign-in form, not a search box), and the ways onward. */
function seePage(): SeenPage {
  const core = globalThis.__jobswipeCore!;
  const fields = core
    .discoverFields()
    .filter((f) => {
      const form = f.element.closest('form');
      if (form?.querySelector('input[type="password"]')) return false;
      return !(f.element.getAttribute('type') === 'search' || f.element.getAttribute('role') === 'searchbox');
    })
    .map((f) => ({
      label: f.label,
      hints: f.hints.trim(),
      type: f.type,
      required: f.required,
      options: f.options.map((o) => o.label),
    }));
  const controls = Array.from(document.querySelectorAll('a, button'));
  const applyControls = controls.flatMap((el, i) =>
    /^\s*apply( now| for this job| manually)?\s*$/i.test(el.textContent ?? '') &&
    (el as HTMLElement).offsetParent !== null &&
    (el as HTMLButtonElement).type !== 'submit'
      ? [i]
      : [],
  );
  return { fields, account: !!document.querySelector('input[type="password"]'), applyControls };
}

async function look(page: Page, current?: Frame): Promise<{ frame: Frame; seen: SeenPage }> {
  const frame = await formFrame(page, current);
  return { frame, seen: await callCore(page, frame, seePage, null) };
}

function toQuestion(f: SeenField): FormQuestion {
  const label = f.label || f.hints.split(' ')[0] || 'Unlabelled field';
  const yesNo =
    f.options.length === 2 &&
    f.options
      .map((o) => normalizeQuestion(o))
      .sort()
      .join() === 'no,yes';
  return {
    key: normalizeQuestion(label),
    label,
    type: yesNo && f.type !== 'checkbox_group' ? 'yes_no' : f.type,
    ...(f.options.length ? { options: f.options } : {}),
    required: f.required,
    hints: f.hints.toLowerCase().slice(0, 1_000),
    step: 0,
  };
}

export async function scanForm(
  browser: Browser,
  egress: Pick<EgressSession, 'settings'>,
  url: string,
  signal?: AbortSignal,
): Promise<ScannedForm> {
  const context = await newApplicationContext(browser, egress.settings);
  let refusedPosts = 0;
  const abort = () => void context.close().catch(() => {});
  signal?.addEventListener('abort', abort, { once: true });
  try {
    // Nothing but reading leaves the browser: a submit, a validating POST, an XHR that saves.
    await context.route('**/*', (route) => {
      const method = route.request().method();
      if (method === 'GET' || method === 'HEAD') return route.continue();
      refusedPosts++;
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(LOAD_TIMEOUT_MS);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    let { frame, seen } = await look(page);
    for (let hop = 0; hop < MAX_HOPS && !seen.fields.length && !seen.account && seen.applyControls.length; hop++) {
      const target = frame.locator('a, button').nth(seen.applyControls[0]!);
      await target.click({ timeout: 5_000 }).catch(() => {});
      await page.waitForLoadState('domcontentloaded').catch(() => {});
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      ({ frame, seen } = await look(page, frame));
    }
    const byKey = new Map<string, FormQuestion>();
    for (const q of seen.fields.map(toQuestion)) if (q.key && !byKey.has(q.key)) byKey.set(q.key, q);
    // A wizard's first page leads on with Next/Continue: its later steps are not seen.
    const wizard = await frame
      .getByRole('button', { name: /^(next|continue|save and continue)$/i })
      .count()
      .catch(() => 0);
    return {
      questions: [...byKey.values()],
      complete: !seen.account && wizard === 0 && byKey.size > 0,
      refusedPosts,
    };
  } finally {
    signal?.removeEventListener('abort', abort);
    await context.close().catch(() => {});
  }
}
