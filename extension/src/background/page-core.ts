// Calling the in-page core in a tab through chrome.scripting, as the Playwright runner does through
// evaluate: the core bundle (entrypoints/page-core.ts, the engine's own install.ts) is injected into
// a frame's isolated world when missing (every navigation gives a new document), the frame holding
// the form is picked (a cross-origin iframe the top page cannot see into), and a call a navigation
// interrupted is retried once the tab has loaded.
// Declares the `__jobswipeCore` global these calls reach into.
import type {} from '@jobswipe/automations/core/install';
import type { StepInput, StepResult, SubmitResult, Unanswered } from '@jobswipe/automations/core/types';
import { browser } from 'wxt/browser';

const CORE_FILE = '/page-core.js';
const INTERRUPTED = /frame|navigat|No tab|document|context|Cannot access|closed|removed|back\/forward/i;

/** Waits until the tab has finished loading (or `timeoutMs` passed). */
export async function tabLoaded(tabId: number, timeoutMs = 45_000): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  if (tab.status === 'complete') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      resolve();
    };
    const listener = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, timeoutMs);
    browser.tabs.onUpdated.addListener(listener);
    // It may have completed between the first look and the listener.
    void browser.tabs.get(tabId).then((t) => t.status === 'complete' && done(), done);
  });
}

/**
 * After a click: waits briefly for a navigation it may have started, then for its document. A
 * navigation that starts later is safe: the core leaves a control it clicked alone while waiting.
 */
export async function settleAfterClick(tabId: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const listener = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'loading') finish();
    };
    const finish = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      resolve();
    };
    const timer = setTimeout(finish, 250);
    browser.tabs.onUpdated.addListener(listener);
  });
  await tabLoaded(tabId);
}

async function run<A, R>(tabId: number, frameId: number, func: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: func as (arg: unknown) => unknown,
    args: [arg as unknown],
  });
  if (!result) throw new Error('The frame was removed before the script ran.');
  const failed = (result as { error?: unknown }).error;
  if (failed) throw new Error(String((failed as { message?: string }).message ?? failed));
  return result.result as R;
}

async function ensureCore(tabId: number, frameId: number): Promise<void> {
  const present = await run(tabId, frameId, () => typeof globalThis.__jobswipeCore === 'object', null);
  if (!present) await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CORE_FILE] });
}

/** Runs `fn(arg)` in the frame (it reaches the core as `globalThis.__jobswipeCore`), injecting the core first. */
export async function callCore<A, R>(
  tabId: number,
  frameId: number,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureCore(tabId, frameId);
      return await run(tabId, frameId, fn, arg);
    } catch (err) {
      if (attempt >= 2 || !INTERRUPTED.test(String(err))) throw err;
      await tabLoaded(tabId);
    }
  }
}

/**
 * The frame whose document holds the most application fields (the top one on a tie). When no
 * frame has any (a thank-you page), the frame the application was in (`current`) stays chosen.
 */
export async function formFrame(tabId: number, current?: number): Promise<number> {
  // One script in every frame says which frames there are (no webNavigation permission needed).
  const frames = await browser.scripting
    .executeScript({ target: { tabId, allFrames: true }, func: () => true })
    .catch(() => []);
  const ids = frames.map((f) => f.frameId).sort((a, b) => a - b);
  if (ids.length <= 1) return 0;
  const counts = await Promise.all(
    ids.map((id) =>
      callCore(tabId, id, () => globalThis.__jobswipeCore!.discoverFields().length, null).catch(() => -1),
    ),
  );
  let best = 0;
  for (let i = 1; i < counts.length; i++) if ((counts[i] ?? -1) > (counts[best] ?? -1)) best = i;
  if ((counts[best] ?? 0) <= 0 && current !== undefined && ids.includes(current)) return current;
  return ids[best] ?? 0;
}

export const coreStep = (tabId: number, frameId: number, input: StepInput): Promise<StepResult> =>
  callCore(tabId, frameId, (arg) => globalThis.__jobswipeCore!.step(arg), input);

export const coreSubmit = (tabId: number, frameId: number): Promise<SubmitResult> =>
  callCore(tabId, frameId, () => globalThis.__jobswipeCore!.submit(), null);

export const coreAfterSubmit = (tabId: number, frameId: number): Promise<StepResult> =>
  callCore(tabId, frameId, () => globalThis.__jobswipeCore!.afterSubmit(), null);

export const coreSurvey = (tabId: number, frameId: number, input: StepInput): Promise<Unanswered[]> =>
  callCore(tabId, frameId, (arg) => globalThis.__jobswipeCore!.survey(arg), input);
