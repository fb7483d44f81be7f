// A login wall: the posting is only open to signed-in candidates. A new candidate can create an
// account (a person can; an executor should stop and ask the user).
import express, { Router } from 'express';
import { html } from '../shared/html.ts';
import { page } from '../shared/layout.ts';
import { isEmail } from '../shared/validation.ts';
import type { AccountStore } from '../store/accounts.ts';

export const SESSION_COOKIE = 'practice_session';

const CSS = `body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#222}
.card{max-width:380px;margin:80px auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin-top:12px;font-weight:600}input{width:100%;padding:8px;box-sizing:border-box}
button{margin-top:20px;width:100%;padding:10px;background:#1f5eff;color:#fff;border:0;border-radius:4px}
.error{color:#b00020}`;

function signInPage(realm: string, next: string, mode: 'signin' | 'create', error?: string): string {
  const creating = mode === 'create';
  return page({
    title: creating ? 'Create account' : 'Sign in to apply',
    css: CSS,
    body: html`<main class="card" data-login-wall="true">
<h1>${creating ? 'Create an account' : 'Sign in to apply'}</h1>
<p>You need an account to apply for this position.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/__practice/signin">
<input type="hidden" name="realm" value="${realm}"><input type="hidden" name="next" value="${next}">
<input type="hidden" name="mode" value="${mode}">
<label for="signin-email">Email</label><input id="signin-email" name="email" type="email" autocomplete="username" required>
<label for="signin-password">Password</label><input id="signin-password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${creating ? 'Create account' : 'Sign in'}</button>
</form>
<p>${
      creating
        ? html`Already have an account? <a href="?realm=${encodeURIComponent(realm)}&amp;next=${encodeURIComponent(next)}">Sign in</a>`
        : html`New here? <a href="?mode=create&amp;realm=${encodeURIComponent(realm)}&amp;next=${encodeURIComponent(next)}">Create an account</a>`
    }</p>
</main>`,
  });
}

/** Only same-site paths: the sign-in page must not become an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function loginWallRoutes(accounts: AccountStore): Router {
  const router = Router();
  router.get('/__practice/signin', (req, res) => {
    const mode = req.query.mode === 'create' ? 'create' : 'signin';
    res.send(signInPage(String(req.query.realm ?? ''), safeNext(req.query.next), mode));
  });
  router.post('/__practice/signin', express.urlencoded({ extended: false }), (req, res) => {
    const { realm = '', email = '', password = '', mode } = req.body as Record<string, string | undefined>;
    const next = safeNext(req.body.next);
    const again = (error: string) =>
      res.status(422).send(signInPage(realm, next, mode === 'create' ? 'create' : 'signin', error));
    if (!isEmail(email)) return void again('Enter a valid email address.');
    if (mode === 'create') {
      if (password.length < 8) return void again('Choose a password of at least 8 characters.');
      if (accounts.exists(realm, email))
        return void again('An account with this email already exists. Sign in instead.');
      accounts.create(realm, email, password);
    } else if (!accounts.verify(realm, email, password)) {
      return void again('The email or password is incorrect.');
    }
    res.cookie(SESSION_COOKIE, accounts.openSession(realm, email), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(303, next);
  });
  return router;
}
