// The server worker's Prometheus metrics, on the context's registry: applications run, their
// outcomes and durations, waits for host rate limits, and each proxy's verdicts and health.
// Several workers in one process (tests, `npm start`) share the same metrics.
import type { AttemptExecute, AttemptOutcome } from '@jobswipe/protocol/attempt-runner';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ProxyObserver } from '../proxies/proxy-pool.ts';

export interface WorkerMetrics {
  applications: Counter<'outcome'>;
  duration: Histogram<'outcome'>;
  running: Gauge;
  rateWaits: Counter;
  proxyVerdicts: Counter<'proxy' | 'verdict'>;
  proxyUsable: Gauge<'proxy'>;
}

const existing = <T>(registry: Registry, name: string) => registry.getSingleMetric(name) as T | undefined;

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[] = []) {
  return existing<Counter<L>>(registry, name) ?? new Counter({ name, help, labelNames, registers: [registry] });
}

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[] = []) {
  return existing<Gauge<L>>(registry, name) ?? new Gauge({ name, help, labelNames, registers: [registry] });
}

export function workerMetrics(registry: Registry): WorkerMetrics {
  const durationName = 'jobswipe_worker_application_duration_seconds';
  return {
    applications: counter(
      registry,
      'jobswipe_worker_applications_total',
      'Server-lane applications run, by outcome (handed_back: stopped before an outcome; crashed: the worker failed)',
      ['outcome'],
    ),
    duration:
      existing<Histogram<'outcome'>>(registry, durationName) ??
      new Histogram({
        name: durationName,
        help: 'Time from claim to outcome of server-lane applications, rate-limit waits included, by outcome',
        labelNames: ['outcome'],
        buckets: [1, 2.5, 5, 10, 20, 40, 60, 120, 300],
        registers: [registry],
      }),
    running: gauge(registry, 'jobswipe_worker_running_applications', 'Server-lane applications running now'),
    rateWaits: counter(
      registry,
      'jobswipe_worker_rate_limit_waits_total',
      'Times an application waited because its ATS host had its fill of applications from us',
    ),
    proxyVerdicts: counter(
      registry,
      'jobswipe_proxy_attempts_total',
      'Application attempts through each proxy, by verdict (ok; failed: refused or timed out; blocked by the site; neutral)',
      ['proxy', 'verdict'],
    ),
    proxyUsable: gauge(
      registry,
      'jobswipe_proxy_usable',
      '1 when the proxy may be used, 0 while it rests after failures (as a worker last saw it)',
      ['proxy'],
    ),
  };
}

export function proxyObserver(metrics: WorkerMetrics): ProxyObserver {
  return {
    verdict: (proxy, verdict) => metrics.proxyVerdicts.inc({ proxy, verdict }),
    usable: (proxy, usable) => metrics.proxyUsable.set({ proxy }, usable ? 1 : 0),
  };
}

/** `execute` counted and timed. */
export function measured(execute: AttemptExecute, metrics: WorkerMetrics): AttemptExecute {
  return async (order, control) => {
    metrics.running.inc();
    const stop = metrics.duration.startTimer();
    let outcome = 'crashed';
    try {
      const result: AttemptOutcome = await execute(order, control);
      outcome = 'release' in result ? 'handed_back' : result.outcome;
      return result;
    } catch (err) {
      if (control.signal.aborted) outcome = 'handed_back';
      throw err;
    } finally {
      metrics.running.dec();
      metrics.applications.inc({ outcome });
      stop({ outcome });
    }
  };
}
