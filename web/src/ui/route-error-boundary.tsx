// A page that fails (its code could not be loaded offline, or it crashed) shows what happened and
// the way back, inside the app's frame, instead of a blank screen. One per route: keyed by the
// path, so going elsewhere starts clean.
import { Component, type ReactNode } from 'react';
import { Link } from '../router.tsx';

interface State {
  error: unknown;
}

function couldNotLoad(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|import/i.test(error.message);
}

export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const offline = couldNotLoad(this.state.error);
    return (
      <main className="page" id="main">
        <h1>This page could not be shown</h1>
        <p>
          {offline
            ? "Its code hasn't been saved on this device yet and JobSwipe can't be reached. It opens once you're back online."
            : 'Something went wrong on this page. Your swipes and applications are safe.'}
        </p>
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Try again
          </button>
          <Link className="btn" to="/">
            Back to the jobs
          </Link>
        </div>
      </main>
    );
  }
}
