// Bad input for every mutation: a coded answer (BAD_USER_INPUT, CONFLICT or NOT_FOUND) whose
// message names the field, and nothing changed. Then each mutation's happy path once, with the
// audit row it writes.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { onlyError, type TestServer } from '../../test/harness.ts';
import { snapshot, type WorldIds } from '../../test/world.ts';

const M = {
  createCompany: 'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id name slug } }',
  updateCompany:
    'mutation ($id: ID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { id name slug } }',
  deleteCompany: 'mutation ($id: ID!) { deleteCompany(id: $id) }',
  createEndpoint:
    'mutation ($input: CreateEndpointInput!) { createEndpoint(input: $input) { id slug name baseUrl company { slug } operations { id key method } } }',
  updateEndpoint:
    'mutation ($id: ID!, $input: UpdateEndpointInput!) { updateEndpoint(id: $id, input: $input) { id name } }',
  deleteEndpoint: 'mutation ($id: ID!) { deleteEndpoint(id: $id) }',
  createOperation:
    'mutation ($endpointId: ID!, $input: CreateOperationInput!) { createOperation(endpointId: $endpointId, input: $input) { id key method path } }',
  updateOperation:
    'mutation ($id: ID!, $input: UpdateOperationInput!) { updateOperation(id: $id, input: $input) { id key method path } }',
  deleteOperation: 'mutation ($id: ID!) { deleteOperation(id: $id) }',
  grantCompanyAccess:
    'mutation ($userId: ID!, $companyId: ID!, $roleId: ID!) { grantCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) { company { slug } role { key } } }',
  revokeCompanyAccess:
    'mutation ($userId: ID!, $companyId: ID!, $roleId: ID!) { revokeCompanyAccess(userId: $userId, companyId: $companyId, roleId: $roleId) }',
  setEndpointAccess:
    'mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) { setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access endpoint { slug } } }',
  createUser: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email name isPlatformAdmin } }',
  login:
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }',
};

type Company = { id: string; name: string; slug: string };
type Operation = { id: string; key: string; method: string; path: string };
/** What each mutation of M answers (its selection above). */
interface Answers {
  createCompany: Company;
  updateCompany: Company;
  deleteCompany: boolean;
  createEndpoint: {
    id: string;
    slug: string;
    name: string;
    baseUrl: string;
    company: { slug: string };
    operations: { id: string; key: string; method: string }[];
  };
  updateEndpoint: { id: string; name: string };
  deleteEndpoint: boolean;
  createOperation: Operation;
  updateOperation: Operation;
  deleteOperation: boolean;
  grantCompanyAccess: { company: { slug: string }; role: { key: string } };
  revokeCompanyAccess: boolean;
  setEndpointAccess: { access: string; endpoint: { slug: string } };
  createUser: { id: string; email: string; name: string; isPlatformAdmin: boolean };
  login: { token: string; user: { email: string } };
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const NEW_PASSWORD = 'correct horse battery staple';

interface Case {
  name: string;
  query: string;
  /** The variables, from the demo world's world. */
  vars: (world: WorldIds) => Record<string, unknown>;
  code: string;
  /** A word the message must contain, so a person knows what to fix. */
  mentions: string;
  as?: string;
}

const endpointInput = (world: WorldIds, over: Record<string, unknown> = {}) => ({
  companyId: world.company.acme,
  name: 'Payroll API',
  slug: 'payroll-api',
  baseUrl: 'https://payroll.example.test',
  ...over,
});
const opInput = (over: Record<string, unknown> = {}) => ({
  key: 'listPayslips',
  method: 'GET',
  path: '/payslips',
  ...over,
});
const bad = (
  name: string,
  query: string,
  vars: (world: WorldIds) => Record<string, unknown>,
  mentions: string,
  code = 'BAD_USER_INPUT',
  as?: string,
): Case => ({ name, query, vars, code, mentions, as });

const CASES: Case[] = [
  bad('createCompany: empty name', M.createCompany, () => ({ input: { name: '', slug: 'initech' } }), 'name'),
  bad('createCompany: whitespace name', M.createCompany, () => ({ input: { name: '   ', slug: 'initech' } }), 'name'),
  bad(
    'createCompany: uppercase slug',
    M.createCompany,
    () => ({ input: { name: 'Initech', slug: 'Initech' } }),
    'slug',
  ),
  bad(
    'createCompany: slug with spaces',
    M.createCompany,
    () => ({ input: { name: 'Initech', slug: 'ini tech' } }),
    'slug',
  ),
  bad(
    'createCompany: slug too long',
    M.createCompany,
    () => ({ input: { name: 'Initech', slug: 'a'.repeat(61) } }),
    'slug',
  ),
  bad(
    'createCompany: duplicate slug',
    M.createCompany,
    () => ({ input: { name: 'Acme Two', slug: 'acme' } }),
    'slug',
    'CONFLICT',
  ),
  bad(
    'updateCompany: whitespace name',
    M.updateCompany,
    (world) => ({ id: world.company.acme, input: { name: ' \t ' } }),
    'name',
  ),
  bad(
    'updateCompany: uppercase slug',
    M.updateCompany,
    (world) => ({ id: world.company.acme, input: { slug: 'ACME' } }),
    'slug',
  ),
  bad(
    "updateCompany: another company's slug",
    M.updateCompany,
    (world) => ({ id: world.company.acme, input: { slug: 'globex' } }),
    'slug',
    'CONFLICT',
  ),
  bad(
    'updateCompany: unknown company',
    M.updateCompany,
    () => ({ id: UNKNOWN, input: { name: 'X' } }),
    'Company',
    'NOT_FOUND',
  ),
  bad('deleteCompany: unknown company', M.deleteCompany, () => ({ id: UNKNOWN }), 'Company', 'NOT_FOUND'),
  bad(
    'createEndpoint: whitespace name',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { name: '  ' }) }),
    'name',
  ),
  bad(
    'createEndpoint: slug with spaces and capitals',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { slug: 'Payroll API' }) }),
    'slug',
  ),
  bad(
    'createEndpoint: slug too long',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { slug: 'p'.repeat(61) }) }),
    'slug',
  ),
  bad(
    'createEndpoint: duplicate slug in the company',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { slug: 'sales-api' }) }),
    'slug',
    'CONFLICT',
  ),
  bad(
    'createEndpoint: duplicate name in the company',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { name: 'Sales API' }) }),
    'name',
    'CONFLICT',
  ),
  ...['ftp://x', '/relative', 'javascript:alert(1)', 'http://user:pass@host', 'not a url'].map((baseUrl) =>
    bad(
      `createEndpoint: baseUrl ${baseUrl}`,
      M.createEndpoint,
      (world) => ({ input: endpointInput(world, { baseUrl }) }),
      'baseUrl',
    ),
  ),
  bad(
    'createEndpoint: operation key starting with a digit',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { operations: [opInput({ key: '1payslips' })] }) }),
    'key',
  ),
  bad(
    'createEndpoint: operation method FETCH',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { operations: [opInput({ method: 'FETCH' })] }) }),
    'method',
  ),
  bad(
    'createEndpoint: relative operation path',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { operations: [opInput({ path: 'payslips' })] }) }),
    'path',
  ),
  bad(
    'createEndpoint: repeated operation keys',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { operations: [opInput(), opInput({ path: '/other' })] }) }),
    'operation',
  ),
  bad(
    'createEndpoint: negative cache TTL',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { cacheTtlSeconds: -1 }) }),
    'cacheTtlSeconds',
  ),
  bad(
    'createEndpoint: rate limit of 0',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { rateLimitPerMinute: 0 }) }),
    'rateLimitPerMinute',
  ),
  bad(
    'createEndpoint: description too long',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { description: 'd'.repeat(2001) }) }),
    'description',
  ),
  bad(
    'createEndpoint: paramsSchema not an object',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { operations: [opInput({ paramsSchema: [1, 2] })] }) }),
    'paramsSchema',
  ),
  bad(
    'createEndpoint: unknown company',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { companyId: UNKNOWN }) }),
    'Company',
    'NOT_FOUND',
  ),
  bad(
    'createEndpoint: malformed company id',
    M.createEndpoint,
    (world) => ({ input: endpointInput(world, { companyId: 'abc' }) }),
    'Company',
    'NOT_FOUND',
  ),
  bad(
    'updateEndpoint: empty name',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { name: '' } }),
    'name',
  ),
  bad(
    'updateEndpoint: invalid slug',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { slug: 'Sales_API' } }),
    'slug',
  ),
  bad(
    'updateEndpoint: ftp baseUrl',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { baseUrl: 'ftp://x' } }),
    'baseUrl',
  ),
  bad(
    'updateEndpoint: cache TTL over a day',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { cacheTtlSeconds: 86_401 } }),
    'cacheTtlSeconds',
  ),
  bad(
    'updateEndpoint: duplicate slug',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { slug: 'finance-api' } }),
    'slug',
    'CONFLICT',
  ),
  bad(
    'updateEndpoint: duplicate name',
    M.updateEndpoint,
    (world) => ({ id: world.endpoint['acme/sales-api'], input: { name: 'Finance API' } }),
    'name',
    'CONFLICT',
  ),
  bad(
    'updateEndpoint: unknown endpoint',
    M.updateEndpoint,
    () => ({ id: UNKNOWN, input: { name: 'X' } }),
    'Endpoint',
    'NOT_FOUND',
  ),
  bad('deleteEndpoint: unknown endpoint', M.deleteEndpoint, () => ({ id: UNKNOWN }), 'Endpoint', 'NOT_FOUND'),
  bad(
    'createOperation: key with a space',
    M.createOperation,
    (world) => ({ endpointId: world.endpoint['acme/hr-api'], input: opInput({ key: 'list payslips' }) }),
    'key',
  ),
  bad(
    'createOperation: method FETCH',
    M.createOperation,
    (world) => ({ endpointId: world.endpoint['acme/hr-api'], input: opInput({ method: 'FETCH' }) }),
    'method',
  ),
  bad(
    'createOperation: path without a leading slash',
    M.createOperation,
    (world) => ({ endpointId: world.endpoint['acme/hr-api'], input: opInput({ path: 'payslips' }) }),
    'path',
  ),
  bad(
    'createOperation: duplicate key',
    M.createOperation,
    (world) => ({ endpointId: world.endpoint['acme/hr-api'], input: opInput({ key: 'getHeadcount' }) }),
    'key',
    'CONFLICT',
  ),
  bad(
    'createOperation: unknown endpoint',
    M.createOperation,
    () => ({ endpointId: UNKNOWN, input: opInput() }),
    'Endpoint',
    'NOT_FOUND',
  ),
  bad(
    'updateOperation: duplicate key',
    M.updateOperation,
    (world) => ({ id: world.operation['acme/hr-api/getHeadcount'], input: { key: 'listOpenPositions' } }),
    'key',
    'CONFLICT',
  ),
  bad(
    'updateOperation: method TRACE',
    M.updateOperation,
    (world) => ({ id: world.operation['acme/hr-api/getHeadcount'], input: { method: 'TRACE' } }),
    'method',
  ),
  bad(
    'updateOperation: empty path',
    M.updateOperation,
    (world) => ({ id: world.operation['acme/hr-api/getHeadcount'], input: { path: '' } }),
    'path',
  ),
  bad(
    'updateOperation: paramsSchema not an object',
    M.updateOperation,
    (world) => ({ id: world.operation['acme/hr-api/getHeadcount'], input: { paramsSchema: 'open' } }),
    'paramsSchema',
  ),
  bad(
    'updateOperation: unknown operation',
    M.updateOperation,
    () => ({ id: UNKNOWN, input: { path: '/x' } }),
    'Operation',
    'NOT_FOUND',
  ),
  bad('deleteOperation: unknown operation', M.deleteOperation, () => ({ id: UNKNOWN }), 'Operation', 'NOT_FOUND'),
  ...(['userId', 'companyId', 'roleId'] as const).flatMap((key) => {
    const vars = (world: WorldIds) => ({
      userId: world.user.cfo,
      companyId: world.company.globex,
      roleId: world.role.cfo,
      [key]: UNKNOWN,
    });
    const what = { userId: 'User', companyId: 'Company', roleId: 'Role' }[key];
    return [
      bad(`grantCompanyAccess: unknown ${key}`, M.grantCompanyAccess, vars, what, 'NOT_FOUND'),
      bad(
        `revokeCompanyAccess: unknown ${key}`,
        M.revokeCompanyAccess,
        vars,
        key === 'companyId' ? 'Company' : 'Membership',
        'NOT_FOUND',
      ),
    ];
  }),
  bad(
    'revokeCompanyAccess: a role the person does not hold',
    M.revokeCompanyAccess,
    (world) => ({ userId: world.user.cfo, companyId: world.company.globex, roleId: world.role.cfo }),
    'Membership',
    'NOT_FOUND',
  ),
  ...(['roleId', 'companyId', 'endpointId'] as const).map((key) =>
    bad(
      `setEndpointAccess: unknown ${key}`,
      M.setEndpointAccess,
      (world) => ({
        roleId: world.role.cfo,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/finance-api'],
        access: 'READ',
        [key]: UNKNOWN,
      }),
      { roleId: 'Role', companyId: 'Company', endpointId: 'Endpoint' }[key],
      'NOT_FOUND',
    ),
  ),
  ...[PERSONAS.admin, PERSONAS.companyAdmin].map((as) =>
    bad(
      `setEndpointAccess: own company, another company's endpoint, as ${as}`,
      M.setEndpointAccess,
      (world) => ({
        roleId: world.role.developer,
        companyId: world.company.globex,
        endpointId: world.endpoint['acme/hr-api'],
        access: 'READ',
      }),
      'Endpoint',
      'NOT_FOUND',
      as,
    ),
  ),
  bad(
    'setEndpointAccess: access ADMIN in a variable',
    M.setEndpointAccess,
    (world) => ({
      roleId: world.role.cfo,
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/finance-api'],
      access: 'ADMIN',
    }),
    'access',
  ),
  bad(
    'setEndpointAccess: access ADMIN in the query',
    M.setEndpointAccess.replace('$access: AccessLevel!) ', ') ').replace('access: $access', 'access: ADMIN'),
    (world) => ({
      roleId: world.role.cfo,
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/finance-api'],
    }),
    'AccessLevel',
    'GRAPHQL_VALIDATION_FAILED',
  ),
  bad(
    'createUser: short password',
    M.createUser,
    () => ({ input: { email: 'new@demo.test', name: 'New Person', password: 'short' } }),
    'password',
  ),
  bad(
    'createUser: bad email',
    M.createUser,
    () => ({ input: { email: 'not-an-email', name: 'New Person', password: NEW_PASSWORD } }),
    'email',
  ),
  bad(
    'createUser: empty name',
    M.createUser,
    () => ({ input: { email: 'new@demo.test', name: ' ', password: NEW_PASSWORD } }),
    'name',
  ),
  bad(
    'createUser: existing email, other case',
    M.createUser,
    () => ({ input: { email: 'CEO@demo.test', name: 'Copy', password: NEW_PASSWORD } }),
    'email',
    'CONFLICT',
  ),
];

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [PERSONAS.admin, PERSONAS.companyAdmin]) tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

describe('bad input answers a coded, readable error and changes nothing', () => {
  it.for(CASES)('$name → $code', async ({ query, vars, code, mentions, as }, { server, world, tokens }) => {
    const before = await snapshot(server.db);
    const res = await server.gql(query, vars(world), tokens[as ?? PERSONAS.admin]);
    const error = onlyError(res);
    expect(error.extensions?.code).toBe(code);
    expect(error.message).toContain(mentions);
    expect(error.message).not.toMatch(/prisma|sql|constraint|uuid|stack|undefined|\[object/i);
    expect(res.data ?? null).toBeNull();
    expect(await snapshot(server.db)).toEqual(before);
  });

  it('login: a wrong password and an unknown email get the same answer, and only a login_failed audit row', async ({
    server,
  }) => {
    const { audit_logs: auditBefore, ...before } = await snapshot(server.db);
    const wrong = onlyError(await server.gql(M.login, { email: PERSONAS.ceo, password: 'not-the-password' }));
    const unknown = onlyError(await server.gql(M.login, { email: 'nobody@demo.test', password: 'not-the-password' }));
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
    const { audit_logs: auditAfter, ...after } = await snapshot(server.db);
    expect(after).toEqual(before);
    const added = (auditAfter ?? []).slice(auditBefore?.length ?? 0) as { action: string; actor_email: string }[];
    expect(added.map((a) => [a.action, a.actor_email])).toEqual([
      ['auth.login_failed', PERSONAS.ceo],
      ['auth.login_failed', 'nobody@demo.test'],
    ]);
    expect(json(added)).not.toContain('not-the-password');
  });
});

const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));

describe('the happy path of each mutation, with its audit row', () => {
  const made: Record<string, string> = {};

  /** Runs one mutation as admin@ and returns its data after checking the single audit row it wrote. */
  async function audited(
    server: TestServer,
    world: WorldIds,
    tokens: Record<string, string>,
    query: string,
    vars: Record<string, unknown>,
    expected: { action: string; companyId: (data: Answers) => string | null },
    token = tokens[PERSONAS.admin],
  ): Promise<Answers> {
    const last = (await server.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    // Each call reads only the field of the mutation it sent.
    const res = await server.gql<Answers>(query, vars, token);
    expect(res.errors).toBeUndefined();
    const rows = await server.db.auditLog.findMany({ where: { id: { gt: last } } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ action: expected.action, companyId: expected.companyId(res.data!) });
    if (token === tokens[PERSONAS.admin])
      expect(row).toMatchObject({ actorId: world.user.admin, actorEmail: PERSONAS.admin });
    expect(json(row)).not.toMatch(/password|tessera-demo|correct horse/i);
    return res.data!;
  }

  it('createCompany', async ({ server, world, tokens }) => {
    const data = await audited(
      server,
      world,
      tokens,
      M.createCompany,
      { input: { name: '  Initech  ', slug: 'initech' } },
      { action: 'company.create', companyId: (d) => d.createCompany.id },
    );
    made.company = data.createCompany.id;
    expect(data.createCompany).toMatchObject({ name: 'Initech', slug: 'initech' });
  });

  it('updateCompany', async ({ server, world, tokens }) => {
    const data = await audited(
      server,
      world,
      tokens,
      M.updateCompany,
      { id: made.company, input: { name: 'Initech Ltd' } },
      { action: 'company.update', companyId: () => made.company! },
    );
    expect(data.updateCompany).toMatchObject({ name: 'Initech Ltd', slug: 'initech' });
  });

  it("createEndpoint: the same slug and name as another company's endpoint is fine", async ({
    server,
    world,
    tokens,
  }) => {
    const input = {
      companyId: world.company.globex,
      name: 'GitHub API',
      slug: 'github-api',
      baseUrl: 'https://github.example.test/',
      operations: [opInput({ key: 'listRepos', method: 'get', path: '/repos' })],
    };
    const data = await audited(
      server,
      world,
      tokens,
      M.createEndpoint,
      { input },
      { action: 'endpoint.create', companyId: () => world.company.globex! },
    );
    expect(data.createEndpoint).toMatchObject({
      slug: 'github-api',
      name: 'GitHub API',
      baseUrl: 'https://github.example.test',
      company: { slug: 'globex' },
      operations: [{ key: 'listRepos', method: 'GET' }],
    });
    expect(world.endpoint['acme/github-api']).toBeDefined();
    made.endpoint = data.createEndpoint.id;
  });

  it('updateEndpoint', async ({ server, world, tokens }) => {
    const data = await audited(
      server,
      world,
      tokens,
      M.updateEndpoint,
      { id: made.endpoint, input: { name: 'GitHub Mirror' } },
      { action: 'endpoint.update', companyId: () => world.company.globex! },
    );
    expect(data.updateEndpoint.name).toBe('GitHub Mirror');
  });

  it('createOperation', async ({ server, world, tokens }) => {
    const data = await audited(
      server,
      world,
      tokens,
      M.createOperation,
      { endpointId: made.endpoint, input: opInput({ key: 'createRepo', method: 'post', path: '/repos' }) },
      { action: 'operation.create', companyId: () => world.company.globex! },
    );
    expect(data.createOperation).toMatchObject({ key: 'createRepo', method: 'POST', path: '/repos' });
    made.operation = data.createOperation.id;
  });

  it('updateOperation', async ({ server, world, tokens }) => {
    const data = await audited(
      server,
      world,
      tokens,
      M.updateOperation,
      { id: made.operation, input: { path: '/orgs/{org}/repos' } },
      { action: 'operation.update', companyId: () => world.company.globex! },
    );
    expect(data.updateOperation.path).toBe('/orgs/{org}/repos');
  });

  it('setEndpointAccess (as the company admin)', async ({ server, world, tokens }) => {
    const vars = {
      roleId: world.role.developer,
      companyId: world.company.globex,
      endpointId: made.endpoint,
      access: 'READ',
    };
    const data = await audited(
      server,
      world,
      tokens,
      M.setEndpointAccess,
      vars,
      { action: 'permission.set', companyId: () => world.company.globex! },
      tokens[PERSONAS.companyAdmin],
    );
    expect(data.setEndpointAccess).toEqual({ access: 'READ', endpoint: { slug: 'github-api' } });
  });

  it('grantCompanyAccess', async ({ server, world, tokens }) => {
    const vars = { userId: world.user.cfo, companyId: world.company.globex, roleId: world.role.cfo };
    const data = await audited(server, world, tokens, M.grantCompanyAccess, vars, {
      action: 'membership.grant',
      companyId: () => world.company.globex!,
    });
    expect(data.grantCompanyAccess).toEqual({ company: { slug: 'globex' }, role: { key: 'cfo' } });
  });

  it('revokeCompanyAccess', async ({ server, world, tokens }) => {
    const vars = { userId: world.user.cfo, companyId: world.company.globex, roleId: world.role.cfo };
    expect(
      (
        await audited(server, world, tokens, M.revokeCompanyAccess, vars, {
          action: 'membership.revoke',
          companyId: () => world.company.globex!,
        })
      ).revokeCompanyAccess,
    ).toBe(true);
  });

  it('deleteOperation', async ({ server, world, tokens }) => {
    expect(
      (
        await audited(
          server,
          world,
          tokens,
          M.deleteOperation,
          { id: made.operation },
          { action: 'operation.delete', companyId: () => world.company.globex! },
        )
      ).deleteOperation,
    ).toBe(true);
    expect(await server.db.endpointOperation.findUnique({ where: { id: made.operation! } })).toBeNull();
  });

  it('deleteEndpoint, with its grants', async ({ server, world, tokens }) => {
    expect(
      (
        await audited(
          server,
          world,
          tokens,
          M.deleteEndpoint,
          { id: made.endpoint },
          { action: 'endpoint.delete', companyId: () => world.company.globex! },
        )
      ).deleteEndpoint,
    ).toBe(true);
    expect(await server.db.roleApiPermission.count({ where: { endpointId: made.endpoint! } })).toBe(0);
  });

  it('createUser: the email is normalized and the password is never recorded', async ({ server, world, tokens }) => {
    const input = { email: ' New.Person@Demo.TEST ', name: 'New Person', password: NEW_PASSWORD };
    const data = await audited(
      server,
      world,
      tokens,
      M.createUser,
      { input },
      { action: 'user.create', companyId: () => null },
    );
    expect(data.createUser).toMatchObject({
      email: 'new.person@demo.test',
      name: 'New Person',
      isPlatformAdmin: false,
    });
    made.user = data.createUser.id;
  });

  it('login: the new person signs in, audited as themselves', async ({ server }) => {
    const last = (await server.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const res = await server.gql<Pick<Answers, 'login'>>(M.login, {
      email: 'new.person@demo.test',
      password: NEW_PASSWORD,
    });
    expect(res.data?.login.user.email).toBe('new.person@demo.test');
    const rows = await server.db.auditLog.findMany({ where: { id: { gt: last } } });
    expect(rows).toMatchObject([
      { action: 'auth.login', actorId: made.user, actorEmail: 'new.person@demo.test', companyId: null },
    ]);
    expect(json(rows)).not.toContain(NEW_PASSWORD);
  });

  it('deleteCompany, and the audit trail outlives it', async ({ server, world, tokens }) => {
    expect(
      (
        await audited(
          server,
          world,
          tokens,
          M.deleteCompany,
          { id: made.company },
          { action: 'company.delete', companyId: () => made.company! },
        )
      ).deleteCompany,
    ).toBe(true);
    expect(await server.db.company.findUnique({ where: { id: made.company! } })).toBeNull();
    expect(await server.db.auditLog.count({ where: { companyId: made.company! } })).toBe(3);
  });
});
