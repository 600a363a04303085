// Who may give whom a role (issue 16.11). A company admin may grant only to people who already
// hold a role in that company: anyone else answers NOT_FOUND, exactly like an unknown id, changes
// nothing and reveals nothing (no name or email). A platform admin may grant to anyone.
import { describe, expect } from 'vitest';
import { serverTest as it } from '../../../test/fixture.ts';
import { graphql } from '../../../test/gql/gql.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import { snapshot } from '../../../test/world.ts';

const GRANT = graphql(
  `mutation GrantRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }`,
);
const USERS = graphql(`query PeopleIdsAndEmails { users { id email } }`);

const membershipsOf = (server: TestServer, userId: string) => server.db.userCompanyAccess.count({ where: { userId } });

describe('grantCompanyAccess by a company admin', () => {
  it('refuses someone outside the company as NOT_FOUND, changes nothing, and names nobody', async ({
    server,
    world,
    as,
  }) => {
    const companyAdmin = await as('companyAdmin');
    const before = await snapshot(server.db);
    // cfo@demo.test holds a role at Acme only; the company admin administers Globex only.
    const res = await companyAdmin.gql(GRANT, { u: world.user.cfo!, c: world.company.globex!, r: world.role.cfo! });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(JSON.stringify(res)).not.toMatch(/cfo@demo\.test|Frankie/i);
    const after = await snapshot(server.db);
    expect(after.user_company_access).toEqual(before.user_company_access);
    expect(after.audit_logs).toEqual(before.audit_logs);
    // ... and the person did not become visible through the list either.
    const list = await companyAdmin.gql(USERS);
    expect(list.data!.users.map((u) => u.id)).not.toContain(world.user.cfo);
  });

  it('answers an unknown user id and a stranger the same way', async ({ world, as }) => {
    const companyAdmin = await as('companyAdmin');
    const stranger = await companyAdmin.gql(GRANT, {
      u: world.user.cfo!,
      c: world.company.globex!,
      r: world.role.cfo!,
    });
    const nobody = await companyAdmin.gql(GRANT, {
      u: '00000000-0000-4000-8000-000000000000',
      c: world.company.globex!,
      r: world.role.cfo!,
    });
    expect(errorCode(nobody)).toBe('NOT_FOUND');
    expect(stranger.errors![0]!.message).toBe(nobody.errors![0]!.message);
  });

  it('gives another role to someone already in the company', async ({ server, world, as }) => {
    const companyAdmin = await as('companyAdmin');
    const before = await membershipsOf(server, world.user.dev!);
    const res = await companyAdmin.gql(GRANT, { u: world.user.dev!, c: world.company.globex!, r: world.role.cto! });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ grantCompanyAccess: { company: { slug: 'globex' }, role: { key: 'cto' } } });
    expect(await membershipsOf(server, world.user.dev!)).toBe(before + 1);
  });
});

describe('grantCompanyAccess by a platform admin', () => {
  it('may bring anyone into any company', async ({ world, as }) => {
    const admin = await as('admin');
    const res = await admin.gql(GRANT, { u: world.user.cfo!, c: world.company.globex!, r: world.role.cfo! });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ grantCompanyAccess: { company: { slug: 'globex' }, role: { key: 'cfo' } } });
  });
});
