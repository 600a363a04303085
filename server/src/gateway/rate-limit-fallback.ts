// Rate limits when the shared store (Redis) is lost: limits keep holding, per instance, in
// memory, instead of the gate opening (see lib/fallback.ts). Each instance then enforces the
// full budget on its own, so N instances may together allow up to N times the budget while
// Redis is down: a bounded, logged degradation rather than an unlimited one.
import type { Logger } from '../lib/logger.ts';
import { Fallback } from '../lib/fallback.ts';
import { MemoryRateLimiter, type RateDecision, type RateLimiter } from './rate-limit.ts';

export class FallbackRateLimiter implements RateLimiter {
  private readonly limiters: Fallback<RateLimiter>;

  constructor(
    primary: RateLimiter,
    logger: Pick<Logger, 'warn' | 'info'>,
    fallback: RateLimiter = new MemoryRateLimiter(),
  ) {
    this.limiters = new Fallback(primary, fallback, logger, {
      lost: 'shared rate limiter unavailable; enforcing limits in this process until it is back',
      back: 'shared rate limiter is back; limits are shared across instances again',
    });
  }

  /** Whether the last call had to use the in-process fallback. */
  get usingFallback(): boolean {
    return this.limiters.usingFallback;
  }

  take(key: string, limitPerMinute: number, now?: number): Promise<RateDecision> {
    return this.limiters.run((limiter) => limiter.take(key, limitPerMinute, now));
  }
}
