// What a reader or a company administrator types into an operation, end to end over GraphQL
// (issue 16, items 1 and 3): a backtracking pattern in a paramsSchema cannot stop the event
// loop, patterns RE2 cannot run are refused when saved, and a path parameter ".." cannot move
// the request off the operation's path. Upstream requests are counted at the sandbox.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { onlyError, type TestServer } from '../../test/harness.ts';
import type { WorldIds } from '../../test/world.ts';
import { offloadCompleted } from '../offload/offload.ts';

const CREATE =
  'mutation ($e: ID!, $input: CreateOperationInput!) { createOperation(endpointId: $e, input: $input) { id key } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateOperationInput!) { updateOperation(id: $id, input: $input) { id } }';
const READ =
  'query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status data } }';

const salesApi = (world: WorldIds) => world.endpoint['acme/sales-api']!;

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.ceo]) tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

const createOperation = (
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  input: Record<string, unknown>,
) => server.gql<{ createOperation: { id: string } }>(CREATE, { e: salesApi(world), input }, tokens[PERSONAS.admin]);
const read = (
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  operation: string,
  params: unknown,
) =>
  server.gql<{ readOperation: { status: number } }>(
    READ,
    { c: world.company.acme, e: salesApi(world), o: operation, p: params },
    tokens[PERSONAS.ceo],
  );

describe('patterns from users run in linear time', () => {
  // Today's engine (V8's backtracking RegExp) takes about a minute on this input: the test's
  // time limit fails it. RE2 answers at once; no timing is asserted beyond the limit.
  it('a stored exponential pattern answers BAD_USER_INPUT at once for 30 × "a" + "!"', {
    timeout: 10_000,
  }, async ({ server, world, tokens }) => {
    const created = await createOperation(server, world, tokens, {
      key: 'searchBacktracking',
      method: 'GET',
      path: '/accounts',
      paramsSchema: { type: 'object', properties: { q: { type: 'string', pattern: '^(a+)+$' } } },
    });
    expect(created.errors).toBeUndefined();
    const before = server.sandbox.stats.requests.total;
    const res = await read(server, world, tokens, 'searchBacktracking', { q: `${'a'.repeat(30)}!` });
    expect(onlyError(res)).toMatchObject({
      message: 'params.q must match pattern "^(a+)+$".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(server.sandbox.stats.requests.total).toBe(before);
  });

  it('a normal pattern still validates: a match is sent, a mismatch refused', async ({ server, world, tokens }) => {
    expect(
      (
        await createOperation(server, world, tokens, {
          key: 'accountsByCode',
          method: 'GET',
          path: '/accounts',
          paramsSchema: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' } } },
        })
      ).errors,
    ).toBeUndefined();
    const ok = await read(server, world, tokens, 'accountsByCode', { code: 'AB-123' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.readOperation.status).toBe(200);
    expect(onlyError(await read(server, world, tokens, 'accountsByCode', { code: 'ab-123' })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it.for([
    ['a backreference', '^(a)\\1$', /backreferences/],
    ['a lookahead', '^(?=.*\\d).+$', /lookahead and lookbehind/],
    ['a lookbehind in patternProperties', null, /lookahead and lookbehind/],
  ] as const)(
    'createOperation refuses %s with BAD_USER_INPUT, and nothing is stored',
    async ([_name, pattern, message], { server, world, tokens }) => {
      const schema = pattern
        ? { type: 'object', properties: { q: { type: 'string', pattern } } }
        : { type: 'object', patternProperties: { '(?<=x)y': { type: 'string' } } };
      const before = await server.db.endpointOperation.count();
      const res = await createOperation(server, world, tokens, {
        key: 'refusedPattern',
        method: 'GET',
        path: '/accounts',
        paramsSchema: schema,
      });
      expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.paramsSchema' } });
      expect(onlyError(res).message).toMatch(message);
      expect(await server.db.endpointOperation.count()).toBe(before);
    },
  );

  it('updateOperation refuses the same, and an operation stored before the rule is refused at call time', async ({
    server,
    world,
    tokens,
  }) => {
    const created = await createOperation(server, world, tokens, {
      key: 'laterLookahead',
      method: 'GET',
      path: '/accounts',
      paramsSchema: { type: 'object', properties: { q: { type: 'string' } } },
    });
    const id = created.data!.createOperation.id;
    const schema = { type: 'object', properties: { q: { type: 'string', pattern: '^(?!admin).*$' } } };
    const res = await server.gql(UPDATE, { id, input: { paramsSchema: schema } }, tokens[PERSONAS.admin]);
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.paramsSchema' } });
    // As if saved by an older Tessera: the gateway refuses to run it, and sends nothing.
    await server.db.endpointOperation.update({ where: { id }, data: { paramsSchema: schema } });
    const before = server.sandbox.stats.requests.total;
    const call = onlyError(await read(server, world, tokens, 'laterLookahead', { q: 'x' }));
    expect(call.extensions?.code).toBe('BAD_USER_INPUT');
    expect(call.message).toMatch(/lookahead and lookbehind .* fix the operation/);
    expect(server.sandbox.stats.requests.total).toBe(before);
  });

  it('importOpenApi skips an operation whose pattern RE2 cannot run, and says why', async ({
    server,
    world,
    tokens,
  }) => {
    const { baseUrl } = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: salesApi(world) } });
    const doc = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Patterns', version: '1' },
      servers: [{ url: baseUrl }],
      paths: {
        '/a': {
          get: {
            operationId: 'lookaround',
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', pattern: '^(?!x)' } }],
          },
        },
        '/b': {
          get: {
            operationId: 'plain',
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', pattern: '^\\u0041+$' } }],
          },
        },
      },
    });
    const res = await server.gql<{ importOpenApi: { operationsCreated: string[]; warnings: string[] } }>(
      'mutation ($c: ID!, $d: String!) { importOpenApi(companyId: $c, document: $d, dryRun: true) { operationsCreated warnings } }',
      { c: world.company.acme, d: doc },
      tokens[PERSONAS.admin],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.importOpenApi.operationsCreated).toEqual(['plain']);
    expect(res.data!.importOpenApi.warnings).toContainEqual(
      expect.stringMatching(/^GET \/a skipped: its parameter schema the pattern "\^\(\?!x\)" lookahead and lookbehind/),
    );
  });
});

describe('path parameters stay on the operation path', () => {
  it.for(['..', '.', '%2e%2e', '.%2E', '%2E.', '%252e%252e', '../admin'])(
    'readOperation refuses id = %j with BAD_USER_INPUT and sends nothing',
    async (id, { server, world, tokens }) => {
      const before = server.sandbox.stats.requests.total;
      const res = await read(server, world, tokens, 'getAccount', { id });
      expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(onlyError(res).message).toMatch(/params\.id must not be "\." or "\.\."/);
      expect(server.sandbox.stats.requests.total).toBe(before);
    },
  );
});

describe('a large parameter schema compiles off the event loop (issue 16, item 2)', () => {
  /** 990 properties (more than INLINE_COMPILE_NODES): its first call compiles in the offload worker. */
  const wideSchema = (extra: Record<string, unknown> = {}) => ({
    type: 'object',
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(Array.from({ length: 987 }, (_, i) => [`f${i}`, { type: 'string' }])),
      code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' },
      name: { type: 'string', maxLength: 3 },
      kind: { enum: ['a', 'b'] },
      ...extra,
    },
  });

  it('concurrent first calls share one compile in the worker, and validate as before', {
    timeout: 60_000,
  }, async ({ server, world, tokens }) => {
    expect(
      (
        await createOperation(server, world, tokens, {
          key: 'searchWide',
          method: 'GET',
          path: '/accounts',
          paramsSchema: wideSchema(),
        })
      ).errors,
    ).toBeUndefined();
    const compiles = offloadCompleted('compileParamsSchema');
    const before = server.sandbox.stats.requests.total;
    const [ok, badPattern, tooLong, notAllowed, unknown] = await Promise.all([
      read(server, world, tokens, 'searchWide', { code: 'AB-123', name: 'é😀x', kind: 'a' }),
      read(server, world, tokens, 'searchWide', { code: 'ab-123' }),
      read(server, world, tokens, 'searchWide', { name: 'é😀xy' }),
      read(server, world, tokens, 'searchWide', { kind: 'c' }),
      read(server, world, tokens, 'searchWide', { other: 1 }),
    ]);
    expect(offloadCompleted('compileParamsSchema')).toBe(compiles + 1);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.readOperation.status).toBe(200);
    expect(onlyError(badPattern)).toMatchObject({
      message: 'params.code must match pattern "^[A-Z]{2}-\\d{3}$".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(onlyError(tooLong).message).toBe('params.name must NOT have more than 3 characters.');
    expect(onlyError(notAllowed).message).toBe('params.kind must be one of a, b.');
    expect(onlyError(unknown).message).toBe('params.other is not a parameter of this operation.');
    expect(server.sandbox.stats.requests.total).toBe(before + 1);
    // Compiled once: later calls use the cached validator.
    expect(onlyError(await read(server, world, tokens, 'searchWide', { code: 'x' })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(offloadCompleted('compileParamsSchema')).toBe(compiles + 1);
  });

  it('a large schema stored before the rules of today is refused from the worker, naming the operation', {
    timeout: 60_000,
  }, async ({ server, world, tokens }) => {
    const created = await createOperation(server, world, tokens, {
      key: 'wideLater',
      method: 'GET',
      path: '/accounts',
      paramsSchema: { type: 'object' },
    });
    await server.db.endpointOperation.update({
      where: { id: created.data!.createOperation.id },
      data: { paramsSchema: wideSchema({ q: { type: 'string', pattern: '^(?!admin).*$' } }) },
    });
    const compiles = offloadCompleted('compileParamsSchema');
    const call = onlyError(await read(server, world, tokens, 'wideLater', { q: 'x' }));
    expect(offloadCompleted('compileParamsSchema')).toBe(compiles + 1);
    expect(call.extensions?.code).toBe('BAD_USER_INPUT');
    expect(call.message).toMatch(
      /^The parameter schema of operation "wideLater" the pattern .* lookahead and lookbehind .* fix the operation\.$/,
    );
  });
});
