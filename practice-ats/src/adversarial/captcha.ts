// A reCAPTCHA-like widget: an "I'm not a robot" box in an iframe that opens an image challenge
// ("select all images with a circle"). The images are drawn server-side, the answer is checked
// server-side, and the form's server refuses any post without a fresh, unused token.
import { randomBytes, randomInt } from 'node:crypto';
import express, { Router } from 'express';
import { html } from '../shared/html.ts';
import { page } from '../shared/layout.ts';

export const CAPTCHA_FIELD = 'g-recaptcha-response';
const TILES = 9;

interface Challenge {
  circles: Set<number>;
  expires: number;
}

export class CaptchaService {
  readonly #challenges = new Map<string, Challenge>();
  readonly #tokens = new Set<string>();

  newChallenge(): string {
    const id = randomBytes(12).toString('base64url');
    const circles = new Set<number>();
    while (circles.size < 3) circles.add(randomInt(TILES));
    this.#challenges.set(id, { circles, expires: Date.now() + 5 * 60_000 });
    return id;
  }

  isCircle(id: string, tile: number): boolean | undefined {
    return this.#challenges.get(id)?.circles.has(tile);
  }

  /** A token if the picked tiles are exactly the circles; the challenge is used up either way. */
  solve(id: string, picks: number[]): string | null {
    const challenge = this.#challenges.get(id);
    this.#challenges.delete(id);
    if (!challenge || challenge.expires < Date.now()) return null;
    const ok = picks.length === challenge.circles.size && picks.every((p) => challenge.circles.has(p));
    if (!ok) return null;
    const token = randomBytes(24).toString('base64url');
    this.#tokens.add(token);
    return token;
  }

  /** True once per solved token. */
  redeem(token: string): boolean {
    return this.#tokens.delete(token);
  }
}

/** The widget to put inside a form, before its submit button. */
export function captchaWidget() {
  return html`<div class="g-recaptcha" data-sitekey="6LcPRACTICE-practice-ats" data-practice-captcha="recaptcha">
<iframe title="reCAPTCHA" src="/__practice/captcha/anchor" width="304" height="78" style="border:0" name="a-practice"></iframe>
<textarea id="${CAPTCHA_FIELD}" name="${CAPTCHA_FIELD}" class="g-recaptcha-response" style="display:none"></textarea>
</div>
<script>
addEventListener('message', (e) => {
  if (e.data && e.data.practiceCaptchaToken) document.getElementById('${CAPTCHA_FIELD}').value = e.data.practiceCaptchaToken;
});
document.currentScript.closest('form').addEventListener('submit', (e) => {
  if (!document.getElementById('${CAPTCHA_FIELD}').value) {
    e.preventDefault();
    alert('Please verify that you are not a robot.');
  }
});
</script>`;
}

function anchorPage(): string {
  return page({
    title: 'reCAPTCHA',
    css: `body{margin:0;font-family:Roboto,Arial,sans-serif;font-size:14px}
.anchor{display:flex;align-items:center;gap:12px;border:1px solid #d3d3d3;background:#f9f9f9;padding:12px;width:278px;height:50px;box-sizing:border-box}
.grid{display:grid;grid-template-columns:repeat(3,64px);gap:4px;margin:8px 0}.grid img{width:64px;height:64px;cursor:pointer;border:3px solid transparent}
.grid img.on{border-color:#1a73e8}`,
    body: html`<div class="anchor" id="recaptcha-anchor-container">
<input type="checkbox" id="recaptcha-anchor" aria-label="I'm not a robot" role="checkbox"><label for="recaptcha-anchor">I'm not a robot</label>
</div>
<div id="rc-imageselect" hidden><strong>Select all images with a circle</strong><div class="grid"></div>
<button type="button" id="recaptcha-verify-button">Verify</button><p id="rc-error" hidden>Please try again.</p></div>
<script>
const box = document.getElementById('recaptcha-anchor');
const challenge = document.getElementById('rc-imageselect');
let id = null;
async function load() {
  id = (await (await fetch('/__practice/captcha/challenge', { method: 'POST' })).json()).id;
  const grid = challenge.querySelector('.grid');
  grid.replaceChildren();
  for (let i = 0; i < ${TILES}; i++) {
    const img = document.createElement('img');
    img.src = '/__practice/captcha/tile/' + id + '/' + i;
    img.alt = '';
    img.dataset.tile = String(i);
    img.addEventListener('click', () => img.classList.toggle('on'));
    grid.append(img);
  }
  challenge.hidden = false;
}
box.addEventListener('change', () => { if (box.checked) load(); });
document.getElementById('recaptcha-verify-button').addEventListener('click', async () => {
  const picks = [...challenge.querySelectorAll('img.on')].map((i) => Number(i.dataset.tile));
  const res = await fetch('/__practice/captcha/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, picks }) });
  const body = await res.json();
  if (body.token) { challenge.hidden = true; parent.postMessage({ practiceCaptchaToken: body.token }, '*'); }
  else { document.getElementById('rc-error').hidden = false; load(); }
});
</script>`,
  });
}

function tileSvg(circle: boolean): string {
  const hue = randomInt(360);
  const shape = circle
    ? `<circle cx="32" cy="32" r="${18 + randomInt(8)}" fill="hsl(${hue},60%,50%)"/>`
    : `<rect x="${12 + randomInt(8)}" y="${12 + randomInt(8)}" width="30" height="30" fill="hsl(${hue},60%,50%)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#eee"/>${shape}</svg>`;
}

export function captchaRoutes(captcha: CaptchaService): Router {
  const router = Router();
  router.get('/__practice/captcha/anchor', (_req, res) => {
    res.send(anchorPage());
  });
  router.post('/__practice/captcha/challenge', (_req, res) => {
    res.json({ id: captcha.newChallenge() });
  });
  router.get('/__practice/captcha/tile/:id/:tile', (req, res) => {
    const circle = captcha.isCircle(req.params.id, Number(req.params.tile));
    if (circle === undefined) return void res.status(404).end();
    res.type('image/svg+xml').set('cache-control', 'no-store').send(tileSvg(circle));
  });
  router.post('/__practice/captcha/verify', express.json(), (req, res) => {
    const { id, picks } = req.body as { id?: unknown; picks?: unknown };
    const valid = typeof id === 'string' && Array.isArray(picks) && picks.every((p) => Number.isInteger(p));
    res.json({ token: valid ? captcha.solve(id, picks as number[]) : null });
  });
  return router;
}
