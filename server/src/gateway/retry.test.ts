// The retry rules on their own: what may be repeated, what the server asked for, and bounds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, mayRetry, nextDelayMs, serverRequestedDelayMs } from './retry.ts';

const policy = DEFAULT_RETRY_POLICY;
const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('mayRetry', () => {
  it.each([
    ['GET', {}, true],
    ['HEAD', {}, true],
    ['POST', {}, false],
    ['PATCH', { 'content-type': 'application/json' }, false],
    ['DELETE', {}, false],
    ['POST', { 'Idempotency-Key': 'k' }, true],
    ['PUT', { 'idempotency-key': 'k' }, true],
  ] as const)('%s with %j → %s', (method, headers, expected) => {
    expect(mayRetry(method, headers)).toBe(expected);
  });

  it('retries 429 and 5xx, never other 4xx', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe('serverRequestedDelayMs', () => {
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': new Date(NOW + 2500).toUTCString() }, 2000],
    [{ 'retry-after': new Date(NOW - 5000).toUTCString() }, 0],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(NOW / 1000) + 4) }, 4000],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '7' }, 7000],
    [{ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '7' }, null],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
  ])('%j → %s ms', (headers, expected) => {
    expect(serverRequestedDelayMs(headers, NOW)).toBe(expected);
  });
});

describe('nextDelayMs', () => {
  const half = () => 0.5;

  it('backs off exponentially with jitter, capped', () => {
    expect(nextDelayMs(policy, 1, 0, null, half)).toBe(75); // 100 ms base, jitter between 50 and 100
    expect(nextDelayMs(policy, 2, 0, null, half)).toBe(150);
    expect(nextDelayMs({ ...policy, maxAttempts: 10 }, 9, 0, null, half)).toBe(1500); // capped at 2 s
  });

  it('honours a longer server-requested delay', () => {
    expect(nextDelayMs(policy, 1, 0, 1200, half)).toBe(1200);
  });

  it('stops after the last attempt, past the total wait bound, and when asked to wait too long', () => {
    expect(nextDelayMs(policy, policy.maxAttempts, 0, null, half)).toBeNull();
    expect(nextDelayMs(policy, 1, policy.maxTotalWaitMs - 10, null, half)).toBeNull();
    expect(nextDelayMs(policy, 1, 0, policy.maxTotalWaitMs + 1, half)).toBeNull();
  });
});
