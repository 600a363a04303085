// Token-bucket rate limits per company+endpoint. A bucket holds up to `limitPerMinute` tokens and
// refills continuously at limitPerMinute/60 tokens a second; each call takes one. In process by
// default; in Redis (one Lua script, so take is atomic) when several instances must share a budget.
//
// Tokens are counted in integer "units" of 1/60000 token so that refill is exact: a bucket of
// capacity L holds L*60000 units and refills L units per millisecond. With integer limits and
// millisecond timestamps no floating-point drift can turn "exactly refilled" into "0.9999 short".
import { RateLimitedError } from '../lib/errors.ts';
import { luaScript, type Redis } from '../lib/redis.ts';

export interface RateDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds (rounded up, at least 1) until one token is back. */
  retryAfterSeconds: number;
  /** Whole tokens left after this call. */
  remaining: number;
}

export interface RateLimiter {
  /** Take one token from `key`'s bucket. `now` (ms since epoch) is for tests and replays. */
  take(key: string, limitPerMinute: number, now?: number): Promise<RateDecision>;
}

/** The bucket of one company's endpoint: companies never share (or drain) each other's budget. */
export function rateLimitKey(companyId: string, endpointId: string): string {
  return `${companyId}:${endpointId}`;
}

/** Calls per minute per company and endpoint when the endpoint sets no limit of its own. */
const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/**
 * Spends one token of the company's budget for the endpoint: null when there was one, else the
 * refusal to throw (the caller logs it first). The one place the gateway's callers take tokens.
 */
export async function refusedRate(
  limiter: RateLimiter,
  companyId: string,
  endpoint: { id: string; name: string; rateLimitPerMinute: number | null },
): Promise<RateLimitedError | null> {
  const rate = await limiter.take(
    rateLimitKey(companyId, endpoint.id),
    endpoint.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
  );
  if (rate.allowed) return null;
  return new RateLimitedError(
    rate.retryAfterSeconds,
    `Too many calls to ${endpoint.name} for this company. Try again in ${rate.retryAfterSeconds} s.`,
  );
}

const UNITS_PER_TOKEN = 60_000;

function checkLimit(limitPerMinute: number): void {
  // Endpoint validation allows 1..1,000,000; below 1 a bucket could never hold a whole token.
  if (!Number.isFinite(limitPerMinute) || limitPerMinute < 1) {
    throw new RangeError(`limitPerMinute must be a finite number >= 1 (got ${limitPerMinute})`);
  }
}

function retryAfterSeconds(units: number, limitPerMinute: number): number {
  const missing = UNITS_PER_TOKEN - units;
  return Math.max(1, Math.ceil(missing / (limitPerMinute * 1000)));
}

interface Bucket {
  units: number;
  at: number; // ms of the last refill
  limit: number;
}

export interface MemoryRateLimiterOptions {
  /** How often (in the callers' clock) idle buckets are swept; default one minute. */
  sweepIntervalMs?: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly sweepIntervalMs: number;
  private lastSweep = -Infinity;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  }

  /** Buckets currently held (idle full buckets are dropped by the periodic sweep). */
  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, limitPerMinute: number, now: number = Date.now()): Promise<RateDecision> {
    checkLimit(limitPerMinute);
    this.maybeSweep(now);
    const capacity = limitPerMinute * UNITS_PER_TOKEN;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { units: capacity, at: now, limit: limitPerMinute };
      this.buckets.set(key, bucket);
    }
    // A clock that goes backwards refills nothing and does not move the bucket's time back
    // (that would refill the same interval twice later).
    if (now > bucket.at) {
      bucket.units += (now - bucket.at) * limitPerMinute;
      bucket.at = now;
    }
    bucket.units = Math.min(bucket.units, capacity); // also when the endpoint's limit was lowered
    bucket.limit = limitPerMinute;
    if (bucket.units >= UNITS_PER_TOKEN) {
      bucket.units -= UNITS_PER_TOKEN;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.units / UNITS_PER_TOKEN) };
    }
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(bucket.units, limitPerMinute), remaining: 0 };
  }

  // A bucket that has refilled to capacity is the same as no bucket, so dropping it is free.
  // Any bucket idle for a minute is full, so memory holds only the keys used in the last minute
  // or so. The sweep is amortized over takes; no timer keeps the process alive.
  private maybeSweep(now: number): void {
    if (now - this.lastSweep < this.sweepIntervalMs) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) {
      const refilled = b.units + Math.max(0, now - b.at) * b.limit;
      if (refilled >= b.limit * UNITS_PER_TOKEN) this.buckets.delete(key);
    }
  }
}

// KEYS[1] bucket hash {u: units, t: ms}. ARGV: limitPerMinute, now (ms, or -1: use Redis TIME so
// every instance reads one clock). Returns {allowed 0|1, remaining tokens, retry-after ms}.
// The hash expires when the bucket would be full again: a missing key *is* a full bucket.
const TAKE_SCRIPT = `
local limit = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local per_token = ${UNITS_PER_TOKEN}
local capacity = limit * per_token
local state = redis.call('HMGET', KEYS[1], 'u', 't')
local units = tonumber(state[1])
local at = tonumber(state[2])
if units == nil or at == nil then
  units = capacity
  at = now
end
if now > at then
  units = units + (now - at) * limit
  at = now
end
if units > capacity then units = capacity end
local allowed = 0
local retry_ms = 0
if units >= per_token then
  units = units - per_token
  allowed = 1
else
  retry_ms = math.ceil((per_token - units) / limit)
end
redis.call('HSET', KEYS[1], 'u', string.format('%.17g', units), 't', string.format('%d', at))
local ttl = math.ceil((capacity - units) / limit)
if ttl < 1 then ttl = 1 end
redis.call('PEXPIRE', KEYS[1], ttl)
return {allowed, math.floor(units / per_token), retry_ms}
`;
const take = luaScript(TAKE_SCRIPT);

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tessera:rl:',
  ) {}

  /**
   * Without `now` the script uses Redis's clock, so instances with skewed clocks still agree.
   * With `now`, every caller sharing a key must pass it (mixing the two clocks on one key would
   * only be as good as their agreement). Redis errors propagate: the caller picks fail-open or not.
   */
  async take(key: string, limitPerMinute: number, now?: number): Promise<RateDecision> {
    checkLimit(limitPerMinute);
    const reply = await take(
      this.redis,
      [this.prefix + key],
      [String(limitPerMinute), String(now === undefined ? -1 : Math.floor(now))],
    );
    const [allowed, remaining, retryMs] = reply as [number, number, number];
    if (allowed === 1) return { allowed: true, retryAfterSeconds: 0, remaining };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)), remaining: 0 };
  }
}
