// Calling the in-page core from Playwright: inject the bundle into a frame when it is missing
// (every navigation gives a new document), pick the frame that holds the form (a cross-origin
// iframe the top page cannot see into), and retry a call a navigation interrupted.
import type { Frame, Page } from 'playwright-core';
// Declares the `__jobswipeCore` global these calls reach into, for every program that imports this.
import type {} from '../core/install.ts';
import type { ClickTarget, StepInput, StepResult, SubmitResult } from '../core/types.ts';
import { coreBundle } from './core-bundle.ts';

const INTERRUPTED = /Execution context was destroyed|navigat|Target closed|frame was detached|Cannot find context/i;

async function ensureCore(frame: Frame): Promise<void> {
  const present = await frame.evaluate(() => typeof globalThis.__jobswipeCore === 'object');
  if (!present) await frame.evaluate(await coreBundle());
}

/**
 * Runs `fn(arg)` in the frame (it reaches the core as `globalThis.__jobswipeCore`), injecting the
 * core first; retries after a navigation interrupted the call. Playwright serialises `fn` itself,
 * so a page's CSP cannot refuse it.
 */
export async function callCore<A, R>(page: Page, frame: Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureCore(frame);
      return (await frame.evaluate(fn as (arg: unknown) => R | Promise<R>, arg)) as R;
    } catch (err) {
      if (attempt >= 2 || !INTERRUPTED.test(String(err))) throw err;
      await page.waitForLoadState('domcontentloaded').catch(() => {});
    }
  }
}

/**
 * The frame whose document holds the most application fields (the top one on a tie). When no
 * frame has any (a thank-you page), the frame the application was in (`current`) stays chosen.
 */
export async function formFrame(page: Page, current?: Frame): Promise<Frame> {
  const main = page.mainFrame();
  const others = page.frames().filter((f) => f !== main && !f.isDetached());
  if (!others.length) return main;
  const frames = [main, ...others];
  const counts = await Promise.all(
    frames.map((frame) =>
      callCore(page, frame, () => globalThis.__jobswipeCore!.discoverFields().length, null).catch(() => -1),
    ),
  );
  let best = 0;
  for (let i = 1; i < counts.length; i++) if ((counts[i] ?? -1) > (counts[best] ?? -1)) best = i;
  if ((counts[best] ?? 0) <= 0 && current && !current.isDetached()) return current;
  return frames[best] ?? main;
}

export const coreStep = (page: Page, frame: Frame, input: StepInput): Promise<StepResult> =>
  callCore(page, frame, (arg) => globalThis.__jobswipeCore!.step(arg), input);

export const coreSubmit = (page: Page, frame: Frame, trustedClicks = false): Promise<SubmitResult> =>
  callCore(
    page,
    frame,
    (trusted) => globalThis.__jobswipeCore!.submit(document, { trustedClicks: trusted }),
    trustedClicks,
  );

/**
 * A trusted click (Playwright's mouse: real input events, `isTrusted` true) where the core said,
 * its frame's offset in the page added.
 */
export async function clickAt(page: Page, frame: Frame, at: ClickTarget): Promise<void> {
  let x = at.x;
  let y = at.y;
  for (let f: Frame | null = frame; f && f !== page.mainFrame(); f = f.parentFrame()) {
    const box = await (await f.frameElement()).boundingBox();
    if (!box) throw new Error("The form's frame is not on screen: it cannot be clicked.");
    x += box.x;
    y += box.y;
  }
  await page.mouse.click(x, y);
}

export const coreAfterSubmit = (page: Page, frame: Frame): Promise<StepResult> =>
  callCore(page, frame, () => globalThis.__jobswipeCore!.afterSubmit(), null);
