// A Cloudflare-like "verify you are human" interstitial. Like the real one it looks at browser
// signals: a browser that says it is automated (navigator.webdriver) is not cleared.
import express, { Router } from 'express';
import { html } from '../shared/html.ts';
import { page } from '../shared/layout.ts';

export const CLEARANCE_COOKIE = 'cf_clearance';

export function botWallPage(): string {
  return page({
    title: 'Just a moment...',
    css: `body{font-family:system-ui,sans-serif;margin:0;background:#fff;color:#313131}
.main-wrapper{max-width:720px;margin:120px auto;padding:0 24px}
#challenge-stage{margin-top:24px;border:1px solid #e0e0e0;border-radius:4px;padding:16px;width:300px;background:#fafafa}
#challenge-error{color:#b20f03}`,
    body: html`<div class="main-wrapper" role="main">
<h1 class="zone-name-title">Verify you are human</h1>
<h2 id="challenge-body-text">This site needs to review the security of your connection before proceeding.</h2>
<div id="challenge-stage" class="cf-turnstile" data-cf-challenge="managed">
<label class="cb-lb"><input type="checkbox" id="cf-chl-widget"> <span>Verify you are human</span></label>
<p id="challenge-error" hidden>Verification failed. Please try again from a regular browser.</p>
</div>
<p id="challenge-footer">Ray ID: <code>${Math.random().toString(16).slice(2, 18)}</code></p>
</div>
<script>
document.getElementById('cf-chl-widget').addEventListener('change', async () => {
  const res = await fetch('/__practice/challenge/clearance', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ webdriver: navigator.webdriver === true }),
  });
  if (res.ok) location.reload();
  else document.getElementById('challenge-error').hidden = false;
});
</script>`,
  });
}

export function botWallRoutes(): Router {
  const router = Router();
  router.post('/__practice/challenge/clearance', express.json(), (req, res) => {
    const body: unknown = req.body;
    const automated = typeof body === 'object' && body !== null && 'webdriver' in body && body.webdriver !== false;
    if (automated) {
      res.status(403).json({ error: 'Verification failed: the browser reports that it is automated.' });
      return;
    }
    res.cookie(CLEARANCE_COOKIE, Math.random().toString(36).slice(2), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.status(204).end();
  });
  return router;
}
