// The typed API client: one method per endpoint the site calls, each typed with the protocol's
// request and response shapes. Every call carries the session's access token and, when the server
// says it expired, renews it once (shared with concurrent calls) and tries again.
import type {
  AnswerBody,
  AnswersBody,
  AnswersView,
  AnswerUsageView,
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  CheckoutBody,
  CheckoutResponse,
  DeadLetter,
  DeckPage,
  DeviceList,
  PairingStatus,
  PairStartResponse,
  PortalBody,
  PortalResponse,
  ProfileBody,
  ProfileView,
  QueueStats,
  ResumeExperience,
  SettingsBody,
  SwipeBody,
  SwipeResponse,
  TrackerCounts,
  TrackerPage,
  TrackerSort,
  TrackerView,
  TrackingBody,
  TrackingView,
  UsageView,
  UserView,
} from '@jobswipe/protocol';
import type { Session } from '../session/session.ts';
import { ApiError, type Fetch, type JsonRequest, requestJson } from './http.ts';

export interface DeckFilters {
  q?: string;
  location?: string;
  remote?: boolean;
  salaryMin?: number;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  nextCursor: string | null;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export class ApiClient {
  constructor(
    readonly session: Session,
    private readonly baseUrl = '',
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** One authenticated call; `token_expired` renews the token once and repeats the call. */
  async request<T>(path: string, req: Omit<JsonRequest, 'token'> = {}): Promise<T> {
    const token = await this.session.accessToken();
    if (!token) throw new ApiError(401, 'unauthenticated', 'Your session ended. Sign in again.');
    try {
      return await requestJson<T>(this.fetchFn, `${this.baseUrl}${path}`, { ...req, token });
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'token_expired') throw err;
      const renewed = await this.session.recover(token);
      if (!renewed) throw new ApiError(401, 'unauthenticated', 'Your session ended. Sign in again.');
      return requestJson<T>(this.fetchFn, `${this.baseUrl}${path}`, { ...req, token: renewed });
    }
  }

  me() {
    return this.request<UserView>('/v1/me');
  }

  profile() {
    return this.request<ProfileView>('/v1/profile');
  }

  saveProfile(body: ProfileBody) {
    return this.request<ProfileView>('/v1/profile', { method: 'PUT', body });
  }

  /** The work history and education read from a resume, for the user to confirm. */
  resumeExperience(resumeId: string) {
    return this.request<ResumeExperience>(`/v1/profile/resumes/${resumeId}/experience`);
  }

  answers() {
    return this.request<AnswersView>('/v1/profile/answers');
  }

  saveAnswers(body: AnswersBody) {
    return this.request<AnswersView>('/v1/profile/answers', { method: 'PUT', body });
  }

  /** Where each saved answer and profile field was used, and what a form refused. */
  answerUsage() {
    return this.request<AnswerUsageView>('/v1/profile/usage');
  }

  deck(filters: DeckFilters, cursor?: string, limit = 10, signal?: AbortSignal) {
    return this.request<DeckPage>(`/v1/jobs/deck${query({ ...filters, cursor, limit })}`, { signal });
  }

  swipe(body: SwipeBody) {
    return this.request<SwipeResponse>('/v1/swipes', { method: 'POST', body });
  }

  undoSwipe(jobId: string) {
    return this.request<{ cancelledApplicationId: string | null }>(`/v1/swipes/${jobId}`, { method: 'DELETE' });
  }

  application(id: string) {
    return this.request<ApplicationDetail>(`/v1/applications/${id}`);
  }

  cancelApplication(id: string) {
    return this.request<ApplicationSummary>(`/v1/applications/${id}/cancel`, { method: 'POST', body: {} });
  }

  retryApplication(id: string) {
    return this.request<ApplicationSummary>(`/v1/applications/${id}/retry`, { method: 'POST', body: {} });
  }

  answerApplication(id: string, body: AnswerBody) {
    return this.request<ApplicationSummary>(`/v1/applications/${id}/answer`, { method: 'POST', body });
  }

  /** The tracker: applications with stage and notes, in one view, searched and sorted, with counts. */
  tracker(params: { view: TrackerView; q?: string; sort: TrackerSort; cursor?: string }) {
    return this.request<TrackerPage>(`/v1/tracker${query(params)}`);
  }

  trackerCounts() {
    return this.request<TrackerCounts>('/v1/tracker/counts');
  }

  tracking(id: string) {
    return this.request<TrackingView>(`/v1/applications/${id}/tracking`);
  }

  saveTracking(id: string, body: TrackingBody) {
    return this.request<TrackingView>(`/v1/applications/${id}/tracking`, { method: 'PUT', body });
  }

  plan() {
    return this.request<UsageView>('/v1/plan');
  }

  saveSettings(body: SettingsBody) {
    return this.request<UsageView>('/v1/settings', { method: 'PUT', body });
  }

  checkout(body: CheckoutBody) {
    return this.request<CheckoutResponse>('/v1/billing/checkout', { method: 'POST', body });
  }

  billingPortal(body: PortalBody) {
    return this.request<PortalResponse>('/v1/billing/portal', { method: 'POST', body });
  }

  /** Cancels the subscription at the end of the paid period (`keep`: calls that off). */
  cancelSubscription(keep = false) {
    return keep
      ? this.request<UsageView>('/v1/billing/subscription/resume', { method: 'POST', body: {} })
      : this.request<UsageView>('/v1/billing/subscription', { method: 'DELETE' });
  }

  startPairing() {
    return this.request<PairStartResponse>('/v1/devices/pair/start', { method: 'POST', body: {} });
  }

  pairing(pairingId: string) {
    return this.request<PairingStatus>(`/v1/devices/pair/${pairingId}`);
  }

  devices() {
    return this.request<DeviceList>('/v1/devices');
  }

  revokeDevice(id: string) {
    return this.request<void>(`/v1/devices/${id}`, { method: 'DELETE' });
  }

  queueStats() {
    return this.request<QueueStats>('/v1/queue/stats');
  }

  deadLetters(cursor?: string) {
    return this.request<DeadLetterPage>(`/v1/queue/dead${query({ cursor })}`);
  }

  /** Operators: queue a dead application again with fresh attempts. */
  requeueDead(id: string) {
    return this.request<{ id: string; status: ApplicationStatus }>(`/v1/queue/dead/${id}/retry`, {
      method: 'POST',
      body: {},
    });
  }

  /** An evidence file (screenshot) as a blob: it needs the access token, which an <img> cannot send. */
  async evidence(url: string): Promise<Blob> {
    const token = await this.session.accessToken();
    const res = await this.fetchFn(`${this.baseUrl}${url}`, { headers: { authorization: `Bearer ${token ?? ''}` } });
    if (!res.ok) throw new ApiError(res.status, 'not_found', 'This screenshot is not available.');
    return res.blob();
  }
}
