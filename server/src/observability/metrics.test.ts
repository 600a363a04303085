// GET /metrics end to end: real servers over HTTP, a real database, the sandbox APIs. What the
// counters say after GraphQL requests, gateway reads (upstream, cached, rate-limited, failing),
// an OAuth2 token request and pending actions; that the route is off by default and guarded by
// its token; and that labels stay bounded and free of query text and secrets.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { errorCode, startTestServer, type TestServer } from '../../test/harness.ts';
import type { WorldIds } from '../../test/world.ts';
import { proposeForTest } from '../../test/propose.ts';

const METRICS_TOKEN = 'metrics-test-token-0123456789';
const READ = `query ReadForMetrics($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status cached attempts } }`;

// This file's server serves /metrics behind a token; `off` is a second one with metrics left off.
const it = serverTest
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('off', { scope: 'file' }, async ({}, { onCleanup }) => {
    const off = await startTestServer();
    onCleanup(() => off.close());
    return off;
  })
  .extend('ceo', { scope: 'file' }, ({ server }) => server.login(PERSONAS.ceo))
  .extend('dev', { scope: 'file' }, ({ server }) => server.login(PERSONAS.dev));
it.override('serverEnv', { METRICS_TOKEN });

function scrape(target: TestServer, authorization: string | null = `Bearer ${METRICS_TOKEN}`) {
  return fetch(`${target.url}/metrics`, { headers: authorization ? { authorization } : {} });
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of the Prometheus text format (no escapes in our label values but quotes). */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

async function samples(server: TestServer): Promise<Sample[]> {
  const res = await scrape(server);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

/** The value of the one sample with exactly these labels (0 when absent). */
function sampleValue(all: Sample[], name: string, labels: Record<string, string>): number {
  const found = all.filter(
    (s) =>
      s.name === name &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v) &&
      Object.keys(s.labels).length === Object.keys(labels).length,
  );
  if (found.length > 1) throw new Error(`several samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

function read(
  server: TestServer,
  world: WorldIds,
  token: string,
  endpoint: string,
  operation: string,
  params?: unknown,
) {
  const [company] = endpoint.split('/');
  return server.gql<{ readOperation: { status: number; cached: boolean; attempts: number } }>(
    READ,
    { c: world.company[company!], e: world.endpoint[endpoint], o: operation, p: params },
    token,
  );
}

describe('the route', () => {
  it('is not served unless configured', async ({ off }) => {
    const res = await scrape(off, null);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('tessera_');
    // Nor does a token for it mean anything there.
    expect((await scrape(off)).status).toBe(404);
  });

  it('wants its bearer token when one is set', async ({ server, ceo }) => {
    const none = await scrape(server, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain('tessera_');
    expect((await scrape(server, `Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await scrape(server, `Bearer ${ceo}`)).status).toBe(401);
    expect((await scrape(server, METRICS_TOKEN)).status).toBe(401);
    const ok = await scrape(server);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('reports process metrics of its own registry (each server in the process counts apart)', async ({ server }) => {
    const all = await samples(server);
    expect(all.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(all.some((s) => s.name === 'nodejs_heap_size_used_bytes')).toBe(true);
  });
});

describe('what is counted', () => {
  it('GraphQL requests by validated operation name, type and result', async ({ server }) => {
    const before = await samples(server);
    for (let i = 0; i < 3; i += 1)
      expect((await server.gql('query MetricsProbe { __typename }')).errors).toBeUndefined();
    expect(errorCode(await server.gql('query MetricsProbe { me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql('query NotValid { noSuchField }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await server.gql('{ __typename }')).errors).toBeUndefined();
    const after = await samples(server);
    const delta = (labels: Record<string, string>) =>
      sampleValue(after, 'tessera_graphql_requests_total', labels) -
      sampleValue(before, 'tessera_graphql_requests_total', labels);
    expect(delta({ operation: 'MetricsProbe', type: 'query', result: 'ok' })).toBe(3);
    expect(delta({ operation: 'MetricsProbe', type: 'query', result: 'UNAUTHENTICATED' })).toBe(1);
    // A request that fails validation has no trustworthy name: the one it claims is not a label.
    expect(delta({ operation: '(invalid)', type: 'unknown', result: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(after.some((s) => s.labels.operation === 'NotValid')).toBe(false);
    expect(delta({ operation: '(anonymous)', type: 'query', result: 'ok' })).toBe(1);
    const count = (all: Sample[]) =>
      sampleValue(all, 'tessera_graphql_request_duration_seconds_count', { operation: 'MetricsProbe', type: 'query' });
    expect(count(after) - count(before)).toBe(4);
  });

  it('gateway calls: upstream by endpoint and status class, cache hits and misses, rate limits, retries, OAuth2 token requests', async ({
    server,
    world,
    ceo,
    dev,
  }) => {
    const before = await samples(server);
    // The CEO's Acme Sales API credential is an OAuth2 refresh token: the first call fetches an access token.
    expect(
      (await read(server, world, ceo, 'acme/sales-api', 'listAccounts', { limit: 2 })).data?.readOperation,
    ).toMatchObject({
      status: 200,
      cached: false,
    });
    // File fixtures are made under the hook timeout, not the first test's.
    it.beforeAll(({ off, ceo, dev }) => {
      void [off, ceo, dev];
    });
    expect(
      (await read(server, world, ceo, 'acme/sales-api', 'listAccounts', { limit: 2 })).data?.readOperation,
    ).toMatchObject({
      status: 200,
      cached: true,
    });
    // An upstream failure, retried to the end (after a first call got the OAuth2 token: the knob must hit the API).
    expect(
      (await read(server, world, dev, 'acme/github-api', 'listRepositories', { limit: 8 })).errors,
    ).toBeUndefined();
    server.sandbox.knobs.failNext(3, 503);
    expect(errorCode(await read(server, world, dev, 'acme/github-api', 'listRepositories', { limit: 9 }))).toBe(
      'UPSTREAM_ERROR',
    );
    // One call per minute on Acme's Finance API: misses (other pages) are soon refused. Counted, not
    // assumed: with Redis, test servers on the same demo ids share the budget.
    await server.db.apiEndpoint.update({
      where: { id: world.endpoint['acme/finance-api'] },
      data: { rateLimitPerMinute: 1 },
    });
    let [passed, limited] = [0, 0];
    for (let page = 1; page <= 3; page += 1) {
      const res = await read(server, world, ceo, 'acme/finance-api', 'listInvoices', { limit: page });
      if (res.errors) expect(errorCode(res)).toBe('RATE_LIMITED');
      [passed, limited] = res.errors ? [passed, limited + 1] : [passed + 1, limited];
    }
    expect(limited).toBeGreaterThanOrEqual(2);
    // Refused by the policy: never reaches the gateway's counters.
    expect(errorCode(await read(server, world, dev, 'acme/sales-api', 'listAccounts'))).toBe('NOT_FOUND');

    const after = await samples(server);
    const delta = (name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(
      delta('tessera_upstream_calls_total', {
        endpoint: 'sales-api',
        method: 'GET',
        status_class: '2xx',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(delta('tessera_gateway_cache_lookups_total', { endpoint: 'sales-api', result: 'miss' })).toBe(1);
    expect(delta('tessera_gateway_cache_lookups_total', { endpoint: 'sales-api', result: 'hit' })).toBe(1);
    expect(
      delta('tessera_upstream_calls_total', {
        endpoint: 'github-api',
        method: 'GET',
        status_class: '5xx',
        outcome: 'upstream_error',
      }),
    ).toBe(1);
    expect(delta('tessera_upstream_retries_total', { endpoint: 'github-api' })).toBe(2);
    expect(
      delta('tessera_upstream_calls_total', {
        endpoint: 'finance-api',
        method: 'GET',
        status_class: '2xx',
        outcome: 'ok',
      }),
    ).toBe(passed);
    expect(delta('tessera_gateway_rate_limited_total', { endpoint: 'finance-api' })).toBe(limited);
    expect(delta('tessera_gateway_cache_lookups_total', { endpoint: 'finance-api', result: 'miss' })).toBe(3);
    expect(delta('tessera_upstream_call_duration_seconds_count', { endpoint: 'sales-api', method: 'GET' })).toBe(1);
    expect(delta('tessera_oauth_refreshes_total', { kind: 'oauth2_refresh_token', outcome: 'ok' })).toBe(1);
    expect(
      delta('tessera_graphql_requests_total', { operation: 'ReadForMetrics', type: 'query', result: 'NOT_FOUND' }),
    ).toBe(1);
  });

  it('pending actions by status, read from the database', async ({ server, world, ceo }) => {
    const propose = () =>
      proposeForTest(server.db, {
        userId: world.user.ceo!,
        email: PERSONAS.ceo,
        companyId: world.company.acme!,
        endpointId: world.endpoint['acme/sales-api']!,
        operationId: world.operation['acme/sales-api/createOpportunity']!,
        args: { name: 'Metrics deal', accountId: 'acc-unknown', amount: 1 },
      });
    const before = await samples(server);
    const [first, second] = [await propose(), await propose()];
    await propose();
    const rejected = await server.gql(
      'mutation ($id: ID!) { rejectAction(id: $id) { action { status } } }',
      { id: first.id },
      ceo,
    );
    expect(rejected.errors).toBeUndefined();
    // An action that outlived its 15 minutes without being marked counts as expired.
    await server.db.pendingAction.update({
      where: { id: second.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const after = await samples(server);
    const delta = (status: string) =>
      sampleValue(after, 'tessera_pending_actions', { status }) -
      sampleValue(before, 'tessera_pending_actions', { status });
    expect(delta('pending')).toBe(1);
    expect(delta('rejected')).toBe(1);
    expect(delta('expired')).toBe(1);
  });
});

describe('labels', () => {
  it('stay bounded however many operation names callers invent', async ({ server }) => {
    for (let i = 0; i < 500; i += 1) {
      const res = await server.gql(`query Invented${i} { __typename }`);
      expect(res.errors).toBeUndefined();
    }
    const all = (await samples(server)).filter((s) => s.name === 'tessera_graphql_requests_total');
    const names = new Set(all.map((s) => s.labels.operation));
    expect(names.size).toBeLessThanOrEqual(100 + 2); // the cap, "(invalid)" and "(other)"
    const invented = all.filter((s) => s.labels.operation!.startsWith('Invented')).reduce((n, s) => n + s.value, 0);
    const other = all.filter((s) => s.labels.operation === '(other)').reduce((n, s) => n + s.value, 0);
    expect(other).toBeGreaterThan(0);
    expect(invented + other).toBeGreaterThanOrEqual(500);
    // Names already in the set keep being counted under their own name.
    const probe = sampleValue(all, 'tessera_graphql_requests_total', {
      operation: 'MetricsProbe',
      type: 'query',
      result: 'ok',
    });
    await server.gql('query MetricsProbe { __typename }');
    expect(
      sampleValue(await samples(server), 'tessera_graphql_requests_total', {
        operation: 'MetricsProbe',
        type: 'query',
        result: 'ok',
      }),
    ).toBe(probe + 1);
  });

  it('carry no query text, variables, tokens or secrets', async ({ server, world, ceo, dev }) => {
    await server.gql('query LeakProbe($v: String!) { __typename }', { v: 'variable-value-4242' });
    await read(server, world, ceo, 'acme/sales-api', 'listAccounts', { limit: 1, name: 'variable-value-4242' });
    const body = await (await scrape(server)).text();
    for (const secret of [
      METRICS_TOKEN,
      ceo,
      dev,
      server.sandboxSecret,
      'variable-value-4242',
      '__typename',
      PERSONAS.ceo,
      world.company.acme!,
      world.user.ceo!,
    ]) {
      expect(body).not.toContain(secret);
    }
    // Every label value is a name, a slug, a code, a class or a bucket bound.
    for (const sample of parse(body))
      for (const value of Object.values(sample.labels)) expect(value).toMatch(/^[\w.+\-()/ ]{1,80}$/);
  });
});
