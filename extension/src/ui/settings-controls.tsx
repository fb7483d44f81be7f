// The settings the popup and the options page both show, and the sites the user may allow: one
// component each, so the two pages cannot drift apart.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { allowSites, chooseSiteAutofill, forgetSiteAutofill, grantedHost } from '../background/site-access.ts';
import type { Settings } from '../background/stored.ts';
import { siteAutofillItem, sitesToAllowItem } from '../background/stored.ts';

export function SettingsControls({
  settings,
  change,
}: {
  settings: Settings;
  change: (settings: Partial<Settings>) => void;
}) {
  return (
    <>
      <label>
        Applications at once
        <select value={settings.capacity} onChange={(e) => change({ capacity: Number(e.target.value) })}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="small check">
        <input
          type="checkbox"
          checked={settings.pauseWhenLocked}
          onChange={(e) => change({ pauseWhenLocked: e.target.checked })}
        />{' '}
        Pause while the screen is locked
      </label>
      <label className="small check">
        <input type="checkbox" checked={settings.autofill} onChange={(e) => change({ autofill: e.target.checked })} />{' '}
        Offer to fill application forms I open
      </label>
    </>
  );
}

function useSiteAccess() {
  const [waiting, setWaiting] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void sitesToAllowItem.getValue().then(setWaiting);
    return sitesToAllowItem.watch((v) => setWaiting(v ?? []));
  }, []);
  const allow = async (origins: string[] | 'all') => {
    const granted = await allowSites(origins);
    setNote(granted ? 'Allowed. Retry the waiting applications on the web.' : 'Chrome did not grant it.');
  };
  return { waiting, note, allow };
}

function Waiting({ waiting, note, allow }: ReturnType<typeof useSiteAccess>) {
  return (
    <>
      {waiting.length > 0 && (
        <ul aria-label="Sites waiting for you">
          {waiting.map((origin) => (
            <li key={origin}>
              <button type="button" className="btn" onClick={() => void allow([origin])}>
                Allow on {new URL(origin).host}
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p className="small" role="status">
          {note}
        </p>
      )}
    </>
  );
}

/** In the popup: only the sites an application waits on (a "needs you" item each). */
export function SiteAccessWaiting() {
  return <Waiting {...useSiteAccess()} />;
}

/** In the options: those sites, and all sites (screenshots as evidence, any company careers site). */
export function SiteAccess() {
  const access = useSiteAccess();
  return (
    <section aria-label="Sites">
      <h2>Sites</h2>
      <Waiting {...access} />
      <p className="muted small">
        JobSwipe works on the job sites it knows. Allow all sites to apply on company careers sites too and to keep a
        screenshot of each confirmation.
      </p>
      <button type="button" className="btn" onClick={() => void access.allow('all')}>
        Allow on all sites
      </button>
    </section>
  );
}

/** The host name of what the user typed ("careers.example.com", or an address), or null. */
function hostOf(text: string): string | null {
  try {
    return new URL(text.includes('://') ? text.trim() : `https://${text.trim()}`).hostname || null;
  } catch {
    return null;
  }
}

/** In the options: the autofill's choice per site, and a site to turn it on for. */
export function SiteAutofill() {
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const [site, setSite] = useState('');
  const [note, setNote] = useState<string | null>(null);
  // The sites the extension may open, known before a click: Chrome asks for a site only within it.
  const [granted, setGranted] = useState<string[]>([]);
  const refreshGranted = useCallback(
    () => void browser.permissions.getAll().then((all) => setGranted(all.origins ?? [])),
    [],
  );
  useEffect(() => {
    void siteAutofillItem.getValue().then(setChoices);
    refreshGranted();
    return siteAutofillItem.watch((v) => setChoices(v ?? {}));
  }, [refreshGranted]);
  const choose = async (host: string, on: boolean) => {
    const done = await chooseSiteAutofill(host, on, on && !grantedHost(granted, host));
    refreshGranted();
    setNote(done ? null : `Chrome did not grant ${host}: the autofill stays off there.`);
    return done;
  };
  return (
    <section aria-label="Autofill on sites">
      <h2>Autofill on sites</h2>
      <p className="muted small">
        The button offers itself on the job sites JobSwipe knows. Turn it off on one of them, or on for a company’s own
        careers site.
      </p>
      {Object.keys(choices).length > 0 && (
        <ul aria-label="Your sites">
          {Object.entries(choices).map(([host, on]) => (
            <li key={host}>
              <label className="small check">
                <input type="checkbox" checked={on} onChange={(e) => void choose(host, e.target.checked)} /> Fill forms
                on {host}
              </label>{' '}
              <button type="button" className="btn btn-ghost" onClick={() => void forgetSiteAutofill(host)}>
                Forget {host}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const host = hostOf(site);
          if (!host) return setNote('Type a site, like careers.example.com.');
          void choose(host, true).then((done) => done && setSite(''));
        }}
      >
        <label>
          Another site
          <input name="site" value={site} placeholder="careers.example.com" onChange={(e) => setSite(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          Turn the autofill on there
        </button>
      </form>
      {note && (
        <p className="small" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
