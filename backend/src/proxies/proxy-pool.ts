// The worker's rotating proxies: picks one per application attempt (sticky: the attempt keeps it
// to the end) from the shared health, waits while every proxy rests, and takes each attempt's
// verdict back into the health every worker reads. With no proxies configured it says "direct".
import { setTimeout as delay } from 'node:timers/promises';
import {
  chooseProxy,
  healthChanges,
  type ProxyHealth,
  type ProxyPolicy,
  type ProxyVerdict,
  restsUntil,
} from './proxy-health.ts';
import type { ProxyHealthStore } from './proxy-health-store.ts';
import type { ProxyEndpoint } from './proxy-list.ts';

/** What the pool tells the metrics. */
export interface ProxyObserver {
  verdict(proxy: string, verdict: ProxyVerdict): void;
  usable(proxy: string, usable: boolean): void;
}

export type ProxyPick =
  | { kind: 'direct' }
  /** `done` must be called once, when the attempt through it has ended. */
  | { kind: 'proxy'; endpoint: ProxyEndpoint; done(verdict: ProxyVerdict): Promise<void> }
  /** Every proxy was blocked by this host lately: our servers cannot apply there now. */
  | { kind: 'blocked'; message: string }
  /** Every proxy rests for longer than an attempt should wait. */
  | { kind: 'unavailable'; message: string };

export interface ProxyPoolOptions {
  policy: ProxyPolicy;
  /** The longest an attempt waits for a resting proxy before giving up for now. */
  maxWaitMs: number;
  observer?: ProxyObserver;
}

export class ProxyPool {
  private readonly inFlight = new Map<string, number>();

  constructor(
    readonly endpoints: readonly ProxyEndpoint[],
    private readonly store: ProxyHealthStore,
    private readonly options: ProxyPoolOptions,
  ) {}

  /** The health of every proxy as the workers share it (ops and tests). */
  async health(): Promise<Map<string, ProxyHealth>> {
    return this.store.read(this.endpoints.map((e) => e.id));
  }

  async pick(host: string, signal: AbortSignal, onWait: (waitMs: number) => Promise<void>): Promise<ProxyPick> {
    if (this.endpoints.length === 0) return { kind: 'direct' };
    const { policy, maxWaitMs } = this.options;
    const giveUpAt = Date.now() + maxWaitMs;
    for (;;) {
      const health = await this.health();
      const now = Date.now();
      const candidates = this.endpoints.map((e) => ({
        id: e.id,
        health: health.get(e.id)!,
        inFlight: this.inFlight.get(e.id) ?? 0,
      }));
      for (const e of this.endpoints) {
        this.options.observer?.usable(e.label, restsUntil(health.get(e.id)!, policy) <= now);
      }
      const choice = chooseProxy(candidates, host, now, policy);
      if (choice.kind === 'blocked') {
        return {
          kind: 'blocked',
          message: `${host} blocked every one of our ${this.endpoints.length} proxies lately (CAPTCHA or bot wall)`,
        };
      }
      if (choice.kind === 'wait') {
        if (choice.until > giveUpAt) {
          return {
            kind: 'unavailable',
            message: `Every proxy is resting after failures (the first is back in ${Math.ceil((choice.until - now) / 1000)} s)`,
          };
        }
        await onWait(choice.until - now);
        await delay(Math.max(0, choice.until - now), undefined, { signal });
        continue;
      }
      return this.lease(this.endpoints.find((e) => e.id === choice.id)!, host);
    }
  }

  private async lease(endpoint: ProxyEndpoint, host: string): Promise<ProxyPick> {
    this.inFlight.set(endpoint.id, (this.inFlight.get(endpoint.id) ?? 0) + 1);
    await this.store.record(endpoint.id, healthChanges('picked', host, Date.now()));
    let ended = false;
    return {
      kind: 'proxy',
      endpoint,
      done: async (verdict) => {
        if (ended) return;
        ended = true;
        this.inFlight.set(endpoint.id, (this.inFlight.get(endpoint.id) ?? 1) - 1);
        this.options.observer?.verdict(endpoint.label, verdict);
        await this.store.record(endpoint.id, healthChanges(verdict, host, Date.now()));
      },
    };
  }
}
