// The signed-in session: the short-lived access token in memory, renewed through the httpOnly
// refresh cookie so the page never holds the refresh token. Renewal is single-flight (many calls
// that meet an expired token share one refresh), serialized across tabs (the refresh token
// rotates, and presenting a used one signs the user out everywhere), and done proactively a
// little before the token expires, so the user never notices it.
import type { AuthResponse, LoginBody, SignupBody, SignupConfirmBody, SignupSent, UserView } from '@jobswipe/protocol';
import { ApiError, type Fetch, NetworkError, requestJson } from '../api/http.ts';

export type SessionStatus = 'restoring' | 'signed_in' | 'signed_out' | 'offline';

export interface SessionSnapshot {
  status: SessionStatus;
  user: UserView | null;
}

export interface SessionOptions {
  /** Origin of the API; empty for the page's own origin. */
  baseUrl?: string;
  fetch?: Fetch;
  now?: () => number;
  /** Runs `task` while no other tab refreshes; the browser's Web Locks by default. */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Runs the proactive refresh later; answers a cancel. setTimeout by default. */
  schedule?: (task: () => void, ms: number) => () => void;
  /** The page's cookies (`document.cookie`); null where there are none to read (Node), which always asks. */
  cookies?: () => string | null;
  /** Where the last user is remembered (not a secret) so an offline reload knows whose swipes wait. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

const LAST_USER_KEY = 'jobswipe.user';
/** Refresh this long before expiry (at most a quarter of the token's lifetime). */
const REFRESH_AHEAD_MS = 60_000;

function timer(task: () => void, ms: number): () => void {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
}

function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('jobswipe-refresh', task) as unknown as Promise<T>) : task();
}

export class Session {
  private readonly baseUrl: string;
  private readonly fetchFn: Fetch;
  private readonly now: () => number;
  private readonly exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly storage: SessionOptions['storage'];
  private readonly cookies: () => string | null;
  private token: string | null = null;
  private expiresAt = 0;
  private snapshot: SessionSnapshot;
  private inflight: Promise<string | null> | null = null;
  private readonly schedule: (task: () => void, ms: number) => () => void;
  private cancelTimer: () => void = () => undefined;
  private readonly listeners = new Set<() => void>();

  constructor(options: SessionOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.exclusive = options.exclusive ?? webLock;
    this.schedule = options.schedule ?? timer;
    this.storage = options.storage === undefined ? globalThis.localStorage : options.storage;
    this.cookies = options.cookies ?? (() => (typeof document === 'undefined' ? null : document.cookie));
    this.snapshot = { status: 'restoring', user: this.rememberedUser() };
  }

  /** The current state, stable between changes (for React's useSyncExternalStore). */
  get state(): SessionSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** On page load: the refresh cookie, if any, signs the user back in. */
  async restore(): Promise<void> {
    if (!this.hasSessionHint()) {
      // No session on this browser: nothing to ask the server (it would answer 401).
      this.end('signed_out', null);
      return;
    }
    await this.refresh();
  }

  signIn(body: LoginBody): Promise<UserView> {
    return this.authenticate('/v1/auth/login', body);
  }

  /**
   * Creates the account and signs in; where the server mails a link to finish signing up (it never
   * says here whether the address has an account), answers `mailed` and nobody is signed in yet.
   */
  async signUp(body: SignupBody): Promise<{ user: UserView } | { mailed: true }> {
    const answer = await requestJson<AuthResponse | SignupSent>(this.fetchFn, `${this.baseUrl}/v1/auth/signup`, {
      method: 'POST',
      body,
    });
    if ('sent' in answer) return { mailed: true };
    this.accept(answer);
    return { user: answer.user };
  }

  /** Finishes a sign-up from its mailed link: the account is made and signed in. */
  confirmSignUp(token: string): Promise<UserView> {
    return this.authenticate('/v1/auth/signup/confirm', { token });
  }

  async signOut(): Promise<void> {
    try {
      await requestJson(this.fetchFn, `${this.baseUrl}/v1/auth/logout`, { method: 'POST', body: {} });
    } finally {
      this.storage?.removeItem(LAST_USER_KEY);
      this.end('signed_out', null);
    }
  }

  /** A valid access token, renewed first when it has expired; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.token && this.now() < this.expiresAt) return this.token;
    return this.refresh();
  }

  /**
   * After the server refused `failed` as expired: a token another call renewed meanwhile is the
   * answer; otherwise renew now.
   */
  recover(failed: string): Promise<string | null> {
    if (this.token && this.token !== failed && this.now() < this.expiresAt) return Promise.resolve(this.token);
    return this.refresh();
  }

  /** Renews the access token; calls made while a renewal is under way share it. */
  refresh(): Promise<string | null> {
    this.inflight ??= this.exclusive(() => this.renew()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Stops the proactive refresh timer (tests, page teardown). */
  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
  }

  private async renew(): Promise<string | null> {
    try {
      const auth = await requestJson<AuthResponse>(this.fetchFn, `${this.baseUrl}/v1/auth/refresh`, {
        method: 'POST',
        body: {},
      });
      this.accept(auth);
      return auth.accessToken;
    } catch (err) {
      if (err instanceof NetworkError) {
        // Offline: keep the user and try again when the network returns; nothing was refused.
        if (this.snapshot.status !== 'signed_in') this.emit({ status: 'offline', user: this.snapshot.user });
        throw err;
      }
      if (err instanceof ApiError && (err.code === 'unauthenticated' || err.code === 'token_expired')) {
        this.end('signed_out', null);
        return null;
      }
      throw err;
    }
  }

  private async authenticate(path: string, body: LoginBody | SignupConfirmBody): Promise<UserView> {
    const auth = await requestJson<AuthResponse>(this.fetchFn, `${this.baseUrl}${path}`, { method: 'POST', body });
    this.accept(auth);
    return auth.user;
  }

  private accept(auth: AuthResponse): void {
    this.token = auth.accessToken;
    const expiresAt = Date.parse(auth.accessTokenExpiresAt);
    const lifetime = Math.max(0, expiresAt - this.now());
    // Treat the token as expired a moment early: a request must not arrive just after it lapsed.
    this.expiresAt = expiresAt - Math.min(5_000, lifetime / 10);
    this.storage?.setItem(LAST_USER_KEY, JSON.stringify(auth.user));
    this.emit({ status: 'signed_in', user: auth.user });
    this.cancelTimer();
    const ahead = Math.min(REFRESH_AHEAD_MS, lifetime / 4);
    this.cancelTimer = this.schedule(
      () => {
        this.refresh().catch(() => {
          // Offline or failed: the next call that needs a token tries again.
        });
      },
      Math.max(0, lifetime - ahead),
    );
  }

  private end(status: SessionStatus, user: UserView | null): void {
    this.token = null;
    this.expiresAt = 0;
    this.cancelTimer();
    this.emit({ status, user });
  }

  private emit(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** The server's readable `js_session` cookie, set beside the refresh cookie; true where cookies cannot be read. */
  private hasSessionHint(): boolean {
    const cookies = this.cookies();
    return cookies === null || /(?:^|;\s*)js_session=/.test(cookies);
  }

  private rememberedUser(): UserView | null {
    try {
      const raw = this.storage?.getItem(LAST_USER_KEY);
      return raw ? (JSON.parse(raw) as UserView) : null;
    } catch {
      return null;
    }
  }
}
