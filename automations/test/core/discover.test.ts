// Field discovery in a real page: every way forms label their controls, shadow roots, same-origin
// iframes, custom widgets, and the honeypots a person never sees.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/runner/browser.ts';
import { coreBundle } from '../../src/runner/core-bundle.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = (await launchBrowser()).browser;
  page = await browser.newPage();
});
afterAll(() => browser?.close());

const FORM = `
<form>
  <label for="fn">First name <span>*</span></label><input id="fn" required>
  <label>Email <input type="email" name="email"></label>
  <input aria-label="Phone number" type="tel">
  <span id="city-cap">Current city</span><input aria-labelledby="city-cap">
  <div><span class="caption">LinkedIn profile</span><input type="url" name="li"></div>
  <input placeholder="Portfolio URL" name="pf">
  <fieldset><legend>Are you willing to relocate?</legend>
    <label><input type="radio" name="rel" value="y"> Yes</label><label><input type="radio" name="rel" value="n"> No</label>
  </fieldset>
  <fieldset><legend>Work arrangements</legend>
    <label><input type="checkbox" name="wa" value="r"> Remote</label><label><input type="checkbox" name="wa" value="h"> Hybrid</label>
  </fieldset>
  <label for="exp">Experience</label><select id="exp"><option value="">Select...</option><option>0-2</option><option>3-5</option></select>
  <div class="q"><label>Do you need a visa?</label><div><button type="button">Yes</button><button type="button">No</button></div></div>
  <label id="dept-l">Department</label>
  <div role="combobox" aria-labelledby="dept-l" aria-controls="dept-list" tabindex="0">Select...</div>
  <ul role="listbox" id="dept-list"><li role="option">Engineering</li><li role="option">Sales</li></ul>
  <div style="position:absolute;left:-10000px"><label for="hp">Website</label><input id="hp" name="website"></div>
  <input type="text" name="hidden-one" style="display:none">
  <label for="cv">Resume</label><input type="file" id="cv" style="opacity:0;width:1px;height:1px">
  <sr-field></sr-field>
  <iframe srcdoc="<label for='q'>Notice period</label><input id='q'>"></iframe>
</form>
<script>
  customElements.define('sr-field', class extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<label for="x">Last name</label><input id="x" required>';
    }
  });
</script>`;

describe('discoverFields', () => {
  it('finds every field a person sees, with the name they read, and nothing else', async () => {
    await page.setContent(FORM);
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.getElementById('q'));
    await page.evaluate(await coreBundle());
    const fields = await page.evaluate(() =>
      globalThis.__jobswipeCore!.discoverFields().map((f) => ({
        label: f.label,
        type: f.type,
        required: f.required,
        options: f.options.map((o) => o.label),
      })),
    );
    const byLabel = Object.fromEntries(fields.map((f) => [f.label, f]));
    expect(Object.keys(byLabel).sort()).toEqual(
      [
        'Are you willing to relocate?',
        'Current city',
        'Department',
        'Do you need a visa?',
        'Email',
        'Experience',
        'First name',
        'Last name',
        'LinkedIn profile',
        'Notice period',
        'Phone number',
        'Portfolio URL',
        'Resume',
        'Work arrangements',
      ].sort(),
    );
    expect(byLabel['First name']).toMatchObject({ type: 'text', required: true });
    expect(byLabel['Last name']).toMatchObject({ required: true });
    expect(byLabel['Are you willing to relocate?']).toMatchObject({ type: 'yes_no', options: ['Yes', 'No'] });
    expect(byLabel['Work arrangements']).toMatchObject({ type: 'checkbox_group', options: ['Remote', 'Hybrid'] });
    expect(byLabel.Experience).toMatchObject({ type: 'select', options: ['0-2', '3-5'] });
    expect(byLabel['Do you need a visa?']).toMatchObject({ type: 'yes_no', options: ['Yes', 'No'] });
    expect(byLabel.Department).toMatchObject({ type: 'combobox', options: ['Engineering', 'Sales'] });
    expect(byLabel.Resume).toMatchObject({ type: 'file' });
  });
});
