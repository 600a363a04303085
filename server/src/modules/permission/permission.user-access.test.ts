// A person's effective access in a company, as the Access page's person view shows it: every
// endpoint with the highest level over their roles there (the policy's effectiveGrant) and the
// roles that give it. Over HTTP as the demo personas.
import { describe, expect } from 'vitest';
import { serverTest as it, type SignedInClient } from '../../../test/fixture.ts';
import { errorCode } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const USER_ACCESS = `query ($userId: ID!, $companyId: ID!) { userAccess(userId: $userId, companyId: $companyId) {
  access endpoint { name } viaRoles { key } } }`;
const SET = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;

type Row = { access: string; endpoint: { name: string }; viaRoles: { key: string }[] };

/** `user`'s access in `company`, as `client` (the platform admin unless the test says). */
async function accessOf(world: WorldIds, client: SignedInClient, user: string, company: string) {
  const res = await client.gql<{ userAccess: Row[] }>(USER_ACCESS, {
    userId: world.user[user],
    companyId: world.company[company],
  });
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(
    res.data!.userAccess.map((g) => [g.endpoint.name, `${g.access} via ${g.viaRoles.map((r) => r.key).join(',')}`]),
  );
}

describe('userAccess', () => {
  it('lists every endpoint of the company with the effective level and the roles behind it', async ({ world, as }) => {
    const admin = await as('admin');
    expect(await accessOf(world, admin, 'ceo', 'acme')).toEqual({
      'Finance API': 'READ via ceo',
      'GitHub API': 'NONE via ',
      'HR API': 'NONE via ',
      'Sales API': 'WRITE via ceo',
    });
    expect(await accessOf(world, admin, 'cfo', 'acme')).toEqual({
      'Finance API': 'NONE via ',
      'GitHub API': 'NONE via ',
      'HR API': 'NONE via ',
      'Sales API': 'NONE via ',
    });
  });

  it('takes the highest level over several roles, and names every role that gives it', async ({ world, as }) => {
    const admin = await as('admin');
    await admin.gql(
      'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
      { u: world.user.dev, c: world.company.acme, r: world.role.cto },
    );
    const set = (access: string) =>
      admin.gql(SET, {
        roleId: world.role.cto,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/github-api'],
        access,
      });
    await set('WRITE');
    expect((await accessOf(world, admin, 'dev', 'acme'))['GitHub API']).toBe('WRITE via cto');
    await set('READ');
    expect((await accessOf(world, admin, 'dev', 'acme'))['GitHub API']).toBe('READ via cto,developer');
  });

  it('a person without a role in the company has NONE everywhere there', async ({ world, as }) => {
    // The platform admin sees everyone; the CFO holds no role at Globex.
    const access = await accessOf(world, await as('admin'), 'cfo', 'globex');
    expect(Object.keys(access)).toHaveLength(5);
    expect(Object.values(access).every((v) => v === 'NONE via ')).toBe(true);
  });

  it('a company admin sees the people of their company only; everything else is NOT_FOUND', async ({ world, as }) => {
    const companyAdmin = await as('companyAdmin');
    expect((await accessOf(world, companyAdmin, 'ceo', 'globex'))['HR API']).toBe('READ via ceo');
    expect(
      errorCode(await companyAdmin.gql(USER_ACCESS, { userId: world.user.cfo, companyId: world.company.globex })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await companyAdmin.gql(USER_ACCESS, { userId: world.user.ceo, companyId: world.company.acme })),
    ).toBe('NOT_FOUND');
  });

  it('a member without admin rights gets FORBIDDEN', async ({ world, as }) => {
    const dev = await as('dev');
    expect(errorCode(await dev.gql(USER_ACCESS, { userId: world.user.dev, companyId: world.company.acme }))).toBe(
      'FORBIDDEN',
    );
  });
});
