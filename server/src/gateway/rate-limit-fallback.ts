// Rate limits when the shared store (Redis) is lost: limits keep holding, per instance, in
// memory, instead of the gate opening. An outage is logged once when it starts and once when it
// ends, not on every call. Each instance then enforces the full budget on its own, so N instances
// may together allow up to N times the budget while Redis is down: a bounded, logged degradation
// rather than an unlimited one.
import type { Logger } from '../lib/logger.ts';
import { MemoryRateLimiter, type RateDecision, type RateLimiter } from './rate-limit.ts';

export class FallbackRateLimiter implements RateLimiter {
  private readonly fallback: RateLimiter;
  private degraded = false;

  constructor(
    private readonly primary: RateLimiter,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    fallback: RateLimiter = new MemoryRateLimiter(),
  ) {
    this.fallback = fallback;
  }

  /** Whether the last call had to use the in-process fallback. */
  get usingFallback(): boolean {
    return this.degraded;
  }

  async take(key: string, limitPerMinute: number, now?: number): Promise<RateDecision> {
    try {
      const decision = await this.primary.take(key, limitPerMinute, now);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('shared rate limiter is back; limits are shared across instances again');
      }
      return decision;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, 'shared rate limiter unavailable; enforcing limits in this process until it is back');
      }
      return this.fallback.take(key, limitPerMinute, now);
    }
  }
}
