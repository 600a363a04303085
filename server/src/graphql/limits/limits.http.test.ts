// The query limits and the request hardening, over real HTTP and WebSocket: a hostile document is
// refused with 400 and BAD_USER_INPUT naming the limit before any resolver runs (no SQL, no
// upstream request); batching, big bodies, CSRF-able requests, and production introspection too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import WebSocket from 'ws';
import { isRequestSql, startTestServer, type GqlError, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { loadConfig } from '../../config.ts';
import { DEFAULT_QUERY_LIMITS as L } from './index.ts';
import { MAX_GRAPHQL_BODY_BYTES } from '../../http/body-limit.ts';

// The CEO's session, signed in once for the file.
const it = serverTest.extend('token', { scope: 'file' }, ({ server }) => server.login(PERSONAS.ceo));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ token }) => {
  void [token];
});

const read = (alias: string) =>
  `${alias}: readOperation(companyId: $c, endpointId: $e, operation: "listAccounts") { status }`;
const vars = (world: WorldIds) => ({ c: world.company.acme, e: world.endpoint['acme/sales-api'] });

/** Sends a document that must be refused by a limit, and checks that nothing ran. */
async function refused(
  server: TestServer,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlError> {
  // The SQL of building the request's context (loading the signed-in principal) is all there may be.
  await server.tessera.callLog.flush();
  server.sql.length = 0;
  expect((await server.gql('{ __typename }', {}, token)).errors).toBeUndefined();
  const contextSql = server.sql.splice(0).filter(isRequestSql);
  expect(contextSql.length).toBeGreaterThan(0);
  const upstreamBefore = server.sandbox.stats.requests.total;
  const res = await server.gql(query, variables, token);
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.extensions).not.toHaveProperty('stacktrace');
  await server.tessera.callLog.flush();
  expect(server.sql.filter(isRequestSql)).toEqual(contextSql);
  expect(server.sandbox.stats.requests.total).toBe(upstreamBefore);
  return error;
}

describe('limits over HTTP', () => {
  it('lets a query at the limits through (it does run)', async ({ server, world, token }) => {
    const aliases = Array.from({ length: L.maxAliases }, (_, i) => read(`a${i}`)).join(' ');
    const before = server.sandbox.stats.requests.total;
    const res = await server.gql(`query ($c: ID!, $e: ID!) { ${aliases} }`, vars(world), token);
    expect(res.errors).toBeUndefined();
    expect(server.sandbox.stats.requests.total).toBeGreaterThan(before);
  });

  it('refuses too many aliases, also spread from a fragment named __schema in an operation named __schema', async ({
    server,
    world,
    token,
  }) => {
    const aliases = Array.from({ length: 16 }, (_, i) => read(`__schema${i}`)).join(' ');
    const error = await refused(
      server,
      token,
      `query __schema($c: ID!, $e: ID!) { ...__schema b: __typename ...__schema } fragment __schema on Query { ${aliases} }`,
      vars(world),
    );
    expect(error.message).toBe(`Number of aliases (33) exceeds the limit of ${L.maxAliases}.`);
    expect(error.extensions).toMatchObject({ limit: 'aliases', maximum: L.maxAliases });
  });

  it('refuses too much depth through introspection', async ({ server, token }) => {
    const q = `{ me { id } __type(name: "User") { fields { type { ${'ofType { '.repeat(17)}name${' }'.repeat(17)} } } } }`;
    expect((await refused(server, token, q)).message).toBe(
      `Introspection depth (21) exceeds the limit of ${L.maxIntrospectionDepth}.`,
    );
  });

  it('refuses too many directives', async ({ server, token }) => {
    const fields = Array.from(
      { length: L.maxDirectives + 1 },
      (_, i) => `d${i % 2}: __typename @include(if: true)`,
    ).join(' ');
    const aliasesOk = fields.replace(/d(\d): /g, '');
    expect((await refused(server, token, `{ me { id } ${aliasesOk} }`)).message).toBe(
      `Number of directives (51) exceeds the limit of ${L.maxDirectives}.`,
    );
  });

  it('refuses a costly query: a big page of the audit log', async ({ server, token }) => {
    const error = await refused(
      server,
      token,
      '{ auditLogs(first: 5000) { edges { node { id action company { id name } } } } }',
    );
    expect(error.message).toMatch(/^Query cost \(\d+\) exceeds the limit of 10000\.$/);
  });

  it('refuses too many tokens at parse', async ({ server, token }) => {
    const error = await refused(server, token, `{ me { id } ${'__typename '.repeat(L.maxTokens)} }`);
    expect(error.message).toBe(`Number of tokens (over ${L.maxTokens}) exceeds the limit of ${L.maxTokens}.`);
  });
});

describe('limits over WebSocket', () => {
  async function wsErrors(
    server: TestServer,
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<readonly GqlError[]> {
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise((resolve, reject) => {
        client.subscribe(
          { query, variables },
          {
            next: (r) => resolve((r.errors ?? []) as GqlError[]),
            error: (e) => (Array.isArray(e) ? resolve(e as GqlError[]) : reject(e)),
            complete: () => resolve([]),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('applies the same limits', async ({ server, world, token }) => {
    const upstreamBefore = server.sandbox.stats.requests.total;
    const aliases = Array.from({ length: 16 }, (_, i) => read(`a${i}`)).join(' ');
    const errors = await wsErrors(
      server,
      token,
      `query __schema($c: ID!, $e: ID!) { ...__schema ...__schema } fragment __schema on Query { ${aliases} }`,
      vars(world),
    );
    expect(errors.map((e) => [e.message, e.extensions?.code])).toEqual([
      [`Number of aliases (32) exceeds the limit of ${L.maxAliases}.`, 'BAD_USER_INPUT'],
    ]);
    const tokens = await wsErrors(server, token, `{ ${'__typename '.repeat(L.maxTokens)} }`);
    expect(tokens.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(server.sandbox.stats.requests.total).toBe(upstreamBefore);
    expect(await wsErrors(server, token, '{ me { email } }')).toEqual([]);
    // graphql's own validation errors keep Apollo's code there too (not masked as internal).
    expect((await wsErrors(server, token, '{ nope }')).map((e) => e.extensions?.code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });
});

describe('request hardening', () => {
  const post = (
    server: TestServer,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => fetch(`${server.url}/graphql`, { method: 'POST', headers, body });

  it('refuses batched requests', async ({ server }) => {
    const res = await post(server, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it('answers 413 to a body over 2 MB', async ({ server }) => {
    const res = await post(
      server,
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_GRAPHQL_BODY_BYTES) } }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: GqlError[] }).errors[0]!.message).toBe('Request body too large.');
  });

  it('answers without an ETag (hashing every answer served no GraphQL client)', async ({ server }) => {
    const res = await post(server, JSON.stringify({ query: '{ __typename }' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('refuses CSRF-able requests: a GET or a simple-content-type POST without a preflight header', async ({
    server,
  }) => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const text = await post(server, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    const form = await post(server, 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const withHeader = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(withHeader.status).toBe(200);
  });
});

describe('introspection and GraphiQL', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'tessera-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app shell</title>');
  writeFileSync(join(webDir, 'graphiql.html'), '<!doctype html><title>graphiql page</title>');

  async function probe(env: Record<string, string>) {
    const s = await startTestServer({ WEB_DIST_DIR: webDir, ...env });
    try {
      const introspection = await s.gql('{ __schema { queryType { name } } }');
      const page = await fetch(`${s.url}/graphiql`, { headers: { accept: 'text/html' } });
      const file = await fetch(`${s.url}/graphiql.html`, { headers: { accept: 'text/html' } });
      return {
        introspection: introspection.errors ? introspection.errors[0]!.extensions?.code : 'on',
        page: [page.status, await page.text()],
        file: file.status,
      };
    } finally {
      await s.close();
    }
  }

  // A production server needs the template's encryption keys; the app sees only the resolved
  // setting, so the production default is checked on the config and the setting over HTTP.
  it('are off in production unless GRAPHQL_INTROSPECTION=true', () => {
    const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgresql://h/db' };
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(
      true,
    );
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).graphqlIntrospection).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(
      false,
    );
  });

  it('are both served or both refused, as the setting says', async () => {
    expect(await probe({ GRAPHQL_INTROSPECTION: 'false' })).toEqual({
      introspection: 'GRAPHQL_VALIDATION_FAILED',
      page: [404, 'Not found.'],
      file: 404,
    });
    expect(await probe({ GRAPHQL_INTROSPECTION: 'true' })).toEqual({
      introspection: 'on',
      page: [200, '<!doctype html><title>graphiql page</title>'],
      file: 200,
    });
  });
});
