// How healthy each proxy is and which one an application attempt should use. Pure: a proxy's
// health is a few counters (kept in Redis by the health store, so what one worker saw every worker
// knows), and every decision is a function of those counters and the clock.
//
// - A failure (the proxy refused or timed out) rests the proxy: cooldown·2^(failures in a row − 1).
// - A site's block (CAPTCHA, bot wall) keeps the proxy away from that host only, for
//   blockCooldown·2^(blocks in a row − 1); other hosts still use it.
// - Among usable proxies: no recent failures first, then the fewest attempts running here, then
//   the fewest attempts by every worker (so the load spreads), then a fixed order.

export type ProxyVerdict = 'ok' | 'failed' | 'blocked' | 'neutral';

export interface ProxyPolicy {
  cooldownMs: number;
  maxCooldownMs: number;
  blockCooldownMs: number;
  maxBlockCooldownMs: number;
}

export interface HostBlock {
  /** Blocks in a row by this host. */
  count: number;
  /** When the last one was (epoch ms). */
  at: number;
}

export interface ProxyHealth {
  /** Failures in a row; a success resets it. */
  failures: number;
  lastFailureAt: number;
  ok: number;
  failed: number;
  /** Attempts started through it by every worker. */
  uses: number;
  blocks: Record<string, HostBlock>;
}

export interface Candidate {
  id: string;
  health: ProxyHealth;
  /** Attempts running through it in this process. */
  inFlight: number;
}

export type ProxyChoice = { kind: 'use'; id: string } | { kind: 'wait'; until: number } | { kind: 'blocked' };

/** One change to a proxy's stored fields; the store applies a list of them atomically. */
export type FieldChange =
  | { field: string; add: number }
  | { field: string; set: number }
  | { field: string; remove: true };

const BLOCK_COUNT = 'block:';
const BLOCK_AT = 'blockAt:';

function backoff(baseMs: number, maxMs: number, times: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, times - 1));
}

/** When the proxy may be used again after its failures (0: it is not resting). */
export function restsUntil(health: ProxyHealth, policy: ProxyPolicy): number {
  if (health.failures <= 0) return 0;
  return health.lastFailureAt + backoff(policy.cooldownMs, policy.maxCooldownMs, health.failures);
}

/** When `host` may see the proxy again after blocking it (0: it never did). */
export function blockedUntil(health: ProxyHealth, host: string, policy: ProxyPolicy): number {
  const block = health.blocks[host];
  if (!block) return 0;
  return block.at + backoff(policy.blockCooldownMs, policy.maxBlockCooldownMs, block.count);
}

const rank = (a: Candidate, b: Candidate) =>
  Math.sign(a.health.failures) - Math.sign(b.health.failures) ||
  a.inFlight - b.inFlight ||
  a.health.uses - b.health.uses ||
  a.id.localeCompare(b.id);

/** The proxy for an attempt on `host`: one to use, how long until one rests enough, or none ever for this host now. */
export function chooseProxy(candidates: Candidate[], host: string, now: number, policy: ProxyPolicy): ProxyChoice {
  const open = candidates.filter((c) => blockedUntil(c.health, host, policy) <= now);
  if (open.length === 0) return { kind: 'blocked' };
  const ready = open.filter((c) => restsUntil(c.health, policy) <= now);
  if (ready.length === 0) return { kind: 'wait', until: Math.min(...open.map((c) => restsUntil(c.health, policy))) };
  const [best] = [...ready].sort(rank);
  return { kind: 'use', id: best!.id };
}

/** What an attempt's start ('picked') or its verdict changes in the proxy's stored fields. */
export function healthChanges(event: 'picked' | ProxyVerdict, host: string, now: number): FieldChange[] {
  switch (event) {
    case 'picked':
      return [{ field: 'uses', add: 1 }];
    case 'ok':
      return [
        { field: 'failures', set: 0 },
        { field: 'ok', add: 1 },
        { field: BLOCK_COUNT + host, remove: true },
        { field: BLOCK_AT + host, remove: true },
      ];
    case 'failed':
      return [
        { field: 'failures', add: 1 },
        { field: 'failed', add: 1 },
        { field: 'lastFailureAt', set: now },
      ];
    case 'blocked':
      return [
        { field: BLOCK_COUNT + host, add: 1 },
        { field: BLOCK_AT + host, set: now },
      ];
    case 'neutral':
      return [];
  }
}

/** The stored fields after `changes`, as Redis applies them (the local copy while Redis is down). */
export function applyChanges(fields: Record<string, string>, changes: FieldChange[]): Record<string, string> {
  const next = { ...fields };
  for (const change of changes) {
    if ('add' in change) next[change.field] = String(Number(next[change.field] ?? 0) + change.add);
    else if ('set' in change) next[change.field] = String(change.set);
    else delete next[change.field];
  }
  return next;
}

/** A proxy's health from its stored fields (a proxy never seen has none). */
export function healthFromFields(fields: Record<string, string>): ProxyHealth {
  const num = (name: string) => Number(fields[name] ?? 0) || 0;
  const blocks: Record<string, HostBlock> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!field.startsWith(BLOCK_COUNT)) continue;
    const host = field.slice(BLOCK_COUNT.length);
    blocks[host] = { count: Number(value) || 0, at: num(BLOCK_AT + host) };
  }
  return {
    failures: num('failures'),
    lastFailureAt: num('lastFailureAt'),
    ok: num('ok'),
    failed: num('failed'),
    uses: num('uses'),
    blocks,
  };
}
