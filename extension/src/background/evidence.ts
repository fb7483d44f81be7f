// Evidence of how an attempt ended: a screenshot of the applying tab (tabs.captureVisibleTab, which
// sees the active tab of a window that is not minimized: the applying window's; Chrome allows it
// only once the user granted all sites) and the page's HTML, uploaded under the lease so the
// backend keeps them with the application.
import { type ApplyOutcome, evidenceKind } from '@jobswipe/protocol';
import { browser } from 'wxt/browser';
import type { OwnedTab } from './applying-window.ts';
import type { EvidenceStored } from './server-api.ts';

interface EvidenceFile {
  name: string;
  blob: Blob;
}

async function screenshot(tab: OwnedTab): Promise<EvidenceFile | null> {
  try {
    await browser.tabs.update(tab.tabId, { active: true });
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    return { name: 'page.png', blob: await (await fetch(dataUrl)).blob() };
  } catch {
    // No grant of all sites, or a closed tab or window: no screenshot; the HTML still shows the page.
    return null;
  }
}

async function pageHtml(tab: OwnedTab, frameId: number): Promise<EvidenceFile | null> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.tabId, frameIds: [frameId] },
      func: () => `<!doctype html>\n${document.documentElement.outerHTML}`,
    });
    const html = typeof result?.result === 'string' ? result.result : null;
    return html ? { name: 'page.html', blob: new Blob([html], { type: 'text/html' }) } : null;
  } catch {
    return null;
  }
}

export interface EvidenceUpload {
  server: string;
  token: string;
  applicationId: string;
  leaseToken: string;
  outcome: ApplyOutcome;
}

/** Captures and uploads the tab's screenshot and the form frame's HTML; returns the ids stored. */
export async function captureAndUpload(tab: OwnedTab, frameId: number, upload: EvidenceUpload): Promise<string[]> {
  const files = [await screenshot(tab), await pageHtml(tab, frameId)].filter((f): f is EvidenceFile => f !== null);
  const ids: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.set('leaseToken', upload.leaseToken);
    form.set('kind', evidenceKind(file.name, upload.outcome));
    form.set('file', file.blob, file.name);
    const res = await fetch(`${upload.server}/v1/applications/${upload.applicationId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${upload.token}` },
      body: form,
    }).catch(() => null);
    if (!res?.ok) continue;
    const stored = (await res.json()) as Partial<EvidenceStored>;
    if (typeof stored.id === 'string') ids.push(stored.id);
  }
  return ids;
}
