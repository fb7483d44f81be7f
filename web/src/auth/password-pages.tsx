// "Forgot password": ask for a link by email, then choose a new password from it; and the mailed
// link that finishes a sign-up. They work signed out; no answer says whether an address has an account.
import type { ForgotPasswordBody, ResetPasswordBody } from '@jobswipe/protocol';
import { type FormEvent, type ReactNode, useState } from 'react';
import { requestJson } from '../api/http.ts';
import { Link, navigate } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';
import { fieldErrors } from '../ui/user-message.ts';

const post = (path: string, body: ForgotPasswordBody | ResetPasswordBody) =>
  requestJson<unknown>((input, init) => fetch(input, init), path, { method: 'POST', body });

function AuthCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">✓</span> JobSwipe
        </p>
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
        {children}
        <p className="auth-switch">
          <Link to="/signin">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}

/** A form that sends once and keeps its error where the user sees it. */
function useSubmit(run: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(async () => {
    await post('/v1/auth/password/forgot', { email });
    setSentTo(email);
  });
  if (sentTo) {
    return (
      <AuthCard title="Check your email" lead="">
        <p role="status">
          If an account uses {sentTo}, a link to choose a new password is on its way. It works for an hour.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" lead="We'll email you a link to choose a new one.">
      <form onSubmit={form.submit}>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors(form.error).email}
        />
        <ErrorNote error={fieldErrors(form.error).email ? null : form.error} />
        <button className="btn btn-primary btn-block" type="submit" disabled={form.busy}>
          {form.busy ? 'Sending…' : 'Send the link'}
        </button>
      </form>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useSubmit(async () => {
    await post('/v1/auth/password/reset', { token, password });
    setDone(true);
  });
  if (!token) {
    return (
      <AuthCard title="This link is incomplete" lead="Open the link from the email again, or ask for a new one.">
        <Link className="btn btn-primary btn-block" to="/forgot-password">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  if (done) {
    return (
      <AuthCard title="Password changed" lead="Sign in with your new password. Other devices were signed out.">
        <Link className="btn btn-primary btn-block" to="/signin">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" lead="It replaces the old one everywhere.">
      <form onSubmit={form.submit}>
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, not a common password or one made from your email."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors(form.error).password}
        />
        <ErrorNote error={fieldErrors(form.error).password ? null : form.error} />
        <button className="btn btn-primary btn-block" type="submit" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Set the new password'}
        </button>
      </form>
    </AuthCard>
  );
}

/** The mailed sign-up link: one press makes the account and signs in (a mail scanner opening it does not). */
export function ConfirmSignupPage() {
  const { session } = useServices();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const form = useSubmit(async () => {
    await session.confirmSignUp(token);
    navigate('/onboarding', { replace: true });
  });
  if (!token) {
    return (
      <AuthCard
        title="This link is incomplete"
        lead="Open the link from the email again, or sign up again for a new one."
      >
        <Link className="btn btn-primary btn-block" to="/signup">
          Sign up
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Finish creating your account" lead="Your address is confirmed once you continue.">
      <form onSubmit={form.submit}>
        <ErrorNote error={form.error} />
        <button className="btn btn-primary btn-block" type="submit" disabled={form.busy}>
          {form.busy ? 'One moment…' : 'Create my account'}
        </button>
      </form>
    </AuthCard>
  );
}
