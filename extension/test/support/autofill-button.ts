// The autofill button as the user meets it: it lives in a closed shadow root, which page scripts
// (and Playwright's locators) cannot enter, so the test finds it the way the browser's own tools
// do (CDP's DOM tree with shadow roots pierced), clicks it with the mouse where it is drawn and
// reads what its panel says.
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { STEP_MS, within } from './within.ts';

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  /** Name, value, name, value… */
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  /** A frame's document, when it runs in the page's process (same site). */
  contentDocument?: DomNode;
}

/** A rectangle on the page, in CSS pixels from the viewport's top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (node: DomNode): DomNode[] => [
  ...(node.shadowRoots ?? []),
  ...(node.contentDocument ? [node.contentDocument] : []),
  ...(node.children ?? []),
];

function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of inside(node)) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

function attribute(node: DomNode, name: string): string | undefined {
  const at = node.attributes?.indexOf(name) ?? -1;
  return at >= 0 && at % 2 === 0 ? node.attributes![at + 1] : undefined;
}

function text(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  // The shadow root's stylesheet is not text the user reads.
  if (node.localName === 'style') return '';
  return inside(node).map(text).join(' ');
}

/**
 * The button on `page`, or in `frame` when that frame is another site's (Chromium runs it in a
 * process of its own, which the page's CDP session does not see into).
 */
export async function autofillButton(page: Page, frame?: Frame) {
  const cdp = await within('opening a CDP session', page.context().newCDPSession(frame ?? page));
  // Where the frame is drawn on the page: the box model is in the frame's own coordinates.
  const offset = async () => {
    const box =
      frame &&
      (await within(
        'locating the frame',
        frame.frameElement().then((el) => el.boundingBox()),
      ));
    return box ?? { x: 0, y: 0 };
  };
  const host = async () => {
    const { root } = await within('reading the DOM', cdp.send('DOM.getDocument', { depth: -1, pierce: true }));
    return find(root as unknown as DomNode, (n) => n.localName === 'jobswipe-autofill');
  };
  /**
   * Where the fill button (or the panel's button named `name`: its label, or else its text) is
   * drawn on the page; null while it is not drawn (the panel folded away).
   */
  const bounds = async (name?: string | RegExp): Promise<Box | null> => {
    const h = await host();
    const says = (n: DomNode) => attribute(n, 'aria-label') ?? text(n).replace(/\s+/g, ' ').trim();
    const button =
      h &&
      find(
        h,
        (n) =>
          n.localName === 'button' && (typeof name === 'string' ? says(n) === name : (name ?? /^Fill/).test(says(n))),
      );
    if (!button) throw new Error(`no button ${name ?? 'to fill'} on the page`);
    const measured = await within(
      'measuring the button',
      cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId }).catch(() => null),
    );
    if (!measured) return null;
    const [x1, y1, , , x3, y3] = measured.model.content as number[];
    const { x, y } = await offset();
    return { x: x + x1!, y: y + y1!, width: x3! - x1!, height: y3! - y1! };
  };
  return {
    /** Whether the button is on the page. */
    shown: async () => (await host()) !== null,
    /** What the button and its panel say. */
    text: async () => {
      const h = await host();
      return h ? text(h).replace(/\s+/g, ' ').trim() : '';
    },
    bounds,
    /** Clicks the fill button (or the panel's button named `name`) with the mouse, as the user does. */
    async click(name?: string | RegExp) {
      let box = await bounds(name);
      const height = page.viewportSize()?.height ?? 0;
      if (box && height && box.y + box.height > height) {
        // Below the fold (the panel of a tall frame sits at the frame's bottom): the user scrolls down to it.
        await within('scrolling to the button', page.mouse.wheel(0, box.y + box.height - height + 40));
        await expect
          .poll(async () => ((await bounds(name))?.y ?? height) + box!.height <= height, { timeout: STEP_MS })
          .toBe(true);
        box = await bounds(name);
      }
      if (!box) throw new Error(`the button ${name ?? 'to fill'} is not drawn`);
      await within('clicking the button', page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    },
  };
}

/** The user fills the form on `page` with the button once it shows; the button, for what follows. */
export async function fillByButton(page: Page): Promise<Awaited<ReturnType<typeof autofillButton>>> {
  const button = await autofillButton(page);
  await expect.poll(() => button.shown(), { timeout: STEP_MS }).toBe(true);
  await button.click();
  await expect.poll(() => button.text(), { timeout: STEP_MS }).toContain('Check the form, then submit it yourself');
  return button;
}
