// The server lane's proxy pool as every user of it builds it (server workers, the import's form
// scans): the proxies of PROXY_URLS / PROXY_FILE, their health shared through Redis, resting after
// failures and kept away from a site that blocked them, as the PROXY_* settings say.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { ProxyHealthStore } from './proxy-health-store.ts';
import { loadProxies } from './proxy-list.ts';
import { type ProxyObserver, ProxyPool } from './proxy-pool.ts';

/** The longest an attempt or a scan waits for a resting proxy before it is tried later instead. */
const MAX_PROXY_WAIT_MS = 30_000;

export type ProxySettingsConfig = Pick<
  Config,
  'PROXY_URLS' | 'PROXY_FILE' | 'PROXY_COOLDOWN_MS' | 'PROXY_BLOCK_COOLDOWN_MS'
>;

export async function serverLaneProxies(
  config: ProxySettingsConfig,
  shared: { redis: RedisClient; keys: RedisKeys; log: Logger },
  observer?: ProxyObserver,
): Promise<ProxyPool> {
  const endpoints = await loadProxies(config);
  return new ProxyPool(endpoints, new ProxyHealthStore(shared.redis, shared.keys, shared.log), {
    policy: {
      cooldownMs: config.PROXY_COOLDOWN_MS,
      maxCooldownMs: Math.max(config.PROXY_COOLDOWN_MS, 30 * 60_000),
      blockCooldownMs: config.PROXY_BLOCK_COOLDOWN_MS,
      maxBlockCooldownMs: Math.max(config.PROXY_BLOCK_COOLDOWN_MS, 24 * 3600_000),
    },
    maxWaitMs: MAX_PROXY_WAIT_MS,
    ...(observer ? { observer } : {}),
  });
}
