// Errors without a code of ours are masked: the client sees "Internal server error." and a
// code, never SQL, a stack or an internal message; the log keeps the original with the
// request id.
import { GraphQLError } from 'graphql';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../test/fixture.ts';
import { onlyError, type TestServer } from '../../test/harness.ts';
import { BadInputError, ErrorCode, NotFoundError, RateLimitedError } from '../lib/errors.ts';
import { formatError } from './errors.ts';
import { MAX_GRAPHQL_BODY_BYTES } from '../http/body-limit.ts';

const formatted = (error: unknown) =>
  formatError(
    {
      message: (error as Error).message,
      path: ['x'],
      extensions: { ...(error as GraphQLError).extensions, stacktrace: ['at secret.ts:1'] },
    },
    error,
  );

describe('formatError', () => {
  it.each([
    ['a plain Error', new Error('relation "users" does not exist')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    [
      'a GraphQLError from a resolver with a code we do not own',
      new GraphQLError('P2002 unique constraint', { path: ['x'], extensions: { code: 'P2002' } }),
    ],
    [
      'a resolver error that claims INTERNAL_SERVER_ERROR',
      new GraphQLError('boom: password=hunter2', { path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ],
  ])('masks %s', (_name, error) => {
    expect(formatted(error)).toEqual({
      message: 'Internal server error.',
      path: ['x'],
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  });

  it.each([
    [new NotFoundError('Company'), 'NOT_FOUND', 'Company not found.'],
    [new BadInputError('input.slug must not be empty.', 'slug'), 'BAD_USER_INPUT', 'input.slug must not be empty.'],
    [new RateLimitedError(12), 'RATE_LIMITED', 'Too many requests. Try again later.'],
  ])('keeps our coded errors (%s) without the stack', (error, code, message) => {
    const out = formatted(error);
    expect(out.message).toBe(message);
    expect(out.extensions?.code).toBe(code);
    expect(out.extensions).not.toHaveProperty('stacktrace');
  });

  it('keeps the retry delay of RATE_LIMITED', () => {
    expect(formatted(new RateLimitedError(12)).extensions?.retryAfterSeconds).toBe(12);
  });
});

describe('an unexpected failure over HTTP', () => {
  async function withTableRenamed(server: TestServer, table: string, run: () => Promise<void>) {
    await server.tessera.database.runAsOwner(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
    try {
      await run();
    } finally {
      await server.tessera.database.runAsOwner(`ALTER TABLE ${table}_gone RENAME TO ${table}`);
    }
  }

  it.for([
    ['in a resolver', 'api_endpoints', 'unexpected error while resolving'],
    ['while loading the caller', 'roles', 'could not load the principal'],
  ] as const)(
    '%s: answers a masked error and logs the original with the request id',
    async ([_where, table, logMessage], { server }) => {
      const admin = await server.login(PERSONAS.admin);
      const companyId = (await server.db.company.findFirstOrThrow()).id;
      await withTableRenamed(server, table, async () => {
        const res = await server.gql('query ($c: ID!) { endpoints(companyId: $c) { id } }', { c: companyId }, admin);
        const error = onlyError(res);
        expect(error.message).toBe('Internal server error.');
        expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(JSON.stringify(res)).not.toMatch(/_gone|relation|SELECT|prisma|\.ts:/i);
        const logged = server.logs.find((l) => l.msg === logMessage);
        expect(logged?.requestId).toEqual(expect.any(String));
        expect(JSON.stringify(logged)).toContain(`${table}`);
      });
    },
  );

  async function post(server: TestServer, body: string) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    return { status: res.status, code: json.errors[0]!.extensions.code, message: json.errors[0]!.message };
  }

  it.for([
    ['malformed JSON', '{"query": "{ me { ', 400, 'BAD_REQUEST'],
    ['a query that does not parse', JSON.stringify({ query: '{ me { ' }), 400, 'GRAPHQL_PARSE_FAILED'],
    [
      'a body over the 2 MB limit',
      JSON.stringify({ query: `{ __typename } #${'x'.repeat(MAX_GRAPHQL_BODY_BYTES)}` }),
      413,
      'BAD_REQUEST',
    ],
  ] as const)('answers %s with a JSON client error', async ([_name, body, status, code], { server }) => {
    expect(await post(server, body)).toMatchObject({ status, code });
  });

  it('refuses a GET mutation and a simple cross-site POST (CSRF prevention)', async ({ server }) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(400);
  });
});
