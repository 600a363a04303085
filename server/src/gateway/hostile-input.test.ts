// What a reader or a company administrator types into an operation, end to end over GraphQL
// (issue 16, items 1 and 3): a backtracking pattern in a paramsSchema cannot stop the event
// loop, patterns RE2 cannot run are refused when saved, and a path parameter ".." cannot move
// the request off the operation's path. Upstream requests are counted at the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyError, startTestServer, type TestServer } from '../../test/harness.ts';
import { worldIds, type WorldIds } from '../../test/world.ts';

const CREATE = 'mutation ($e: ID!, $input: CreateOperationInput!) { createOperation(endpointId: $e, input: $input) { id key } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateOperationInput!) { updateOperation(id: $id, input: $input) { id } }';
const READ = 'query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status data } }';

let server: TestServer;
let ids: WorldIds;
const tokens: Record<string, string> = {};
const salesApi = () => ids.endpoint['acme/sales-api']!;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  for (const email of ['admin@demo.test', 'ceo@demo.test']) tokens[email] = await server.login(email);
});
afterAll(() => server?.close());

const createOperation = (input: Record<string, unknown>) => server.gql<{ createOperation: { id: string } }>(CREATE, { e: salesApi(), input }, tokens['admin@demo.test']);
const read = (operation: string, params: unknown) => server.gql(READ, { c: ids.company.acme, e: salesApi(), o: operation, p: params }, tokens['ceo@demo.test']);

describe('patterns from users run in linear time', () => {
  // Today's engine (V8's backtracking RegExp) takes about a minute on this input: the test's
  // time limit fails it. RE2 answers at once; no timing is asserted beyond the limit.
  it('a stored exponential pattern answers BAD_USER_INPUT at once for 30 × "a" + "!"', { timeout: 10_000 }, async () => {
    const created = await createOperation({
      key: 'searchBacktracking',
      method: 'GET',
      path: '/accounts',
      paramsSchema: { type: 'object', properties: { q: { type: 'string', pattern: '^(a+)+$' } } },
    });
    expect(created.errors).toBeUndefined();
    const before = server.sandbox.stats.requests.total;
    const res = await read('searchBacktracking', { q: `${'a'.repeat(30)}!` });
    expect(onlyError(res)).toMatchObject({ message: 'params.q must match pattern "^(a+)+$".', extensions: { code: 'BAD_USER_INPUT' } });
    expect(server.sandbox.stats.requests.total).toBe(before);
  });

  it('a normal pattern still validates: a match is sent, a mismatch refused', async () => {
    expect((await createOperation({ key: 'accountsByCode', method: 'GET', path: '/accounts', paramsSchema: { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' } } } })).errors).toBeUndefined();
    const ok = await read('accountsByCode', { code: 'AB-123' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.readOperation.status).toBe(200);
    expect(onlyError(await read('accountsByCode', { code: 'ab-123' })).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a backreference', '^(a)\\1$', /backreferences/],
    ['a lookahead', '^(?=.*\\d).+$', /lookahead and lookbehind/],
    ['a lookbehind in patternProperties', null, /lookahead and lookbehind/],
  ])('createOperation refuses %s with BAD_USER_INPUT, and nothing is stored', async (_name, pattern, message) => {
    const schema = pattern ? { type: 'object', properties: { q: { type: 'string', pattern } } } : { type: 'object', patternProperties: { '(?<=x)y': { type: 'string' } } };
    const before = await server.db.endpointOperation.count();
    const res = await createOperation({ key: 'refusedPattern', method: 'GET', path: '/accounts', paramsSchema: schema });
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.paramsSchema' } });
    expect(onlyError(res).message).toMatch(message);
    expect(await server.db.endpointOperation.count()).toBe(before);
  });

  it('updateOperation refuses the same, and an operation stored before the rule is refused at call time', async () => {
    const created = await createOperation({ key: 'laterLookahead', method: 'GET', path: '/accounts', paramsSchema: { type: 'object', properties: { q: { type: 'string' } } } });
    const id = created.data!.createOperation.id;
    const schema = { type: 'object', properties: { q: { type: 'string', pattern: '^(?!admin).*$' } } };
    const res = await server.gql(UPDATE, { id, input: { paramsSchema: schema } }, tokens['admin@demo.test']);
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.paramsSchema' } });
    // As if saved by an older Tessera: the gateway refuses to run it, and sends nothing.
    await server.db.endpointOperation.update({ where: { id }, data: { paramsSchema: schema } });
    const before = server.sandbox.stats.requests.total;
    const call = onlyError(await read('laterLookahead', { q: 'x' }));
    expect(call.extensions?.code).toBe('BAD_USER_INPUT');
    expect(call.message).toMatch(/lookahead and lookbehind .* fix the operation/);
    expect(server.sandbox.stats.requests.total).toBe(before);
  });

  it('importOpenApi skips an operation whose pattern RE2 cannot run, and says why', async () => {
    const { baseUrl } = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: salesApi() } });
    const doc = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Patterns', version: '1' },
      servers: [{ url: baseUrl }],
      paths: {
        '/a': { get: { operationId: 'lookaround', parameters: [{ name: 'q', in: 'query', schema: { type: 'string', pattern: '^(?!x)' } }] } },
        '/b': { get: { operationId: 'plain', parameters: [{ name: 'q', in: 'query', schema: { type: 'string', pattern: '^\\u0041+$' } }] } },
      },
    });
    const res = await server.gql('mutation ($c: ID!, $d: String!) { importOpenApi(companyId: $c, document: $d, dryRun: true) { operationsCreated warnings } }', { c: ids.company.acme, d: doc }, tokens['admin@demo.test']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importOpenApi.operationsCreated).toEqual(['plain']);
    expect(res.data!.importOpenApi.warnings).toContainEqual(expect.stringMatching(/^GET \/a skipped: its parameter schema the pattern "\^\(\?!x\)" lookahead and lookbehind/));
  });
});

describe('path parameters stay on the operation path', () => {
  it.each(['..', '.', '%2e%2e', '.%2E', '%2E.', '%252e%252e', '../admin'])('readOperation refuses id = %j with BAD_USER_INPUT and sends nothing', async (id) => {
    const before = server.sandbox.stats.requests.total;
    const res = await read('getAccount', { id });
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(onlyError(res).message).toMatch(/params\.id must not be "\." or "\.\."/);
    expect(server.sandbox.stats.requests.total).toBe(before);
  });
});
