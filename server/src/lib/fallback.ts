// Shared state (Redis) with an in-process stand-in: use the shared one while it answers; when
// it fails, use the stand-in until it answers again. The outage is logged once when it starts
// and once when it ends, not on every call. Rate limits and sign-in counts both work this way,
// so a lost Redis never opens a gate.
import type { Logger } from './logger.ts';

export interface FallbackMessages {
  /** Logged (warn) when the shared implementation first fails. */
  lost: string;
  /** Logged (info) when it answers again. */
  back: string;
}

export class Fallback<T> {
  private degraded = false;

  constructor(
    private readonly primary: T,
    readonly fallback: T,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    private readonly messages: FallbackMessages,
  ) {}

  /** Whether the last call had to use the stand-in. */
  get usingFallback(): boolean {
    return this.degraded;
  }

  async run<R>(use: (implementation: T) => Promise<R>): Promise<R> {
    try {
      const result = await use(this.primary);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info(this.messages.back);
      }
      return result;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, this.messages.lost);
      }
      return use(this.fallback);
    }
  }
}
