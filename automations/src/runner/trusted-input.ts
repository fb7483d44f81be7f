// The host half of trusted input: performs the gestures the in-page core asks for
// (`core/host-input.ts`) with Playwright's real input, so the page receives `isTrusted` events:
// the mouse at the element's centre (frame offsets added, a modifier held for a multi-select), the
// keyboard as Playwright's `fill` types (select all, insert the text) or key by key, and files through CDP's `DOM.setFileInputFiles`.
import { basename } from 'node:path';
import type { ElementHandle, Frame, Page } from 'playwright-core';
import type { HostRequest } from '../core/host-input.ts';
import type { ClickTarget } from '../core/types.ts';
import { callIn, type World } from './isolated-world.ts';

/** The applicant's files on disk by the name the core asks for, per page. */
const pageFiles = new WeakMap<Page, Map<string, string>>();

/** The files the page's core may attach (the resume, the cover letter), by their paths. */
export function offerFiles(page: Page, paths: Array<string | undefined>): void {
  pageFiles.set(page, new Map(paths.filter((p) => p !== undefined).map((p) => [basename(p), p])));
}

/**
 * A trusted click (Playwright's mouse: real input events, `isTrusted` true) where the core said,
 * its frame's offset in the page added.
 */
export async function clickAt(page: Page, frame: Frame, at: ClickTarget): Promise<void> {
  let x = at.x;
  let y = at.y;
  for (let f: Frame | null = frame; f && f !== page.mainFrame(); f = f.parentFrame()) {
    const box = await settledBox(await f.frameElement());
    if (!box) throw new Error("The form's frame is not on screen: it cannot be clicked.");
    x += box.x;
    y += box.y;
  }
  await page.mouse.click(x, y);
}

/** How long a frame's box must hold still before a click is aimed through it. */
const FRAME_STILL_MS = 40;

/**
 * Where a frame's element is once it stopped moving: scrolling a control into view inside a
 * cross-site frame scrolls the page around it too, in another process and a moment later.
 */
async function settledBox(frameElement: ElementHandle): Promise<Awaited<ReturnType<ElementHandle['boundingBox']>>> {
  let box = await frameElement.boundingBox();
  for (let i = 0; i < 10 && box; i++) {
    await new Promise((resolve) => setTimeout(resolve, FRAME_STILL_MS));
    const again = await frameElement.boundingBox();
    if (again && again.x === box.x && again.y === box.y) return again;
    box = again;
  }
  return box;
}

async function perform(page: Page, frame: Frame, world: World, request: HostRequest): Promise<void> {
  const { gesture } = request;
  const keys = page.keyboard;
  switch (gesture.kind) {
    case 'click':
      if (!gesture.modifier) return clickAt(page, frame, gesture);
      await keys.down(gesture.modifier);
      try {
        return await clickAt(page, frame, gesture);
      } finally {
        await keys.up(gesture.modifier);
      }
    case 'insert':
      await keys.press('ControlOrMeta+A');
      if (gesture.text) await keys.insertText(gesture.text);
      else await keys.press('Delete');
      return;
    case 'type':
      await keys.press('ControlOrMeta+A');
      await keys.press('Delete');
      return keys.type(gesture.text);
    case 'press':
      for (let i = 0; i < gesture.times; i++) await keys.press(gesture.key);
      return;
    case 'keys':
      for (const key of gesture.keys) await keys.press(key);
      return;
    case 'upload': {
      const path = pageFiles.get(page)?.get(gesture.name);
      if (!path) throw new Error(`No file named ${gesture.name} was offered.`);
      const element = await callIn(world, '(id) => globalThis.__jobswipeCore.hostElement(id)', [request.id], false);
      if (!element.objectId) throw new Error('The file input is gone.');
      await world.session.send('DOM.setFileInputFiles', { files: [path], objectId: element.objectId });
      await world.session.send('Runtime.releaseObject', { objectId: element.objectId }).catch(() => {});
      return;
    }
  }
}

/** Performs one request from the frame's core and answers it (with why, when it could not). */
export async function performGesture(page: Page, frame: Frame, world: World, payload: string): Promise<void> {
  const request = JSON.parse(payload) as HostRequest;
  let error: string | null = null;
  try {
    await perform(page, frame, world, request);
  } catch (err) {
    error = (err as Error).message || String(err);
  }
  await callIn(world, '(id, error) => globalThis.__jobswipeCore.hostAnswered(id, error)', [request.id, error]).catch(
    () => {},
  );
}
