// Application pages built like the real ATSs' DOM, one widget family each, served by a small HTTP
// server over a real socket. Each page's own script does what the real widget does (a listbox
// portaled to <body> that hides the rest, a typeahead that drops text nobody picked, an uploader
// that sends the file elsewhere and clears the input, a challenge shown after the final click) and
// records what a submit sends, so a test can check every value the engine left on the page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Submits what `collect()` returns by fetch (no form post), after the page's own required checks. */
const SUBMIT = (name: string) => `
<script>
window.submitApplication = async (data, required) => {
  const missing = required.filter((k) => data[k] === '' || data[k] === false || data[k] == null || (Array.isArray(data[k]) && !data[k].length));
  const errors = document.getElementById('errors');
  if (missing.length) { errors.hidden = false; errors.textContent = 'Please fill in all required fields: ' + missing.join(', '); return; }
  const res = await fetch('/submit/${name}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
  if (res.ok) document.body.innerHTML = '<main><h1>Thank you for applying!</h1><p>We have received your application.</p></main>';
};
</script>
<div id="errors" role="alert" hidden></div>`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px sans-serif;margin:20px} [role=option]{padding:4px;cursor:pointer} .popup{position:absolute;top:40px;left:300px;background:#fff;border:1px solid #999;z-index:10}</style>
</head><body>${body}</body></html>`;

/**
 * Workday: data-automation-id fields, `aria-required` on the field's wrapper and an `aria-hidden`
 * asterisk, a required "Phone Device Type" listbox (a work mobile listed before the personal one),
 * a country phone code button whose listbox is portaled to <body> while the page is
 * aria-hidden, a two-level "How Did You Hear About Us?" prompt (Social Media › LinkedIn), a phone
 * extension whose id says phoneNumber, date spinbuttons, and a split start-date of selects.
 */
const workday = page(
  'Workday — My Information',
  `<div id="main" data-automation-id="applyFlowPage">
<h2>My Information</h2>
<div data-automation-id="formField-legalNameSection_firstName" aria-required="true">
  <label for="input-4">First Name<abbr aria-hidden="true" title="required">*</abbr></label>
  <input id="input-4" type="text" data-automation-id="legalNameSection_firstName">
</div>
<div data-automation-id="formField-legalNameSection_lastName" aria-required="true">
  <label for="input-5">Last Name<abbr aria-hidden="true" title="required">*</abbr></label>
  <input id="input-5" type="text" data-automation-id="legalNameSection_lastName">
</div>
<div data-automation-id="formField-phoneType" aria-required="true">
  <label id="pdt-label">Phone Device Type<abbr aria-hidden="true">*</abbr></label>
  <button type="button" id="pdt" aria-haspopup="listbox" aria-labelledby="pdt-label pdt" data-automation-id="phone-device-type">Select One</button>
</div>
<div data-automation-id="formField-countryPhoneCode" aria-required="true">
  <label id="cpc-label">Country Phone Code<abbr aria-hidden="true">*</abbr></label>
  <button type="button" id="cpc" aria-haspopup="listbox" aria-labelledby="cpc-label cpc" data-automation-id="countryPhoneCode">Select One</button>
</div>
<div data-automation-id="formField-phoneNumber" aria-required="true">
  <label for="phoneNumber--phoneNumber">Phone Number<abbr aria-hidden="true">*</abbr></label>
  <input id="phoneNumber--phoneNumber" type="text" data-automation-id="phone-number">
</div>
<div data-automation-id="formField-extension">
  <label for="phoneNumber--extension">Phone Extension</label>
  <input id="phoneNumber--extension" type="text" data-automation-id="phone-extension">
</div>
<div data-automation-id="formField-source" aria-required="true">
  <label id="source-label">How Did You Hear About Us?<abbr aria-hidden="true">*</abbr></label>
  <div data-automation-id="multiselectInputContainer">
    <input id="source" role="combobox" aria-labelledby="source-label" placeholder="Search" data-automation-id="searchBox" autocomplete="off">
    <ul data-automation-id="selectedItemList"></ul>
  </div>
</div>
<fieldset data-automation-id="formField-startDate">
  <legend>When can you start?<abbr aria-hidden="true">*</abbr></legend>
  <select name="startMonth" aria-label="Month"><option value="">Month</option>${Array.from({ length: 12 }, (_, i) =>
    new Date(2000, i, 1).toLocaleString('en-US', { month: 'long' }),
  )
    .map((m, i) => `<option value="${i}">${m}</option>`)
    .join('')}</select>
  <select name="startDay" aria-label="Day"><option value="">Day</option>${Array.from({ length: 31 }, (_, i) => `<option>${i + 1}</option>`).join('')}</select>
  <select name="startYear" aria-label="Year"><option value="">Year</option><option>2026</option><option>2027</option><option>2028</option></select>
</fieldset>
<h3>Voluntary Self-Identification of Disability</h3>
<div data-automation-id="formField-dateSignedOn" aria-required="true">
  <label id="date-label">Date<abbr aria-hidden="true">*</abbr></label>
  <div data-automation-id="dateInputWrapper" role="group" aria-labelledby="date-label">
    <input role="spinbutton" aria-label="Month" aria-valuemin="1" aria-valuemax="12" data-automation-id="dateSectionMonth-input" size="2">
    <input role="spinbutton" aria-label="Day" aria-valuemin="1" aria-valuemax="31" data-automation-id="dateSectionDay-input" size="2">
    <input role="spinbutton" aria-label="Year" data-automation-id="dateSectionYear-input" size="4">
  </div>
</div>
<button type="button" data-automation-id="bottom-navigation-next-button" id="submit">Submit</button>
</div>
${SUBMIT('workday')}
<script>
const main = document.getElementById('main');
function openPopup(options, onPick, back) {
  closePopup();
  main.setAttribute('aria-hidden', 'true');
  const popup = document.createElement('div');
  popup.className = 'popup'; popup.id = 'popup';
  if (back) { const b = document.createElement('button'); b.type = 'button'; b.setAttribute('aria-label', 'Back'); b.textContent = '←'; b.onclick = back; popup.append(b); }
  const list = document.createElement('div'); list.setAttribute('role', 'listbox');
  for (const o of options) {
    const el = document.createElement('div'); el.setAttribute('role', 'option'); el.setAttribute('data-automation-id', 'promptOption');
    el.textContent = o.label;
    if (o.children) { const c = document.createElement('span'); c.className = 'wd-icon-chevron-right-small'; el.append(c); }
    el.onclick = () => onPick(o);
    list.append(el);
  }
  popup.append(list);
  document.body.append(popup);
  document.addEventListener('keydown', escape);
}
function closePopup() { document.getElementById('popup')?.remove(); main.removeAttribute('aria-hidden'); document.removeEventListener('keydown', escape); }
function escape(e) { if (e.key === 'Escape') closePopup(); }
const cpc = document.getElementById('cpc');
cpc.onclick = () => openPopup(['Canada (+1)', 'United Kingdom (+44)', 'United States of America (+1)'].map((label) => ({ label })), (o) => { cpc.textContent = o.label; closePopup(); });
const pdt = document.getElementById('pdt');
pdt.onclick = () => openPopup(['Landline', 'Work Mobile', 'Mobile', 'Fax'].map((label) => ({ label })), (o) => { pdt.textContent = o.label; closePopup(); });
const SOURCES = [
  { label: 'Job Board', children: ['Indeed', 'Glassdoor'] },
  { label: 'Social Media', children: ['Facebook', 'LinkedIn', 'Twitter'] },
  { label: 'Employee Referral' },
];
const chosen = [];
const source = document.getElementById('source');
function showSources() { openPopup(SOURCES, pickSource); }
function pickSource(o) {
  if (o.children) return openPopup(o.children.map((label) => ({ label })), pickSource, showSources);
  chosen.push(o.label);
  const li = document.createElement('li'); li.setAttribute('data-automation-id', 'selectedItem'); li.textContent = o.label;
  document.querySelector('[data-automation-id=selectedItemList]').append(li);
  closePopup();
}
source.addEventListener('click', () => { if (!document.getElementById("popup")) showSources(); });
const v = (sel) => document.querySelector(sel).value;
const part = (id) => document.querySelector('[data-automation-id=' + id + ']').value;
document.getElementById('submit').onclick = () => submitApplication({
  firstName: v('#input-4'), lastName: v('#input-5'),
  countryPhoneCode: cpc.textContent === 'Select One' ? '' : cpc.textContent,
  phoneType: pdt.textContent === 'Select One' ? '' : pdt.textContent,
  phone: v('#phoneNumber--phoneNumber'), extension: v('#phoneNumber--extension'),
  source: chosen,
  start: v('[name=startYear]') && [v('[name=startYear]'), String(Number(v('[name=startMonth]')) + 1).padStart(2, '0'), v('[name=startDay]').padStart(2, '0')].join('-'),
  dateSigned: [part('dateSectionYear-input'), part('dateSectionMonth-input'), part('dateSectionDay-input')].join('-'),
}, ['firstName', 'lastName', 'phoneType', 'countryPhoneCode', 'phone', 'source', 'start', 'dateSigned']);
</script>`,
);

/**
 * Ashby: no <form>; labels whose `for` names no control; an aria-pressed Yes/No pair with a
 * description between it and its label; div[role=radio] chips with en-dash year ranges; a hidden
 * file input behind "Choose a file" that uploads to its own endpoint and clears itself.
 */
const ashby = page(
  'Ashby — Application',
  `<div class="ashby-application-form-container">
<div class="_fieldEntry"><label class="_heading _required" for="_systemfield_name">Name</label><input id="_systemfield_name" name="_systemfield_name" required></div>
<div class="_fieldEntry"><label class="_heading _required" for="_systemfield_email">Email</label><input id="_systemfield_email" type="email" name="_systemfield_email" required></div>
<div class="_fieldEntry"><label class="_heading" for="_systemfield_resume_label">Resume<span aria-hidden="true">*</span></label>
  <div class="_fileUpload"><button type="button" onclick="document.getElementById('file-7f').click()">Choose a file</button><input type="file" id="file-7f" hidden></div>
  <p class="_fileName" id="file-name"></p></div>
<div class="_fieldEntry"><label class="_heading" for="9c1e-relocate-labelled">Are you willing to relocate to New York?<span aria-hidden="true">*</span></label>
  <p class="_description">Our office is at 5 Penn Plaza.</p>
  <div class="_yesno" id="relocate"><button type="button" class="_option" aria-pressed="false">Yes</button><button type="button" class="_option" aria-pressed="false">No</button></div></div>
<div class="_fieldEntry"><label class="_heading" for="4b2d-years-labelled">How many years of professional experience do you have?</label>
  <p class="_description">Count full-time roles only.</p>
  <div class="_chips" id="years">${['0–2 years', '3–5 years', '6–9 years', '10+ years'].map((y) => `<div role="radio" aria-checked="false" tabindex="0" class="_chip">${y}</div>`).join('')}</div></div>
<button type="button" class="ashby-application-form-submit-button" id="submit">Submit Application</button>
</div>
${SUBMIT('ashby')}
<script>
let uploaded = '';
const file = document.getElementById('file-7f');
file.addEventListener('change', async () => {
  const name = document.getElementById('file-name');
  name.innerHTML = '<span role="progressbar">Uploading…</span>';
  const f = file.files[0];
  await new Promise((r) => setTimeout(r, 300));
  const res = await fetch('/upload', { method: 'POST', headers: { 'x-file-name': f.name }, body: f });
  uploaded = (await res.json()).name;
  name.textContent = uploaded;
  file.value = '';
});
for (const group of ['relocate', 'years']) {
  const options = document.querySelectorAll('#' + group + ' > *');
  for (const o of options) o.addEventListener('click', () => {
    for (const x of options) x.setAttribute(o.getAttribute('role') === 'radio' ? 'aria-checked' : 'aria-pressed', String(x === o));
  });
}
const pressed = (group) => [...document.querySelectorAll('#' + group + ' [aria-pressed=true], #' + group + ' [aria-checked=true]')].map((e) => e.textContent).join('');
document.getElementById('submit').onclick = () => submitApplication({
  name: document.getElementById('_systemfield_name').value, email: document.getElementById('_systemfield_email').value,
  resume: uploaded, relocate: pressed('relocate'), years: pressed('years'),
}, ['name', 'email', 'resume', 'relocate']);
</script>`,
);

/**
 * Lever: "Apply with LinkedIn" beside the form, ✱ markers, an invisible hCaptcha container on every
 * posting, a long question naming email addresses, an optional marketing opt-in, a required consent
 * whose marker is aria-hidden, and a honeypot clipped to nothing. `?challenge` shows the hCaptcha
 * challenge when the final button is clicked, and sends nothing.
 */
const lever = (challenge: boolean) =>
  page(
    'Lever — Apply',
    `<a class="postings-btn template-btn-submit" href="/linkedin">Apply with LinkedIn</a>
<form id="application-form" onsubmit="return false">
<div class="application-question"><div class="application-label">Full name<span class="required">✱</span></div><div class="application-field"><input type="text" name="name" required></div></div>
<div class="application-question"><div class="application-label">Email<span class="required">✱</span></div><div class="application-field"><input type="email" name="email" required></div></div>
<div class="application-question"><div class="application-label">Phone</div><div class="application-field"><input type="text" name="phone"></div></div>
<div class="application-question"><div class="application-label">Current company</div><div class="application-field"><input type="text" name="org"></div></div>
<div style="height:0;overflow:hidden"><label for="email-confirm">Confirm email</label><input id="email-confirm" type="email" name="email_confirm" tabindex="-1"></div>
<div class="application-question"><div class="application-label">Please list three professional references and their email addresses</div><div class="application-field"><textarea name="references"></textarea></div></div>
<div class="application-question"><label><input type="checkbox" name="marketing"> I'd like to hear about future opportunities at Lumen</label></div>
<div class="application-question"><div class="application-label">Privacy notice<span class="required" aria-hidden="true">✱</span></div><label><input type="checkbox" name="consent"> I have read and agree to the privacy notice</label></div>
<div id="h-captcha" class="h-captcha" data-sitekey="10000000-ffff-ffff-ffff-000000000001" data-size="invisible"><iframe src="about:blank#hcaptcha-checkbox-invisible" width="0" height="0" style="border:0" title="Widget containing checkbox for hCaptcha security challenge"></iframe></div>
<button type="button" id="btn-submit" data-qa="btn-submit">Submit application</button>
</form>
<div id="challenge" style="position:absolute;top:-10000px;visibility:hidden"><iframe src="about:blank#hcaptcha-challenge" width="400" height="580" title="Main content of the hCaptcha challenge"></iframe></div>
${SUBMIT('lever')}
<script>
const f = document.getElementById('application-form');
document.getElementById('btn-submit').onclick = () => {
  if (${challenge}) { const c = document.getElementById('challenge'); c.style.top = '40px'; c.style.visibility = 'visible'; return; }
  submitApplication({ name: f.name.value, email: f.email.value, phone: f.phone.value, org: f.org.value, email_confirm: f.email_confirm.value,
    references: f.references.value, marketing: f.marketing.checked, consent: f.consent.checked }, ['name', 'email', 'consent']);
};
</script>`,
  );

/**
 * Greenhouse's job-boards design: react-select comboboxes (the input keeps no value, the pick shows
 * in a sibling, the menu is portaled to <body> and the app is aria-hidden while it is open), a
 * location typeahead that drops text nobody picked, and a phone country picker with numeric values.
 */
const greenhouse = (name: string, suggestAfterMs: number) =>
  page(
    'Greenhouse — Apply',
    `<div id="app"><form id="application-form" onsubmit="return false">
<div class="field"><label for="first_name">First Name<span aria-hidden="true">*</span></label><input id="first_name" aria-required="true"></div>
<div class="field"><label for="last_name">Last Name<span aria-hidden="true">*</span></label><input id="last_name" aria-required="true"></div>
<div class="field phone-field"><label for="phone">Phone<span aria-hidden="true">*</span></label>
  <select id="phone_country" aria-label="Country code"><option value="">Country</option><option value="38">Canada +1</option><option value="224">United Kingdom +44</option><option value="225">United States +1</option></select>
  <input id="phone" type="tel" aria-required="true"></div>
<div class="field"><label for="candidate-location">Location (City)<span aria-hidden="true">*</span></label>
  <input id="candidate-location" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="location-list" autocomplete="off" aria-required="true">
  <ul id="location-list" role="listbox"></ul></div>
${['worked', 'authorized']
  .map(
    (id) => `<div class="select" data-q="${id}"><label id="${id}-label" for="${id}">${
      id === 'worked'
        ? 'Have you ever worked for Acme Robotics or any of its subsidiaries?'
        : 'Are you legally authorized to work in the United States?'
    }<span aria-hidden="true">*</span></label>
  <div class="select__control"><div class="select__value-container"><div class="select__placeholder" id="${id}-placeholder">Select...</div>
  <div class="select__input-container"><input class="select__input" id="${id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-haspopup="true" aria-required="true" aria-labelledby="${id}-label" value=""></div></div></div></div>`,
  )
  .join('')}
<button type="button" id="submit">Submit application</button>
</form></div>
${SUBMIT(name)}
<script>
const app = document.getElementById('app');
const values = {};
for (const id of ['worked', 'authorized']) {
  const input = document.getElementById(id);
  const open = () => {
    if (document.getElementById(id + '-listbox')) return;
    const menu = document.createElement('div'); menu.className = 'select__menu'; menu.id = id + '-listbox'; menu.setAttribute('role', 'listbox');
    menu.style.cssText = 'position:absolute;top:60px;left:300px;background:#fff';
    for (const label of ['Yes', 'No']) {
      const o = document.createElement('div'); o.setAttribute('role', 'option'); o.className = 'select__option'; o.textContent = label;
      o.addEventListener('click', () => { values[id] = label; document.getElementById(id + '-placeholder').textContent = label; document.getElementById(id + '-placeholder').className = 'select__single-value'; close(); });
      menu.append(o);
    }
    document.body.append(menu); app.setAttribute('aria-hidden', 'true'); input.setAttribute('aria-expanded', 'true');
  };
  const close = () => { document.getElementById(id + '-listbox')?.remove(); app.removeAttribute('aria-hidden'); input.setAttribute('aria-expanded', 'false'); };
  input.addEventListener('mousedown', open);
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); if (e.key === 'ArrowDown') open(); });
}
const PLACES = ['San Francisco, California, United States', 'San Francisco de Macorís, Dominican Republic', 'Santa Fe, New Mexico, United States'];
const loc = document.getElementById('candidate-location');
const list = document.getElementById('location-list');
let picked = '';
let timer;
loc.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    list.innerHTML = '';
    const q = loc.value.toLowerCase();
    for (const p of PLACES.filter((p) => q.length >= 3 && p.toLowerCase().startsWith(q))) {
      const li = document.createElement('li'); li.setAttribute('role', 'option'); li.textContent = p;
      li.addEventListener('mousedown', () => { picked = p; loc.value = p; list.innerHTML = ''; });
      list.append(li);
    }
  }, ${suggestAfterMs});
});
loc.addEventListener('blur', () => setTimeout(() => { if (loc.value !== picked) loc.value = ''; list.innerHTML = ''; }, 150));
const code = document.getElementById('phone_country');
document.getElementById('submit').onclick = () => submitApplication({
  firstName: first_name.value, lastName: last_name.value,
  phoneCountry: code.value, phoneCountryLabel: code.selectedOptions[0].text, phone: phone.value,
  location: loc.value, worked: values.worked ?? '', authorized: values.authorized ?? '',
}, ['firstName', 'lastName', 'phoneCountry', 'phone', 'location', 'worked', 'authorized']);
</script>`,
  );

/**
 * A company careers page embedding its ATS in an iframe: the first step asks only email and
 * consent (aria-required on the consent's group), the second is built of web components whose
 * labels live in nested shadow roots, with ids that change at every step and a select whose
 * option values are numbers.
 */
const embedOuter = page(
  'Careers at Acme',
  `<header><h1>Careers at Acme</h1><a href="/linkedin">Apply with LinkedIn</a></header>
<iframe id="ats-frame" src="/embed/step1" width="900" height="700" title="Application"></iframe>`,
);
const embedStep1 = (id: string) =>
  page(
    'Apply — step 1',
    `<div class="step">
<label for="e-${id}">Email address</label><input id="e-${id}" type="email" required>
<div role="group" aria-required="true" aria-labelledby="consent-title"><span id="consent-title">Data privacy</span>
  <label><input type="checkbox" id="c-${id}"> I agree to the processing of my data as described in the privacy policy</label></div>
<button type="button" id="next">Continue</button>
</div>
${SUBMIT('embed-step1')}
<script>
document.getElementById('next').onclick = () => {
  const email = document.querySelector('input[type=email]').value;
  const consent = document.querySelector('input[type=checkbox]').checked;
  if (!email || !consent) { errors.hidden = false; errors.textContent = 'Email and consent are required.'; return; }
  sessionStorage.setItem('email', email);
  location.href = '/embed/step2';
};
</script>`,
  );
const embedStep2 = page(
  'Apply — step 2',
  `<x-application></x-application>
${SUBMIT('embed')}
<script>
const rid = () => Math.random().toString(36).slice(2, 8);
customElements.define('x-field', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const id = 'f-' + rid();
    const label = this.getAttribute('label');
    if (this.hasAttribute('select')) {
      root.innerHTML = '<label for="' + id + '">' + label + '</label><select id="' + id + '"><option value="0">Select...</option>' +
        this.getAttribute('select').split('|').map((o, i) => '<option value="' + (i + 1) + '">' + o + '</option>').join('') + '</select>';
    } else root.innerHTML = '<label for="' + id + '">' + label + '</label><input id="' + id + '" type="' + (this.getAttribute('type') || 'text') + '">';
  }
  get value() { return this.shadowRoot.querySelector('input,select').value; }
});
customElements.define('x-application', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><x-field label="First name"></x-field><x-field label="Last name"></x-field><x-field label="Mobile phone" type="tel"></x-field>' +
      '<x-field label="Years of experience" select="0-2 years|3-5 years|5-7 years|8+ years"></x-field><button type="button" id="send">Submit</button></section>';
    const [first, last, phone, years] = root.querySelectorAll('x-field');
    root.getElementById('send').onclick = () => submitApplication({ email: sessionStorage.getItem('email'),
      firstName: first.value, lastName: last.value, phone: phone.value, years: years.value }, ['firstName', 'lastName', 'phone']);
  }
});
</script>`,
);

/**
 * A read-only start date set only by its popup calendar (react-datepicker's DOM: a month heading,
 * previous/next buttons, day cells with days of the neighbouring months marked outside).
 */
const calendar = page(
  'Apply — availability',
  `<form onsubmit="return false">
<label for="start">Available start date<span aria-hidden="true">*</span></label>
<input id="start" name="start_date" readonly aria-haspopup="dialog" placeholder="Select a date" aria-required="true">
<button type="button" id="submit">Submit application</button>
</form>
${SUBMIT('calendar')}
<script>
const input = document.getElementById('start');
let shown = new Date(2026, 11, 1);
function render() {
  document.getElementById('cal')?.remove();
  const cal = document.createElement('div'); cal.id = 'cal'; cal.className = 'react-datepicker'; cal.setAttribute('role', 'dialog');
  const y = shown.getFullYear(), m = shown.getMonth();
  cal.innerHTML = '<button type="button" aria-label="Previous Month" class="nav prev">‹</button>' +
    '<div class="react-datepicker__current-month">' + shown.toLocaleString('en-US', { month: 'long' }) + ' ' + y + '</div>' +
    '<button type="button" aria-label="Next Month" class="nav next">›</button><div class="react-datepicker__month" role="listbox"></div>';
  const month = cal.querySelector('.react-datepicker__month');
  const first = new Date(y, m, 1).getDay();
  for (let i = -first + 1; i <= 35 - first; i++) {
    const d = new Date(y, m, i);
    const cell = document.createElement('div'); cell.setAttribute('role', 'option'); cell.textContent = d.getDate();
    cell.className = 'react-datepicker__day' + (d.getMonth() !== m ? ' react-datepicker__day--outside-month' : '');
    cell.onclick = () => { input.value = (d.getMonth() + 1 + '').padStart(2, '0') + '/' + (d.getDate() + '').padStart(2, '0') + '/' + d.getFullYear(); cal.remove(); };
    month.append(cell);
  }
  cal.querySelector('.prev').onclick = () => { shown = new Date(y, m - 1, 1); render(); };
  cal.querySelector('.next').onclick = () => { shown = new Date(y, m + 1, 1); render(); };
  document.body.append(cal);
}
input.addEventListener('click', render);
document.getElementById('submit').onclick = () => submitApplication({ start: input.value }, ['start']);
</script>`,
);

/** A form whose buttons answer only trusted clicks (a real user's), as bot-wary sites do. */
const trusted = page(
  'Apply — careers',
  `<div id="posting"><h1>Backend Engineer</h1><button type="button" id="apply">Apply now</button></div>
<form id="form" hidden onsubmit="return false">
<label for="email">Email</label><input id="email" type="email" required>
<button type="button" id="submit">Submit application</button>
</form>
${SUBMIT('trusted')}
<script>
document.getElementById('apply').addEventListener('click', (e) => {
  if (!e.isTrusted) return;
  document.getElementById('posting').hidden = true; document.getElementById('form').hidden = false;
});
document.getElementById('submit').addEventListener('click', (e) => {
  if (e.isTrusted) submitApplication({ email: document.getElementById('email').value }, ['email']);
});
</script>`,
);

/** A wizard step whose Next refuses a question it never marked as required. */
const stuck = page(
  'Apply — step 1 of 3',
  `<form onsubmit="return false">
<label for="email">Email</label><input id="email" type="email">
<label for="colour">Favourite colour</label><input id="colour" aria-describedby="colour-error"><span id="colour-error" class="error-message" hidden>Favourite colour is required.</span>
<button type="button" id="next">Next</button>
</form>
<script>
document.getElementById('next').onclick = () => {
  const colour = document.getElementById('colour');
  if (!colour.value) { colour.setAttribute('aria-invalid', 'true'); document.getElementById('colour-error').hidden = false; return; }
  document.body.innerHTML = '<p>Step 2</p>';
};
</script>`,
);

/**
 * Workday's wizard: every render builds the step again (new `input-N` ids, a new "Save and
 * Continue" button in the bottom bar), also when the step refuses its click with the error banner
 * and an `aria-invalid` field, as Workday does.
 */
const workdayRerender = page(
  'Workday — Application Questions',
  `<div id="root"></div>
<script>
let n = 0;
const state = { first: '', colour: '' };
function render(errors) {
  const a = 'input-' + (++n), b = 'input-' + (++n);
  document.getElementById('root').innerHTML =
    '<div data-automation-id="applyFlowPage"><h2>Application Questions</h2>' +
    (errors ? '<div data-automation-id="errorBanner" role="alert">Errors Found: 1 error</div>' : '') +
    '<div data-automation-id="formField-firstName" aria-required="true"><label for="' + a + '">First Name<abbr aria-hidden="true">*</abbr></label><input id="' + a + '" data-automation-id="legalNameSection_firstName"></div>' +
    '<div data-automation-id="formField-colour"><label for="' + b + '">Favourite colour</label><input id="' + b + '"' + (errors ? ' aria-invalid="true"' : '') + '>' +
    (errors ? '<p data-automation-id="errorMessage">Favourite colour is required.</p>' : '') + '</div>' +
    '<div data-automation-id="pageFooter"><button type="button" data-automation-id="bottom-navigation-next-button">Save and Continue</button></div></div>';
  document.getElementById(a).value = state.first; document.getElementById(b).value = state.colour;
  document.getElementById(a).oninput = (e) => { state.first = e.target.value; };
  document.getElementById(b).oninput = (e) => { state.colour = e.target.value; };
  document.querySelector('[data-automation-id="bottom-navigation-next-button"]').onclick = () => {
    if (!state.first || !state.colour) return render(true);
    document.getElementById('root').innerHTML = '<h2>Review</h2>';
  };
}
render(false);
</script>`,
);

/**
 * iCIMS: each step is a server-rendered page that posts to itself; a refused step comes back with
 * its values, an error list and a new token in the address.
 */
const icimsStep = (values: Record<string, string>, refused: boolean) =>
  page(
    'iCIMS — Candidate Profile',
    `<h1>Candidate Profile</h1>
<form method="post" action="/icims?hashed=${Math.random().toString(36).slice(2, 10)}" class="iCIMS_Forms">
${refused ? '<div class="iCIMS_Error" role="alert">Please correct the following: Favourite colour is required.</div>' : ''}
<div class="iCIMS_TableRow"><label for="PersonProfileFields.Email">Email <span class="iCIMS_RequiredField">*</span></label>
<input id="PersonProfileFields.Email" name="email" type="email" value="${values.email ?? ''}"></div>
<div class="iCIMS_TableRow"><label for="rcf3048">Favourite colour</label>
<input id="rcf3048" name="colour" value="${values.colour ?? ''}"${refused ? ' aria-invalid="true"' : ''}></div>
<input type="submit" class="iCIMS_Button" value="Next">
</form>`,
  );

/**
 * iCIMS's first step asks only an email and acceptance of the privacy policy, with no marker on
 * the box: the refusal that comes back (a new page) is the only sign the box is required. The
 * password box for returning candidates stays hidden for a new one.
 */
const icimsLogin = (values: Record<string, string>, refused: boolean, path = '/icims-login') =>
  page(
    'iCIMS — Login',
    `<h1>Please Enter Your Information</h1>
<form method="post" action="${path}?hashed=${Math.random().toString(36).slice(2, 10)}" class="iCIMS_Forms">
${refused ? '<div class="iCIMS_Error" role="alert">Enter a valid email address and accept the Privacy Policy to continue.</div>' : ''}
<label for="email">Email Address</label><input id="email" name="email" type="email" value="${values.email ?? ''}">
<div class="iCIMS_PrivacyPolicy"><input type="checkbox" id="accept_gdpr" name="gdpr" value="1"${refused && !values.gdpr && path === '/icims-login' ? ' aria-invalid="true"' : ''}>
<label for="accept_gdpr">I accept the Privacy Policy</label></div>
<div class="iCIMS_ReturningCandidate" hidden><label for="pw">Password</label><input id="pw" type="password" name="password"></div>
<input type="submit" class="iCIMS_Button" value="Next">
</form>`,
  );

const icimsProfile = (name: string) =>
  page(
    'iCIMS — Candidate Profile',
    `<h1>Candidate Profile</h1>
<form onsubmit="return false"><label for="first">First Name</label><input id="first" required>
<button type="button" id="submit">Submit</button></form>
${SUBMIT(name)}
<script>document.getElementById('submit').onclick = () => submitApplication({ first: document.getElementById('first').value }, ['first']);</script>`,
  );

/**
 * A Workday posting: Apply at the top and again below the description; either opens the "Start
 * Your Application" dialog (inserted after the top one) whose choices are Autofill with Resume and
 * Apply Manually, and a second click on Apply just opens it again.
 */
const workdayStart = page(
  'Workday — Backend Engineer',
  `<div data-automation-id="jobPostingPage"><h2 data-automation-id="jobPostingHeader">Backend Engineer</h2>
<a role="button" href="#" class="apply" data-automation-id="adventureButton">Apply</a>
<div id="menu-slot"></div>
<div data-automation-id="jobPostingDescription"><p>Build the services behind our product.</p></div>
<a role="button" href="#" class="apply" data-automation-id="adventureButton">Apply</a></div>
${SUBMIT('workday-start')}
<script>
const open = (e) => {
  e.preventDefault();
  document.getElementById('menu-slot').innerHTML =
    '<div role="dialog" aria-modal="true" aria-labelledby="start-h"><h2 id="start-h">Start Your Application</h2>' +
    '<a role="button" href="#" data-automation-id="autofillWithResume">Autofill with Resume</a> ' +
    '<a role="button" href="#" data-automation-id="applyManually" id="manual">Apply Manually</a></div>';
  document.getElementById('manual').onclick = (ev) => {
    ev.preventDefault();
    document.body.innerHTML = '<div data-automation-id="applyFlowPage"><h2>My Information</h2>' +
      '<div aria-required="true"><label for="input-9">First Name<abbr aria-hidden="true">*</abbr></label><input id="input-9"></div>' +
      '<div data-automation-id="formField-countryRegion"><label id="region-l">State<abbr aria-hidden="true">*</abbr></label>' +
      '<button type="button" id="region" aria-haspopup="listbox" aria-label="State Select One Required">Select One</button></div>' +
      '<button type="button" id="submit" data-automation-id="bottom-navigation-next-button">Submit</button></div><div id="errors" role="alert" hidden></div>';
    // Workday's dropdown names itself with the question, what it shows and "Required".
    const region = document.getElementById('region');
    region.onclick = () => {
      const list = document.createElement('ul'); list.setAttribute('role', 'listbox'); list.className = 'popup';
      for (const name of ['Arizona', 'California', 'Colorado']) {
        const li = document.createElement('li'); li.setAttribute('role', 'option'); li.textContent = name;
        li.onclick = () => { region.textContent = name; region.setAttribute('aria-label', 'State ' + name + ' Required'); list.remove(); };
        list.append(li);
      }
      document.body.append(list);
    };
    document.getElementById('submit').onclick = () => submitApplication(
      { first: document.getElementById('input-9').value, state: region.textContent === 'Select One' ? '' : region.textContent },
      ['first', 'state'],
    );
  };
};
document.querySelectorAll('.apply').forEach((a) => { a.onclick = open; });
</script>`,
);

/**
 * A Workable-style form whose consent is a component kit's checkbox (`<button role="checkbox"
 * aria-checked>`, as Radix and similar React kits draw it): no input, required on the button.
 */
const workable = page(
  'Backend Engineer — Workable',
  `<form data-ui="application-form" onsubmit="return false">
<div data-ui="firstname"><label for="firstname">First name<span aria-hidden="true">*</span></label><input id="firstname" name="firstname" required></div>
<div data-ui="email"><label for="email">Email<span aria-hidden="true">*</span></label><input id="email" name="email" type="email" required></div>
<div data-ui="gdpr"><button type="button" role="checkbox" aria-checked="false" aria-required="true" id="gdpr" data-state="unchecked"></button>
<label for="gdpr">I have read and agree to the privacy policy and the processing of my data for this application.</label></div>
<div data-ui="marketing"><button type="button" role="checkbox" aria-checked="false" id="news"></button>
<label for="news">Send me job alerts and newsletters</label></div>
<button type="button" id="submit" data-ui="submit">Submit application</button>
</form>
${SUBMIT('workable')}
<script>
for (const box of document.querySelectorAll('[role=checkbox]')) box.onclick = () => {
  const on = box.getAttribute('aria-checked') !== 'true';
  box.setAttribute('aria-checked', String(on)); box.dataset.state = on ? 'checked' : 'unchecked';
};
const checked = (id) => document.getElementById(id).getAttribute('aria-checked') === 'true';
document.getElementById('submit').onclick = () => submitApplication(
  { firstname: document.getElementById('firstname').value, email: document.getElementById('email').value, gdpr: checked('gdpr'), news: checked('news') },
  ['firstname', 'email', 'gdpr'],
);
</script>`,
);

/**
 * BambooHR's Fabric form: required labels carry `fab-Label--required` and their asterisk is drawn
 * by the stylesheet (`::after`), so no text says "required"; the consent box is one of them.
 */
const bamboohr = page(
  'BambooHR — Apply for Backend Engineer',
  `<style>.fab-Label--required::after{content:"*";color:#c20b0b;margin-left:2px}</style>
<form class="fab-Form" onsubmit="return false">
<div class="fab-FormField"><label class="fab-Label fab-Label--required" for="firstName">First Name</label><input class="fab-TextInput" id="firstName" name="firstName"></div>
<div class="fab-FormField"><label class="fab-Label fab-Label--required" for="lastName">Last Name</label><input class="fab-TextInput" id="lastName" name="lastName"></div>
<div class="fab-FormField"><label class="fab-Label fab-Label--required" for="email">Email</label><input class="fab-TextInput" id="email" name="email"></div>
<div class="fab-FormField"><label class="fab-Label" for="website">Website, Blog, or Portfolio</label><input class="fab-TextInput" id="website" name="websiteUrl"></div>
<div class="fab-FormField fab-Checkbox"><input type="checkbox" id="consent" name="consent"><label class="fab-Label fab-Label--required" for="consent">I have read and agree to the processing of my personal data as described in the privacy notice.</label></div>
<button type="button" id="submit" class="fab-Button">Submit Application</button>
</form>
${SUBMIT('bamboohr')}
<script>
document.getElementById('submit').onclick = () => {
  const v = (id) => document.getElementById(id).value;
  const data = { firstName: v('firstName'), lastName: v('lastName'), email: v('email'), consent: document.getElementById('consent').checked };
  if (Object.values(data).some((x) => x === '' || x === false)) {
    const errors = document.getElementById('errors'); errors.hidden = false; errors.textContent = 'Some required fields are missing.'; return;
  }
  submitApplication(data, []);
};
</script>`,
);

/**
 * Workable as its application form renders: the asterisk a `<strong>` inside the label, the privacy
 * notice box a `role=checkbox` div wrapping a hidden input with no required marker of any kind,
 * a talent-pool opt-in beside it. A submit without the privacy box shows only a toast (no role, no
 * error class) and sends nothing.
 */
const workableToast = page(
  'Backend Engineer — Workable',
  `<form data-ui="application-form" onsubmit="return false">
<div data-ui="firstname"><label for="firstname"><span><strong>*</strong></span><span id="firstname_label"><strong>First name</strong></span></label><input id="firstname" name="firstname" aria-labelledby="firstname_label" required></div>
<div data-ui="email"><label for="email"><span><strong>*</strong></span><span id="email_label"><strong>Email</strong></span></label><input id="email" name="email" type="email" aria-labelledby="email_label" required></div>
<div data-ui="gdpr"><label><div aria-labelledby="checkbox_label_g" role="checkbox" aria-checked="false" tabindex="0" id="g"><input tabindex="-1" aria-hidden="true" type="checkbox" name="gdpr"></div><span id="checkbox_label_g"><span>I have read and accept the privacy notice, and agree to the processing of my data for this application.</span></span></label></div>
<div data-ui="talent-pool"><label><div aria-labelledby="checkbox_label_t" role="checkbox" aria-checked="false" tabindex="0" id="t"><input tabindex="-1" aria-hidden="true" type="checkbox" name="talent"></div><span id="checkbox_label_t"><span>Keep my details in your talent pool for future opportunities.</span></span></label></div>
<button type="button" id="submit" data-ui="apply-button">Submit application</button>
</form>
<div id="toast" class="styles--toast" hidden></div>
${SUBMIT('workable-toast')}
<script>
for (const box of document.querySelectorAll('[role=checkbox]')) box.onclick = () => {
  const on = box.getAttribute('aria-checked') !== 'true';
  box.setAttribute('aria-checked', String(on)); box.querySelector('input').checked = on;
};
const checked = (id) => document.getElementById(id).getAttribute('aria-checked') === 'true';
document.getElementById('submit').onclick = () => {
  const data = { firstname: document.getElementById('firstname').value, email: document.getElementById('email').value, gdpr: checked('g'), talent: checked('t') };
  const toast = document.getElementById('toast');
  if (!data.gdpr) { toast.hidden = false; toast.textContent = 'Please fill in all required fields'; return; }
  toast.hidden = true;
  submitApplication(data, ['firstname', 'email']);
};
</script>`,
);

/**
 * BambooHR's Fabric form refusing a question it never marked required: after the click the
 * question's wrapper turns `fab-FormField--error` and a notice without any role says "Some
 * required fields are missing". Nothing is sent.
 */
const bamboohrMissing = page(
  'BambooHR — Apply for Backend Engineer',
  `<form class="fab-Form" onsubmit="return false">
<div class="fab-FormField"><label class="fab-Label" for="firstName">First Name</label><input class="fab-TextInput" id="firstName" name="firstName"></div>
<div class="fab-FormField"><label class="fab-Label" for="email">Email</label><input class="fab-TextInput" id="email" name="email"></div>
<div class="fab-FormField" id="why-field"><label class="fab-Label" for="why">What interests you about this role?</label><textarea class="fab-Textarea" id="why" name="why"></textarea></div>
<button type="button" id="submit" class="fab-Button">Submit Application</button>
</form>
<div class="fab-Notice" id="notice" hidden></div>
${SUBMIT('bamboohr-missing')}
<script>
document.getElementById('submit').onclick = () => {
  const v = (id) => document.getElementById(id).value;
  if (!v('why').trim()) {
    document.getElementById('why-field').classList.add('fab-FormField--error');
    const n = document.getElementById('notice'); n.hidden = false; n.textContent = 'Some required fields are missing.'; return;
  }
  submitApplication({ firstName: v('firstName'), email: v('email'), why: v('why') }, []);
};
</script>`,
);

/**
 * An iCIMS-style error summary: after the click a list of links to the fields it refuses, here a
 * question with no required marker; another optional field stays empty and is not refused.
 */
const icimsSummary = page(
  'Candidate Profile — iCIMS',
  `<form class="iCIMS_Form" onsubmit="return false">
<div class="iCIMS_Error" id="summary" hidden><p>Please correct the following errors:</p><ul id="summary-list"></ul></div>
<div class="iCIMS_TableRow"><label for="PersonProfileFields.FirstName">First Name</label><input id="PersonProfileFields.FirstName" name="first"></div>
<div class="iCIMS_TableRow"><label for="PersonProfileFields.MiddleName">Middle Name</label><input id="PersonProfileFields.MiddleName" name="middle"></div>
<div class="iCIMS_TableRow"><label for="rcf3048">Which team would you most like to join?</label><input id="rcf3048" name="rcf3048"></div>
<button type="button" id="submit" class="iCIMS_Button">Submit</button>
</form>
${SUBMIT('icims-summary')}
<script>
document.getElementById('submit').onclick = () => {
  const v = (id) => document.getElementById(id).value;
  if (!v('rcf3048').trim()) {
    document.getElementById('summary').hidden = false;
    document.getElementById('summary-list').innerHTML = '<li><a href="#rcf3048">This answer is required.</a></li>';
    return;
  }
  submitApplication({ first: v('PersonProfileFields.FirstName'), team: v('rcf3048') }, []);
};
</script>`,
);

/**
 * BambooHR's Fabric select: the label "State *" (a thin space before the asterisk) names nothing,
 * the visible control is a button with `aria-haspopup="true"` showing "–Select–", and the value
 * lives in a hidden, required native select beside it (kept for validation and autofill). The
 * button's menu is portaled to <body> as role=menuitem entries; the page submits what its own
 * state holds, which a change of the native select (autofill) updates too.
 */
const bamboohrSelect = page(
  'BambooHR — Apply for Backend Engineer',
  `<form class="fab-Form" onsubmit="return false">
<div class="fab-FormField"><label class="fab-Label" for="firstName">First Name&#8201;*</label><input class="fab-TextInput" id="firstName" name="firstName" required></div>
<div class="fab-FormField"><label class="fab-Label" id="state-label">State&#8201;*</label>
  <div class="fab-SelectToggle"><button type="button" id="state-toggle" aria-haspopup="true" aria-label="State &#8211;Select&#8211;" data-menu-id="fab-menu46">&#8211;Select&#8211;</button>
  <select required aria-hidden="true" tabindex="-1" style="opacity:0;position:absolute;width:1px;height:1px" name="state.value" id="state-select"><option value=""></option><option value="CA">California</option><option value="NY">New York</option><option value="WA">Washington</option></select></div>
</div>
<button type="button" id="submit" class="fab-Button">Submit Application</button>
</form>
${SUBMIT('bamboohr-select')}
<script>
let state = '';
const toggle = document.getElementById('state-toggle');
const native = document.getElementById('state-select');
const show = () => { const o = native.querySelector('option[value="' + state + '"]'); toggle.textContent = state ? o.textContent : '\u2013Select\u2013'; };
native.addEventListener('change', () => { state = native.value; show(); });
toggle.onclick = () => {
  document.getElementById('fab-menu46')?.remove();
  const menu = document.createElement('ul'); menu.setAttribute('role', 'menu'); menu.id = 'fab-menu46'; menu.className = 'popup';
  for (const o of native.options) {
    if (!o.value) continue;
    const li = document.createElement('li'); li.setAttribute('role', 'menuitem'); li.textContent = o.textContent;
    li.onclick = () => { state = o.value; native.value = o.value; show(); menu.remove(); };
    menu.append(li);
  }
  document.body.append(menu);
};
document.getElementById('submit').onclick = () => {
  const data = { firstName: document.getElementById('firstName').value, state };
  if (!data.firstName || !data.state) { const e = document.getElementById('errors'); e.hidden = false; e.textContent = 'Some required fields are missing.'; return; }
  submitApplication(data, []);
};
</script>`,
);

/**
 * Workday's "My Information" as tenants render it: the "How Did You Hear About Us?" prompt is a
 * plain text input (placeholder "Search", no ARIA role) whose popup lists categories marked
 * `aria-haspopup`; picking one empties the list and renders its options a moment later, headed by
 * a "← Social Media" option that goes back. Text typed in the box and never picked is dropped.
 * "I have a preferred name" is a checkbox that shows the preferred name fields once ticked.
 */
const workdayPrompt = page(
  'Workday — My Information',
  `<div id="main" data-automation-id="applyFlowPage">
<h2>My Information</h2>
<div data-automation-id="formField-source">
  <label for="input-1">How Did You Hear About Us?<abbr aria-hidden="true" title="required">*</abbr></label>
  <div data-automation-id="multiselectInputContainer">
    <ul data-automation-id="selectedItemList"></ul>
    <input id="input-1" type="text" placeholder="Search" autocomplete="off" data-automation-id="searchBox" class="css-searchbox">
  </div>
</div>
<div data-automation-id="formField-legalNameSection_firstName" aria-required="true">
  <label for="input-2">Given Name(s)<abbr aria-hidden="true" title="required">*</abbr></label>
  <input id="input-2" type="text" data-automation-id="legalNameSection_firstName">
</div>
<div data-automation-id="formField-preferredCheck">
  <input id="input-3" type="checkbox" data-automation-id="preferredCheck"><label for="input-3">I have a preferred name</label>
</div>
<div id="preferred" hidden data-automation-id="formField-preferredNameSection_firstName">
  <label for="input-4">Preferred Given Name<abbr aria-hidden="true" title="required">*</abbr></label>
  <input id="input-4" type="text" data-automation-id="preferredNameSection_firstName">
</div>
<button type="button" data-automation-id="bottom-navigation-next-button" id="submit">Submit</button>
</div>
${SUBMIT('workday-prompt')}
<script>
const SOURCES = [
  { label: 'Job Board', children: ['Indeed', 'Glassdoor'] },
  { label: 'Social Media', children: ['Facebook', 'LinkedIn', 'Twitter'] },
  { label: 'Company Website' },
];
const box = document.getElementById('input-1');
const chosen = [];
function closePopup() { document.getElementById('popup')?.remove(); }
function render(options, back) {
  let popup = document.getElementById('popup');
  if (!popup) { popup = document.createElement('div'); popup.id = 'popup'; popup.className = 'popup'; document.body.append(popup); }
  popup.innerHTML = '';
  const list = document.createElement('div'); list.setAttribute('role', 'listbox'); popup.append(list);
  const add = (label, onPick, category) => {
    const el = document.createElement('div'); el.setAttribute('role', 'option'); el.setAttribute('data-automation-id', 'promptOption');
    if (category) el.setAttribute('aria-haspopup', 'true');
    el.textContent = label; el.onclick = onPick; list.append(el);
  };
  if (back) add('\u2190 ' + back, () => render(SOURCES));
  for (const o of options) {
    if (o.children) add(o.label, () => { list.innerHTML = ''; setTimeout(() => render(o.children.map((label) => ({ label })), o.label), 150); }, true);
    else add(o.label, () => pick(o.label));
  }
}
function pick(label) {
  chosen.push(label);
  const li = document.createElement('li'); li.setAttribute('data-automation-id', 'selectedItem'); li.textContent = label;
  document.querySelector('[data-automation-id=selectedItemList]').append(li);
  box.value = ''; closePopup();
}
box.addEventListener('click', () => { if (!document.getElementById('popup')) render(SOURCES); });
// Typed text only searches; leaving the box drops what nobody picked.
box.addEventListener('blur', () => setTimeout(() => { box.value = ''; }, 200));
document.getElementById('input-3').addEventListener('change', (e) => { document.getElementById('preferred').hidden = !e.target.checked; });
document.getElementById('submit').onclick = () => submitApplication({
  source: chosen, first: document.getElementById('input-2').value,
  preferredCheck: document.getElementById('input-3').checked, preferred: document.getElementById('input-4').value,
}, ['source', 'first']);
</script>`,
);

/**
 * BambooHR's questions: "Address" is the street line (named \`streetAddress\`, City / State / ZIP
 * beside it); an answer picked from a list is an input \`role=combobox\` labelled by a span in its
 * own wrapper (no \`<label>\`), its listbox portaled to <body>, and a refused submit puts "This
 * field is required." beside it. Years of software development asked of a software engineer are
 * their career.
 */
const bamboohrQuestions = page(
  'BambooHR — Apply for Backend Engineer',
  `<form class="fab-Form" onsubmit="return false">
<div class="fab-FormField"><label class="fab-Label fab-Label--required" for="firstName">First Name</label><input class="fab-TextInput" id="firstName" name="firstName"></div>
<div class="fab-FormField"><label class="fab-Label" for="streetAddress">Address</label><input class="fab-TextInput" id="streetAddress" name="streetAddress"></div>
<div class="fab-FormField"><label class="fab-Label" for="city">City</label><input class="fab-TextInput" id="city" name="city"></div>
<div class="fab-FormField" id="years-field"><span class="fab-Label fab-Label--required" id="years-label">How many years of experience do you have in software development?</span>
  <input id="customQuestion_61" role="combobox" readonly aria-expanded="false" aria-haspopup="listbox" aria-controls="years-menu" aria-labelledby="years-label" autocomplete="off" class="fab-SelectToggle">
  <div class="fab-FormField__error" id="years-error"></div></div>
<button type="button" id="submit" class="fab-Button">Submit Application</button>
</form>
${SUBMIT('bamboohr-questions')}
<script>
const YEARS = ['0-2 years', '3-5 years', '6-9 years', '10+ years'];
const years = document.getElementById('customQuestion_61');
years.onclick = () => {
  document.getElementById('years-menu')?.remove();
  const menu = document.createElement('ul'); menu.setAttribute('role', 'listbox'); menu.id = 'years-menu'; menu.className = 'popup';
  for (const y of YEARS) {
    const li = document.createElement('li'); li.setAttribute('role', 'option'); li.textContent = y;
    li.onclick = () => { years.value = y; menu.remove(); years.setAttribute('aria-expanded', 'false'); };
    menu.append(li);
  }
  document.body.append(menu); years.setAttribute('aria-expanded', 'true');
};
document.getElementById('submit').onclick = () => {
  const v = (id) => document.getElementById(id).value;
  const data = { firstName: v('firstName'), address: v('streetAddress'), city: v('city'), years: v('customQuestion_61') };
  if (!data.firstName || !data.years) {
    document.getElementById('years-error').textContent = data.years ? '' : 'This field is required.';
    const e = document.getElementById('errors'); e.hidden = false; e.textContent = 'Some required fields are missing.'; return;
  }
  submitApplication(data, []);
};
</script>`,
);

/**
 * Workable's labels end in a visually hidden "Required" badge (the accessible name reads "First
 * name Required"); the processing consent says "privacy notice" and carries the badge too, and the
 * form refuses without it.
 */
const workableBadges = page(
  'Backend Engineer — Workable',
  `<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>
<form data-ui="application-form" onsubmit="return false">
<div data-ui="firstname"><label for="firstname">First name<span class="sr-only"> Required</span></label><input id="firstname" name="firstname"></div>
<div data-ui="QA_1"><label for="QA_1">Where did you first learn about this opening?<span class="sr-only"> Required</span></label><input id="QA_1" name="QA_1"></div>
<div data-ui="gdpr"><input type="checkbox" id="gdpr" name="gdpr"><label for="gdpr">I agree that Acme Robotics may process my data in accordance with its privacy notice<span class="sr-only"> Required</span></label></div>
<button type="button" id="submit" data-ui="apply-button">Submit application</button>
</form>
${SUBMIT('workable-badges')}
<script>
document.getElementById('submit').onclick = () => submitApplication({
  firstname: document.getElementById('firstname').value, heard: document.getElementById('QA_1').value,
  gdpr: document.getElementById('gdpr').checked,
}, ['firstname', 'heard', 'gdpr']);
</script>`,
);

/**
 * iCIMS frames its application in the careers page (same origin here); after the final submit the
 * frame alone moves to its thank-you page, whose words are its own, and the careers page around it
 * stays as it was.
 */
const framedOuter = page(
  'Brightwell Careers',
  `<header><h1>Brightwell Careers</h1></header><iframe id="icims_content_iframe" src="/framed/candidate/thanks?in_iframe=1" width="900" height="400" title="Application"></iframe>`,
);
const framedThanks = page('Thank you', '<h1>Thank you!</h1><p>We will be in touch about next steps.</p>');
const framedSentence = page(
  'Brightwell Careers',
  '<h1>Brightwell Careers</h1><p>Your application for Application Developer II has been submitted successfully.</p>',
);

/** A candidate page that asks its server whether this person applied, and says so only then. */
const applied = page(
  'Your application',
  `<main id="app"><p>Loading…</p></main>
<script>
fetch('/status').then((r) => r.json()).then((s) => {
  document.getElementById('app').innerHTML = s.applied ? "<h1>You've already applied for this job.</h1><p>Submitted " + s.on + '</p>' : '<p>No application yet.</p>';
});
</script>`,
);

const PAGES: Record<string, () => string> = {
  '/applied': () => applied,
  '/calendar': () => calendar,
  '/trusted': () => trusted,
  '/stuck': () => stuck,
  '/workday-rerender': () => workdayRerender,
  '/icims': () => icimsStep({}, false),
  '/bamboohr': () => bamboohr,
  '/workable': () => workable,
  '/workable-toast': () => workableToast,
  '/bamboohr-missing': () => bamboohrMissing,
  '/bamboohr-select': () => bamboohrSelect,
  '/icims-summary': () => icimsSummary,
  '/workday-start': () => workdayStart,
  '/icims-login': () => icimsLogin({}, false),
  // The same step whose refusal marks no field at all: only its words name the box.
  '/icims-login-unmarked': () => icimsLogin({}, false, '/icims-login-unmarked'),
  '/workday-prompt': () => workdayPrompt,
  '/framed': () => framedOuter,
  '/framed/candidate/thanks': () => framedThanks,
  '/framed-sentence': () => framedSentence,
  '/bamboohr-questions': () => bamboohrQuestions,
  '/workable-badges': () => workableBadges,
  '/workday': () => workday,
  '/ashby': () => ashby,
  '/lever': () => lever(false),
  '/lever-challenge': () => lever(true),
  '/greenhouse': () => greenhouse('greenhouse', 200),
  // Its place search answers slowly, as behind a loaded proxy.
  '/greenhouse-slow': () => greenhouse('greenhouse-slow', 6_500),
  '/embed': () => embedOuter,
  '/embed/step1': () => embedStep1(Math.random().toString(36).slice(2, 8)),
  '/embed/step2': () => embedStep2,
};

const STATUS_DELAY_MS = 2_500;

export interface WidgetSite {
  url: string;
  /** What each page's submit sent, by page name. */
  submissions: Map<string, Array<Record<string, unknown>>>;
  /** Names of the files the uploader endpoint received. */
  uploads: string[];
  close(): Promise<void>;
}

export async function startWidgetSite(): Promise<WidgetSite> {
  const submissions = new Map<string, Array<Record<string, unknown>>>();
  const uploads: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && path.startsWith('/submit/')) {
        const name = path.slice('/submit/'.length);
        submissions.set(name, [...(submissions.get(name) ?? []), JSON.parse(Buffer.concat(chunks).toString('utf8'))]);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (req.method === 'POST' && path === '/upload') {
        const name = String(req.headers['x-file-name'] ?? '');
        uploads.push(name);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name }));
        return;
      }
      if (path === '/status') {
        // A slow candidate service: the notice renders long after the DOM went quiet.
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"applied":true,"on":"Dec 7"}'),
          STATUS_DELAY_MS,
        );
        return;
      }
      if (req.method === 'POST' && path === '/icims') {
        const values = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const done = values.email && values.colour;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(done ? '<h1>Step 2</h1>' : icimsStep(values, true));
        return;
      }
      if (req.method === 'POST' && (path === '/icims-login' || path === '/icims-login-unmarked')) {
        const values = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const done = values.email && values.gdpr;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(done ? icimsProfile(path.slice(1)) : icimsLogin(values, true, path));
        return;
      }
      const render = PAGES[path];
      if (!render) {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(render());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    submissions,
    uploads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
