// A lost Redis must never open the gate: the fallback keeps enforcing the budget in process.
import { describe, expect, it } from 'vitest';
import { FallbackRateLimiter } from './rate-limit-fallback.ts';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit.ts';

const T0 = 1_700_000_000_000;

/** A store that can be "lost" and "restored", answering like the in-memory limiter while up. */
function flakyStore() {
  const inner = new MemoryRateLimiter();
  const store: RateLimiter & { up: boolean } = {
    up: true,
    take(key, limit, now) {
      return store.up ? inner.take(key, limit, now) : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    },
  };
  return store;
}

function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  return {
    lines,
    warn: (...args: unknown[]) => void lines.push({ level: 'warn', msg: String(args.at(-1)) }),
    info: (...args: unknown[]) => void lines.push({ level: 'info', msg: String(args.at(-1)) }),
  };
}

describe('FallbackRateLimiter', () => {
  it('uses the shared store while it answers', async () => {
    const store = flakyStore();
    const limiter = new FallbackRateLimiter(store, recordingLogger());
    expect((await limiter.take('k', 2, T0)).allowed).toBe(true);
    expect((await limiter.take('k', 2, T0)).allowed).toBe(true);
    expect(await limiter.take('k', 2, T0)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.usingFallback).toBe(false);
  });

  it('keeps enforcing the limit in process when the store is lost: never an open gate', async () => {
    const store = flakyStore();
    const logger = recordingLogger();
    const limiter = new FallbackRateLimiter(store, logger);
    store.up = false;
    const decisions = [];
    for (let i = 0; i < 5; i += 1) decisions.push(await limiter.take('k', 3, T0));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limiter.usingFallback).toBe(true);
    // One warning for the outage, not one per call.
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('says when the store is back and uses it again', async () => {
    const store = flakyStore();
    const logger = recordingLogger();
    const limiter = new FallbackRateLimiter(store, logger);
    store.up = false;
    await limiter.take('k', 5, T0);
    store.up = true;
    expect((await limiter.take('k', 5, T0)).allowed).toBe(true);
    expect(limiter.usingFallback).toBe(false);
    expect(logger.lines.map((l) => l.level)).toEqual(['warn', 'info']);
  });
});
