// DataLoaders keep nested queries to a fixed number of SQL statements, whatever the row count.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { isRequestSql, type TestServer } from '../../test/harness.ts';

// The platform admin's session, and a company with 1 and one with 50 endpoints, made once for the file.
const it = serverTest
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))
  .extend('companies', { scope: 'file' }, async ({ server }) => ({
    1: await companyWithEndpoints(server, 1),
    50: await companyWithEndpoints(server, 50),
  }));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin, companies }) => {
  void [admin, companies];
});

async function companyWithEndpoints(server: TestServer, count: number) {
  const company = await server.db.company.create({ data: { name: `Size ${count}`, slug: `size-${count}` } });
  for (let i = 0; i < count; i += 1) {
    await server.db.apiEndpoint.create({
      data: {
        companyId: company.id,
        slug: `api-${i}`,
        name: `API ${i}`,
        baseUrl: `https://api-${i}.example.test`,
        operations: {
          create: [1, 2, 3].map((n) => ({ key: `op${n}`, method: n === 3 ? 'POST' : 'GET', path: `/things/${n}` })),
        },
      },
    });
  }
  return company.id;
}

async function statementsFor(server: TestServer, admin: string, query: string, variables: Record<string, unknown>) {
  server.sql.length = 0;
  const res = await server.gql(query, variables, admin);
  expect(res.errors).toBeUndefined();
  return server.sql.filter(isRequestSql).length;
}

describe('SQL statements per request', () => {
  it('endpoints with operations and company: the same for 1 and for 50 endpoints', async ({
    server,
    admin,
    companies,
  }) => {
    const q = 'query ($c: ID!) { endpoints(companyId: $c) { name company { name } operations { key method } } }';
    const one = await statementsFor(server, admin, q, { c: companies[1] });
    const fifty = await statementsFor(server, admin, q, { c: companies[50] });
    expect(fifty).toBe(one);
    expect(one).toBeLessThanOrEqual(8);
  });

  it('the access matrix for a role: the same for 1 and for 50 endpoints', async ({ server, admin, companies }) => {
    const role = await server.db.role.findUniqueOrThrow({ where: { key: 'cto' } });
    const q =
      'query ($r: ID!, $c: ID!) { roleAccess(roleId: $r, companyId: $c) { access endpoint { slug operations { key } company { slug } } } }';
    const one = await statementsFor(server, admin, q, { r: role.id, c: companies[1] });
    const fifty = await statementsFor(server, admin, q, { r: role.id, c: companies[50] });
    expect(fifty).toBe(one);
    // The caller, the company (shared with the shield), the role, the endpoints with their
    // grants and operations (joined): issue #8's target.
    expect(one).toBeLessThanOrEqual(4);
  });

  it('users with memberships: bounded however many users there are', async ({ server, admin, companies }) => {
    const q = '{ users { email memberships { company { slug } role { key } } } }';
    const before = await statementsFor(server, admin, q, {});
    const company = companies[50]!;
    const role = await server.db.role.findUniqueOrThrow({ where: { key: 'developer' } });
    for (let i = 0; i < 20; i += 1) {
      await server.db.user.create({
        data: {
          email: `bulk${i}@x.test`,
          name: `Bulk ${i}`,
          passwordHash: 'x',
          memberships: { create: { companyId: company, roleId: role.id } },
        },
      });
    }
    expect(await statementsFor(server, admin, q, {})).toBe(before);
  });
});
