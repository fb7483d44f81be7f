// Calling the in-page core from Playwright: the core runs in an isolated world of the frame
// (`isolated-world.ts`: nothing of ours is visible to the page's scripts), created when missing
// (every navigation gives a new document); pick the frame that holds the form (a cross-origin
// iframe the top page cannot see into), and retry a call a navigation interrupted. The core's
// gestures reach the page as trusted input (`trusted-input.ts`).
import type { Frame, Page } from 'playwright-core';
// Declares the `__jobswipeCore` global these calls reach into, for every program that imports this.
import type {} from '../core/install.ts';
import type { StepInput, StepResult, SubmitResult } from '../core/types.ts';
import { callIn, forgetWorld, WORLD_GONE, worldOf } from './isolated-world.ts';
import { performGesture } from './trusted-input.ts';

export { clickAt, offerFiles } from './trusted-input.ts';

/**
 * Runs `fn(arg)` in the frame's isolated world (it reaches the core as
 * `globalThis.__jobswipeCore`), creating the world first; after a navigation interrupted the
 * call, creates it again in the new document and retries. `fn` travels as its source, so a
 * page's CSP cannot refuse it.
 */
export async function callCore<A, R>(page: Page, frame: Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      const world = await worldOf(page, frame, (f, w, payload) => performGesture(page, f, w, payload));
      return (await callIn(world, fn.toString(), [arg])).value as R;
    } catch (err) {
      if (attempt >= 2 || !WORLD_GONE.test(String(err))) throw err;
      forgetWorld(page, frame);
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

export const coreAfterSubmit = (page: Page, frame: Frame): Promise<StepResult> =>
  callCore(page, frame, () => globalThis.__jobswipeCore!.afterSubmit(), null);
