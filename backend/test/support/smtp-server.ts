// A real SMTP server on loopback (smtp-server, from the nodemailer project) that keeps every mail
// it receives, so a test reads what JobSwipe sent the way a mailbox would.
import type { AddressInfo } from 'node:net';
import type { AuthResponse } from '@jobswipe/protocol';
import { SMTPServer } from 'smtp-server';
import type { Api } from './api.ts';

export interface ReceivedMail {
  to: string[];
  /** The whole message as sent: headers and body. */
  raw: string;
}

export interface SmtpInbox {
  /** SMTP_URL for the backend. */
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a mail, quoted-printable soft breaks joined. */
export function mailText(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

/** The first link to `path` in the newest mail to `to`, once it has arrived. */
export async function linkInMail(inbox: SmtpInbox, to: string, path: string): Promise<URL> {
  const pattern = new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`);
  for (let waited = 0; waited < 10_000; waited += 50) {
    const mail = inbox.mails.filter((m) => m.to.includes(to)).at(-1);
    const match = mail && pattern.exec(mailText(mail));
    if (match) return new URL(match[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${to} with a ${path} link arrived`);
}

let counter = 0;

/** Signs up through the mailed link, as a user must when mail is set up; returns a client acting as them. */
export async function signUpByMail(api: Api, inbox: SmtpInbox, password = 'correct horse battery') {
  const email = `mailed${Date.now()}_${counter++}@example.com`;
  const asked = await api.post('/v1/auth/signup', { email, password });
  if (asked.status !== 202) throw new Error(`signup failed: ${asked.status} ${JSON.stringify(asked.body)}`);
  const link = await linkInMail(inbox, email, '/confirm-signup');
  const res = await api.post<AuthResponse>('/v1/auth/signup/confirm', { token: link.searchParams.get('token') });
  if (res.status !== 201) throw new Error(`confirm failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, password, api: api.as(res.body.accessToken) };
}
