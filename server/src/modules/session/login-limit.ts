// Sign-in attempts that do not succeed are counted per account (normalised email) and per client
// address, in a fixed window from the first one. Past either limit, login answers RATE_LIMITED
// before looking the account up or checking a password, the same whether the account exists or
// not. An attempt is counted when it starts (atomically, so a burst of parallel guesses cannot all
// pass a check made before any of them failed); a success takes it back: it clears the account's
// count and gives the address its attempt back (one good password must not reset a spray from there).
//
// The gateway's token buckets (gateway/rate-limit.ts) refill continuously, cannot be cleared and
// give nothing back; this keeps their shape (one interface, in memory or in Redis) with a counter.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Fallback } from '../../lib/fallback.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Redis } from '../../lib/redis.ts';

export interface LoginLimitSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export interface FailureCounter {
  /** Count one attempt (starting a window when there is none): the count now, and ms until the window ends. */
  add(key: string, windowMs: number, now: number): Promise<{ count: number; resetInMs: number }>;
  /** Take one attempt back (never below zero, never starting a window). */
  undo(key: string, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryFailureCounter implements FailureCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  // No await before the update: concurrent attempts are counted one by one.
  async add(key: string, windowMs: number, now: number) {
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      // Expired windows go when new ones start: memory holds the keys tried lately.
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (v.endsAt <= now) this.windows.delete(k);
      w = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, resetInMs: w.endsAt - now };
  }

  async undo(key: string, now: number) {
    const w = this.windows.get(key);
    if (w && w.endsAt > now && w.count > 0) w.count -= 1;
  }

  async clear(key: string) {
    this.windows.delete(key);
  }
}

// KEYS[1]: the counter. ARGV[1]: window ms. The window starts with the first attempt.
const ADD_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;
const UNDO_SCRIPT = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

/** Shared by every instance; Redis's clock decides when a window ends (`now` is ignored). */
export class RedisFailureCounter implements FailureCounter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tessera:login:',
  ) {}

  async add(key: string, windowMs: number) {
    const [count, ttl] = (await this.redis.eval(ADD_SCRIPT, 1, this.prefix + key, String(windowMs))) as [
      number,
      number,
    ];
    return { count, resetInMs: Math.max(0, ttl) };
  }

  async undo(key: string) {
    await this.redis.eval(UNDO_SCRIPT, 1, this.prefix + key);
  }

  async clear(key: string) {
    await this.redis.del(this.prefix + key);
  }
}

/**
 * Redis first; while it fails, an in-process counter (limits per instance rather than none, and
 * sign-in keeps working); the switching is lib/fallback.ts, shared with the gateway's rate limits.
 */
export class FallbackFailureCounter implements FailureCounter {
  private readonly counters: Fallback<FailureCounter>;

  constructor(
    primary: FailureCounter,
    logger: Pick<Logger, 'warn' | 'info'>,
    fallback: FailureCounter = new MemoryFailureCounter(),
  ) {
    this.counters = new Fallback(primary, fallback, logger, {
      lost: 'shared sign-in limiter unavailable; counting failures in this process until it is back',
      back: 'shared sign-in limiter is back; failures are counted across instances again',
    });
  }

  add(key: string, windowMs: number, now: number) {
    return this.counters.run((c) => c.add(key, windowMs, now));
  }
  undo(key: string, now: number) {
    return this.counters.run((c) => c.undo(key, now));
  }
  async clear(key: string) {
    // Both: a count kept in the fallback during an outage must not outlive a success either.
    await Promise.all([this.counters.run((c) => c.clear(key)), this.counters.fallback.clear(key)]);
  }
}

export interface LoginDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  /** Which limit refused (for the audit row). */
  by?: 'account' | 'address';
}

/**
 * The address a limit applies to: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, the
 * smallest block one host is usually given (a limit per /128 would be a limit on nothing).
 */
export function addressBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

// Keys are hashes: the store holds no email addresses.
const hashed = (kind: string, value: string) =>
  `${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;

export class LoginLimiter {
  constructor(
    private readonly counter: FailureCounter,
    readonly settings: LoginLimitSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  private keys(email: string, address: string | null) {
    return { account: hashed('account', email), address: address ? hashed('address', addressBlock(address)) : null };
  }

  /** Counts an attempt; refuses it when the account or the address is past its limit. */
  async begin(email: string, address: string | null): Promise<LoginDecision> {
    const now = this.clock();
    const windowMs = this.settings.windowSeconds * 1000;
    const keys = this.keys(email, address);
    const [account, from] = await Promise.all([
      this.counter.add(keys.account, windowMs, now),
      keys.address ? this.counter.add(keys.address, windowMs, now) : null,
    ]);
    if (account.count > this.settings.maxFailuresPerAccount)
      return { allowed: false, retryAfterSeconds: seconds(account.resetInMs), by: 'account' };
    if (from && from.count > this.settings.maxFailuresPerAddress)
      return { allowed: false, retryAfterSeconds: seconds(from.resetInMs), by: 'address' };
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** The attempt succeeded: the account starts over, and the address gets its attempt back. */
  async succeeded(email: string, address: string | null): Promise<void> {
    const keys = this.keys(email, address);
    await this.counter.clear(keys.account);
    if (keys.address) await this.counter.undo(keys.address, this.clock());
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
