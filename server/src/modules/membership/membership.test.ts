// Who may give whom a role (issue 16.11). A company admin may grant only to people who already
// hold a role in that company: anyone else answers NOT_FOUND, exactly like an unknown id, changes
// nothing and reveals nothing (no name or email). A platform admin may grant to anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestServer, type TestServer } from '../../../test/harness.ts';
import { snapshot, worldIds, type WorldIds } from '../../../test/world.ts';

const GRANT = 'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { company { slug } role { key } } }';
const USERS = '{ users { id email } }';

let server: TestServer;
let ids: WorldIds;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
});
afterAll(() => server?.close());

const membershipsOf = (userId: string) => server.db.userCompanyAccess.count({ where: { userId } });

describe('grantCompanyAccess by a company admin', () => {
  it('refuses someone outside the company as NOT_FOUND, changes nothing, and names nobody', async () => {
    const token = await server.login('companyadmin@demo.test');
    const before = await snapshot(server.db);
    // cfo@demo.test holds a role at Acme only; the company admin administers Globex only.
    const res = await server.gql(GRANT, { u: ids.user.cfo, c: ids.company.globex, r: ids.role.cfo }, token);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(JSON.stringify(res)).not.toMatch(/cfo@demo\.test|Frankie/i);
    const after = await snapshot(server.db);
    expect(after.user_company_access).toEqual(before.user_company_access);
    expect(after.audit_logs).toEqual(before.audit_logs);
    // ... and the person did not become visible through the list either.
    const list = await server.gql<{ users: { id: string }[] }>(USERS, {}, token);
    expect(list.data!.users.map((u) => u.id)).not.toContain(ids.user.cfo);
  });

  it('answers an unknown user id and a stranger the same way', async () => {
    const token = await server.login('companyadmin@demo.test');
    const stranger = await server.gql(GRANT, { u: ids.user.cfo, c: ids.company.globex, r: ids.role.cfo }, token);
    const nobody = await server.gql(GRANT, { u: '00000000-0000-4000-8000-000000000000', c: ids.company.globex, r: ids.role.cfo }, token);
    expect(errorCode(nobody)).toBe('NOT_FOUND');
    expect(stranger.errors![0]!.message).toBe(nobody.errors![0]!.message);
  });

  it('gives another role to someone already in the company', async () => {
    const token = await server.login('companyadmin@demo.test');
    const before = await membershipsOf(ids.user.dev!);
    const res = await server.gql(GRANT, { u: ids.user.dev, c: ids.company.globex, r: ids.role.cto }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ grantCompanyAccess: { company: { slug: 'globex' }, role: { key: 'cto' } } });
    expect(await membershipsOf(ids.user.dev!)).toBe(before + 1);
  });
});

describe('grantCompanyAccess by a platform admin', () => {
  it('may bring anyone into any company', async () => {
    const admin = await server.login('admin@demo.test');
    const res = await server.gql(GRANT, { u: ids.user.cfo, c: ids.company.globex, r: ids.role.cfo }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ grantCompanyAccess: { company: { slug: 'globex' }, role: { key: 'cfo' } } });
  });
});
