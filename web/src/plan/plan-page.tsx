// Plan and usage: how much of this month's and today's applications are used, the plans, an
// upgrade through Stripe Checkout, and where applications may run.
import type { CheckoutBody, ExecutionPreference, PlanView, UsageView } from '@jobswipe/protocol';
import { useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { useResource } from '../ui/use-resource.ts';

const PREFERENCES: { value: ExecutionPreference; label: string; hint: string }[] = [
  { value: 'auto', label: 'Automatic', hint: 'Our servers while your plan allows, then your devices.' },
  { value: 'device_only', label: 'My devices only', hint: 'Only your paired desktop app or extension applies.' },
  { value: 'server_only', label: 'Servers only', hint: 'Only our servers apply, within your plan.' },
];

function Meter({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const ratio = limit ? Math.min(1, used / limit) : 0;
  return (
    <div className="meter">
      <div className="row row-between">
        <span>{label}</span>
        <span className="muted">
          {used} / {limit ?? '∞'}
          {limit !== null && used >= limit ? ' · limit reached' : ''}
        </span>
      </div>
      <meter
        min={0}
        max={limit ?? 1}
        value={limit ? used : 0}
        high={(limit ?? 1) * 0.8}
        optimum={0}
        aria-label={label}
      />
      <span className="visually-hidden">{limit ? `${Math.round(ratio * 100)}% used` : 'unlimited'}</span>
    </div>
  );
}

const price = (cents: number) => (cents === 0 ? 'Free' : `$${(cents / 100).toFixed(cents % 100 ? 2 : 0)}/mo`);
const limit = (n: number | null) => (n === null ? 'Unlimited' : String(n));

export function PlanPage() {
  const { api } = useServices();
  const view = useResource(() => api.plan());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function upgrade(plan: PlanView) {
    setBusy(plan.id);
    setError(null);
    try {
      const back = `${window.location.origin}/plan`;
      const { url } = await api.checkout({
        planId: plan.id as CheckoutBody['planId'],
        successUrl: back,
        cancelUrl: back,
      });
      window.location.assign(url);
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  }

  /** Shows the choice at once and saves it; a refused save puts the previous one back. */
  async function prefer(value: ExecutionPreference) {
    setError(null);
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
          </section>
          <section className="panel" aria-labelledby="plans-title">
            <h2 id="plans-title">Plans</h2>
            <div className="table-wrap">
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
                        ) : p.priceCents > data.plan.priceCents ? (
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            disabled={busy !== null}
                            onClick={() => void upgrade(p)}
                          >
                            {busy === p.id ? 'Opening…' : `Upgrade to ${p.name}`}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </main>
  );
}
