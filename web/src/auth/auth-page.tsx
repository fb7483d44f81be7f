// Sign up and sign in: one form, two modes. A new account goes on to onboarding.
import { type FormEvent, useState } from 'react';
import { Link, navigate } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';
import { fieldErrors } from '../ui/user-message.ts';

export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const { session } = useServices();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** The address a sign-up link was mailed to: the rest happens in the mail. */
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const signup = mode === 'signup';
  const fields = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signup) {
        const answer = await session.signUp({ email, password });
        if ('mailed' in answer) setMailedTo(email);
        else navigate('/onboarding', { replace: true });
      } else {
        await session.signIn({ email, password });
        navigate('/', { replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (signup && mailedTo) {
    return (
      <main className="auth" id="main">
        <div className="auth-card">
          <h1>Check your email</h1>
          <p role="status">
            We sent a mail to {mailedTo}. Open the link in it to finish creating your account; if this address already
            has an account, the mail says how to sign in instead.
          </p>
          <p className="auth-switch">
            <Link to="/signin">Back to sign in</Link>
          </p>
        </div>
      </main>
    );
  }

  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">✓</span> JobSwipe
        </p>
        <h1>{signup ? 'Create your account' : 'Welcome back'}</h1>
        <p className="muted">
          {signup ? 'Swipe right on a job and we apply for you.' : 'Sign in to pick up where you left off.'}
        </p>
        <form onSubmit={submit} noValidate={false}>
          <Field
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
          />
          <Field
            label="Password"
            type="password"
            name="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            required
            minLength={signup ? 10 : 1}
            hint={signup ? 'At least 10 characters, not a common password or one made from your email.' : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
          />
          {!fields.email && !fields.password && <ErrorNote error={error} />}
          <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
            {busy ? 'One moment…' : signup ? 'Create account' : 'Sign in'}
          </button>
        </form>
        {!signup && (
          <p className="auth-switch">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
        )}
        <p className="auth-switch">
          {signup ? 'Already have an account? ' : 'New here? '}
          <Link to={signup ? '/signin' : '/signup'}>{signup ? 'Sign in' : 'Create an account'}</Link>
        </p>
      </div>
    </main>
  );
}
