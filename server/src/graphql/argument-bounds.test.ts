// The three INTERNAL_SERVER_ERRORs of issue 16, item 9, over HTTP, and the bounds that answer
// them (plugins/argument-bounds.ts): JSON arguments at most 64 levels deep and 100,000 values,
// DateTime arguments within years 0001-9999, as BAD_USER_INPUT naming the argument. The server
// runs with Redis when one is there (REDIS_URL, as in CI's PostgreSQL run; locally:
// REDIS_URL=redis://127.0.0.1:6379), where readOperation's cache key walks the params.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { onlyError, type GqlResponse, type TestServer } from '../../test/harness.ts';
import { argumentProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from '../lib/argument-bounds.ts';

// Sessions signed in once for the file.
const it = serverTest
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))
  .extend('ceo', { scope: 'file' }, ({ server }) => server.login(PERSONAS.ceo));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin, ceo }) => {
  void [admin, ceo];
});

/** JSON text of `{"a":[{"a":[ … {"leaf":true} … ]}]}` nested `depth` levels: JSON.stringify itself overflows near 5,000. */
function deepJsonText(depth: number): string {
  const pairs = Math.floor(depth / 2);
  return `${'{"a":['.repeat(pairs)}{"leaf":true}${']}'.repeat(pairs)}`;
}

/** A GraphQL request whose variables hold a JSON text written by hand at `marker`. */
async function postRaw(server: TestServer, query: string, variablesText: string, token: string): Promise<GqlResponse> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: `{"query":${JSON.stringify(query)},"variables":${variablesText}}`,
  });
  const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
  return { status: res.status, data: body.data, errors: body.errors };
}

describe('the cases found by the attack (each answered INTERNAL_SERVER_ERROR before)', () => {
  it('createOperation with a paramsSchema nested 10,000 levels: BAD_USER_INPUT naming input', async ({
    server,
    world,
    admin,
  }) => {
    const query =
      'mutation ($e: ID!, $input: CreateOperationInput!) { createOperation(endpointId: $e, input: $input) { id } }';
    const res = await postRaw(
      server,
      query,
      `{"e":${JSON.stringify(world.endpoint['acme/sales-api'])},"input":{"key":"deepOp","method":"POST","path":"/deep","paramsSchema":${deepJsonText(10_000)}}}`,
      admin,
    );
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('input');
    expect(error.message).toBe(`input is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    expect(await server.db.endpointOperation.count({ where: { key: 'deepOp' } })).toBe(0);
  });

  it(`readOperation with params nested 10,000 levels (Redis: ${process.env.REDIS_URL ? 'on' : 'off'}): BAD_USER_INPUT naming params`, async ({
    world,
    ceo,
    server,
  }) => {
    const query =
      'query ($c: ID!, $e: ID!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: $p) { status } }';
    const res = await postRaw(
      server,
      query,
      `{"c":${JSON.stringify(world.company.acme)},"e":${JSON.stringify(world.endpoint['acme/sales-api'])},"p":${deepJsonText(10_000)}}`,
      ceo,
    );
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('params');
  });

  it('usageStats from year 0000: BAD_USER_INPUT naming from', async ({ server, world, admin }) => {
    const res = await server.gql(
      'query ($c: ID, $from: DateTime!, $to: DateTime!) { usageStats(companyId: $c, from: $from, to: $to, groupBy: DAY) { totals { calls } } }',
      { c: world.company.acme, from: '0000-06-01T00:00:00Z', to: '0001-01-01T00:00:00Z' },
      admin,
    );
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('from');
    expect(error.message).toBe('from must be a time between years 0001 and 9999.');
  });
});

describe('the bounds', () => {
  const usage =
    'query ($from: DateTime!, $to: DateTime!) { usageStats(companyId: null, from: $from, to: $to, groupBy: COMPANY) { totals { calls } } }';

  it('accept the edges: 64 levels, years 0001 and 9999 (to the last second)', async ({ server, world, admin, ceo }) => {
    const read = (levels: number) =>
      postRaw(
        server,
        'query ($c: ID!, $e: ID!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: $p) { status } }',
        `{"c":${JSON.stringify(world.company.acme)},"e":${JSON.stringify(world.endpoint['acme/sales-api'])},"p":{"q":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}}`,
        ceo,
      );
    expect((await read(MAX_JSON_DEPTH)).errors?.[0]?.message ?? '').not.toMatch(/nested/);
    expect(onlyError(await read(MAX_JSON_DEPTH + 1)).message).toBe(
      `params is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    );
    expect(
      (await server.gql(usage, { from: '9999-06-01T00:00:00Z', to: '9999-12-31T23:59:59Z' }, admin)).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(usage, { from: '0001-01-01T00:00:00Z', to: '0001-06-01T00:00:00Z' }, admin)).errors,
    ).toBeUndefined();
  });

  it('refuse past them: a time that is year 10000 in UTC, a literal argument, an audit filter in an input object', async ({
    server,
    admin,
  }) => {
    // RFC 3339 allows it; in UTC it is 10000-01-01T00:58:59Z.
    const late = await server.gql(usage, { from: '9999-12-31T00:00:00Z', to: '9999-12-31T23:59:59-01:00' }, admin);
    expect(onlyError(late).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const literal = await server.gql(
      '{ usageStats(companyId: null, from: "0000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", groupBy: DAY) { totals { calls } } }',
      {},
      admin,
    );
    expect(onlyError(literal).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const audit = await server.gql(
      'query ($f: AuditLogFilter) { auditLogs(companyId: null, filter: $f) { __typename } }',
      { f: { from: '0000-01-01T00:00:00Z' } },
      admin,
    );
    expect(onlyError(audit).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  });

  it('count depth, values and times without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i += 1) deep = [deep];
    expect(argumentProblem(deep, 'p')).toBe(`p is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    expect(
      argumentProblem(
        Array.from({ length: MAX_JSON_VALUES }, () => 0),
        'p',
      ),
    ).toBe(`p has more than ${MAX_JSON_VALUES} values.`);
    expect(
      argumentProblem(
        Array.from({ length: MAX_JSON_VALUES - 1 }, () => 0),
        'p',
      ),
    ).toBeNull();
    expect(argumentProblem({ at: new Date(Number.NaN) }, 'filter')).toBe(
      'filter must be a time between years 0001 and 9999.',
    );
    expect(argumentProblem(new Date('9999-12-31T23:59:59.999Z'), 'to')).toBeNull();
  });
});
