// A careers page that trusts nothing: its application form sits in a cross-site iframe (the
// company page on 127.0.0.1, the ATS on localhost) and both documents watch for what an engine
// leaves behind — a global that was not there at load, an attribute their own scripts did not set,
// a key of ours in the page's storage — and for input they did not get from a person: every
// input, change, click, key and mouse event must be `isTrusted`. The form refuses its submit, shows why and reports it, when anything was
// untrusted or visible. Served over a real socket for `applyToJob`.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the page saw, posted with every submit (accepted or refused). */
export interface TrustReport {
  /** Why the page would refuse: untrusted events, new globals, foreign attributes. */
  violations: string[];
  /** How many trusted events of each type it saw (proof the watch ran). */
  seen: Record<string, number>;
  values: Record<string, string>;
}

/** The watch both documents run: globals at load, attribute changes, the trust of every event. */
const WATCH = `
const violations = [];
const seen = {};
const globalsAtLoad = new Set(Object.getOwnPropertyNames(window));
// Attributes this page's own script changes on its widgets; anything else is someone else's.
const OWN = new Set(['aria-expanded', 'aria-selected', 'aria-hidden', 'hidden', 'class', 'style']);
new MutationObserver((records) => {
  for (const r of records)
    if (r.type === 'attributes' && !OWN.has(r.attributeName))
      violations.push('attribute ' + r.attributeName + ' set on <' + r.target.tagName.toLowerCase() + '>');
}).observe(document, { subtree: true, attributes: true });
for (const type of ['input', 'change', 'click', 'keydown', 'keyup', 'mousedown', 'mouseup', 'pointerdown', 'beforeinput']) {
  document.addEventListener(type, (e) => {
    if (!e.isTrusted) violations.push('untrusted ' + type + ' on <' + e.target.tagName.toLowerCase() + ' ' + (e.target.id || e.target.name || '') + '>');
    else seen[type] = (seen[type] || 0) + 1;
  }, true);
}
function traces() {
  const found = violations.slice();
  for (const name of Object.getOwnPropertyNames(window))
    // Numbered names are the page's own iframes' windows.
    if (!globalsAtLoad.has(name) && name !== 'trustWatch' && !/^\\d+$/.test(name)) found.push('global ' + name);
  if ('__jobswipeCore' in window) found.push('global __jobswipeCore');
  for (const name of ['sessionStorage', 'localStorage']) {
    // A third-party frame may be denied its storage: then nothing can be left there either.
    let store = null;
    try { store = window[name]; } catch {}
    for (let i = 0; store && i < store.length; i++) if (/jobswipe/i.test(store.key(i))) found.push(name + ' ' + store.key(i));
  }
  for (const el of document.querySelectorAll('*'))
    for (const a of el.getAttributeNames()) if (/jobswipe/i.test(a)) found.push('attribute ' + a);
  return found;
}
window.trustWatch = { traces, seen };
`;

const outer = `<!doctype html><html><head><title>Careers at Northwind</title></head><body>
<script>${WATCH}</script>
<h1>Platform Engineer</h1>
<p>Apply below. Our applicant system runs in the frame.</p>
<iframe id="ats" src="ATS_START" width="900" height="1400" title="Application form"></iframe>
<script>
  // The company page reports its own view when the frame says the form was sent.
  window.addEventListener('message', (e) => {
    if (e.data !== 'submitting') return;
    fetch('/report/outer', { method: 'POST', body: JSON.stringify({ violations: trustWatch.traces(), seen: trustWatch.seen, values: {} }) });
  });
</script>
</body></html>`;

const form = `<!doctype html><html><head><title>Apply — Northwind</title>
<style>
  .field { margin: 14px 0; } label { display: block; }
  [role="listbox"] { border: 1px solid #999; margin: 0; padding: 0; list-style: none; }
  [role="option"] { padding: 6px; cursor: pointer; }
  /* Select2 hides the native select this way; Chosen hides it with display:none. */
  .select2-hidden-accessible { border: 0; clip: rect(0 0 0 0); height: 1px; width: 1px; overflow: hidden; padding: 0; position: absolute; white-space: nowrap; }
  .select2-selection, .chosen-single { display: inline-block; min-width: 220px; border: 1px solid #999; padding: 4px; cursor: pointer; }
  .select2-dropdown-open { position: absolute; background: #fff; border: 1px solid #999; z-index: 10; min-width: 220px; }
  .select2-dropdown-open li, .chosen-results li { padding: 4px; cursor: pointer; list-style: none; }
  .chosen-container { position: relative; display: inline-block; }
  .chosen-drop { position: absolute; left: -9999px; top: 100%; background: #fff; border: 1px solid #999; z-index: 10; min-width: 220px; }
  .chosen-with-drop .chosen-drop { left: 0; }
</style></head><body>
<script>${WATCH}</script>
<form id="application" novalidate>
  <div class="field"><label for="first">First name *</label><input id="first" name="first" required autocomplete="off"></div>
  <div class="field"><label for="last">Last name *</label><input id="last" name="last" required autocomplete="off"></div>
  <div class="field"><label for="email">Email *</label><input id="email" name="email" type="email" required autocomplete="off"></div>
  <div class="field"><label for="phone">Phone *</label><input id="phone" name="phone" type="tel" required autocomplete="off"></div>
  <div class="field"><label for="years">How many years of professional experience do you have? *</label>
    <select id="years" name="years" required><option value="">Select…</option><option value="a">0-2</option><option value="b">3-5</option><option value="c">6-9</option><option value="d">10+</option></select></div>
  <fieldset class="field"><legend>Will you now or in the future require visa sponsorship to work in the United States? *</legend>
    <label><input type="radio" name="sponsorship" value="yes" required> Yes</label>
    <label><input type="radio" name="sponsorship" value="no"> No</label></fieldset>
  <div class="field"><span id="country-label">Country *</span>
    <button type="button" id="country" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-labelledby="country-label" aria-controls="country-list" aria-required="true">Select…</button>
    <ul id="country-list" role="listbox" hidden><li role="option" id="ca">Canada</li><li role="option" id="us">United States</li><li role="option" id="mx">Mexico</li></ul></div>
  <div class="field"><label for="start">Earliest start date *</label><input id="start" name="start" type="date" required></div>
  <div class="field"><label for="middle">Middle name (optional)</label><input id="middle" name="middle" autocomplete="off"></div>
  <div class="field"><label for="calltime">Best time to call you *</label><input id="calltime" name="calltime" type="time" required></div>
  <div class="field"><label for="promoted">Month of your last promotion *</label><input id="promoted" name="promoted" type="month" required></div>
  <div class="field"><label for="slot">Preferred interview slot *</label><input id="slot" name="slot" type="datetime-local" required></div>
  <div class="field"><label for="source">How did you hear about us? *</label>
    <select id="source" name="source" class="select2-hidden-accessible" tabindex="-1" aria-hidden="true" required><option value=""></option><option value="board">Job board</option><option value="li">LinkedIn</option><option value="ref">Referral</option><option value="site">Company website</option></select>
    <span class="select2 select2-container"><span class="selection"><span class="select2-selection" id="source-selection" role="combobox" aria-haspopup="true" aria-expanded="false" tabindex="0" aria-labelledby="select2-source-container"><span class="select2-selection__rendered" id="select2-source-container" role="textbox" aria-readonly="true">Select an option</span></span></span></span></div>
  <div class="field"><label for="office">Which office would you work from? *</label>
    <select id="office" name="office" style="display:none" required><option value=""></option><option value="remote">Remote</option><option value="sf">San Francisco</option><option value="nyc">New York</option><option value="lon">London</option></select>
    <div class="chosen-container chosen-container-single" id="office_chosen">
      <a class="chosen-single chosen-default" tabindex="-1"><span>Select an office</span></a>
      <div class="chosen-drop"><div class="chosen-search"><input class="chosen-search-input" type="text" autocomplete="off"></div><ul class="chosen-results"></ul></div>
    </div></div>
  <div class="field"><label for="spoken">Which languages do you speak? Select all that apply. *</label>
    <select id="spoken" name="spoken" multiple class="select2-hidden-accessible" tabindex="-1" aria-hidden="true" required><option value="en">English</option><option value="fr">French</option><option value="de">German</option><option value="es">Spanish</option></select>
    <span class="select2 select2-container"><span class="selection"><span class="select2-selection select2-selection--multiple" id="spoken-selection" role="combobox" aria-haspopup="true" aria-expanded="false" tabindex="-1"><ul class="select2-selection__rendered"><li class="select2-search select2-search--inline"><input class="select2-search__field" id="spoken-search" type="search" tabindex="0" autocomplete="off" role="textbox" aria-autocomplete="list" placeholder="Select languages"></li></ul></span></span></span></div>
  <div class="field"><label for="languages">Which programming languages do you use? Select all that apply. *</label>
    <select id="languages" name="languages" multiple size="3" required><option value="go">Go</option><option value="py">Python</option><option value="rs">Rust</option><option value="ts">TypeScript</option><option value="zig">Zig</option></select></div>
  <fieldset class="field"><legend>Which time zones can you work in? Select all that apply. *</legend>
    <label><input type="checkbox" name="zones" value="pacific"> Pacific</label>
    <label><input type="checkbox" name="zones" value="mountain"> Mountain</label>
    <label><input type="checkbox" name="zones" value="central"> Central</label>
    <label><input type="checkbox" name="zones" value="eastern"> Eastern</label></fieldset>
  <div class="field"><label for="clouds-input">Which cloud platforms have you used? Select all that apply. *</label>
    <div class="picker"><span id="clouds-chips"></span>
      <input id="clouds-input" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="clouds-list" autocomplete="off">
      <ul id="clouds-list" role="listbox" aria-multiselectable="true" hidden><li role="option">AWS</li><li role="option">Google Cloud</li><li role="option">Azure</li><li role="option">Oracle Cloud</li></ul></div></div>
  <div class="field"><label for="resume">Resume *</label><input id="resume" name="resume" type="file" required></div>
  <div class="field"><label><input type="checkbox" id="privacy" name="privacy" required> I have read and agree to the privacy notice *</label></div>
  <button type="submit" id="submit">Submit application</button>
  <p id="error" role="alert" hidden></p>
</form>
<h2 id="thanks" hidden>Thank you for applying!</h2>
<script>
  const box = document.getElementById('country');
  const list = document.getElementById('country-list');
  box.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    const open = list.hidden;
    list.hidden = !open;
    box.setAttribute('aria-expanded', String(open));
  });
  list.addEventListener('click', (e) => {
    const option = e.target.closest('[role="option"]');
    if (!option || !e.isTrusted) return;
    box.textContent = option.textContent;
    list.hidden = true;
    box.setAttribute('aria-expanded', 'false');
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !list.hidden) { list.hidden = true; box.setAttribute('aria-expanded', 'false'); }
  });
  // Select2 4.x: opens on a trusted mousedown on its selection, lists the options in a dropdown
  // appended to <body> (a search box filters them), picks on mouseup; the hidden select only
  // holds the value for the form. A multiple one shows each pick as a tag in its selection.
  const select2 = (select, box, picked) => {
    let drop = null;
    const close = () => {
      if (!drop) return;
      drop.remove();
      drop = null;
      box.setAttribute('aria-expanded', 'false');
    };
    box.addEventListener('mousedown', (e) => {
      if (!e.isTrusted) return;
      e.preventDefault();
      if (drop) return close();
      const r = box.getBoundingClientRect();
      drop = document.createElement('span');
      drop.className = 'select2-dropdown-open';
      drop.style.cssText = 'left:' + (r.left + scrollX) + 'px;top:' + (r.bottom + scrollY) + 'px';
      drop.innerHTML = '<input class="select2-search__field" type="search" autocomplete="off"><ul role="listbox"></ul>';
      const ul = drop.querySelector('ul');
      for (const o of select.options) {
        if (!o.value || (select.multiple && o.selected)) continue;
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(o.selected));
        li.textContent = o.text;
        li.dataset.index = String(o.index);
        ul.append(li);
      }
      const search = drop.querySelector('input');
      search.addEventListener('input', (ev) => {
        if (!ev.isTrusted) return;
        for (const li of ul.children) li.hidden = !li.textContent.toLowerCase().includes(search.value.toLowerCase());
      });
      ul.addEventListener('mouseup', (ev) => {
        const li = ev.target.closest('li');
        if (!li || !ev.isTrusted) return;
        const option = select.options[Number(li.dataset.index)];
        option.selected = true;
        picked(option.text);
        close();
      });
      document.body.append(drop);
      box.setAttribute('aria-expanded', 'true');
      search.focus();
    });
    document.addEventListener('mousedown', (e) => {
      if (e.isTrusted && drop && !drop.contains(e.target) && !box.contains(e.target)) close();
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  };
  select2(document.getElementById('source'), document.getElementById('source-selection'), (text) => {
    document.getElementById('select2-source-container').textContent = text;
  });
  select2(document.getElementById('spoken'), document.getElementById('spoken-selection'), (text) => {
    const tag = document.createElement('li');
    tag.className = 'select2-selection__choice';
    tag.textContent = text;
    document.getElementById('spoken-search').parentElement.before(tag);
  });
  // Chosen 1.x: no ARIA at all; the container opens on a trusted mousedown, results are <li>s
  // drawn then, a trusted mouseup picks one.
  const chosen = document.getElementById('office_chosen');
  const office = document.getElementById('office');
  chosen.querySelector('.chosen-single').addEventListener('mousedown', (e) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    const open = !chosen.classList.contains('chosen-with-drop');
    chosen.classList.toggle('chosen-with-drop', open);
    if (!open) return;
    chosen.querySelector('.chosen-results').innerHTML = Array.from(office.options)
      .filter((o) => o.value)
      .map((o, i) => '<li class="active-result" data-option-array-index="' + (i + 1) + '">' + o.text + '</li>')
      .join('');
  });
  chosen.querySelector('.chosen-results').addEventListener('mouseup', (e) => {
    const li = e.target.closest('li.active-result');
    if (!li || !e.isTrusted) return;
    office.selectedIndex = Number(li.dataset.optionArrayIndex);
    chosen.querySelector('.chosen-single span').textContent = li.textContent;
    chosen.classList.remove('chosen-with-drop');
  });
  document.addEventListener('mousedown', (e) => e.isTrusted && !chosen.contains(e.target) && chosen.classList.remove('chosen-with-drop'));
  document.addEventListener('keydown', (e) => e.key === 'Escape' && chosen.classList.remove('chosen-with-drop'));
  // A tag picker (react-select's multi): a trusted click or ArrowDown opens the list, trusted typing
  // filters it, a trusted click on an option adds it as a tag and closes the list.
  const clouds = document.getElementById('clouds-input');
  const cloudList = document.getElementById('clouds-list');
  const cloudChips = document.getElementById('clouds-chips');
  const showClouds = (open) => {
    cloudList.hidden = !open;
    clouds.setAttribute('aria-expanded', String(open));
  };
  clouds.addEventListener('click', (e) => e.isTrusted && showClouds(true));
  clouds.addEventListener('keydown', (e) => e.isTrusted && e.key === 'ArrowDown' && showClouds(true));
  clouds.addEventListener('input', (e) => {
    if (!e.isTrusted) return;
    for (const o of cloudList.children) o.hidden = o.classList.contains('taken') || !o.textContent.toLowerCase().includes(clouds.value.toLowerCase());
    showClouds(true);
  });
  cloudList.addEventListener('click', (e) => {
    const option = e.target.closest('[role="option"]');
    if (!option || !e.isTrusted) return;
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = option.textContent;
    cloudChips.append(tag);
    option.hidden = true;
    option.classList.add('taken');
    clouds.value = '';
    showClouds(false);
  });
  document.addEventListener('keydown', (e) => e.key === 'Escape' && showClouds(false));
  const chosenText = (select) => Array.from(select.selectedOptions).filter((o) => o.value).map((o) => o.text).join(', ');
  document.getElementById('application').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const values = {
      first: f.first.value, last: f.last.value, email: f.email.value, phone: f.phone.value,
      years: f.years.options[f.years.selectedIndex].text, sponsorship: f.sponsorship.value,
      country: box.textContent.trim(), resume: f.resume.files[0] ? f.resume.files[0].name : '',
      privacy: String(f.privacy.checked),
      middle: f.middle.value,
      start: f.start.value, calltime: f.calltime.value, promoted: f.promoted.value, slot: f.slot.value,
      source: chosenText(f.source), office: chosenText(f.office), languages: chosenText(f.languages),
      spoken: chosenText(f.spoken),
      clouds: Array.from(cloudChips.children, (c) => c.textContent).sort().join(', '),
      zones: Array.from(f.querySelectorAll('[name="zones"]:checked')).map((c) => c.value).join(', '),
    };
    parent.postMessage('submitting', '*');
    const violations = trustWatch.traces();
    const missing = Object.entries(values).filter(([k, v]) => k !== 'middle' && (!v || v === 'Select…' || v === 'false')).map(([k]) => k);
    await fetch('/report/form', { method: 'POST', body: JSON.stringify({ violations, seen: trustWatch.seen, values }) });
    const error = document.getElementById('error');
    if (violations.length || missing.length) {
      error.textContent = violations.length
        ? 'We could not verify your input: ' + violations.slice(0, 3).join('; ')
        : 'Some required fields are missing: ' + missing.join(', ');
      error.hidden = false;
      return;
    }
    await fetch('/submit', { method: 'POST', body: JSON.stringify(values) });
    f.hidden = true;
    document.getElementById('thanks').hidden = false;
  });
</script>
</body></html>`;

/** Posts what the document saw as `name`, then goes on (a navigation would lose it). */
const REPORT = `
async function report(name) {
  await fetch('/report/' + name, { method: 'POST', body: JSON.stringify({ violations: trustWatch.traces(), seen: trustWatch.seen, values: {} }) });
}
`;

/**
 * Workday's candidate account step as its pages draw it (no <form>, automation ids, a consent
 * box, a button that posts by script); creating the account leads to the application form.
 */
const account = `<!doctype html><html><head><title>Create Account — Northwind</title></head><body>
<script>${WATCH}${REPORT}</script>
<div data-automation-id="applyFlowPage">
<section data-automation-id="createAccountPage">
  <h2>Create Account</h2>
  <div data-automation-id="errorBanner" role="alert" hidden></div>
  <div><label for="input-email">Email Address *</label><input id="input-email" type="email" data-automation-id="email"></div>
  <div><label for="input-password">Password *</label><input id="input-password" type="password" data-automation-id="password"></div>
  <div><label for="input-verify">Verify New Password *</label><input id="input-verify" type="password" data-automation-id="verifyPassword"></div>
  <label><input type="checkbox" data-automation-id="createAccountCheckbox"> Yes, I have read and consent to the terms and conditions</label>
  <button type="button" data-automation-id="createAccountSubmitButton">Create Account</button>
</section>
</div>
<script>
  const value = (id) => document.querySelector('[data-automation-id="' + id + '"]');
  value('createAccountSubmitButton').addEventListener('click', async (e) => {
    if (!e.isTrusted) return;
    const body = { email: value('email').value, password: value('password').value };
    const banner = value('errorBanner');
    if (!body.email || !body.password || body.password !== value('verifyPassword').value || !value('createAccountCheckbox').checked) {
      banner.textContent = 'Fill in every field and accept the terms.';
      banner.hidden = false;
      return;
    }
    await report('account');
    await fetch('/account', { method: 'POST', body: JSON.stringify(body) });
    location.href = '/apply';
  });
</script>
</body></html>`;

/** A site's own sign-in form, rendered again by the server with its error after each refused try. */
const signIn = (error: string) => `<!doctype html><html><head><title>Sign in — Northwind</title></head><body>
<script>${WATCH}${REPORT}</script>
<form id="signin" method="post" action="/login">
  <h2>Welcome back</h2>
  ${error ? `<p role="alert">${error}</p>` : ''}
  <div><label for="email">Email</label><input id="email" name="email" type="email"></div>
  <div><label for="password">Password</label><input id="password" name="password" type="password"></div>
  <button type="submit">Continue</button>
</form>
<script>
  const form = document.getElementById('signin');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await report('login');
    form.submit();
  });
</script>
</body></html>`;

export interface TrustSite {
  /** The company's page (127.0.0.1), whose iframe holds the form on another site (localhost). */
  url: string;
  /** The values each accepted submit sent. */
  submissions: Array<Record<string, string>>;
  /** The host:port the ATS (the frame) is served on: the host an account's password is for. */
  atsHost: string;
  /** The company page opening the frame on the account step (`account`) or the sign-in form (`login`). */
  startingAt(start: 'account' | 'login'): string;
  /** Accounts created, and how many sign-in tries reached the server. */
  accounts: Array<{ email: string; password: string }>;
  signIns: number;
  /** Forgets every submit, report, account and sign-in try (each test starts afresh). */
  reset(): void;
  /** What each document saw, by document ('outer', 'form', 'account', 'login'), latest last. */
  reports: Map<string, TrustReport[]>;
  close(): Promise<void>;
}

/** The one password the sign-in form accepts, and only on a second try (the first "went wrong"). */
export const SITE_PASSWORD = 'correct-horse-battery';

export async function startTrustSite(): Promise<TrustSite> {
  const submissions: Array<Record<string, string>> = [];
  const reports = new Map<string, TrustReport[]>();
  const accounts: TrustSite['accounts'] = [];
  let signIns = 0;
  let port = 0;
  const html = (res: ServerResponse, body: string) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = () => Buffer.concat(chunks).toString('utf8');
      const body = () => JSON.parse(text());
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (req.method === 'POST' && path === '/account') {
        accounts.push(body());
        res.writeHead(200).end('{}');
      } else if (req.method === 'POST' && path === '/login') {
        signIns++;
        const password = new URLSearchParams(text()).get('password');
        if (password !== SITE_PASSWORD) html(res, signIn('Incorrect email or password.'));
        else if (signIns === 1) html(res, signIn('Something went wrong. Please try again.'));
        else res.writeHead(303, { location: '/apply' }).end();
      } else if (path === '/account') html(res, account);
      else if (path === '/login') html(res, signIn(''));
      else if (req.method === 'POST' && path === '/submit') {
        submissions.push(body());
        res.writeHead(200).end('{}');
      } else if (req.method === 'POST' && path?.startsWith('/report/')) {
        const name = path.slice('/report/'.length);
        reports.set(name, [...(reports.get(name) ?? []), body()]);
        res.writeHead(200).end('{}');
      } else if (path === '/') {
        html(res, outer.replace('ATS_START', `http://localhost:${port}/${url.searchParams.get('start') ?? 'apply'}`));
      } else if (path === '/apply') html(res, form);
      else res.writeHead(404).end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    atsHost: `localhost:${port}`,
    startingAt: (start) => `http://127.0.0.1:${port}/?start=${start}`,
    accounts,
    get signIns() {
      return signIns;
    },
    reset() {
      submissions.length = 0;
      accounts.length = 0;
      reports.clear();
      signIns = 0;
    },
    submissions,
    reports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
