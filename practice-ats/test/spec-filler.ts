// Fills a never-tuned form in Chromium straight from its spec, the way a careful person would:
// every field whose expectation says what belongs there gets exactly that, through the widget the
// page shows (menus, chips, spinbuttons, calendars, hidden file inputs); fields that must stay
// empty or be asked are left alone. Not the engine: this knows each form's layout, so a test can
// prove the spec and the page agree.
import type { Frame, Locator, Page } from 'playwright-core';
import type { FieldSpec, FormSpec } from '../src/index.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface Document {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What the spec says to put in a field, as text (an option's label), or null to leave it. */
export function intended(f: FieldSpec): string | null {
  const e = f.expect;
  if (!e) return null;
  switch (e.kind) {
    case 'value':
      return e.value;
    case 'option':
      return e.label;
    case 'checked':
      return 'checked';
    case 'today':
      return todayIso();
    case 'any':
      return f.required ? (f.options?.[0]?.label ?? null) : null;
    default:
      return null;
  }
}

/** The element holding a field's question text (its label, legend or caption), and its container. */
function questionBlock(scope: Frame, f: FieldSpec): Locator {
  const text = f.label.replace(/"/g, '\\"');
  return scope.locator(`xpath=//*[normalize-space(text()[1])="${text}"]/..`).first();
}

async function pickDate(scope: Frame, f: FieldSpec, date: string): Promise<void> {
  const mdy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  const iso = mdy ? `${mdy[3]}-${mdy[1]}-${mdy[2]}` : date;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (scope.url().includes('/workday/')) {
    const wrapper = scope.locator(`[data-automation-id="formField-${f.name}"]`);
    await wrapper.locator('[data-automation-id=dateSectionMonth-input]').fill(String(m).padStart(2, '0'));
    await wrapper.locator('[data-automation-id=dateSectionDay-input]').fill(String(d).padStart(2, '0'));
    await wrapper.locator('[data-automation-id=dateSectionYear-input]').fill(String(y));
    return;
  }
  if ((await scope.locator(`[id="${f.id}_month"]`).count()) > 0) {
    await scope.locator(`[id="${f.id}_month"]`).selectOption(String(m).padStart(2, '0'));
    await scope.locator(`[id="${f.id}_day"]`).selectOption(String(d).padStart(2, '0'));
    await scope.locator(`[id="${f.id}_year"]`).selectOption(String(y));
    return;
  }
  await scope.locator(`[id="${f.id}"]`).click();
  const dialog = scope.getByRole('dialog', { name: 'Choose a date' });
  const heading = `${MONTHS[m - 1]} ${y}`;
  for (let i = 0; i < 36 && (await dialog.locator('[aria-live]').textContent()) !== heading; i++) {
    await dialog.getByRole('button', { name: 'Next month' }).click();
  }
  await dialog.getByRole('button', { name: `${MONTHS[m - 1]} ${d}, ${y}`, exact: true }).click();
}

/** Fills one field with what its spec intends. */
export async function fillField(scope: Frame, f: FieldSpec, resume: Document): Promise<void> {
  const value = intended(f);
  if (f.expect?.kind === 'resume') {
    const input = scope.locator(`input[type=file][name="${f.name}"]`);
    await input.setInputFiles(resume);
    // Behind a button the file may go to its own endpoint first: wait until the page names it.
    if (await input.evaluate((el) => getComputedStyle(el).display === 'none')) {
      await scope.getByText(resume.name, { exact: true }).first().waitFor();
    }
    return;
  }
  if (value === null) return;
  const workday = scope.locator(`[data-automation-id="formField-${f.name}"]`);
  const byName = scope.locator(`[name="${f.name}"]`);
  if (f.type === 'date') return pickDate(scope, f, value);
  if (f.type === 'checkbox') return byName.check();
  if (f.type === 'radio') {
    const option = f.options?.find((o) => o.label === value);
    return scope.locator(`input[type=radio][name="${f.name}"][value="${option?.value}"]`).check();
  }
  if (f.type === 'yes_no') {
    // Toggle buttons (Ashby, Recruitee) or role=radio chips (Teamtailor) beside the question text.
    const block = questionBlock(scope, f);
    return block
      .getByRole('button', { name: value, exact: true })
      .or(block.getByRole('radio', { name: value, exact: true }))
      .click();
  }
  if (f.name === 'source') {
    await workday.locator('input').click();
    const group = f.options?.find((o) => o.label === value)?.group ?? '';
    await scope.getByRole('option', { name: group, exact: true }).click();
    return scope.getByRole('option', { name: value, exact: true }).click();
  }
  if (f.type === 'select' || f.type === 'combobox') {
    if ((await byName.count()) > 0 && (await byName.evaluate((el) => el.tagName)) === 'SELECT')
      return byName.selectOption({ label: value }).then(() => undefined);
    const opener = (await workday.count()) > 0 ? workday.getByRole('button') : scope.locator(`[id="${f.id}"]`);
    await opener.click();
    return scope.getByRole('option', { name: value, exact: true }).click();
  }
  if (f.type === 'location') {
    const input = scope.locator(`[id="${f.id}"]`);
    await input.pressSequentially(value.split(',')[0] ?? value);
    return scope.getByRole('option', { name: value, exact: true }).click();
  }
  const target = (await workday.count()) > 0 ? workday.locator('input') : byName;
  await target.fill(value);
}

export const SUBMIT = /^(submit( application)?|send application|apply)$/i;

/** Every field of the form filled as its spec intends, steps walked; the final click is the caller's. */
export async function fillForm(page: Page, spec: FormSpec, resume: Document): Promise<Frame> {
  if (spec.ats === 'workday') {
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByRole('button', { name: 'Apply Manually' }).click();
    const sections = [...new Set(spec.fields.map((f) => f.section ?? ''))];
    for (const section of sections) {
      await page.getByRole('heading', { name: section }).waitFor();
      for (const f of spec.fields.filter((x) => x.section === section)) await fillField(page.mainFrame(), f, resume);
      await page.locator('[data-automation-id=pageFooterNextButton]').click();
    }
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    return page.mainFrame();
  }
  let scope = page.mainFrame();
  const framed = page.locator('iframe#icims_content_iframe');
  if ((await framed.count()) > 0) {
    await framed.waitFor();
    scope = (await (await framed.elementHandle())?.contentFrame()) ?? scope;
    const [email] = spec.fields;
    await scope.locator('#email').fill(intended(email!) ?? '');
    await scope.locator('#privacyConsent').check();
    await scope.getByRole('button', { name: 'Next' }).click();
    await scope.getByRole('heading', { name: 'Candidate Profile' }).waitFor();
    for (const f of spec.fields.slice(2)) await fillField(scope, f, resume);
    return scope;
  }
  await scope.getByRole('button', { name: SUBMIT }).first().waitFor();
  for (const f of spec.fields) await fillField(scope, f, resume);
  return scope;
}
