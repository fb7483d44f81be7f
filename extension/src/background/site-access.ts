// Which sites the extension may open and fill: the ATS hosts and JobSwipe origins it was installed
// with, and what the user granted since (a site, or all sites). A site it may not open is listed for
// the popup and options, where the user's click grants it (Chrome asks for a permission only
// within a user gesture, so the executor never waits on one).
import { browser } from 'wxt/browser';
import { siteAutofillItem, sitesToAllowItem } from './stored.ts';

/** The match pattern that grants one site (any path on its origin). */
export const sitePattern = (origin: string) => `${origin}/*`;

/** The site of `url` when the extension may not open it (and lists it to be allowed); else null. */
export async function siteNeedingGrant(url: string): Promise<URL | null> {
  const site = new URL(url);
  if (await browser.permissions.contains({ origins: [sitePattern(site.origin)] })) return null;
  const waiting = await sitesToAllowItem.getValue();
  if (!waiting.includes(site.origin)) await sitesToAllowItem.setValue([...waiting, site.origin]);
  return site;
}

/** Called from a click in the popup or options: asks Chrome for the sites (or all sites). */
export async function allowSites(origins: string[] | 'all'): Promise<boolean> {
  const granted = await browser.permissions.request({
    origins: origins === 'all' ? ['<all_urls>'] : origins.map(sitePattern),
  });
  if (granted) {
    const waiting = await sitesToAllowItem.getValue();
    await sitesToAllowItem.setValue(origins === 'all' ? [] : waiting.filter((o) => !origins.includes(o)));
  }
  return granted;
}

/** The match pattern that grants every page of a host, on http and https. */
const hostPattern = (host: string) => `*://${host}/*`;

/** Whether granted match patterns (`permissions.getAll().origins`) let the extension open `host`. */
export function grantedHost(patterns: string[], host: string): boolean {
  return patterns.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const granted = /^(?:\*|https?):\/\/([^/]+)\//.exec(pattern)?.[1];
    if (!granted) return false;
    if (granted === '*' || granted === host) return true;
    return granted.startsWith('*.') && (host === granted.slice(2) || host.endsWith(granted.slice(1)));
  });
}

/**
 * The user's autofill choice for a site (a host name), from a click in the options. `askChrome`:
 * the extension may not open the site yet, so Chrome is asked for it first thing, while the click
 * is still the user's gesture; false when Chrome did not grant it, and nothing is stored then.
 */
export async function chooseSiteAutofill(host: string, on: boolean, askChrome: boolean): Promise<boolean> {
  if (askChrome && !(await browser.permissions.request({ origins: [hostPattern(host)] }))) return false;
  await siteAutofillItem.setValue({ ...(await siteAutofillItem.getValue()), [host]: on });
  return true;
}

/** Forgets the user's choice for a site: it follows the host permissions again. */
export async function forgetSiteAutofill(host: string): Promise<void> {
  const { [host]: _gone, ...others } = await siteAutofillItem.getValue();
  await siteAutofillItem.setValue(others);
}
