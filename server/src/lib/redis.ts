// One Redis connection per process when REDIS_URL is set (locks, rate limits, cache, login
// counts). Without REDIS_URL everything falls back to in-process equivalents.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

export type { Redis };

const COMMAND_TIMEOUT_MS = 2_000;

export async function connectRedis(url: string, logger?: Pick<Logger, 'warn' | 'info'>): Promise<Redis> {
  // While the connection is down, commands fail at once (no offline queue) and a command that gets
  // no answer fails after COMMAND_TIMEOUT_MS: the callers' fallbacks then answer, instead of every
  // request waiting out reconnection attempts.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  // Without a listener ioredis prints every failed reconnect to the console. One line when the
  // connection is lost and one when it is back; the callers' fallbacks handle the meantime.
  let lost = false;
  // A dropped connection may close without an 'error' event; it always starts reconnecting.
  const markLost = (error?: Error) => {
    if (lost) return;
    lost = true;
    logger?.warn(
      error ? { err: error } : {},
      'Redis connection lost; reconnecting (rate limits and login counts fall back to this process)',
    );
  };
  redis.on('error', (error: Error) => markLost(error));
  redis.on('reconnecting', () => markLost());
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger?.info('Redis connection restored');
  });
  await redis.connect();
  return redis;
}

/**
 * A Lua script, sent by hash (EVALSHA) so a hot path ships a few bytes; its source goes along
 * once when the server does not know it (first use, SCRIPT FLUSH, a failover to a replica).
 */
export function luaScript(
  source: string,
): (redis: Redis, keys: readonly string[], args: readonly string[]) => Promise<unknown> {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (redis, keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
}
