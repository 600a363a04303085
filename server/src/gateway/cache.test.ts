// The response cache, in memory and in Redis, against one behaviour table: isolation by company
// and credential, single flight, TTL, invalidation (also of loads in flight), bounds. Loads are
// gated by promises the test releases, never by timing. The Redis cases need REDIS_URL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../lib/canonical-json.ts';
import { connectRedis, type Redis } from '../lib/redis.ts';
import {
  MemoryResponseCache,
  RedisResponseCache,
  cacheKey,
  cacheScope,
  type CacheEntry,
  type LoadResult,
  type ResponseCache,
} from './cache.ts';

const REDIS_URL = process.env.REDIS_URL;
const PREFIX = `tessera:test:cache:${randomUUID()}:`;

let redis: Redis | undefined;
afterAll(async () => {
  if (!redis) return;
  // Only this run's keys: other test runs share the server.
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

interface Harness {
  cache: ResponseCache;
  /** Let `ms` pass for the cache's expiry (a fake clock in memory, real time in Redis). */
  advance(ms: number): Promise<void>;
  /** Resolves once every call already made has finished its own lookups and joined a flight. */
  settle(): Promise<unknown>;
}

interface Impl {
  name: string;
  skip: boolean;
  make(): Harness;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const impls: Impl[] = [
  {
    name: 'MemoryResponseCache',
    skip: false,
    make() {
      let now = 1_700_000_000_000;
      return {
        cache: new MemoryResponseCache({ now: () => now }),
        advance: async (ms) => {
          now += ms;
        },
        settle: async () => {},
      };
    },
  },
  {
    name: REDIS_URL ? 'RedisResponseCache' : 'RedisResponseCache (skipped: REDIS_URL is not set)',
    skip: !REDIS_URL,
    // One connection answers in order: a PING sent after the callers' version lookups returns after them.
    make: () => ({ cache: new RedisResponseCache(redis!, PREFIX), advance: sleep, settle: () => redis!.ping() }),
  },
];

function entry(body: string, status = 200): CacheEntry {
  return { status, body, headers: { 'content-type': 'application/json' }, storedAt: Date.now() };
}

/** A load function that counts its calls and answers `body#n` (n = call number). */
function counter(options: { cacheable?: boolean; status?: number } = {}) {
  const c = {
    calls: 0,
    load: async (): Promise<LoadResult> => {
      c.calls++;
      return { entry: entry(`body#${c.calls}`, options.status), cacheable: options.cacheable ?? true };
    },
  };
  return c;
}

/** A load that waits until released; `started` resolves when it has been called. */
function gated(body: string) {
  let release!: () => void;
  let markStarted!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const started = new Promise<void>((r) => (markStarted = r));
  const g = {
    calls: 0,
    started,
    release,
    load: async (): Promise<LoadResult> => {
      g.calls++;
      markStarted();
      await gate;
      return { entry: entry(body), cacheable: true };
    },
  };
  return g;
}

const newScope = () => cacheScope(randomUUID(), randomUUID());
const key = (params: unknown = { id: 1 }, credentialId = 'cred-1', operationKey = 'listDeals') =>
  cacheKey({ credentialId, operationKey, params });

// `%s` on a plain string: vitest would quote and truncate `$name`, hiding why a suite is skipped.
describe.each(impls.map((impl) => [impl.name, impl] as const))('%s', (_name, impl) => {
  const test = impl.skip ? it.skip : it;
  let h: Harness;
  beforeAll(async () => {
    if (impl.skip) return;
    if (impl.name.startsWith('Redis')) redis ??= await connectRedis(REDIS_URL!);
    h = impl.make();
  });

  test('a second identical call is a hit and does not load', async () => {
    const scope = newScope();
    const c = counter();
    const first = await h.cache.getOrLoad(scope, key(), 60, c.load);
    const second = await h.cache.getOrLoad(scope, key(), 60, c.load);
    expect(first).toMatchObject({ cached: false, entry: { body: 'body#1' } });
    expect(second).toEqual({ cached: true, entry: first.entry });
    expect(c.calls).toBe(1);
  });

  test('another credential, operation, parameters or company is a miss; reordered parameters hit', async () => {
    const companyEndpoint = randomUUID();
    const scope = cacheScope('company-a', companyEndpoint);
    const c = counter();
    await h.cache.getOrLoad(scope, key({ a: 1, b: 2 }), 60, c.load);
    expect((await h.cache.getOrLoad(scope, key({ b: 2, a: 1 }), 60, c.load)).cached).toBe(true);
    expect(c.calls).toBe(1);

    expect((await h.cache.getOrLoad(scope, key({ a: 1, b: 2 }, 'cred-2'), 60, c.load)).cached).toBe(false);
    expect((await h.cache.getOrLoad(scope, key({ a: 1, b: 2 }, 'cred-1', 'getDeal'), 60, c.load)).cached).toBe(false);
    expect((await h.cache.getOrLoad(scope, key({ a: 1, b: 3 }), 60, c.load)).cached).toBe(false);
    const otherCompany = await h.cache.getOrLoad(
      cacheScope('company-b', companyEndpoint),
      key({ a: 1, b: 2 }),
      60,
      c.load,
    );
    expect(otherCompany).toMatchObject({ cached: false, entry: { body: 'body#5' } });
    expect(c.calls).toBe(5);
  });

  test('50 concurrent identical misses make one load, and all get its answer', async () => {
    const scope = newScope();
    const g = gated('the one answer');
    const calls = Array.from({ length: 50 }, () => h.cache.getOrLoad(scope, key(), 60, g.load));
    await g.started;
    g.release();
    const results = await Promise.all(calls);
    expect(g.calls).toBe(1);
    expect(results.every((r) => r.entry.body === 'the one answer')).toBe(true);
    // The first caller missed; callers that shared its load report cached: false too (a Redis
    // caller that arrived after the load finished would see the stored entry: cached: true).
    expect(results[0]!.cached).toBe(false);
  });

  test('entries expire after the TTL', async () => {
    const scope = newScope();
    const c = counter();
    await h.cache.getOrLoad(scope, key(), 0.3, c.load);
    expect((await h.cache.getOrLoad(scope, key(), 0.3, c.load)).cached).toBe(true);
    await h.advance(600);
    expect(await h.cache.getOrLoad(scope, key(), 0.3, c.load)).toMatchObject({
      cached: false,
      entry: { body: 'body#2' },
    });
    expect(c.calls).toBe(2);
  });

  test('invalidate makes the scope miss and leaves other scopes alone', async () => {
    const scope = newScope();
    const other = newScope();
    const c = counter();
    await h.cache.getOrLoad(scope, key({ page: 1 }), 60, c.load);
    await h.cache.getOrLoad(scope, key({ page: 2 }), 60, c.load);
    await h.cache.getOrLoad(other, key({ page: 1 }), 60, c.load);
    await h.cache.invalidate(scope);
    expect((await h.cache.getOrLoad(scope, key({ page: 1 }), 60, c.load)).cached).toBe(false);
    expect((await h.cache.getOrLoad(scope, key({ page: 2 }), 60, c.load)).cached).toBe(false);
    expect((await h.cache.getOrLoad(other, key({ page: 1 }), 60, c.load)).cached).toBe(true);
    // And the reloaded entries are cached under the new version.
    expect((await h.cache.getOrLoad(scope, key({ page: 1 }), 60, c.load)).cached).toBe(true);
  });

  test('a load in flight when invalidate runs is neither joined nor served afterwards', async () => {
    const scope = newScope();
    const before = gated('read before the write');
    const inFlight = h.cache.getOrLoad(scope, key(), 60, before.load);
    await before.started;
    await h.cache.invalidate(scope); // a write to the endpoint completed meanwhile

    // A caller arriving after the invalidation loads afresh instead of joining the old load.
    const after = gated('read after the write');
    const fresh = h.cache.getOrLoad(scope, key(), 60, after.load);
    await after.started;
    before.release();
    expect(await inFlight).toMatchObject({ cached: false, entry: { body: 'read before the write' } });
    after.release();
    expect(await fresh).toMatchObject({ cached: false, entry: { body: 'read after the write' } });

    const c = counter();
    expect(await h.cache.getOrLoad(scope, key(), 60, c.load)).toMatchObject({
      cached: true,
      entry: { body: 'read after the write' },
    });
    expect(c.calls).toBe(0);
  });

  test('an invalidated in-flight load is not stored even when nothing else reloads', async () => {
    const scope = newScope();
    const before = gated('stale');
    const inFlight = h.cache.getOrLoad(scope, key(), 60, before.load);
    await before.started;
    await h.cache.invalidate(scope);
    before.release();
    await inFlight;
    const c = counter();
    expect(await h.cache.getOrLoad(scope, key(), 60, c.load)).toMatchObject({
      cached: false,
      entry: { body: 'body#1' },
    });
  });

  test('non-cacheable answers are shared by concurrent callers but not stored', async () => {
    const scope = newScope();
    const c = counter({ cacheable: false, status: 502 });
    const [a, b] = await Promise.all([
      h.cache.getOrLoad(scope, key(), 60, c.load),
      h.cache.getOrLoad(scope, key(), 60, c.load),
    ]);
    expect(c.calls).toBe(1);
    expect(a.entry.status).toBe(502);
    expect(b.entry).toEqual(a.entry);
    expect(await h.cache.getOrLoad(scope, key(), 60, c.load)).toMatchObject({
      cached: false,
      entry: { body: 'body#2' },
    });
  });

  test('a TTL of 0 never caches but still makes concurrent calls share one load', async () => {
    const scope = newScope();
    const g = gated('uncached');
    const calls = Array.from({ length: 10 }, () => h.cache.getOrLoad(scope, key(), 0, g.load));
    await g.started;
    // Concurrent means overlapping: nothing stores a TTL-0 answer, so a caller still waiting on
    // its version lookup when the load ends would (rightly) load again. Under load that happened.
    await h.settle();
    g.release();
    const results = await Promise.all(calls);
    expect(g.calls).toBe(1);
    expect(results.every((r) => !r.cached && r.entry.body === 'uncached')).toBe(true);
    const c = counter();
    expect((await h.cache.getOrLoad(scope, key(), 0, c.load)).cached).toBe(false);
    expect((await h.cache.getOrLoad(scope, key(), -5, c.load)).cached).toBe(false);
    expect(c.calls).toBe(2);
  });

  test('with a TTL of 0, a call after an invalidate does not join a load that started before it', async () => {
    const scope = newScope();
    const before = gated('before the write');
    const first = h.cache.getOrLoad(scope, key(), 0, before.load);
    await before.started;
    await h.cache.invalidate(scope); // a write went through this process
    const c = counter();
    expect(await h.cache.getOrLoad(scope, key(), 0, c.load)).toMatchObject({
      cached: false,
      entry: { body: 'body#1' },
    });
    before.release();
    expect((await first).entry.body).toBe('before the write');
    expect(c.calls).toBe(1);
  });

  test('a failing load rejects every caller sharing it and stores nothing', async () => {
    const scope = newScope();
    let calls = 0;
    const failing = async (): Promise<LoadResult> => {
      calls++;
      await Promise.resolve();
      throw new Error('upstream unreachable');
    };
    const results = await Promise.allSettled([
      h.cache.getOrLoad(scope, key(), 60, failing),
      h.cache.getOrLoad(scope, key(), 60, failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    const c = counter();
    expect((await h.cache.getOrLoad(scope, key(), 60, c.load)).cached).toBe(false);
  });
});

describe('cacheKey', () => {
  it('ignores key order at every depth and keeps array order', () => {
    const base = { credentialId: 'c', operationKey: 'op' };
    expect(cacheKey({ ...base, params: { a: 1, b: { x: 1, y: [1, 2] } } })).toBe(
      cacheKey({ ...base, params: { b: { y: [1, 2], x: 1 }, a: 1 } }),
    );
    expect(cacheKey({ ...base, params: { y: [1, 2] } })).not.toBe(cacheKey({ ...base, params: { y: [2, 1] } }));
    expect(cacheKey({ ...base, params: { a: 1, b: undefined } })).toBe(cacheKey({ ...base, params: { a: 1 } }));
    expect(cacheKey({ ...base, params: { a: '1' } })).not.toBe(cacheKey({ ...base, params: { a: 1 } }));
    expect(cacheKey({ ...base, params: {} })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes JSON.stringify's text with keys sorted: toJSON, dropped undefined and functions, null in arrays, escapes", () => {
    const when = new Date('2026-07-07T00:00:00Z');
    const value = {
      b: [1, undefined, () => 1, 'x"\u2028'],
      a: { d: when, c: null, e: undefined },
      f: -0,
      g: Number.NaN,
      '\u0000k': true,
    };
    expect(canonicalJson(value)).toBe(
      JSON.stringify({ '\u0000k': true, a: { c: null, d: when }, b: [1, null, null, 'x"\u2028'], f: -0, g: null }),
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([[], {}, [{}]])).toBe('[[],{},[{}]]');
    // A value met twice (not a cycle) is fine; a cycle is refused as JSON.stringify refuses it.
    const shared = { s: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"s":1},"y":[{"s":1}]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { again: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('keys params nested 10,000 levels deep without overflowing the stack (issue 16, item 9)', () => {
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 10_000; i += 1) deep = i % 2 ? [deep] : { a: deep };
    expect(cacheKey({ credentialId: 'c', operationKey: 'op', params: deep })).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalJson(deep)).toBe(`${'[{"a":'.repeat(5_000)}{"leaf":true}${'}]'.repeat(5_000)}`);
  });

  it('differs by credential and operation', () => {
    const k = cacheKey({ credentialId: 'c1', operationKey: 'op', params: {} });
    expect(cacheKey({ credentialId: 'c2', operationKey: 'op', params: {} })).not.toBe(k);
    expect(cacheKey({ credentialId: 'c1', operationKey: 'op2', params: {} })).not.toBe(k);
  });
});

describe('MemoryResponseCache bounds', () => {
  const body = (n: number) => 'x'.repeat(n);
  const load = (b: string) => async (): Promise<LoadResult> => ({
    entry: { status: 200, body: b, storedAt: 0 },
    cacheable: true,
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new MemoryResponseCache({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) await cache.getOrLoad('s', k, 60, load(k));
    expect((await cache.getOrLoad('s', 'a', 60, load('a'))).cached).toBe(true); // a is now the most recent
    await cache.getOrLoad('s', 'd', 60, load('d'));
    expect(cache.size.entries).toBe(3);
    expect((await cache.getOrLoad('s', 'b', 60, load('b'))).cached).toBe(false); // b was evicted (and is back now)
    expect((await cache.getOrLoad('s', 'd', 60, load('d'))).cached).toBe(true);
    expect((await cache.getOrLoad('s', 'a', 60, load('a'))).cached).toBe(true);
  });

  it('evicts beyond maxBytes and never stores an entry larger than the whole budget', async () => {
    const cache = new MemoryResponseCache({ maxBytes: 10_000 });
    for (const k of ['a', 'b', 'c', 'd']) await cache.getOrLoad('s', k, 60, load(body(3_000)));
    expect(cache.size.entries).toBe(3);
    expect(cache.size.bytes).toBeLessThanOrEqual(10_000);
    expect((await cache.getOrLoad('s', 'a', 60, load(body(3_000)))).cached).toBe(false);

    await cache.getOrLoad('s', 'huge', 60, load(body(20_000)));
    expect((await cache.getOrLoad('s', 'huge', 60, load(body(20_000)))).cached).toBe(false);
    expect(cache.size.bytes).toBeLessThanOrEqual(10_000);
  });

  it('frees an expired entry when it is next read', async () => {
    let now = 0;
    const cache = new MemoryResponseCache({ now: () => now });
    await cache.getOrLoad('s', 'k', 1, load('v'));
    now += 1_000;
    expect(cache.size.entries).toBe(1);
    expect((await cache.getOrLoad('s', 'k', 0, load('v'))).cached).toBe(false); // TTL 0: not read, not stored
    expect((await cache.getOrLoad('s', 'k2', 1, load('v'))).cached).toBe(false);
    expect((await cache.getOrLoad('s', 'k', 1, load('v'))).cached).toBe(false);
    expect(cache.size.entries).toBe(2); // k (reloaded) and k2
  });
});

/** A connection that counts its commands at ioredis's single funnel: every command, scripts included, goes through sendCommand. */
async function countingRedis() {
  const counted = { redis: await connectRedis(REDIS_URL!), commands: 0 };
  const send = counted.redis.sendCommand.bind(counted.redis);
  counted.redis.sendCommand = ((...args: Parameters<typeof send>) => {
    counted.commands += 1;
    return send(...args);
  }) as typeof send;
  return counted;
}

describe.skipIf(!REDIS_URL)(
  REDIS_URL ? 'RedisResponseCache in Redis' : 'RedisResponseCache in Redis (skipped: REDIS_URL is not set)',
  () => {
    beforeAll(async () => {
      redis ??= await connectRedis(REDIS_URL!);
    });

    it('stores entries as JSON with a PX TTL under a versioned key, and INCRs the version on invalidate', async () => {
      const cache = new RedisResponseCache(redis!, PREFIX);
      const scope = newScope();
      const stored = entry('{"deals":[]}');
      await cache.getOrLoad(scope, key(), 30, async () => ({ entry: stored, cacheable: true }));
      const entryKey = `${PREFIX}e:${scope}:0:${key()}`;
      expect(JSON.parse((await redis!.get(entryKey))!)).toEqual(stored);
      const pttl = await redis!.pttl(entryKey);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(30_000);
      await cache.invalidate(scope);
      expect(await redis!.get(`${PREFIX}v:${scope}`)).toBe('1');
    });

    it('a hit costs one Redis round trip, a miss three, and an endpoint that caches nothing none', async () => {
      const counted = await countingRedis();
      try {
        const cache = new RedisResponseCache(counted.redis, PREFIX);
        const scope = newScope();
        const c = counter();
        await cache.getOrLoad(scope, key(), 0, c.load); // warms the script cache (EVALSHA may be NOSCRIPT once)
        await cache.getOrLoad(scope, key(), 60, c.load);
        counted.commands = 0;
        expect(await cache.getOrLoad(scope, key(), 60, c.load)).toMatchObject({
          cached: true,
          entry: { body: 'body#2' },
        });
        expect(counted.commands).toBe(1);
        counted.commands = 0;
        expect(await cache.getOrLoad(scope, 'another-key', 60, c.load)).toMatchObject({
          cached: false,
          entry: { body: 'body#3' },
        });
        expect(counted.commands).toBe(3); // lookup, the read inside the flight, the store
        counted.commands = 0;
        expect(await cache.getOrLoad(scope, key(), 0, c.load)).toMatchObject({
          cached: false,
          entry: { body: 'body#4' },
        });
        expect(counted.commands).toBe(0);
      } finally {
        await counted.redis.quit();
      }
    });

    it("a look-ahead of the same scope and key is the hit's one round trip; one of another key is dropped, and a failed one goes upstream", async () => {
      const counted = await countingRedis();
      try {
        const cache = new RedisResponseCache(counted.redis, PREFIX);
        const scope = newScope();
        const c = counter();
        await cache.getOrLoad(scope, key(), 60, c.load); // stored (and the script cached)
        counted.commands = 0;
        const ahead = cache.lookAhead(scope, key());
        expect(counted.commands).toBe(1); // sent at once, before getOrLoad is called
        expect(await cache.getOrLoad(scope, key(), 60, c.load, ahead)).toMatchObject({
          cached: true,
          entry: { body: 'body#1' },
        });
        expect(counted.commands).toBe(1);

        // A look-ahead of another key (it finds that key's entry) is not this key's answer.
        await cache.getOrLoad(scope, 'the-key-of-last-time', 60, async () => ({
          entry: entry('another entry'),
          cacheable: true,
        }));
        counted.commands = 0;
        const stale = cache.lookAhead(scope, 'the-key-of-last-time');
        expect(await cache.getOrLoad(scope, key(), 60, c.load, stale)).toMatchObject({
          cached: true,
          entry: { body: 'body#1' },
        });
        expect(counted.commands).toBe(2); // its own lookup

        // After an invalidation a look-ahead reads the new version, as a lookup would: a miss.
        await cache.invalidate(scope);
        expect(await cache.getOrLoad(scope, key(), 60, c.load, cache.lookAhead(scope, key()))).toMatchObject({
          cached: false,
          entry: { body: 'body#2' },
        });

        const failed = { scope, key: key(), found: Promise.reject(new Error('Redis went away')) };
        failed.found.catch(() => undefined);
        expect(await cache.getOrLoad(scope, key(), 60, c.load, failed)).toMatchObject({
          cached: false,
          entry: { body: 'body#3' },
        });
        expect(c.calls).toBe(3);
      } finally {
        await counted.redis.quit();
      }
    });

    it('instances share entries and invalidations', async () => {
      const other = await connectRedis(REDIS_URL!);
      try {
        const a = new RedisResponseCache(redis!, PREFIX);
        const b = new RedisResponseCache(other, PREFIX);
        const scope = newScope();
        const c = counter();
        await a.getOrLoad(scope, key(), 60, c.load);
        expect(await b.getOrLoad(scope, key(), 60, c.load)).toMatchObject({ cached: true, entry: { body: 'body#1' } });
        await b.invalidate(scope);
        expect(await a.getOrLoad(scope, key(), 60, c.load)).toMatchObject({ cached: false, entry: { body: 'body#2' } });
      } finally {
        await other.quit();
      }
    });
  },
);

describe('RedisResponseCache when Redis fails', () => {
  const broken = {
    get: async () => {
      throw new Error('Connection is closed.');
    },
    set: async () => {
      throw new Error('Connection is closed.');
    },
    incr: async () => {
      throw new Error('Connection is closed.');
    },
    evalsha: async () => {
      throw new Error('Connection is closed.');
    },
    eval: async () => {
      throw new Error('Connection is closed.');
    },
  } as unknown as Redis;

  it('reads fail open (the call goes upstream) and report the error', async () => {
    const errors: unknown[] = [];
    const cache = new RedisResponseCache(broken, PREFIX, { onError: (e) => errors.push(e) });
    const c = counter();
    expect(await cache.getOrLoad('s', key(), 60, c.load)).toMatchObject({ cached: false, entry: { body: 'body#1' } });
    expect(c.calls).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('a failed invalidate rejects, so the caller knows stale reads may follow', async () => {
    await expect(new RedisResponseCache(broken, PREFIX).invalidate('s')).rejects.toThrow('Connection is closed.');
  });
});
