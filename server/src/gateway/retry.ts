// When and how long to wait before trying an upstream request again: network errors, 5xx and
// 429 on reads (and on writes that carry an Idempotency-Key), capped and jittered exponential
// backoff that honours Retry-After (seconds or an HTTP date) and rate-limit reset headers, and
// never sleeps past a bound.
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No single wait, and no sum of waits, goes beyond this. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  maxTotalWaitMs: 5_000,
};

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

/** Reads and idempotent writes may be repeated; any other write must not be. */
export function mayRetry(method: string, headers: Record<string, string> | undefined): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  return Object.keys(headers ?? {}).some((h) => h.toLowerCase() === 'idempotency-key');
}

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** What the server asked us to wait, in ms, from Retry-After or X-RateLimit-Reset; null if nothing. */
export function serverRequestedDelayMs(headers: HeaderBag, now = Date.now()): number | null {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = header(headers, 'x-ratelimit-reset') ?? header(headers, 'ratelimit-reset');
  const remaining = header(headers, 'x-ratelimit-remaining') ?? header(headers, 'ratelimit-remaining');
  if (reset && remaining === '0' && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    // Epoch seconds (large) or seconds from now (small), as providers use both.
    return value > 1e9 ? Math.max(0, value * 1000 - now) : value * 1000;
  }
  return null;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), or null to stop retrying. */
export function nextDelayMs(
  policy: RetryPolicy,
  attempt: number,
  waitedMs: number,
  requestedMs: number | null,
  random = Math.random,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff / 2 + random() * (backoff / 2);
  const delay = requestedMs === null ? jittered : Math.max(requestedMs, jittered);
  // A server that asks for longer than we may wait gets an honest failure, not a stall.
  if (requestedMs !== null && requestedMs > policy.maxTotalWaitMs) return null;
  if (waitedMs + delay > policy.maxTotalWaitMs) return null;
  return delay;
}
