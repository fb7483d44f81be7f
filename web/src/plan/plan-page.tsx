// Plan and usage: how much of this month's and today's applications are used, the plans (a first
// subscription is paid through Stripe Checkout; a subscriber's is switched in place, or cancelled
// at the end of the paid period), and where applications may run.
import type { CheckoutBody, ExecutionPreference, PlanView, UsageView } from '@jobswipe/protocol';
import { useState } from 'react';
import { Link } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { ScrollRegion } from '../ui/scroll-region.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ReviewDraftsSetting } from './review-drafts-setting.tsx';
import { UndoWindowSetting } from './undo-window-setting.tsx';

const PREFERENCES: { value: ExecutionPreference; label: string; hint: string }[] = [
  { value: 'auto', label: 'Automatic', hint: 'Our servers while your plan allows, then your devices.' },
  { value: 'device_only', label: 'My devices only', hint: 'Only your paired desktop app or extension applies.' },
  { value: 'server_only', label: 'Servers only', hint: 'Only our servers apply, within your plan.' },
];

const counts = new Intl.NumberFormat();
/** A count as the reader's locale writes it ("150,000"); a value that is no count shows as a dash. */
const isCount = (n: number | null): n is number => n !== null && Number.isFinite(n) && n >= 0;
const count = (n: number) => (isCount(n) ? counts.format(n) : '—');

function Meter({ label, used, limit: cap }: { label: string; used: number; limit: number | null }) {
  const limit = isCount(cap) && cap > 0 ? cap : null;
  const spent = isCount(used) ? used : 0;
  const ratio = limit ? Math.min(1, spent / limit) : 0;
  return (
    <div className="meter">
      <div className="row row-between">
        <span>{label}</span>
        <span className="muted">
          {count(used)} / {cap === null ? '∞' : count(cap)}
          {isCount(cap) && spent >= cap ? ' · limit reached' : ''}
        </span>
      </div>
      <meter
        min={0}
        max={limit ?? 1}
        value={limit ? Math.min(spent, limit) : 0}
        high={(limit ?? 1) * 0.8}
        optimum={0}
        aria-label={label}
      />
      <span className="visually-hidden">{limit ? `${Math.round(ratio * 100)}% used` : 'unlimited'}</span>
    </div>
  );
}

const price = (cents: number) => (cents === 0 ? 'Free' : `$${(cents / 100).toFixed(cents % 100 ? 2 : 0)}/mo`);
const limit = (n: number | null) => (n === null ? 'Unlimited' : count(n));

const day = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })
    : 'the end of this period';

/** The paid subscription's renewal, or its end when cancelled, with the way to change that. */
function Subscription(props: {
  view: UsageView;
  busy: boolean;
  onCancel: () => void;
  onKeep: () => void;
  onManage: () => void;
}) {
  const { plan, subscription } = props.view;
  if (!subscription || plan.priceCents === 0 || subscription.status === 'canceled') return null;
  if (subscription.cancelAtPeriodEnd) {
    return (
      <div className="note note-warn row row-between" role="status">
        <span>
          Cancelled: {plan.name} ends on {day(subscription.currentPeriodEnd)}, then you are on Free.
        </span>
        <button type="button" className="btn btn-small btn-primary" disabled={props.busy} onClick={props.onKeep}>
          Keep {plan.name}
        </button>
      </div>
    );
  }
  return (
    <div className="row row-between">
      <span className="muted">Renews on {day(subscription.currentPeriodEnd)}.</span>
      <span className="row">
        <button type="button" className="btn btn-small" disabled={props.busy} onClick={props.onManage}>
          Payment and invoices
        </button>
        <button type="button" className="btn btn-small" disabled={props.busy} onClick={props.onCancel}>
          Cancel subscription
        </button>
      </span>
    </div>
  );
}

export function PlanPage() {
  const { api } = useServices();
  const view = useResource(() => api.plan());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState<string | null>(null);

  const back = `${window.location.origin}/plan`;

  /**
   * A billing action with its button busy. It answers with the Stripe page to go to, if any: the
   * button then stays busy until the page is gone. A refusal is shown where the page shows errors.
   */
  async function act(key: string, work: () => Promise<string | null>) {
    setBusy(key);
    setError(null);
    setChanged(null);
    try {
      const stripePage = await work();
      if (stripePage) return window.location.assign(stripePage);
    } catch (err) {
      setError(err);
    }
    setBusy(null);
  }

  const choose = (plan: PlanView) =>
    act(plan.id, async () => {
      const answer = await api.checkout({
        planId: plan.id as CheckoutBody['planId'],
        successUrl: back,
        cancelUrl: back,
      });
      if (answer.kind === 'checkout') return answer.url;
      view.set(() => answer.usage);
      setChanged(answer.usage.plan.name);
      return null;
    });

  const cancelSubscription = (keep: boolean) =>
    act('subscription', async () => {
      const next = await api.cancelSubscription(keep);
      view.set(() => next);
      return null;
    });

  const manage = () => act('portal', async () => (await api.billingPortal({ returnUrl: back })).url);

  /** "My devices only" with nothing paired would leave every application waiting: asked first. */
  const [confirming, setConfirming] = useState(false);

  /** Shows the choice at once and saves it; a refused save puts the previous one back. */
  async function prefer(value: ExecutionPreference, confirmed = false) {
    setError(null);
    if (value === 'device_only' && view.data?.devicesPaired === 0 && !confirmed) return setConfirming(true);
    setConfirming(false);
    const previous = view.data?.executionPreference;
    view.set((d) => d && { ...d, executionPreference: value });
    try {
      const next: UsageView = await api.saveSettings({ executionPreference: value });
      view.set(() => next);
    } catch (err) {
      setError(err);
      view.set((d) => d && previous && { ...d, executionPreference: previous });
    }
  }

  const data = view.data;
  return (
    <main className="page" id="main">
      <h1>Plan and usage</h1>
      <ErrorNote error={view.error} onRetry={() => void view.reload()} />
      <ErrorNote error={error} />
      {changed && (
        <p className="note note-ok" role="status">
          You are on {changed} now. Stripe charges or credits the difference for the rest of this month.
        </p>
      )}
      {data && (
        <>
          <section className="panel" aria-labelledby="usage-title">
            <h2 id="usage-title">
              Your plan: <span className="accent">{data.plan.name}</span>
            </h2>
            <Meter
              label="Server applications this month"
              used={data.usage.serverThisMonth}
              limit={data.plan.serverPerMonth}
            />
            <Meter
              label="All applications this month"
              used={data.usage.totalThisMonth}
              limit={data.plan.totalPerMonth}
            />
            <Meter label="Applications today" used={data.usage.today} limit={data.plan.dailyLimit} />
            <Meter
              label="Model calls this month (drafted answers, unfamiliar fields)"
              used={data.usage.modelCallsThisMonth}
              limit={data.plan.modelCallsPerMonth}
            />
            <Meter
              label="Model tokens this month"
              used={data.usage.modelTokensThisMonth}
              limit={data.plan.modelTokensPerMonth}
            />
            <Subscription
              view={data}
              busy={busy !== null}
              onCancel={() => void cancelSubscription(false)}
              onKeep={() => void cancelSubscription(true)}
              onManage={() => void manage()}
            />
          </section>
          <section className="panel" aria-labelledby="where-title">
            <h2 id="where-title">Where applications run</h2>
            <fieldset className="choices">
              <legend className="visually-hidden">Execution preference</legend>
              {PREFERENCES.map((p) => (
                <label className="choice" key={p.value}>
                  <input
                    type="radio"
                    name="preference"
                    value={p.value}
                    checked={data.executionPreference === p.value}
                    onChange={() => void prefer(p.value)}
                  />
                  <span>
                    <strong>{p.label}</strong>
                    <span className="muted small"> — {p.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {confirming && (
              <div className="note note-warn" role="alert">
                <p>You have no paired device: with “My devices only”, every application waits until you pair one.</p>
                <div className="row">
                  <button type="button" className="btn btn-small" onClick={() => void prefer('device_only', true)}>
                    Use my devices only anyway
                  </button>
                  <Link className="btn btn-small btn-primary" to="/devices">
                    Pair a device
                  </Link>
                </div>
              </div>
            )}
          </section>
          <UndoWindowSetting view={data} onSaved={(next) => view.set(() => next)} />
          <ReviewDraftsSetting view={data} onSaved={(next) => view.set(() => next)} />
          <section className="panel" aria-labelledby="plans-title">
            <h2 id="plans-title">Plans</h2>
            <ScrollRegion label="Plans">
              <table className="plans">
                <thead>
                  <tr>
                    <th scope="col">Plan</th>
                    <th scope="col">Price</th>
                    <th scope="col">Server / month</th>
                    <th scope="col">Total / month</th>
                    <th scope="col">Per day</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.plans.map((p) => (
                    <tr key={p.id} aria-current={p.id === data.plan.id ? 'true' : undefined}>
                      <th scope="row">{p.name}</th>
                      <td>{price(p.priceCents)}</td>
                      <td>{limit(p.serverPerMonth)}</td>
                      <td>{limit(p.totalPerMonth)}</td>
                      <td>{limit(p.dailyLimit)}</td>
                      <td>
                        {p.id === data.plan.id ? (
                          <span className="status status-good">
                            <span aria-hidden="true">✓</span> Current
                          </span>
                        ) : p.priceCents > 0 ? (
                          <button
                            type="button"
                            className={`btn btn-small ${p.priceCents > data.plan.priceCents ? 'btn-primary' : ''}`}
                            disabled={busy !== null}
                            onClick={() => void choose(p)}
                          >
                            {busy === p.id
                              ? 'Opening…'
                              : `${p.priceCents > data.plan.priceCents ? 'Upgrade' : 'Switch'} to ${p.name}`}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
    </main>
  );
}
