// Failed sign-ins are limited per account and per client address, over HTTP (in Redis when the
// run has REDIS_URL), plus the counter's window on an injected clock.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../../test/fixture.ts';
import { onlyError, type GqlError, type TestServer } from '../../../test/harness.ts';
import { DEMO_PASSWORD } from '../../demo/world.ts';
import { connectRedis } from '../../lib/redis.ts';
import {
  addressBlock,
  FallbackFailureCounter,
  LoginLimiter,
  MemoryFailureCounter,
  RedisFailureCounter,
  type FailureCounter,
} from './login-limit.ts';
import { TOO_MANY_LOGINS } from './session.service.ts';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 5;
let nextAddress = 1;
/** A fresh client address (the server trusts X-Forwarded-For from its loopback proxy). */
const address = () => `203.0.113.${nextAddress++}`;

it.override('serverEnv', {
  LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
  LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
});

async function attempt(
  server: TestServer,
  email: string,
  password: string,
  from: string,
): Promise<{ token?: string; error?: GqlError }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } } | null; errors?: GqlError[] };
  return body.data?.login
    ? { token: body.data.login.token }
    : { error: onlyError({ status: res.status, data: body.data, errors: body.errors }) };
}

async function fail(server: TestServer, email: string, times: number, from = () => address()) {
  for (let i = 0; i < times; i += 1)
    expect((await attempt(server, email, 'wrong-password', from())).error?.extensions?.code).toBe('UNAUTHENTICATED');
}

function expectLimited(error: GqlError | undefined, windowSeconds = 900) {
  expect(error?.message).toBe(TOO_MANY_LOGINS);
  expect(error?.extensions?.code).toBe('RATE_LIMITED');
  const retry = error?.extensions?.retryAfterSeconds as number;
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(windowSeconds);
}

describe('per account', () => {
  it('refuses the account after the limit, from any address, even with the right password, without checking it', async ({
    server,
  }) => {
    await fail(server, PERSONAS.cfo, PER_ACCOUNT);
    server.sql.length = 0;
    const limited = await attempt(server, ' CFO@demo.test', DEMO_PASSWORD, address());
    expectLimited(limited.error);
    // No user lookup, so no password check: only the audit row was written.
    expect(server.sql.filter((q) => /"users"/.test(q))).toEqual([]);
    const rows = await server.db.auditLog.findMany({
      where: { action: 'auth.login_rate_limited', actorEmail: PERSONAS.cfo },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({ limit: 'account' });
    // Another account is not affected.
    expect((await attempt(server, PERSONAS.admin, DEMO_PASSWORD, address())).token).toBeTruthy();
  });

  it('answers an unknown account exactly like a known one', async ({ server }) => {
    await fail(server, 'nobody-here@demo.test', PER_ACCOUNT);
    const unknown = (await attempt(server, 'nobody-here@demo.test', 'x', address())).error;
    await fail(server, PERSONAS.dev, PER_ACCOUNT);
    const known = (await attempt(server, PERSONAS.dev, 'x', address())).error;
    expectLimited(unknown);
    expect({ ...unknown, extensions: { ...unknown!.extensions, retryAfterSeconds: 0 } }).toEqual({
      ...known,
      extensions: { ...known!.extensions, retryAfterSeconds: 0 },
    });
  });

  it('counts a burst of parallel guesses one by one', async ({ server }) => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attempt(server, PERSONAS.companyAdmin, 'guess', address())),
    );
    const codes = results.map((r) => r.error?.extensions?.code).sort();
    expect(codes).toEqual(
      [...Array(PER_ACCOUNT).fill('UNAUTHENTICATED'), ...Array(8 - PER_ACCOUNT).fill('RATE_LIMITED')].sort(),
    );
  });

  it('starts over after a successful sign-in', async ({ server }) => {
    const from = address();
    await fail(server, PERSONAS.ceo, PER_ACCOUNT - 1, () => from);
    expect((await attempt(server, PERSONAS.ceo, DEMO_PASSWORD, from)).token).toBeTruthy();
    await fail(server, PERSONAS.ceo, PER_ACCOUNT - 1, () => address());
    expect((await attempt(server, PERSONAS.ceo, DEMO_PASSWORD, address())).token).toBeTruthy();
  });
});

describe('per address', () => {
  it('refuses an address after the limit, whatever account it tries, and only that address', async ({ server }) => {
    const from = address();
    // Spread over accounts, none of which reaches its own limit.
    for (const email of ['a1@nowhere.test', 'a2@nowhere.test', 'a3@nowhere.test', PERSONAS.ceo, 'a4@nowhere.test'])
      await fail(server, email, 1, () => from);
    const limited = (await attempt(server, PERSONAS.admin, DEMO_PASSWORD, from)).error;
    expectLimited(limited);
    const rows = await server.db.auditLog.findMany({
      where: { action: 'auth.login_rate_limited', actorEmail: PERSONAS.admin },
    });
    expect(rows.map((r) => r.details)).toEqual([{ limit: 'address' }]);
    expect((await attempt(server, PERSONAS.admin, DEMO_PASSWORD, address())).token).toBeTruthy();
  });

  it('keeps the counts in Redis when REDIS_URL is set', async ({ server }) => {
    const redis = server.tessera.redis;
    if (!redis) return expect(process.env.REDIS_URL).toBeUndefined();
    expect((await redis.keys('*login:*')).length).toBeGreaterThan(0);
  });
});

describe('the counter', () => {
  const settings = { maxFailuresPerAccount: 2, maxFailuresPerAddress: 3, windowSeconds: 60 };

  async function windowBehaviour(counter: FailureCounter, clock: { now: number }) {
    const limiter = new LoginLimiter(counter, settings, () => clock.now);
    expect(await limiter.begin('a@x.test', '192.0.2.1')).toMatchObject({ allowed: true });
    expect(await limiter.begin('a@x.test', '192.0.2.1')).toMatchObject({ allowed: true });
    const decision = await limiter.begin('a@x.test', '192.0.2.2');
    expect(decision).toMatchObject({ allowed: false, by: 'account' });
    expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await limiter.begin('b@x.test', '192.0.2.1')).toMatchObject({ allowed: true });
    expect(await limiter.begin('c@x.test', '192.0.2.1')).toMatchObject({ allowed: false, by: 'address' });
    expect(await limiter.begin('c@x.test', '192.0.2.3')).toMatchObject({ allowed: true });
    await limiter.succeeded('a@x.test', '192.0.2.3');
    expect(await limiter.begin('a@x.test', null)).toMatchObject({ allowed: true });
    return limiter;
  }

  it('counts IPv6 clients by their /64 and IPv4-mapped ones as IPv4', async () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressBlock('198.51.100.7')).toBe('198.51.100.7');
    const limiter = new LoginLimiter(new MemoryFailureCounter(), { ...settings, maxFailuresPerAddress: 2 });
    await limiter.begin('p@x.test', '2001:db8:1:2::10');
    await limiter.begin('q@x.test', '2001:db8:1:2::20');
    expect(await limiter.begin('r@x.test', '2001:db8:1:2:ffff::1')).toMatchObject({ allowed: false, by: 'address' });
    expect(await limiter.begin('r@x.test', '2001:db8:1:3::1')).toMatchObject({ allowed: true });
  });

  it('in memory: counts in a window that ends', async () => {
    const clock = { now: 1_000_000 };
    const limiter = await windowBehaviour(new MemoryFailureCounter(), clock);
    clock.now += 59_000;
    expect(await limiter.begin('d@x.test', '192.0.2.1')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1_000;
    expect(await limiter.begin('d@x.test', '192.0.2.1')).toMatchObject({ allowed: true });
  });

  it('keeps counting in process while Redis is down, and says so once', async () => {
    const down: FailureCounter = {
      add: () => Promise.reject(new Error('ECONNREFUSED')),
      undo: () => Promise.reject(new Error('ECONNREFUSED')),
      clear: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => void warnings.push(msg), info: () => undefined } as never;
    await windowBehaviour(new FallbackFailureCounter(down, logger), { now: 1_000_000 });
    expect(warnings).toEqual([
      'shared sign-in limiter unavailable; counting failures in this process until it is back',
    ]);
  });

  it.skipIf(!process.env.REDIS_URL)('in Redis: the same, with the window as the key expiry', async () => {
    const redis = await connectRedis(process.env.REDIS_URL!);
    const prefix = `tessera:login-test:${Date.now()}-${Math.random()}:`;
    try {
      await windowBehaviour(new RedisFailureCounter(redis, prefix), { now: Date.now() });
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
      expect(keys.join(' ')).not.toContain('x.test'); // hashed: no email addresses in Redis
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });
});
