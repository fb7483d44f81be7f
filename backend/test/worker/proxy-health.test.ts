import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  type Candidate,
  chooseProxy,
  healthChanges,
  healthFromFields,
  type ProxyHealth,
  type ProxyPolicy,
  type ProxyVerdict,
  restsUntil,
} from '../../src/proxies/proxy-health.ts';

const policy: ProxyPolicy = {
  cooldownMs: 1_000,
  maxCooldownMs: 10_000,
  blockCooldownMs: 60_000,
  maxBlockCooldownMs: 600_000,
};
const HOST = 'boards.example.com';
const T0 = 1_700_000_000_000;

function after(events: Array<[ProxyVerdict | 'picked', number, string?]>): ProxyHealth {
  let fields: Record<string, string> = {};
  for (const [event, at, host] of events) fields = applyChanges(fields, healthChanges(event, host ?? HOST, at));
  return healthFromFields(fields);
}

const fresh = (): ProxyHealth => healthFromFields({});
/** A healthy proxy through which `times` attempts were started. */
const picked = (times: number) => after(Array.from({ length: times }, () => ['picked', T0] as ['picked', number]));
const candidate = (id: string, health = fresh(), inFlight = 0): Candidate => ({ id, health, inFlight });

describe('proxy health', () => {
  it('rests a proxy after a failure, twice as long after each further failure in a row, up to the maximum', () => {
    const once = after([['failed', T0]]);
    expect(restsUntil(once, policy)).toBe(T0 + 1_000);
    const thrice = after([
      ['failed', T0],
      ['failed', T0 + 10],
      ['failed', T0 + 20],
    ]);
    expect(restsUntil(thrice, policy)).toBe(T0 + 20 + 4_000);
    const many = after(Array.from({ length: 12 }, (_, i) => ['failed', T0 + i] as [ProxyVerdict, number]));
    expect(restsUntil(many, policy)).toBe(T0 + 11 + 10_000);
  });

  it('forgets the failures in a row after a success, keeping the totals', () => {
    const health = after([
      ['failed', T0],
      ['failed', T0 + 1],
      ['ok', T0 + 5_000],
    ]);
    expect(health).toMatchObject({ failures: 0, failed: 2, ok: 1 });
    expect(restsUntil(health, policy)).toBe(0);
  });

  it('counts every attempt started through a proxy', () => {
    expect(
      after([
        ['picked', T0],
        ['picked', T0 + 1],
        ['neutral', T0 + 2],
      ]).uses,
    ).toBe(2);
  });
});

describe('choosing a proxy', () => {
  it('spreads attempts: fewest running here first, then fewest started by every worker', () => {
    const busy = candidate('a', fresh(), 1);
    const used = candidate('b', picked(1));
    const idle = candidate('c');
    expect(chooseProxy([busy, used, idle], HOST, T0, policy)).toEqual({ kind: 'use', id: 'c' });
    expect(chooseProxy([busy, used], HOST, T0, policy)).toEqual({ kind: 'use', id: 'b' });
  });

  it('avoids a resting proxy, and prefers one that never failed over one just back from resting', () => {
    const failed = candidate('a', after([['failed', T0]]));
    const healthy = candidate('b', picked(3));
    expect(chooseProxy([failed, healthy], HOST, T0 + 500, policy)).toEqual({ kind: 'use', id: 'b' });
    expect(chooseProxy([failed, healthy], HOST, T0 + 5_000, policy)).toEqual({ kind: 'use', id: 'b' });
    expect(chooseProxy([failed], HOST, T0 + 5_000, policy)).toEqual({ kind: 'use', id: 'a' });
  });

  it('says how long to wait when every proxy rests', () => {
    const a = candidate('a', after([['failed', T0]]));
    const b = candidate('b', after([['failed', T0 + 300]]));
    expect(chooseProxy([a, b], HOST, T0 + 100, policy)).toEqual({ kind: 'wait', until: T0 + 1_000 });
  });

  it('never uses a proxy for a host that just blocked it, and still uses it for other hosts', () => {
    const blocked = candidate('a', after([['blocked', T0]]));
    const other = candidate('b', picked(2));
    expect(chooseProxy([blocked, other], HOST, T0 + 1, policy)).toEqual({ kind: 'use', id: 'b' });
    expect(chooseProxy([blocked, other], 'jobs.other.example', T0 + 1, policy)).toEqual({ kind: 'use', id: 'a' });
    expect(chooseProxy([blocked], HOST, T0 + 59_999, policy)).toEqual({ kind: 'blocked' });
    expect(chooseProxy([blocked], HOST, T0 + 60_000, policy)).toEqual({ kind: 'use', id: 'a' });
  });

  it('keeps a proxy away from a host longer after each block in a row, until it gets through there again', () => {
    const twice = after([
      ['blocked', T0],
      ['blocked', T0 + 60_000],
    ]);
    expect(chooseProxy([candidate('a', twice)], HOST, T0 + 60_000 + 119_999, policy).kind).toBe('blocked');
    expect(chooseProxy([candidate('a', twice)], HOST, T0 + 60_000 + 120_000, policy).kind).toBe('use');
    const cleared = after([
      ['blocked', T0],
      ['ok', T0 + 70_000],
      ['blocked', T0 + 80_000],
    ]);
    expect(cleared.blocks[HOST]).toEqual({ count: 1, at: T0 + 80_000 });
  });

  it('treats a block as no failure of the proxy itself', () => {
    const health = after([['blocked', T0]]);
    expect(restsUntil(health, policy)).toBe(0);
    expect(health.failures).toBe(0);
  });
});
