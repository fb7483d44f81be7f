// The adversarial postings: each is in the catalog with its scenario and behaves as described.
import { describe, expect, it } from 'vitest';
import { formSpec, type PracticeJob, practiceJobs, SCENARIOS } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { correctPost, PROFILE, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();

function job(scenario: PracticeJob['scenario']): PracticeJob {
  const found = practiceJobs(server.ats.url).find((j) => j.scenario === scenario);
  if (!found) throw new Error(`No posting with scenario ${scenario}`);
  return found;
}

describe('adversarial postings', () => {
  it('has a catalog posting for every scenario', () => {
    const scenarios = new Set(practiceJobs('http://x').map((j) => j.scenario));
    expect([...scenarios].sort()).toEqual([...SCENARIOS].sort());
  });

  it('CAPTCHA: the form refuses posts without a solved challenge; a solved one goes through', async () => {
    const captcha = job('captcha');
    const spec = formSpec(captcha.ats, captcha.externalId);
    const refused = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Please verify that you are not a robot.');

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(captcha.applyUrl);
    await page.getByLabel('First name').fill(PROFILE.firstName);
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => dialogs).toEqual(['Please verify that you are not a robot.']);
    expect(await recorded(server.ats)).toEqual([]);

    // A person solves it: tick the box, pick every tile with a circle, verify.
    const widget = page.frameLocator('iframe[title=reCAPTCHA]');
    await widget.getByRole('checkbox', { name: "I'm not a robot" }).check();
    const tiles = widget.locator('.grid img');
    await expect.poll(() => tiles.count()).toBe(9);
    for (let i = 0; i < 9; i++) {
      const svg = await (await fetch(server.ats.url + (await tiles.nth(i).getAttribute('src')))).text();
      if (svg.includes('<circle')) await tiles.nth(i).click();
    }
    await widget.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('#g-recaptcha-response').inputValue()).not.toBe('');
  });

  it('bot wall: a "verify you are human" interstitial that an automated browser cannot pass', async () => {
    const wall = job('bot-wall');
    const first = await fetch(wall.applyUrl);
    expect(first.status).toBe(403);
    expect(await first.text()).toContain('Verify you are human');

    const page = await browser.newPage();
    await page.goto(wall.applyUrl);
    await page.getByLabel('Verify you are human').check();
    await expect.poll(() => page.locator('#challenge-error').isVisible()).toBe(true);
    expect(await page.title()).toBe('Just a moment...');

    // A regular browser gets the clearance cookie and then the form.
    const cleared = await fetch(`${server.ats.url}/__practice/challenge/clearance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ webdriver: false }),
    });
    const cookie = cleared.headers.get('set-cookie')?.split(';')[0] ?? '';
    const through = await fetch(wall.applyUrl, { headers: { cookie } });
    expect(through.status).toBe(200);
    expect(await through.text()).toContain('application-form');
  });

  it('login wall: sign-in required; after creating an account the form opens', async () => {
    const wall = job('login-wall');
    const res = await fetch(wall.applyUrl, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const signIn = res.headers.get('location') ?? '';
    expect(signIn).toMatch(/^\/__practice\/signin\?realm=/);
    expect(await (await fetch(server.ats.url + signIn)).text()).toContain('Sign in to apply');

    const realm = new URL(server.ats.url + signIn).searchParams.get('realm') ?? '';
    const body = new URLSearchParams({
      realm,
      next: new URL(wall.applyUrl).pathname,
      mode: 'create',
      email: PROFILE.email,
      password: 'long enough pw',
    });
    const created = await fetch(`${server.ats.url}/__practice/signin`, { method: 'POST', body, redirect: 'manual' });
    expect(created.status).toBe(303);
    const cookie = created.headers.get('set-cookie')?.split(';')[0] ?? '';
    const form = await fetch(wall.applyUrl, { headers: { cookie } });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Submit application');
  });

  it('closed posting: a 404 page, and a 200 page that takes no applications', async () => {
    const gone = await fetch(job('closed-404').applyUrl);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('could not be found');
    const closed = await fetch(job('closed').applyUrl);
    expect(closed.status).toBe(200);
    const text = await closed.text();
    expect(text).toContain('This job is no longer accepting applications.');
    expect(text).not.toContain('<form');
  });

  it('slow page: answers only after its delay (?delay=ms configures it)', async () => {
    const slow = job('slow');
    await expect(fetch(slow.applyUrl, { signal: AbortSignal.timeout(1_000) })).rejects.toThrow();
    const quick = await fetch(`${slow.applyUrl}?delay=10`);
    expect(quick.status).toBe(200);
    expect(await quick.text()).toContain('Field Service Technician');
  });

  it('reject first: "Phone number is invalid" until the number is in international format', async () => {
    const reject = job('reject-first');
    const spec = formSpec(reject.ats, reject.externalId);
    const first = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    expect(first.status).toBe(422);
    expect(await first.text()).toContain('Phone number is invalid.');
    expect(await recorded(server.ats)).toEqual([]);
    const second = await post(
      server.ats.url + spec.url,
      correctPost(spec, { resume: pdf() }, { phone: '+14155550142' }),
    );
    expect(second.status).toBe(303);
    expect(await recorded(server.ats)).toHaveLength(1);
  });

  it('shuffled layout: ids, labels and order change per visit; names stay, so posts still work', async () => {
    const shuffled = job('shuffled');
    const ids = async () =>
      [...(await (await fetch(shuffled.applyUrl)).text()).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const [a, b] = [await ids(), await ids()];
    expect(a).not.toEqual(b);
    const spec = formSpec(shuffled.ats, shuffled.externalId);
    expect((await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }))).status).toBe(303);
  });

  it('already applied: a second application with the same email is answered, not recorded', async () => {
    const dup = job('already-applied');
    const spec = formSpec(dup.ats, dup.externalId);
    expect((await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }))).status).toBe(303);
    const again = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    expect(await again.text()).toContain('already applied to this job');
    expect(await recorded(server.ats, { jobId: dup.externalId })).toHaveLength(1);
  });
});
