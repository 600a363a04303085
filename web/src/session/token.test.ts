import { describe, expect, it } from 'vitest';
import { isExpired, tokenExpiresAt } from './token.ts';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64url({ alg: 'HS256' })}.${b64url(payload)}.signature`;

describe('tokenExpiresAt', () => {
  it('reads exp in seconds and answers milliseconds', () => {
    expect(tokenExpiresAt(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it('decodes base64url payloads whose length needs padding', () => {
    // "sub" values of different lengths move the payload through every padding case.
    for (const sub of ['a', 'ab', 'abc', 'abcd']) expect(tokenExpiresAt(jwt({ sub, exp: 5 }))).toBe(5000);
  });

  it.each([
    ['no payload', 'only-one-part'],
    ['payload not base64 JSON', 'a.%%%.c'],
    ['exp missing', jwt({ sub: 'x' })],
    ['exp not a number', jwt({ exp: 'soon' })],
  ])('answers null for %s', (_label, token) => {
    expect(tokenExpiresAt(token)).toBeNull();
  });
});

describe('isExpired', () => {
  it('is true at and after exp, false before', () => {
    const token = jwt({ exp: 100 });
    expect(isExpired(token, 99_999)).toBe(false);
    expect(isExpired(token, 100_000)).toBe(true);
    expect(isExpired(token, 100_001)).toBe(true);
  });

  it('leaves tokens without exp to the server', () => {
    expect(isExpired(jwt({}), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
