// DOM helpers for the in-page core: a deep walk that sees into open shadow roots and
// same-origin iframes (SmartRecruiters, iCIMS, embedded Greenhouse), visibility, and waiting.

/** Every element under `root`, in document order, descending into open shadow roots and same-origin frames. */
export function deepElements(root: Document | ShadowRoot | Element = document): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode): void => {
    for (const el of Array.from(node.children)) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.tagName === 'IFRAME') {
        const inner = frameDocument(el as HTMLIFrameElement);
        if (inner?.documentElement) visit(inner);
      }
      visit(el);
    }
  };
  visit(root);
  return out;
}

/** The document of a same-origin iframe, or null when it is cross-origin or not loaded. */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

export function deepQueryAll<T extends Element = HTMLElement>(selector: string, root?: Document | Element): T[] {
  return deepElements(root).filter((el) => el.matches(selector)) as T[];
}

/** Collapsed visible-ish text of an element (innerText where laid out, textContent otherwise). */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  const raw =
    'innerText' in node && node.isConnected ? (node as HTMLElement).innerText || node.textContent : node.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The collapsed text of `el` without the subtrees `skip` matches, read in place: a clone would
 * run the page's custom-element constructors and load its images, which the page could notice.
 */
export function textWithout(el: Element, skip: string): string {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(skip)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) text += n.nodeValue;
  return text.replace(/\s+/g, ' ').trim();
}

/** The whole readable text of the page, frames and shadow roots included, line breaks kept. */
export function pageText(doc: Document = document): string {
  const raw = (node: Node | null | undefined) =>
    node ? ('innerText' in node ? (node as HTMLElement).innerText : (node.textContent ?? '')) : '';
  const parts = [raw(doc.body)];
  for (const el of deepElements(doc)) {
    if (el.shadowRoot) parts.push(raw(el.shadowRoot));
    if (el.tagName === 'IFRAME') parts.push(raw(frameDocument(el as HTMLIFrameElement)?.body));
  }
  return parts.join('\n');
}

/** Rendered and not hidden from users: honeypots and collapsed sections fail this. */
export function isVisible(el: Element): boolean {
  // No instanceof checks: an element inside a same-origin iframe belongs to another realm.
  if (!('getBoundingClientRect' in el)) return false;
  if (el.closest('[aria-hidden="true"],[hidden],[inert]')) return false;
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = parentElement(node)) {
    const style = view?.getComputedStyle(node);
    if (!style) break;
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (Number(style.opacity) === 0 && node === el) return false;
    // A honeypot's wrapper clipped to nothing (height 0 with overflow hidden, clip rect(0 0 0 0)).
    if (node !== el && style.overflow !== 'visible' && collapsed(node.getBoundingClientRect())) return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width < 1 && rect.height < 1) return false;
  // Off-screen honeypots are pushed far left or up, out of any scrollable area.
  return rect.right > 0 && rect.bottom > -5_000;
}

const collapsed = (rect: DOMRect) => rect.width <= 1 || rect.height <= 1;

/** The parent element, crossing shadow-root boundaries. */
export function parentElement(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function byIdInRoot(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? null;
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `probe` returns a value, or with null after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | null | undefined,
  timeoutMs = 3_000,
  everyMs = 50,
): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) return null;
    await delay(everyMs);
  }
}

/** Waits until the DOM has been quiet for `quietMs` (frameworks render in bursts), at most `maxMs`. */
export function settle(doc: Document = document, quietMs = 150, maxMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const cap = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      resolve();
    }
  });
}

/** The window an element lives in (its frame's, not necessarily the top one). */
export function windowOf(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}
