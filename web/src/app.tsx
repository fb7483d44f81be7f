// The app shell: who is signed in decides between the sign-in pages and the app; the path picks
// the page. Only the deck and sign-in are in the first bundle; the other pages load on demand.
import { type ComponentType, lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { AuthPage } from './auth/auth-page.tsx';
import { DeckPage } from './deck/deck-page.tsx';
import { forgetDeck } from './deck/use-deck.ts';
import { useWaitingSwipes } from './offline/pending-swipes.tsx';
import { ONBOARDING_STEPS } from './onboarding/steps.ts';
import { ANYONE_PATHS, APP_PATHS, type AppPath, OPERATOR_PATHS } from './route-paths.ts';
import { Link, match, navigate, usePath } from './router.tsx';
import { useServices, useSession } from './services.tsx';
import { Icon } from './ui/icon.tsx';
import { RouteErrorBoundary } from './ui/route-error-boundary.tsx';
import { useFocusHeadingOnNavigate } from './ui/use-focus-heading.ts';
import { useRetryWhileFailing } from './ui/use-retry-while-failing.ts';

function page<P>(load: () => Promise<Record<string, ComponentType<P>>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
}

const OnboardingPage = page(() => import('./onboarding/onboarding-page.tsx'), 'OnboardingPage');
const ApplicationsPage = page(() => import('./applications/applications-page.tsx'), 'ApplicationsPage');
const ApplicationDetailPage = page<{ id: string }>(
  () => import('./applications/application-detail-page.tsx'),
  'ApplicationDetailPage',
);
const NeedsYouBadge = page(() => import('./applications/needs-you-badge.tsx'), 'NeedsYouBadge');
const AnswersPage = page(() => import('./answers/answers-page.tsx'), 'AnswersPage');
const DevicesPage = page(() => import('./devices/devices-page.tsx'), 'DevicesPage');
const PlanPage = page(() => import('./plan/plan-page.tsx'), 'PlanPage');
const OpsPage = page(() => import('./ops/ops-page.tsx'), 'OpsPage');
const ForgotPasswordPage = page(() => import('./auth/password-pages.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('./auth/password-pages.tsx'), 'ResetPasswordPage');
const ConfirmSignupPage = page(() => import('./auth/password-pages.tsx'), 'ConfirmSignupPage');

/** The signed-out pages that load on demand (sign-in itself is in the first bundle). */
function PasswordPage({ path }: { path: string }) {
  return (
    <Suspense fallback={<main className="splash" id="main" aria-busy="true" />}>
      {path === '/reset-password' ? (
        <ResetPasswordPage />
      ) : path === '/confirm-signup' ? (
        <ConfirmSignupPage />
      ) : (
        <ForgotPasswordPage />
      )}
    </Suspense>
  );
}

const NAV = [
  { to: '/', label: 'Jobs', icon: 'cards' },
  { to: '/applications', label: 'Applications', icon: 'inbox' },
  { to: '/answers', label: 'Answers', icon: 'file' },
  { to: '/devices', label: 'Devices', icon: 'laptop' },
  { to: '/plan', label: 'Plan', icon: 'star' },
] as const;

function isCurrent(to: string, path: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}

/** What each page of the app renders, with the params of its path. */
const PAGES: Record<AppPath, (params: Record<string, string>, userId: string) => ReactNode> = {
  '/': (_, userId) => <DeckPage userId={userId} />,
  '/onboarding': () => <OnboardingPage />,
  '/applications': () => <ApplicationsPage />,
  '/applications/:id': ({ id = '' }) => <ApplicationDetailPage id={id} />,
  '/answers': () => <AnswersPage />,
  '/devices': () => <DevicesPage />,
  '/plan': () => <PlanPage />,
  '/ops': () => <OpsPage />,
};

function Routes({ userId, operator }: { userId: string; operator: boolean }) {
  const path = usePath();
  for (const pattern of APP_PATHS) {
    const params = match(pattern, path);
    if (!params || (OPERATOR_PATHS.includes(pattern) && !operator)) continue;
    return PAGES[pattern](params, userId);
  }
  return (
    <main className="page" id="main">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Back to the jobs</Link>
      </p>
    </main>
  );
}

/** A nudge to finish onboarding, which is saved step by step and can be resumed any time. */
function OnboardingNudge() {
  const { api } = useServices();
  const path = usePath();
  const [step, setStep] = useState<number | null>(null);
  useEffect(() => {
    if (path !== '/') return;
    api
      .profile()
      .then((p) => setStep(p.onboardingStep))
      .catch(() => setStep(null));
  }, [api, path]);
  if (path !== '/' || step === null || step >= ONBOARDING_STEPS.length) return null;
  return (
    <div className="nudge" role="status">
      <p>
        Finish your profile so applications can go out — step {step + 1} of {ONBOARDING_STEPS.length}.
      </p>
      <Link className="btn btn-small btn-primary" to="/onboarding">
        Continue
      </Link>
    </div>
  );
}

function Shell({ userId, operator }: { userId: string; operator: boolean }) {
  const { session } = useServices();
  const path = usePath();
  const pending = useWaitingSwipes();
  const nav = operator ? [...NAV, { to: '/ops', label: 'Ops', icon: 'tool' } as const] : NAV;
  useFocusHeadingOnNavigate(path);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>{' '}
          JobSwipe
        </Link>
        <nav aria-label="Main" className="nav">
          {nav.map((item) => (
            <Link key={item.to} to={item.to} aria-current={isCurrent(item.to, path) ? 'page' : undefined}>
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              {item.to === '/' && pending.length > 0 && (
                <span className="badge" title={`${pending.length} swipes waiting to be sent`}>
                  {pending.length}
                  <span className="visually-hidden"> waiting</span>
                </span>
              )}
              {item.to === '/applications' && (
                <Suspense fallback={null}>
                  <NeedsYouBadge />
                </Suspense>
              )}
            </Link>
          ))}
        </nav>
        <button
          type="button"
          className="btn btn-ghost btn-small signout"
          onClick={() => {
            forgetDeck(userId);
            void session.signOut().finally(() => navigate('/signin', { replace: true }));
          }}
        >
          Sign out
        </button>
      </header>
      <OnboardingNudge />
      <Suspense
        fallback={
          <main className="page" id="main" aria-busy="true">
            <p className="muted">Loading…</p>
          </main>
        }
      >
        <RouteErrorBoundary key={path}>
          <Routes userId={userId} operator={operator} />
        </RouteErrorBoundary>
      </Suspense>
    </div>
  );
}

export function App() {
  const { status, user } = useSession();
  const { session } = useServices();
  const path = usePath();

  const restore = useCallback(() => void session.restore().catch(() => undefined), [session]);
  useRetryWhileFailing(status === 'offline', restore);

  if ((ANYONE_PATHS as readonly string[]).includes(path)) return <PasswordPage path={path} />;
  if (status === 'restoring') {
    return (
      <main className="splash" id="main" aria-busy="true">
        <span className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>{' '}
          JobSwipe
        </span>
      </main>
    );
  }
  if (status === 'signed_out' || !user) {
    if (status === 'offline') {
      return (
        <main className="splash" id="main">
          <h1>You're offline</h1>
          <p className="muted">Reconnect to sign in to JobSwipe.</p>
        </main>
      );
    }
    return <AuthPage mode={path === '/signup' ? 'signup' : 'signin'} />;
  }
  if (path === '/signin' || path === '/signup') {
    navigate('/', { replace: true });
  }
  return <Shell userId={user.id} operator={user.role === 'operator'} />;
}
