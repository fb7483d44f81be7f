// Where each connected device is: the user's presence hash (device id → node id), which tells the
// outbox relay which nodes to nudge. A node removes only its own entry, so a device that has
// already reconnected to another node stays present there.
import type { AppContext } from '../context.ts';
import { isRedisReady } from '../redis/connection.ts';

/** Refreshed by every node a third of the way through; gone when a node dies without a word. */
export const PRESENCE_TTL_S = 180;

/**
 * KEYS[1] the presence hash; ARGV[1] the device id, ARGV[2] the node id.
 * Deletes the field only while it still names this node. Returns 1 if deleted, else 0.
 */
const DELETE_IF_OURS = `
if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('hdel', KEYS[1], ARGV[1]) end
return 0`;

export async function announce(ctx: AppContext, userId: string, deviceId: string): Promise<void> {
  if (!isRedisReady(ctx.redis)) return;
  const key = ctx.keys.presence(userId);
  await ctx.redis.multi().hset(key, deviceId, ctx.nodeId).expire(key, PRESENCE_TTL_S).exec();
}

export async function withdraw(ctx: AppContext, userId: string, deviceId: string): Promise<void> {
  if (!isRedisReady(ctx.redis)) return;
  await ctx.redis.eval(DELETE_IF_OURS, 1, ctx.keys.presence(userId), deviceId, ctx.nodeId);
}

/** The node the device was last announced on, if any. */
export async function nodeOf(ctx: AppContext, userId: string, deviceId: string): Promise<string | null> {
  if (!isRedisReady(ctx.redis)) return null;
  return ctx.redis.hget(ctx.keys.presence(userId), deviceId);
}
