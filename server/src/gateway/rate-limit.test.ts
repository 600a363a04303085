// Token buckets, in memory and in Redis, with the same behaviour table. Time is injected (`now`)
// so nothing here depends on how fast the machine is. The Redis cases need REDIS_URL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../lib/redis.ts';
import { MemoryRateLimiter, RedisRateLimiter, rateLimitKey, type RateLimiter } from './rate-limit.ts';

const REDIS_URL = process.env.REDIS_URL;
const PREFIX = `tessera:test:rl:${randomUUID()}:`;
const T0 = 1_700_000_000_000;

const connections: Redis[] = [];
async function connection(): Promise<Redis> {
  const redis = await connectRedis(REDIS_URL!);
  connections.push(redis);
  return redis;
}

afterAll(async () => {
  const [first] = connections;
  if (first) {
    // Only this run's keys: other test runs share the server.
    let cursor = '0';
    do {
      const [next, keys] = await first.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await first.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  await Promise.all(connections.map((c) => c.quit()));
});

interface Impl {
  name: string;
  skip: boolean;
  /** A limiter; `shared` ones see the same buckets as every other limiter of this impl. */
  make(): Promise<RateLimiter>;
}

const memory = new MemoryRateLimiter();
const impls: Impl[] = [
  { name: 'MemoryRateLimiter', skip: false, make: async () => memory },
  {
    name: REDIS_URL ? 'RedisRateLimiter' : 'RedisRateLimiter (skipped: REDIS_URL is not set)',
    skip: !REDIS_URL,
    make: async () => new RedisRateLimiter(await connection(), PREFIX),
  },
];

/** A key no other test uses (the memory limiter instance is shared across tests). */
const freshKey = () => rateLimitKey(randomUUID(), randomUUID());

// `%s` on a plain string: vitest would quote and truncate `$name`, hiding why a suite is skipped.
describe.each(impls.map((impl) => [impl.name, impl] as const))('%s', (_name, impl) => {
  const test = impl.skip ? it.skip : it;
  let limiter: RateLimiter;
  beforeAll(async () => {
    if (!impl.skip) limiter = await impl.make();
  });

  test('allows a burst up to capacity, then refuses with the time until one token is back', async () => {
    const key = freshKey();
    const decisions = [];
    for (let i = 0; i < 10; i++) decisions.push(await limiter.take(key, 10, T0));
    expect(decisions.every((d) => d.allowed && d.retryAfterSeconds === 0)).toBe(true);
    expect(decisions.map((d) => d.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);

    // 10 a minute: one token every 6 s.
    expect(await limiter.take(key, 10, T0)).toEqual({ allowed: false, retryAfterSeconds: 6, remaining: 0 });
    expect(await limiter.take(key, 10, T0 + 1_500)).toEqual({ allowed: false, retryAfterSeconds: 5, remaining: 0 });
    // Rounded up, never 0 while refused.
    expect(await limiter.take(key, 10, T0 + 5_999)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
  });

  test('refills continuously at limit/60 per second, up to capacity and no further', async () => {
    const key = freshKey();
    for (let i = 0; i < 60; i++) await limiter.take(key, 60, T0);
    expect((await limiter.take(key, 60, T0)).allowed).toBe(false);

    // One token a second: after 2.5 s, two tokens.
    expect(await limiter.take(key, 60, T0 + 2_500)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
    expect(await limiter.take(key, 60, T0 + 2_500)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
    expect(await limiter.take(key, 60, T0 + 2_500)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });

    // An hour later the bucket holds 60 again, not 3,600.
    const later = T0 + 3_600_000;
    let allowed = 0;
    for (let i = 0; i < 70; i++) if ((await limiter.take(key, 60, later)).allowed) allowed++;
    expect(allowed).toBe(60);
  });

  test('rounds retryAfterSeconds up for limits that do not divide a minute', async () => {
    const key = freshKey();
    for (let i = 0; i < 7; i++) await limiter.take(key, 7, T0);
    // 60/7 = 8.57 s per token.
    expect(await limiter.take(key, 7, T0)).toEqual({ allowed: false, retryAfterSeconds: 9, remaining: 0 });
    expect((await limiter.take(key, 7, T0 + 8_571)).allowed).toBe(false);
    expect((await limiter.take(key, 7, T0 + 8_572)).allowed).toBe(true);
  });

  test('one company exhausting its budget leaves another company (and endpoint) untouched', async () => {
    const endpoint = randomUUID();
    const companyA = rateLimitKey(randomUUID(), endpoint);
    const companyB = rateLimitKey(randomUUID(), endpoint);
    const otherEndpointOfA = rateLimitKey(companyA.split(':')[0]!, randomUUID());
    for (let i = 0; i < 5; i++) expect((await limiter.take(companyA, 5, T0)).allowed).toBe(true);
    expect((await limiter.take(companyA, 5, T0)).allowed).toBe(false);

    expect(await limiter.take(companyB, 5, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 4 });
    expect(await limiter.take(otherEndpointOfA, 5, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 4 });
  });

  test('a lowered limit clamps the bucket to the new capacity', async () => {
    const key = freshKey();
    expect((await limiter.take(key, 100, T0)).remaining).toBe(99);
    expect((await limiter.take(key, 3, T0)).remaining).toBe(2);
  });

  test('rejects limits below one token a minute', async () => {
    await expect(limiter.take(freshKey(), 0, T0)).rejects.toThrow(RangeError);
    await expect(limiter.take(freshKey(), Number.NaN, T0)).rejects.toThrow(RangeError);
  });
});

describe('MemoryRateLimiter memory', () => {
  it('drops buckets once they are idle and full again', async () => {
    const limiter = new MemoryRateLimiter();
    for (let i = 0; i < 100; i++) await limiter.take(`k${i}`, 60, T0);
    for (let i = 0; i < 60; i++) await limiter.take('drained', 60, T0);
    expect(limiter.size).toBe(101);
    // A minute later every bucket, even the drained one, is full again: the next sweep (at most
    // one a minute) drops them all; only the bucket of the call that triggered it remains.
    await limiter.take('trigger', 60, T0 + 61_000);
    expect(limiter.size).toBe(1);
  });

  it('keeps buckets that are still refilling', async () => {
    const limiter = new MemoryRateLimiter({ sweepIntervalMs: 1_000 });
    for (let i = 0; i < 60; i++) await limiter.take('busy', 60, T0);
    await limiter.take('idle', 60, T0);
    await limiter.take('trigger', 60, T0 + 2_000); // idle is full again; busy has 2 of 60
    expect(limiter.size).toBe(2);
    expect(await limiter.take('busy', 60, T0 + 2_000)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
  });
});

describe.skipIf(!REDIS_URL)(
  REDIS_URL ? 'RedisRateLimiter across instances' : 'RedisRateLimiter across instances (skipped: REDIS_URL is not set)',
  () => {
    it('two instances on two connections share one budget; the counts add up exactly', async () => {
      const a = new RedisRateLimiter(await connection(), PREFIX);
      const b = new RedisRateLimiter(await connection(), PREFIX);
      const key = freshKey();
      const decisions = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).take(key, 20, T0)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
      expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds === 3)).toBe(true);
      // Every remaining count from 19 down to 0 was handed out exactly once.
      expect(
        decisions
          .filter((d) => d.allowed)
          .map((d) => d.remaining)
          .sort((x, y) => x - y),
      ).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it("uses Redis's clock when no time is passed", async () => {
      const a = new RedisRateLimiter(await connection(), PREFIX);
      const b = new RedisRateLimiter(await connection(), PREFIX);
      const key = freshKey();
      // 2 a minute: a token every 30 s, so nothing refills during the test.
      expect((await a.take(key, 2)).allowed).toBe(true);
      expect((await b.take(key, 2)).allowed).toBe(true);
      const refused = await a.take(key, 2);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    });

    it('stores the bucket as a hash that expires once it would be full again', async () => {
      const redis = await connection();
      const limiter = new RedisRateLimiter(redis, PREFIX);
      const key = freshKey();
      await limiter.take(key, 60, T0);
      expect(await redis.type(PREFIX + key)).toBe('hash');
      const pttl = await redis.pttl(PREFIX + key);
      // One token short of 60 at one a second: full in 1 s.
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(1_000);
    });

    it('falls back to EVAL when Redis does not know the script (first use, restart, failover)', async () => {
      const redis = await connection();
      let evalshaCalls = 0;
      // Not SCRIPT FLUSH: the server is shared with other test runs.
      const forgetful = {
        evalsha: async () => {
          evalshaCalls++;
          throw new Error('NOSCRIPT No matching script. Please use EVAL.');
        },
        eval: redis.eval.bind(redis),
      } as unknown as Redis;
      const limiter = new RedisRateLimiter(forgetful, PREFIX);
      const key = freshKey();
      expect(await limiter.take(key, 5, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 4 });
      expect(evalshaCalls).toBe(1);
      // And the real EVALSHA path finds the script EVAL just cached.
      expect(await new RedisRateLimiter(redis, PREFIX).take(key, 5, T0)).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
        remaining: 3,
      });
    });
  },
);
