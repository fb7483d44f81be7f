// The autofill button as the user meets it: it lives in a closed shadow root, which page scripts
// (and Playwright's locators) cannot enter, so the test finds it the way the browser's own tools
// do (CDP's DOM tree with shadow roots pierced), clicks it with the mouse where it is drawn and
// reads what its panel says.
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const inside = (node: DomNode): DomNode[] => [...(node.shadowRoots ?? []), ...(node.children ?? [])];

function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of inside(node)) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
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
  const cdp = await page.context().newCDPSession(frame ?? page);
  // Where the frame is drawn on the page: the box model is in the frame's own coordinates.
  const offset = async () => (frame ? await (await frame.frameElement()).boundingBox() : null) ?? { x: 0, y: 0 };
  const host = async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    return find(root as unknown as DomNode, (n) => n.localName === 'jobswipe-autofill');
  };
  return {
    /** Whether the button is on the page. */
    shown: async () => (await host()) !== null,
    /** What the button and its panel say. */
    text: async () => {
      const h = await host();
      return h ? text(h).replace(/\s+/g, ' ').trim() : '';
    },
    /** Clicks the fill button (or the panel's button saying `name`) with the mouse, as the user does. */
    async click(name?: string) {
      const h = await host();
      const says = (n: DomNode) => text(n).replace(/\s+/g, ' ').trim();
      const button =
        h &&
        find(h, (n) => n.localName === 'button' && (name === undefined ? /^Fill/.test(says(n)) : says(n) === name));
      if (!button) throw new Error(`no button ${name ?? 'to fill'} on the page`);
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
      const [x1, y1, , , x3, y3] = model.content;
      const { x, y } = await offset();
      await page.mouse.click(x + (x1! + x3!) / 2, y + (y1! + y3!) / 2);
    },
  };
}

/** The user fills the form on `page` with the button once it shows; the button, for what follows. */
export async function fillByButton(page: Page): Promise<Awaited<ReturnType<typeof autofillButton>>> {
  const button = await autofillButton(page);
  await expect.poll(() => button.shown()).toBe(true);
  await button.click();
  await expect.poll(() => button.text()).toContain('Check the form, then submit it yourself');
  return button;
}
