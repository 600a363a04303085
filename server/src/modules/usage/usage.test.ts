// Usage analytics over real traffic: reads through the gateway against the sandbox (a cached
// read, an upstream error, a rate-limited call, added latency), the call log flushed, then
// usageStats asked by endpoint, role, day and company, by the people who may and may not ask.
// A few rows of a past day are written directly, so the percentiles can be checked exactly.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const READ = `query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status cached } }`;
const USAGE = `query ($companyId: ID, $from: DateTime!, $to: DateTime!, $groupBy: UsageGroupBy!) {
  usageStats(companyId: $companyId, from: $from, to: $to, groupBy: $groupBy) {
    totals { key label calls errors errorRate p50Ms p95Ms cacheHitRate rateLimited }
    rows { key label calls errors errorRate p50Ms p95Ms cacheHitRate rateLimited }
  }
}`;

interface Row {
  key: string;
  label: string;
  calls: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  cacheHitRate: number;
  rateLimited: number;
}
interface Stats {
  totals: Row;
  rows: Row[];
}

const DAY_MS = 86_400_000;
const GITHUB_LATENCY_MS = 40;
/** Noon UTC five days ago: the day of the rows written directly. */
const pastDay = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 5 * DAY_MS + DAY_MS / 2);

/** A range of time, as usageStats takes it. */
type Range = { from: string; to: string };

function read(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
  endpoint: string,
  operation: string,
  params?: unknown,
) {
  return server.gql<{ readOperation: { cached: boolean } }>(
    READ,
    { c: world.company[company], e: world.endpoint[`${company}/${endpoint}`], o: operation, p: params },
    tokens[email],
  );
}

async function ok(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
  endpoint: string,
  operation: string,
  params?: unknown,
) {
  const res = await read(server, world, tokens, email, company, endpoint, operation, params);
  expect(res.errors).toBeUndefined();
  return res.data!.readOperation as { cached: boolean };
}

function usage(
  server: TestServer,
  tokens: Record<string, string>,
  live: Range,
  vars: { companyId?: string | null; from?: string; to?: string; groupBy: string },
  email = PERSONAS.admin,
) {
  return server.gql<{ usageStats: Stats }>(USAGE, { ...live, ...vars }, tokens[email]);
}

async function stats(
  server: TestServer,
  tokens: Record<string, string>,
  live: Range,
  vars: Parameters<typeof usage>[3],
  email?: string,
): Promise<Stats> {
  const res = await usage(server, tokens, live, vars, email);
  expect(res.errors).toBeUndefined();
  return res.data!.usageStats;
}

const byLabel = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.label, r]));

const it = serverTest
  // The personas' sessions, signed in once for the file, by email.
  .extend('tokens', { scope: 'file' }, async ({ server }) => {
    const tokens: Record<string, string> = {};
    for (const email of [PERSONAS.admin, PERSONAS.ceo, PERSONAS.dev, PERSONAS.companyAdmin, PERSONAS.cfo])
      tokens[email] = await server.login(email);
    return tokens;
  })
  // The traffic every test reads, and its range: from just before it to just after it.
  .extend('live', { scope: 'file' }, async ({ server, world, tokens }): Promise<Range> => {
    await server.tessera.callLog.flush();
    await server.db.upstreamCall.deleteMany();

    const endpoint = (key: string, data: { cacheTtlSeconds: number; rateLimitPerMinute?: number }) =>
      server.db.apiEndpoint.update({ where: { id: world.endpoint[key] }, data });
    await endpoint('acme/sales-api', { cacheTtlSeconds: 300 });
    await endpoint('acme/finance-api', { cacheTtlSeconds: 0, rateLimitPerMinute: 3 });
    await endpoint('acme/github-api', { cacheTtlSeconds: 0 });
    await endpoint('globex/gitlab-api', { cacheTtlSeconds: 0 });
    await endpoint('globex/hr-api', { cacheTtlSeconds: 0 });
    server.sandbox.knobs.setLatency(GITHUB_LATENCY_MS, { company: 'acme', service: 'github' });

    const started = Date.now();
    // Acme, CEO: one miss and two cache hits on the Sales API.
    expect(
      (await ok(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 2 })).cached,
    ).toBe(false);
    expect(
      (await ok(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 2 })).cached,
    ).toBe(true);
    expect(
      (await ok(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 2 })).cached,
    ).toBe(true);
    // Acme, CEO: the Finance API fails once (400 is not retried), answers twice, then the budget of 3 is spent.
    server.sandbox.knobs.failNext(1, 400, { company: 'acme', service: 'finance' });
    expect(errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance'))).toBe(
      'UPSTREAM_ERROR',
    );
    await ok(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance');
    await ok(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance');
    expect(errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance'))).toBe(
      'RATE_LIMITED',
    );
    // Acme, Developer: two slow reads of GitHub.
    await ok(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories');
    await ok(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories');
    // Globex: the Developer on GitLab, the CEO on HR.
    await ok(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects');
    await ok(server, world, tokens, PERSONAS.ceo, 'globex', 'hr-api', 'getHeadcount');
    await server.tessera.callLog.flush();
    const live = { from: new Date(started - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };

    // A past day of Acme's Sales API, with known durations: four ok reads (one from the cache), a
    // timeout, and a rate-limited call whose duration must not count.
    const base = {
      companyId: world.company.acme!,
      userId: world.user.ceo!,
      roleId: world.role.ceo!,
      endpointId: world.endpoint['acme/sales-api']!,
      operationKey: 'listAccounts',
      method: 'GET',
      source: 'graphql',
      attempts: 1,
      bytes: 10,
      createdAt: pastDay,
    };
    await server.db.upstreamCall.createMany({
      data: [
        { ...base, outcome: 'ok', status: 200, durationMs: 10, cached: false },
        { ...base, outcome: 'ok', status: 200, durationMs: 40, cached: false },
        { ...base, outcome: 'ok', status: 200, durationMs: 20, cached: true },
        { ...base, outcome: 'ok', status: 200, durationMs: 30, cached: false },
        { ...base, outcome: 'timeout', status: null, durationMs: 100, cached: false },
        { ...base, outcome: 'rate_limited', status: null, durationMs: 0, cached: false },
      ],
    });

    return live;
  });
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ tokens, live }) => {
  void [tokens, live];
}, 120_000);

describe('by endpoint', () => {
  it("counts each of Acme's endpoints exactly, with error, cache and rate-limit figures", async ({
    server,
    world,
    tokens,
    live,
  }) => {
    const s = await stats(server, tokens, live, { companyId: world.company.acme, groupBy: 'ENDPOINT' });
    // Most calls first.
    expect(s.rows.map((r) => [r.label, r.calls])).toEqual([
      ['Finance API', 4],
      ['Sales API', 3],
      ['GitHub API', 2],
    ]);
    const rows = byLabel(s.rows);
    expect(rows['Finance API']).toMatchObject({
      key: world.endpoint['acme/finance-api'],
      errors: 1,
      errorRate: 0.25,
      rateLimited: 1,
      cacheHitRate: 0,
    });
    expect(rows['Sales API']).toMatchObject({
      key: world.endpoint['acme/sales-api'],
      errors: 0,
      errorRate: 0,
      rateLimited: 0,
    });
    expect(rows['Sales API']!.cacheHitRate).toBeCloseTo(2 / 3, 10);
    expect(rows['GitHub API']).toMatchObject({ errors: 0, rateLimited: 0, cacheHitRate: 0 });
    expect(rows['GitHub API']!.p50Ms).toBeGreaterThanOrEqual(GITHUB_LATENCY_MS);
    for (const row of s.rows) expect(row.p50Ms!).toBeLessThanOrEqual(row.p95Ms!);

    expect(s.totals).toMatchObject({ key: 'total', label: 'Total', calls: 9, errors: 1, rateLimited: 1 });
    expect(s.totals.errorRate).toBeCloseTo(1 / 9, 10);
    // Seven successful GETs, two of them from the cache.
    expect(s.totals.cacheHitRate).toBeCloseTo(2 / 7, 10);
  });

  it('matches the call log row for row', async ({ server, world, tokens, live }) => {
    const rows = await server.db.upstreamCall.groupBy({
      by: ['endpointId'],
      where: { companyId: world.company.globex, createdAt: { gte: new Date(live.from), lt: new Date(live.to) } },
      _count: true,
    });
    const s = await stats(server, tokens, live, { companyId: world.company.globex, groupBy: 'ENDPOINT' });
    expect(s.rows.map((r) => [r.key, r.calls]).sort()).toEqual(rows.map((r) => [r.endpointId, r._count]).sort());
    expect(s.rows.map((r) => r.label).sort()).toEqual(['GitLab API', 'HR API']);
  });
});

describe('by role', () => {
  it("splits Acme's calls between the CEO and the Developer", async ({ server, world, tokens, live }) => {
    const roles = await server.db.role.findMany({ where: { key: { in: ['ceo', 'developer'] } } });
    const name = (key: string) => roles.find((r) => r.key === key)!.name;
    const s = await stats(server, tokens, live, { companyId: world.company.acme, groupBy: 'ROLE' });
    expect(s.rows.map((r) => [r.key, r.label, r.calls, r.errors, r.rateLimited])).toEqual([
      [world.role.ceo, name('ceo'), 7, 1, 1],
      [world.role.developer, name('developer'), 2, 0, 0],
    ]);
    expect(s.totals.calls).toBe(9);
  });
});

describe('by day', () => {
  it('has every UTC day of the range, the quiet ones at zero, and exact percentiles', async ({
    server,
    world,
    tokens,
    live,
  }) => {
    const from = new Date(pastDay.getTime() - 2 * DAY_MS - DAY_MS / 2); // midnight, seven days ago
    const to = new Date(live.to);
    const s = await stats(server, tokens, live, {
      companyId: world.company.acme,
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: 'DAY',
    });
    const days: string[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
    expect(s.rows.map((r) => r.key)).toEqual(days);
    expect(s.rows.map((r) => r.label)).toEqual(days);

    // The live calls by the day they were logged on (one day, unless the test ran over midnight).
    const live9 = await server.db.upstreamCall.findMany({
      where: { companyId: world.company.acme, createdAt: { gt: pastDay } },
      select: { createdAt: true },
    });
    expect(live9).toHaveLength(9);
    const perDay = new Map<string, number>();
    for (const { createdAt } of live9)
      perDay.set(createdAt.toISOString().slice(0, 10), (perDay.get(createdAt.toISOString().slice(0, 10)) ?? 0) + 1);
    perDay.set(pastDay.toISOString().slice(0, 10), 6);
    expect(Object.fromEntries(s.rows.filter((r) => r.calls > 0).map((r) => [r.key, r.calls]))).toEqual(
      Object.fromEntries(perDay),
    );

    const quiet = s.rows.filter((r) => !perDay.has(r.key));
    expect(quiet.length).toBeGreaterThanOrEqual(5);
    for (const row of quiet)
      expect(row).toMatchObject({
        calls: 0,
        errors: 0,
        errorRate: 0,
        p50Ms: null,
        p95Ms: null,
        cacheHitRate: 0,
        rateLimited: 0,
      });

    // 10, 20, 30, 40 and the 100 ms timeout; the rate-limited call's 0 ms does not count.
    const past = s.rows.find((r) => r.key === pastDay.toISOString().slice(0, 10))!;
    expect(past).toMatchObject({ calls: 6, errors: 1, rateLimited: 1, cacheHitRate: 0.25, p50Ms: 30 });
    expect(past.errorRate).toBeCloseTo(1 / 6, 10);
    expect(past.p95Ms).toBeCloseTo(88, 6); // 40 + 0.8 × (100 − 40)
    expect(s.totals).toMatchObject({ calls: 15, errors: 2, rateLimited: 2 });
  });

  it('counts a day from UTC midnight to midnight', async ({ server, world, tokens, live }) => {
    const midnight = new Date(pastDay.getTime() - DAY_MS / 2);
    const s = await stats(server, tokens, live, {
      companyId: world.company.acme,
      from: midnight.toISOString(),
      to: new Date(midnight.getTime() + DAY_MS).toISOString(),
      groupBy: 'DAY',
    });
    expect(s.rows.map((r) => [r.key, r.calls])).toEqual([[midnight.toISOString().slice(0, 10), 6]]);
    const before = await stats(server, tokens, live, {
      companyId: world.company.acme,
      from: new Date(midnight.getTime() - DAY_MS).toISOString(),
      to: midnight.toISOString(),
      groupBy: 'DAY',
    });
    expect(before.rows.map((r) => r.calls)).toEqual([0]);
    expect(before.totals).toMatchObject({ calls: 0, errorRate: 0, p50Ms: null, p95Ms: null, cacheHitRate: 0 });
    // Other groupings of a quiet range: no rows, and totals of zero.
    const quiet = await stats(server, tokens, live, {
      companyId: world.company.acme,
      from: new Date(midnight.getTime() - DAY_MS).toISOString(),
      to: midnight.toISOString(),
      groupBy: 'ROLE',
    });
    expect(quiet).toEqual({
      totals: {
        key: 'total',
        label: 'Total',
        calls: 0,
        errors: 0,
        errorRate: 0,
        p50Ms: null,
        p95Ms: null,
        cacheHitRate: 0,
        rateLimited: 0,
      },
      rows: [],
    });
  });
});

describe('by company', () => {
  it('shows a platform admin every company when companyId is left out', async ({ server, world, tokens, live }) => {
    const s = await stats(server, tokens, live, { companyId: null, groupBy: 'COMPANY' });
    expect(s.rows.map((r) => [r.key, r.label, r.calls])).toEqual([
      [world.company.acme, 'Acme Corp', 9],
      [world.company.globex, 'Globex', 2],
    ]);
    expect(s.totals).toMatchObject({ calls: 11, errors: 1, rateLimited: 1 });
    // Both companies have a Sales API and an HR API: across companies the label says whose.
    const endpoints = await stats(server, tokens, live, { groupBy: 'ENDPOINT' });
    expect(endpoints.rows.map((r) => r.label).sort()).toEqual([
      'Finance API (Acme Corp)',
      'GitHub API (Acme Corp)',
      'GitLab API (Globex)',
      'HR API (Globex)',
      'Sales API (Acme Corp)',
    ]);
  });

  it('shows one company when one is named', async ({ server, world, tokens, live }) => {
    const s = await stats(server, tokens, live, { companyId: world.company.globex, groupBy: 'COMPANY' });
    expect(s.rows.map((r) => [r.label, r.calls])).toEqual([['Globex', 2]]);
  });

  it("shows a company admin their own company's calls", async ({ server, world, tokens, live }) => {
    const s = await stats(
      server,
      tokens,
      live,
      { companyId: world.company.globex, groupBy: 'COMPANY' },
      PERSONAS.companyAdmin,
    );
    expect(s.rows.map((r) => [r.label, r.calls, r.errors])).toEqual([['Globex', 2, 0]]);
  });
});

describe('the query', () => {
  it('reads the call log once per request, whatever the grouping', async ({ server, tokens, live }) => {
    await server.tessera.callLog.flush();
    for (const groupBy of ['ENDPOINT', 'ROLE', 'DAY', 'COMPANY']) {
      server.sql.length = 0;
      await stats(server, tokens, live, { companyId: null, groupBy });
      expect(
        server.sql.filter((s) => /from upstream_calls/i.test(s)),
        groupBy,
      ).toHaveLength(1);
    }
  });
});

describe('who may ask', () => {
  it('answers NOT_FOUND to a company admin asking about another company, and to someone outside it', async ({
    server,
    world,
    tokens,
    live,
  }) => {
    expect(
      errorCode(
        await usage(
          server,
          tokens,
          live,
          { companyId: world.company.acme, groupBy: 'ENDPOINT' },
          PERSONAS.companyAdmin,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await usage(server, tokens, live, { companyId: world.company.globex, groupBy: 'ENDPOINT' }, PERSONAS.cfo),
      ),
    ).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND, even to a platform admin, for a company that does not exist or an id that is not one', async ({
    server,
    tokens,
    live,
  }) => {
    expect(
      errorCode(
        await usage(server, tokens, live, { companyId: '00000000-0000-4000-8000-000000000000', groupBy: 'DAY' }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await usage(server, tokens, live, { companyId: 'abc', groupBy: 'DAY' }))).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN to a member without admin rights, and to a company admin asking for every company', async ({
    server,
    world,
    tokens,
    live,
  }) => {
    expect(
      errorCode(
        await usage(server, tokens, live, { companyId: world.company.acme, groupBy: 'ENDPOINT' }, PERSONAS.dev),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await usage(server, tokens, live, { companyId: null, groupBy: 'COMPANY' }, PERSONAS.companyAdmin)),
    ).toBe('FORBIDDEN');
    expect(errorCode(await usage(server, tokens, live, { groupBy: 'COMPANY' }, PERSONAS.dev))).toBe('FORBIDDEN');
  });

  it('answers UNAUTHENTICATED without a token', async ({ server, live }) => {
    expect(errorCode(await server.gql(USAGE, { ...live, groupBy: 'DAY' }))).toBe('UNAUTHENTICATED');
  });
});

describe('bad ranges', () => {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  it.for([
    ['from equal to to', { from: iso(now), to: iso(now) }, 'from must be before to.'],
    ['from after to', { from: iso(now), to: iso(now - 1000) }, 'from must be before to.'],
    ['more than 366 days', { from: iso(now - 367 * DAY_MS), to: iso(now) }, 'The range may span at most 366 days.'],
  ] as const)('refuses %s with BAD_USER_INPUT', async ([_name, range, message], { server, world, tokens, live }) => {
    const res = await usage(server, tokens, live, { companyId: world.company.acme, groupBy: 'DAY', ...range });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe(message);
  });

  it('accepts exactly 366 days', async ({ server, world, tokens, live }) => {
    const s = await stats(server, tokens, live, {
      companyId: world.company.acme,
      from: iso(Date.UTC(2025, 0, 1)),
      to: iso(Date.UTC(2025, 0, 1) + 366 * DAY_MS),
      groupBy: 'DAY',
    });
    expect(s.rows).toHaveLength(366);
  });

  it('refuses a time that is not one, and an unknown grouping', async ({ server, world, tokens, live }) => {
    expect(
      errorCode(
        await usage(server, tokens, live, { companyId: world.company.acme, from: 'yesterday', groupBy: 'DAY' }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await usage(server, tokens, live, { companyId: world.company.acme, groupBy: 'WEEK' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
