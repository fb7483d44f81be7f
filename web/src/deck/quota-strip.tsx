// The deck's quota line: what is left today and this month, and what the next right-swipe does
// (goes out now on our servers or on your devices, or waits). Read again after every swipe sent.
import type { NextSwipe, UsageView } from '@jobswipe/protocol';
import { useEffect } from 'react';
import { Link } from '../router.tsx';
import { useServices, useSyncState } from '../services.tsx';
import { useResource } from '../ui/use-resource.ts';

const NEXT: Record<NextSwipe, string> = {
  server: 'Your next apply goes out now, from our servers.',
  device: 'Your next apply goes to your paired devices.',
  tomorrow: "Today's limit is reached: your next apply goes out tomorrow.",
  next_month: "This month's limit is reached: your next apply waits for next month.",
};

function left(used: number, limit: number | null): string {
  return limit === null ? 'unlimited' : `${Math.max(0, limit - used)} left`;
}

/** The plan and usage, read again after every swipe sent (the deck's strip and undo window need it). */
export function usePlanView(): UsageView | undefined {
  const { api } = useServices();
  const { lastSent } = useSyncState();
  const view = useResource<UsageView>(() => api.plan());
  const { reload } = view;
  useEffect(() => {
    if (lastSent) void reload();
  }, [lastSent, reload]);
  return view.data;
}

export function QuotaStrip({ data }: { data: UsageView | undefined }) {
  if (!data) return null;
  const noDevice = data.nextSwipe === 'device' && data.devicesPaired === 0;
  return (
    <section className="quota" aria-label="Applications left" data-testid="quota">
      <p className="quota-counts">
        <strong>{left(data.usage.today, data.plan.dailyLimit)}</strong> today ·{' '}
        <strong>{left(data.usage.totalThisMonth, data.plan.totalPerMonth)}</strong> this month
      </p>
      <p
        className={`quota-next${noDevice || data.nextSwipe === 'tomorrow' || data.nextSwipe === 'next_month' ? ' warn-text' : ''}`}
      >
        {NEXT[data.nextSwipe]}{' '}
        {noDevice ? (
          <>
            No device is paired yet, so it waits. <Link to="/devices">Pair a device</Link>
          </>
        ) : data.nextSwipe === 'next_month' ? (
          <Link to="/plan">See plans</Link>
        ) : null}
      </p>
    </section>
  );
}
