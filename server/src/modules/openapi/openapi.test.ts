// importOpenApi over GraphQL against a real Tessera: create, re-import, update, removeMissing,
// dryRun, refusals with nothing changed, who may import, and an imported operation called
// through the gateway against the sandbox.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import type { TestServer } from '../../../test/harness.ts';
import { snapshot, type WorldIds } from '../../../test/world.ts';
import { fixture } from './fixtures/fixtures.ts';
import type { ImportResult } from './openapi.service.ts';

const IMPORT = `mutation ($c: ID!, $doc: String!, $slug: String, $remove: Boolean, $dry: Boolean) {
  importOpenApi(companyId: $c, document: $doc, slug: $slug, removeMissing: $remove, dryRun: $dry) {
    endpoint { id slug name baseUrl description operations { key method path description paramsSchema } }
    created operationsCreated operationsUpdated operationsUnchanged operationsRemoved warnings
  }
}`;

/** The service's report as GraphQL answers it: the endpoint with its operations. */
type Result = Omit<ImportResult, 'endpoint'> & {
  endpoint: {
    id: string;
    slug: string;
    name: string;
    baseUrl: string;
    description: string | null;
    operations: { key: string; method: string; path: string; description: string | null; paramsSchema: any }[];
  };
};

const PETSTORE = fixture('petstore-3.0.yaml');

async function importDoc(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  vars: { doc: string; c?: string; slug?: string; remove?: boolean; dry?: boolean },
  as = PERSONAS.admin,
) {
  return server.gql<{ importOpenApi: Result }>(IMPORT, { c: world.company.acme, ...vars }, tokens[as]);
}
async function imported(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  vars: Parameters<typeof importDoc>[3],
  as?: string,
): Promise<Result> {
  const res = await importDoc(server, world, tokens, vars, as);
  expect(res.errors).toBeUndefined();
  return res.data!.importOpenApi;
}
/** Every table but the call log, which the gateway flushes in batches after a call (the sandbox test). */
async function state(server: TestServer) {
  const { upstream_calls: _calls, ...rest } = await snapshot(server.db);
  return rest;
}
const counts = (r: Result) => ({
  created: r.operationsCreated,
  updated: r.operationsUpdated,
  unchanged: r.operationsUnchanged,
  removed: r.operationsRemoved,
});

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.companyAdmin, PERSONAS.ceo]) tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

describe('importOpenApi', () => {
  it('dryRun of a new endpoint reports what it would create and writes nothing', async ({ server, world, tokens }) => {
    const before = await state(server);
    const r = await imported(server, world, tokens, { doc: PETSTORE, dry: true });
    expect(r.created).toBe(true);
    expect(r.endpoint).toMatchObject({
      slug: 'swagger-petstore',
      name: 'Swagger Petstore',
      baseUrl: 'http://petstore.swagger.io/v1',
      operations: [],
    });
    expect(counts(r)).toEqual({
      created: ['listPets', 'createPets', 'showPetById'],
      updated: [],
      unchanged: [],
      removed: [],
    });
    expect(await state(server)).toEqual(before);
  });

  it('creates the endpoint and its operations with their schemas, and one audit row with counts only', async ({
    server,
    world,
    tokens,
  }) => {
    const lastAudit = (await server.db.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0n;
    const r = await imported(server, world, tokens, { doc: PETSTORE });
    expect(r.created).toBe(true);
    expect(counts(r)).toEqual({
      created: ['listPets', 'createPets', 'showPetById'],
      updated: [],
      unchanged: [],
      removed: [],
    });
    const ops = Object.fromEntries(r.endpoint.operations.map((o) => [o.key, o]));
    expect(ops.showPetById).toMatchObject({
      method: 'GET',
      path: '/pets/{petId}',
      description: 'Info for a specific pet',
      paramsSchema: { required: ['petId'] },
    });
    expect(ops.createPets!.paramsSchema).toMatchObject({
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['id', 'name'],
      additionalProperties: false,
    });

    const rows = await server.db.auditLog.findMany({ where: { id: { gt: lastAudit } } });
    expect(rows.map((row) => row.action)).toEqual(['endpoint.import']);
    expect(rows[0]).toMatchObject({
      companyId: world.company.acme,
      targetId: r.endpoint.id,
      actorEmail: PERSONAS.admin,
    });
    expect(rows[0]!.details).toEqual({
      slug: 'swagger-petstore',
      created: true,
      operationsCreated: 3,
      operationsUpdated: 0,
      operationsUnchanged: 0,
      operationsRemoved: 0,
      warnings: 0,
    });
    expect(JSON.stringify(rows[0]!.details)).not.toMatch(/petstore\.swagger\.io|List all pets/);
  });

  it('re-importing the same document changes nothing and says so', async ({ server, world, tokens }) => {
    const before = await server.db.endpointOperation.findMany({
      where: { endpoint: { slug: 'swagger-petstore' } },
      orderBy: { key: 'asc' },
    });
    const r = await imported(server, world, tokens, { doc: PETSTORE });
    expect(r.created).toBe(false);
    expect(counts(r)).toEqual({
      created: [],
      updated: [],
      unchanged: ['listPets', 'createPets', 'showPetById'],
      removed: [],
    });
    expect(
      await server.db.endpointOperation.findMany({
        where: { endpoint: { slug: 'swagger-petstore' } },
        orderBy: { key: 'asc' },
      }),
    ).toEqual(before);
  });

  it('a changed document updates what differs, creates what is new, and keeps what it lacks unless removeMissing', async ({
    server,
    world,
    tokens,
  }) => {
    const changed = PETSTORE.replace('summary: List all pets', 'summary: List the pets')
      .replace('url: http://petstore.swagger.io/v1', 'url: https://petstore.example.test/v2')
      .replace(/ {2}\/pets\/\{petId\}:[\s\S]*?(?=components:)/, (petId) => petId.replace('showPetById', 'getPet'));
    const dry = await imported(server, world, tokens, { doc: changed, dry: true });
    expect(counts(dry)).toEqual({ created: ['getPet'], updated: ['listPets'], unchanged: ['createPets'], removed: [] });
    expect(dry.warnings).toContain(
      'The base URL changes from http://petstore.swagger.io/v1 to https://petstore.example.test/v2.',
    );
    expect(dry.warnings).toContain(
      'Kept 1 operation(s) the document does not have: showPetById (removeMissing deletes them).',
    );
    expect(dry.endpoint.baseUrl).toBe('http://petstore.swagger.io/v1');

    const r = await imported(server, world, tokens, { doc: changed });
    expect(counts(r)).toEqual(counts(dry));
    expect(r.endpoint.baseUrl).toBe('https://petstore.example.test/v2');
    expect(r.endpoint.operations.map((o) => o.key).sort()).toEqual(['createPets', 'getPet', 'listPets', 'showPetById']);
    expect(r.endpoint.operations.find((o) => o.key === 'listPets')!.description).toBe('List the pets');

    const removing = await imported(server, world, tokens, { doc: changed, remove: true });
    expect(counts(removing)).toEqual({
      created: [],
      updated: [],
      unchanged: ['listPets', 'createPets', 'getPet'],
      removed: ['showPetById'],
    });
    expect(removing.endpoint.operations.map((o) => o.key).sort()).toEqual(['createPets', 'getPet', 'listPets']);
  });

  it('keeps the grants and credentials of an endpoint it updates', async ({ server, world, tokens }) => {
    const endpointId = world.endpoint['acme/sales-api']!;
    const grants = () => server.db.roleApiPermission.findMany({ where: { endpointId }, orderBy: { roleId: 'asc' } });
    const credentials = () => server.db.apiCredential.findMany({ where: { endpointId }, orderBy: { id: 'asc' } });
    const [grantsBefore, credentialsBefore] = [await grants(), await credentials()];
    const { baseUrl } = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    const doc = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Sales API', version: '1' },
      servers: [{ url: baseUrl }],
      paths: {
        '/accounts': {
          get: {
            operationId: 'listAccountsByIndustry',
            summary: 'Accounts of one industry',
            parameters: [
              { name: 'industry', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            ],
          },
        },
        '/accounts/{id}': {
          get: {
            operationId: 'getAccountImported',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          },
        },
      },
    });
    const r = await imported(server, world, tokens, { doc, slug: 'sales-api' });
    expect(r.created).toBe(false);
    expect(r.endpoint.id).toBe(endpointId);
    expect(r.operationsCreated).toEqual(['listAccountsByIndustry', 'getAccountImported']);
    expect(
      r.warnings.some((w) =>
        w.startsWith('Kept 6 operation(s) the document does not have: createOpportunity, getAccount,'),
      ),
    ).toBe(true);
    expect(await grants()).toEqual(grantsBefore);
    expect(await credentials()).toEqual(credentialsBefore);

    // The imported schema works with the gateway's request builder, against the sandbox.
    const read = (params: unknown) =>
      server.gql<{ readOperation: { status: number } }>(
        'query ($c: ID!, $e: ID!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: "listAccountsByIndustry", params: $p) { status data } }',
        { c: world.company.acme, e: endpointId, p: params },
        tokens[PERSONAS.ceo],
      );
    const ok = await read({ industry: 'Technology', limit: 2 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.readOperation.status).toBe(200);
    const missing = await read({ limit: 2 });
    expect(missing.errors![0]).toMatchObject({
      message: 'params.industry is required.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const wrongType = await read({ industry: 'Technology', limit: 'two' });
    expect(wrongType.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it.for([
    ['Swagger 2.0', () => fixture('swagger-2.0-petstore.json'), /Convert it to OpenAPI 3 first/],
    ['a relative server URL', () => fixture('petstore3-trimmed.json'), /relative; put an absolute URL/],
    ['not JSON or YAML', () => '{ "openapi": ', /not valid JSON/],
    [
      'a document over 1 MB',
      () =>
        PETSTORE.replace('title: Swagger Petstore', `title: Swagger Petstore\n  description: ${'x'.repeat(1_000_000)}`),
      /the limit is 1 MB/,
    ],
    // Just under 1 MiB, but JSON's escaping of its 100,000 newlines makes the request over 1 MiB:
    // the import still answers with its own limit, not the transport's 413.
    [
      'a document over 1 MB of short lines',
      () => `${PETSTORE}\n${'#234567890\n'.repeat(100_000)}`,
      /the limit is 1 MB/,
    ],
    [
      'no paths',
      () =>
        JSON.stringify({
          openapi: '3.0.3',
          info: { title: 'Empty' },
          servers: [{ url: 'https://x.example.test' }],
          paths: {},
        }),
      /no operations/,
    ],
  ] as [string, () => string, RegExp][])(
    'refuses %s with BAD_USER_INPUT and changes nothing',
    async ([_name, doc, message], { server, world, tokens }) => {
      const before = await state(server);
      const res = await importDoc(server, world, tokens, { doc: doc() });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(message);
      expect(await state(server)).toEqual(before);
    },
  );

  it('refuses a bad slug argument', async ({ server, world, tokens }) => {
    const res = await importDoc(server, world, tokens, { doc: PETSTORE, slug: 'Not A Slug' });
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'slug' } });
  });

  it('lets a company administrator import into their company only; members who do not administer it are refused', async ({
    server,
    world,
    tokens,
  }) => {
    const tictactoe = fixture('tictactoe-3.1.json');
    const own = await imported(
      server,
      world,
      tokens,
      { doc: tictactoe, c: world.company.globex },
      PERSONAS.companyAdmin,
    );
    expect(own).toMatchObject({ created: true, operationsCreated: ['get_board', 'get_square'] });
    expect(own.warnings).toContain('GET /board: operationId "get-board" became key "get_board".');

    const before = await state(server);
    const other = await importDoc(
      server,
      world,
      tokens,
      { doc: tictactoe, c: world.company.acme },
      PERSONAS.companyAdmin,
    );
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const member = await importDoc(server, world, tokens, { doc: tictactoe, c: world.company.acme }, PERSONAS.ceo);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(member.errors![0]!.extensions!.code);
    const anonymous = await server.gql(IMPORT, { c: world.company.acme, doc: tictactoe }, null);
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await state(server)).toEqual(before);
  });
});
