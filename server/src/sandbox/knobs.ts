// Test knobs: make the sandbox misbehave on purpose. Programmatic only (no HTTP control route), each
// optionally scoped to a company and/or service.

export interface KnobScope {
  company?: string;
  service?: string;
}

export interface SandboxKnobs {
  /** Added to every API response (not the token endpoint's). */
  latencyMs: number;
  /** Send X-RateLimit-Limit/Remaining/Reset on every API response. */
  rateLimitHeaders: boolean;
  /** Lifetime of access tokens issued from now on (default 300). */
  accessTokenTtlSeconds: number;
  /** Delay of every token endpoint response (for refresh race tests). */
  tokenEndpointDelayMs: number;
  /** Like latencyMs / rateLimitHeaders, for one company and/or service only (null: remove). */
  setLatency(ms: number | null, scope: KnobScope): void;
  setRateLimitHeaders(on: boolean | null, scope: KnobScope): void;
  /** The next `count` API requests answer `status` (default 503). */
  failNext(count: number, status?: number, scope?: KnobScope): void;
  /** The next `count` API requests answer 429 with Retry-After in seconds, or as an HTTP-date ~1-2 s ahead. */
  rateLimitNext(count: number, retryAfter: number | 'http-date', scope?: KnobScope): void;
  /** The next `count` API requests never answer (the connection stays open until close()). */
  hangNext(count: number, scope?: KnobScope): void;
  /** The next `count` successful API responses are replaced by a JSON body of `bytes` bytes, sent chunked. */
  hugeResponseNext(count: number, bytes: number, scope?: KnobScope): void;
  /** Every access token issued so far stops working. */
  expireAccessTokens(scope?: KnobScope): void;
  /** Every refresh token existing so far answers invalid_grant. */
  revokeRefreshTokens(scope?: KnobScope): void;
}

export type Misbehaviour =
  | { kind: 'fail'; status: number }
  | { kind: 'rateLimit'; retryAfter: number | 'http-date' }
  | { kind: 'hang' }
  | { kind: 'huge'; bytes: number };

interface Queued {
  scope: KnobScope;
  remaining: number;
  effect: Misbehaviour;
}

const RATE_LIMIT = 600;
const RATE_WINDOW_MS = 60_000;

const matches = (scope: KnobScope, company: string, service: string) =>
  (scope.company === undefined || scope.company === company) &&
  (scope.service === undefined || scope.service === service);

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

export class Knobs implements SandboxKnobs {
  latencyMs = 0;
  rateLimitHeaders = false;
  accessTokenTtlSeconds = 300;
  tokenEndpointDelayMs = 0;
  private latencies: { scope: KnobScope; ms: number }[] = [];
  private rateHeaderScopes: { scope: KnobScope; on: boolean }[] = [];
  private queue: Queued[] = [];
  private accessExpiries: KnobScope[] = [];
  private refreshRevocations: KnobScope[] = [];
  private windows = new Map<string, { start: number; count: number }>();

  setLatency(ms: number | null, scope: KnobScope): void {
    this.latencies = this.latencies.filter(
      (l) => l.scope.company !== scope.company || l.scope.service !== scope.service,
    );
    if (ms !== null) this.latencies.push({ scope, ms: positive('ms', ms) });
  }

  setRateLimitHeaders(on: boolean | null, scope: KnobScope): void {
    this.rateHeaderScopes = this.rateHeaderScopes.filter(
      (l) => l.scope.company !== scope.company || l.scope.service !== scope.service,
    );
    if (on !== null) this.rateHeaderScopes.push({ scope, on });
  }

  failNext(count: number, status = 503, scope: KnobScope = {}): void {
    if (!Number.isInteger(status) || status < 100 || status > 599)
      throw new RangeError('status must be an HTTP status');
    this.enqueue(count, scope, { kind: 'fail', status });
  }

  rateLimitNext(count: number, retryAfter: number | 'http-date', scope: KnobScope = {}): void {
    if (retryAfter !== 'http-date') positive('retryAfter', retryAfter);
    this.enqueue(count, scope, { kind: 'rateLimit', retryAfter });
  }

  hangNext(count: number, scope: KnobScope = {}): void {
    this.enqueue(count, scope, { kind: 'hang' });
  }

  hugeResponseNext(count: number, bytes: number, scope: KnobScope = {}): void {
    this.enqueue(count, scope, { kind: 'huge', bytes: positive('bytes', bytes) });
  }

  expireAccessTokens(scope: KnobScope = {}): void {
    this.accessExpiries.push(scope);
  }

  revokeRefreshTokens(scope: KnobScope = {}): void {
    this.refreshRevocations.push(scope);
  }

  // ---- read by the server ----

  /** Tokens carry the epoch they were issued in; one issued before the current epoch is dead. */
  accessEpoch(company: string, service: string): number {
    return this.accessExpiries.filter((scope) => matches(scope, company, service)).length;
  }

  refreshEpoch(company: string, service: string): number {
    return this.refreshRevocations.filter((scope) => matches(scope, company, service)).length;
  }

  latencyFor(company: string, service: string): number {
    return this.latencies.findLast((l) => matches(l.scope, company, service))?.ms ?? this.latencyMs;
  }

  /** The misbehaviour the next request to company+service must show, consuming it ('huge' only when `huge`). */
  take(company: string, service: string, kinds: readonly Misbehaviour['kind'][]): Misbehaviour | undefined {
    const entry = this.queue.find(
      (q) => q.remaining > 0 && kinds.includes(q.effect.kind) && matches(q.scope, company, service),
    );
    if (!entry) return undefined;
    entry.remaining--;
    this.queue = this.queue.filter((q) => q.remaining > 0);
    return entry.effect;
  }

  /** X-RateLimit-* headers of this request (counted in a fixed one-minute window), or none. */
  rateLimitHeadersFor(company: string, service: string, limited: boolean): Record<string, string> {
    const on = this.rateHeaderScopes.findLast((l) => matches(l.scope, company, service))?.on ?? this.rateLimitHeaders;
    if (!on) return {};
    const key = `${company}/${service}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= RATE_WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      'X-RateLimit-Limit': String(RATE_LIMIT),
      'X-RateLimit-Remaining': String(limited ? 0 : Math.max(0, RATE_LIMIT - window.count)),
      'X-RateLimit-Reset': String(Math.ceil((window.start + RATE_WINDOW_MS) / 1000)),
    };
  }

  reset(): void {
    this.latencyMs = 0;
    this.rateLimitHeaders = false;
    this.accessTokenTtlSeconds = 300;
    this.tokenEndpointDelayMs = 0;
    this.latencies = [];
    this.rateHeaderScopes = [];
    this.queue = [];
    this.accessExpiries = [];
    this.refreshRevocations = [];
    this.windows.clear();
  }

  private enqueue(count: number, scope: KnobScope, effect: Misbehaviour): void {
    if (positive('count', count) > 0) this.queue.push({ scope, remaining: count, effect });
  }
}
