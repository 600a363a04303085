// A person's effective access in a company, as the Access page's person view shows it: every
// endpoint with the highest level over their roles there (the policy's effectiveGrant) and the
// roles that give it. Over HTTP as the demo personas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestServer, type TestServer } from '../../../test/harness.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';

const USER_ACCESS = `query ($userId: ID!, $companyId: ID!) { userAccess(userId: $userId, companyId: $companyId) {
  access endpoint { name } viaRoles { key } } }`;
const SET = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;

type Row = { access: string; endpoint: { name: string }; viaRoles: { key: string }[] };

let server: TestServer;
let ids: WorldIds;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  admin = await server.login('admin@demo.test');
});
afterAll(() => server?.close());

async function accessOf(user: string, company: string, token = admin) {
  const res = await server.gql<{ userAccess: Row[] }>(
    USER_ACCESS,
    { userId: ids.user[user], companyId: ids.company[company] },
    token,
  );
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(
    res.data!.userAccess.map((g) => [g.endpoint.name, `${g.access} via ${g.viaRoles.map((r) => r.key).join(',')}`]),
  );
}

describe('userAccess', () => {
  it('lists every endpoint of the company with the effective level and the roles behind it', async () => {
    expect(await accessOf('ceo', 'acme')).toEqual({
      'Finance API': 'READ via ceo',
      'GitHub API': 'NONE via ',
      'HR API': 'NONE via ',
      'Sales API': 'WRITE via ceo',
    });
    expect(await accessOf('cfo', 'acme')).toEqual({
      'Finance API': 'NONE via ',
      'GitHub API': 'NONE via ',
      'HR API': 'NONE via ',
      'Sales API': 'NONE via ',
    });
  });

  it('takes the highest level over several roles, and names every role that gives it', async () => {
    await server.gql(
      'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
      { u: ids.user.dev, c: ids.company.acme, r: ids.role.cto },
      admin,
    );
    const set = (access: string) =>
      server.gql(
        SET,
        { roleId: ids.role.cto, companyId: ids.company.acme, endpointId: ids.endpoint['acme/github-api'], access },
        admin,
      );
    await set('WRITE');
    expect((await accessOf('dev', 'acme'))['GitHub API']).toBe('WRITE via cto');
    await set('READ');
    expect((await accessOf('dev', 'acme'))['GitHub API']).toBe('READ via cto,developer');
  });

  it('a person without a role in the company has NONE everywhere there', async () => {
    // The platform admin sees everyone; cfo@ holds no role at Globex.
    const access = await accessOf('cfo', 'globex');
    expect(Object.keys(access)).toHaveLength(5);
    expect(Object.values(access).every((v) => v === 'NONE via ')).toBe(true);
  });

  it('a company admin sees the people of their company only; everything else is NOT_FOUND', async () => {
    const token = await server.login('companyadmin@demo.test');
    expect((await accessOf('ceo', 'globex', token))['HR API']).toBe('READ via ceo');
    expect(
      errorCode(await server.gql(USER_ACCESS, { userId: ids.user.cfo, companyId: ids.company.globex }, token)),
    ).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(USER_ACCESS, { userId: ids.user.ceo, companyId: ids.company.acme }, token))).toBe(
      'NOT_FOUND',
    );
  });

  it('a member without admin rights gets FORBIDDEN', async () => {
    const token = await server.login('dev@demo.test');
    expect(errorCode(await server.gql(USER_ACCESS, { userId: ids.user.dev, companyId: ids.company.acme }, token))).toBe(
      'FORBIDDEN',
    );
  });
});
