// The worker's side of the autofill on forms the user opens: the script is registered for every
// page (Chrome injects it only where the extension has host access: the supported ATS hosts, and
// sites the user granted) while the browser is paired and the user keeps autofill on. It answers
// the script: whether to offer the button (never in a tab the executor applies in, never on the
// JobSwipe site), what to fill with (the same profile, saved answers and resume the executor's work
// orders carry), and records the user's own submit as an application applied by hand.
import type { StepInput } from '@jobswipe/automations/core/types';
import { browser } from 'wxt/browser';
import type { TypedAnswer } from '../autofill/typed-answers.ts';
import type { AutofillReply, AutofillRequest } from './messages.ts';
import { deviceApi, downloadResume } from './server-api.ts';
import {
  type Credentials,
  credentialsItem,
  filledPagesItem,
  foldedPanelSitesItem,
  ownedTabsItem,
  settingsItem,
  siteAutofillItem,
  typedAnswersItem,
} from './stored.ts';

const SCRIPT_ID = 'autofill';
const SCRIPT_FILE = '/autofill.js';
const RESUME_TIMEOUT_MS = 30_000;

let syncing: Promise<void> = Promise.resolve();

/** Registers the autofill script when paired with autofill on, unregisters it otherwise (one call at a time). */
export function syncAutofillScript(): Promise<void> {
  syncing = syncing.then(sync, sync);
  return syncing;
}

async function sync(): Promise<void> {
  const [credentials, settings] = await Promise.all([credentialsItem.getValue(), settingsItem.getValue()]);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const wanted = credentials !== null && settings.autofill;
  // Registered by an earlier version (top frame only): registered again as this one wants it.
  const stale = registered.filter((s) => !s.allFrames);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (wanted && registered.length === stale.length) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [SCRIPT_FILE],
        matches: ['https://*/*', 'http://*/*'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!wanted && registered.length > stale.length) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

async function inputFor(credentials: Credentials, pageUrl: string): Promise<StepInput> {
  const materials = await deviceApi(credentials).autofill(pageUrl);
  const resume = materials.resumeUrl
    ? await downloadResume(materials.resumeUrl, materials.resumeFileName, AbortSignal.timeout(RESUME_TIMEOUT_MS))
    : null;
  return {
    profile: materials.profile,
    answers: materials.answers,
    files: { resume, coverLetter: null },
    coverLetterText: materials.profile.coverLetter,
    submits: 0,
    job: materials.job,
  };
}

async function offered(credentials: Credentials | null, tabId: number, url: string): Promise<boolean> {
  if (!credentials || !(await settingsItem.getValue()).autofill) return false;
  if (new URL(url).origin === credentials.server) return false;
  if ((await siteAutofillItem.getValue())[new URL(url).hostname] === false) return false;
  return !Object.values(await ownedTabsItem.getValue()).includes(tabId);
}

/** Answers the autofill script running in tab `tabId` on `url`. */
export async function answerAutofill(
  request: AutofillRequest,
  tabId: number,
  url: string,
): Promise<AutofillReply<AutofillRequest['type']>> {
  const credentials = await credentialsItem.getValue();
  const pages = await filledPagesItem.getValue();
  const key = String(tabId);
  switch (request.type) {
    case 'autofill.state':
      return {
        offer: await offered(credentials, tabId, url),
        filled: key in pages,
        folded: new URL(url).hostname in (await foldedPanelSitesItem.getValue()),
      };
    case 'autofill.input':
      if (!credentials) return { ok: false, error: 'This browser is not paired with JobSwipe any more.' };
      try {
        return { ok: true, input: await inputFor(credentials, url) };
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
    case 'autofill.filled':
      await filledPagesItem.setValue({ ...pages, [key]: request.page });
      return { ok: true };
    case 'autofill.siteOff':
      await siteAutofillItem.setValue({ ...(await siteAutofillItem.getValue()), [new URL(url).hostname]: false });
      return { ok: true };
    case 'autofill.fold': {
      const { [new URL(url).hostname]: _was, ...others } = await foldedPanelSitesItem.getValue();
      await foldedPanelSitesItem.setValue(request.folded ? { ...others, [new URL(url).hostname]: true } : others);
      return { ok: true };
    }
    case 'autofill.typed':
      await typedAnswersItem.setValue({ ...(await typedAnswersItem.getValue()), [key]: request.answers });
      return { ok: true };
    case 'autofill.saveAnswers':
      if (!credentials) return { ok: false, error: 'This browser is not paired with JobSwipe any more.' };
      try {
        const { answers } = await deviceApi(credentials).saveAnswers({ answers: request.answers });
        return { ok: true, saved: answers.length };
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
    case 'autofill.submitted': {
      const page = pages[key];
      if (!credentials || !page) return { ok: false, error: 'No form filled in this tab is waiting to be recorded.' };
      try {
        const recorded = await deviceApi(credentials).appliedByHand({
          url: page.url,
          title: page.title,
          company: page.company,
          atsKind: page.atsKind,
          confirmation: request.confirmation.slice(0, 2_000),
        });
        delete pages[key];
        await filledPagesItem.setValue(pages);
        return { ok: true, recorded, toSave: await takeTypedAnswers(key) };
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
    }
  }
}

/** The answers typed on the form a tab submitted, forgotten once handed out (offered once). */
async function takeTypedAnswers(key: string): Promise<TypedAnswer[]> {
  const { [key]: typed = [], ...others } = await typedAnswersItem.getValue();
  await typedAnswersItem.setValue(others);
  return typed;
}

/** A closed tab's filled form will not be submitted from it any more. */
export async function forgetFilledTab(tabId: number): Promise<void> {
  await takeTypedAnswers(String(tabId));
  const pages = await filledPagesItem.getValue();
  if (!(String(tabId) in pages)) return;
  delete pages[String(tabId)];
  await filledPagesItem.setValue(pages);
}
