// Sign-up with mail set up, over real HTTP, Postgres and a real SMTP server on loopback: the answer
// is the same whether or not the address has an account; the mail tells the owner which, and the
// link in it makes the account once.
import type { AuthResponse, ErrorBody } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { linkInMail, mailText, type SmtpInbox, signUpByMail, startSmtpInbox } from './support/smtp-server.ts';

let backend: TestBackend;
let inbox: SmtpInbox;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  backend = await startTestBackend({
    AUTH_RATE_LIMIT: '1000',
    SMTP_URL: inbox.url,
    MAIL_FROM: 'JobSwipe <no-reply@jobswipe.test>',
  });
});
afterAll(async () => {
  await backend?.close();
  await inbox?.close();
});

describe('sign-up with mail', () => {
  it('answers the same for a new and a taken address; only the mail says which', async () => {
    const taken = await signUpByMail(backend.api, inbox);
    const fresh = `fresh${Date.now()}@example.com`;
    const answers = [];
    for (const email of [fresh, taken.user.email]) {
      const res = await backend.api.post('/v1/auth/signup', { email, password: 'another good passphrase' });
      answers.push({ status: res.status, body: res.body, cookie: res.headers.get('set-cookie') });
    }
    expect(answers[0]).toEqual({ status: 202, body: { sent: true }, cookie: null });
    expect(answers[1]).toEqual(answers[0]);
    // No account yet for the new address, and the taken one is untouched.
    expect(await prisma().user.count({ where: { email: fresh } })).toBe(0);
    const owner = await backend.api.post<AuthResponse>('/v1/auth/login', {
      email: taken.user.email,
      password: taken.password,
    });
    expect(owner.status).toBe(200);

    await expect.poll(() => inbox.mails.filter((m) => m.to.includes(taken.user.email)).length).toBe(2);
    const notice = inbox.mails.filter((m) => m.to.includes(taken.user.email)).at(-1)!;
    expect(mailText(notice)).toMatch(/already has one/);
    expect(mailText(notice)).not.toMatch(/confirm-signup/);

    const link = await linkInMail(inbox, fresh, '/confirm-signup');
    const token = link.searchParams.get('token');
    const made = await backend.api.post<AuthResponse>('/v1/auth/signup/confirm', { token });
    expect(made.status).toBe(201);
    expect(made.body.user.email).toBe(fresh);
    // The password chosen at sign-up is the account's.
    const login = await backend.api.post('/v1/auth/login', { email: fresh, password: 'another good passphrase' });
    expect(login.status).toBe(200);

    const again = await backend.api.post<ErrorBody>('/v1/auth/signup/confirm', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already used or expired/);
    const forged = await backend.api.post<ErrorBody>('/v1/auth/signup/confirm', { token: `su_${'x'.repeat(40)}` });
    expect(forged.status).toBe(400);
    expect(await prisma().user.count({ where: { email: fresh } })).toBe(1);
  });

  it('refuses a second link for an address that got its account meanwhile', async () => {
    const email = `twice${Date.now()}@example.com`;
    for (let i = 0; i < 2; i++) await backend.api.post('/v1/auth/signup', { email, password: 'correct horse battery' });
    await expect.poll(() => inbox.mails.filter((m) => m.to.includes(email)).length).toBe(2);
    const [first, second] = inbox.mails
      .filter((m) => m.to.includes(email))
      .map((m) =>
        new URL(/https?:\/\/\S+\/confirm-signup\?token=[\w-]+/.exec(mailText(m))![0]).searchParams.get('token'),
      );
    expect((await backend.api.post('/v1/auth/signup/confirm', { token: first })).status).toBe(201);
    const late = await backend.api.post<ErrorBody>('/v1/auth/signup/confirm', { token: second });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/has an account already/);
    expect(await prisma().user.count({ where: { email } })).toBe(1);
  });

  it('without mail, signs up at once as before', async () => {
    const plain = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
    try {
      const user = await signUp(plain.api);
      expect(user.accessToken).toBeTruthy();
    } finally {
      await plain.close();
    }
  });
});
