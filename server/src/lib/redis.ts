// One Redis connection per process when REDIS_URL is set (locks now; rate limits, cache and
// pub/sub later). Without REDIS_URL everything falls back to in-process equivalents.
import { Redis } from 'ioredis';

export type { Redis };

export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  await redis.connect();
  return redis;
}
