// The seed document's example, over HTTP as the demo personas, and the Data Admin's flow:
// role → company → toggle an endpoint → the person's endpoints change.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../../test/fixture.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const MY_ENDPOINTS = `query ($companyId: ID!) { myEndpoints(companyId: $companyId) { access endpoint { name slug operations { key method } } } }`;

async function endpointsOf(server: TestServer, world: WorldIds, email: string, company: string) {
  const token = await server.login(email);
  const res = await server.gql<{ myEndpoints: { access: string; endpoint: { name: string } }[] }>(
    MY_ENDPOINTS,
    { companyId: world.company[company] },
    token,
  );
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.myEndpoints.map((g) => [g.endpoint.name, g.access]));
}

describe('the multi-company example', () => {
  it.for([
    [PERSONAS.ceo, 'acme', { 'Sales API': 'WRITE', 'Finance API': 'READ' }],
    [PERSONAS.ceo, 'globex', { 'HR API': 'READ', 'Operations API': 'READ' }],
    [PERSONAS.dev, 'acme', { 'GitHub API': 'READ' }],
    [PERSONAS.dev, 'globex', { 'GitLab API': 'READ' }],
    [PERSONAS.cfo, 'acme', {}],
    [PERSONAS.companyAdmin, 'globex', {}],
  ] as const)('%s at %s sees exactly %j', async ([email, company, expected], { server, world }) => {
    expect(await endpointsOf(server, world, email, company)).toEqual(expected);
  });

  it('lists the operations of each endpoint', async ({ server, world }) => {
    const token = await server.login(PERSONAS.dev);
    const res = await server.gql<{ myEndpoints: { endpoint: { operations: { key: string; method: string }[] } }[] }>(
      MY_ENDPOINTS,
      { companyId: world.company.acme },
      token,
    );
    const ops = res.data!.myEndpoints[0]!.endpoint.operations;
    expect(ops.map((o) => o.key)).toContain('listPullRequests');
    expect(ops.some((o) => o.method !== 'GET')).toBe(true);
  });

  it('answers NOT_FOUND for a company the person does not belong to', async ({ server, world }) => {
    const token = await server.login(PERSONAS.cfo);
    expect(errorCode(await server.gql(MY_ENDPOINTS, { companyId: world.company.globex }, token))).toBe('NOT_FOUND');
  });

  it('myCompanies lists exactly the companies where the person holds a role', async ({ server }) => {
    const res = await server.gql<{ myCompanies: { slug: string }[] }>(
      '{ myCompanies { slug } }',
      {},
      await server.login(PERSONAS.cfo),
    );
    expect(res.data!.myCompanies.map((c) => c.slug)).toEqual(['acme']);
  });
});

describe('Data Admin flow: role → company → endpoints', () => {
  const ROLE_ACCESS = `query ($roleId: ID!, $companyId: ID!) { roleAccess(roleId: $roleId, companyId: $companyId) { access endpoint { slug } } }`;
  const SET = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
    setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access endpoint { slug } } }`;

  it('shows every endpoint of the company with NONE included, then a toggle changes what the person may use', async ({
    server,
    world,
  }) => {
    const admin = await server.login(PERSONAS.admin);
    const before = await server.gql<{ roleAccess: { access: string; endpoint: { slug: string } }[] }>(
      ROLE_ACCESS,
      { roleId: world.role.cfo, companyId: world.company.acme },
      admin,
    );
    expect(before.data!.roleAccess).toHaveLength(4);
    expect(before.data!.roleAccess.every((g) => g.access === 'NONE')).toBe(true);

    const set = await server.gql<{ setEndpointAccess: { access: string; endpoint: { slug: string } } }>(
      SET,
      {
        roleId: world.role.cfo,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/finance-api'],
        access: 'READ',
      },
      admin,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setEndpointAccess).toEqual({ access: 'READ', endpoint: { slug: 'finance-api' } });
    expect(await endpointsOf(server, world, PERSONAS.cfo, 'acme')).toEqual({ 'Finance API': 'READ' });

    await server.gql(
      SET,
      {
        roleId: world.role.cfo,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/finance-api'],
        access: 'WRITE',
      },
      admin,
    );
    expect(await endpointsOf(server, world, PERSONAS.cfo, 'acme')).toEqual({ 'Finance API': 'WRITE' });

    await server.gql(
      SET,
      {
        roleId: world.role.cfo,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/finance-api'],
        access: 'NONE',
      },
      admin,
    );
    expect(await endpointsOf(server, world, PERSONAS.cfo, 'acme')).toEqual({});
    const audit = await server.db.auditLog.findMany({
      where: { action: 'permission.set', targetId: world.endpoint['acme/finance-api'] },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => (a.details as { to: string }).to)).toEqual(['READ', 'WRITE', 'NONE']);
  });

  it('a company admin manages their own company only', async ({ server, world }) => {
    const token = await server.login(PERSONAS.companyAdmin);
    const mine = await server.gql(
      SET,
      {
        roleId: world.role.developer,
        companyId: world.company.globex,
        endpointId: world.endpoint['globex/hr-api'],
        access: 'READ',
      },
      token,
    );
    expect(mine.errors).toBeUndefined();
    const other = await server.gql(
      SET,
      {
        roleId: world.role.developer,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/hr-api'],
        access: 'READ',
      },
      token,
    );
    expect(errorCode(other)).toBe('NOT_FOUND');
  });

  it('a member without admin rights gets FORBIDDEN', async ({ server, world }) => {
    const token = await server.login(PERSONAS.dev);
    const res = await server.gql(
      SET,
      {
        roleId: world.role.developer,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/hr-api'],
        access: 'READ',
      },
      token,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('a user with several roles in a company gets the highest access of them', async ({ server, world }) => {
    const admin = await server.login(PERSONAS.admin);
    await server.gql(
      `mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }`,
      { u: world.user.dev, c: world.company.acme, r: world.role.cto },
      admin,
    );
    await server.gql(
      SET,
      {
        roleId: world.role.cto,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/github-api'],
        access: 'WRITE',
      },
      admin,
    );
    expect(await endpointsOf(server, world, PERSONAS.dev, 'acme')).toEqual({ 'GitHub API': 'WRITE' });
  });
});
