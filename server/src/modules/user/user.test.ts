// One user, for the People page: administrators see the people of the companies they
// administer (a platform admin: everyone); anyone else is NOT_FOUND, as if they did not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestServer, type TestServer } from '../../../test/harness.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';

const USER = `query ($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }`;

type User = { id: string; email: string; memberships: { company: { slug: string }; role: { key: string } }[] };

let server: TestServer;
let ids: WorldIds;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
});
afterAll(() => server?.close());

const roles = (u: User) => u.memberships.map((m) => `${m.company.slug}:${m.role.key}`).sort();

describe('user(id)', () => {
  it('a platform admin sees anyone, with every membership', async () => {
    const admin = await server.login('admin@demo.test');
    const res = await server.gql<{ user: User }>(USER, { id: ids.user.ceo }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.user.email).toBe('ceo@demo.test');
    expect(roles(res.data!.user)).toEqual(['acme:ceo', 'globex:ceo']);
  });

  it("a company admin sees their company's people, with only that company's memberships", async () => {
    const token = await server.login('companyadmin@demo.test');
    const res = await server.gql<{ user: User }>(USER, { id: ids.user.ceo }, token);
    expect(res.errors).toBeUndefined();
    expect(roles(res.data!.user)).toEqual(['globex:ceo']);
  });

  it('someone outside the companies one administers, or nobody at all, is NOT_FOUND', async () => {
    const token = await server.login('companyadmin@demo.test');
    const outside = await server.gql<{ user: User | null }>(USER, { id: ids.user.cfo }, token);
    expect(errorCode(outside)).toBe('NOT_FOUND');
    expect(outside.data?.user ?? null).toBeNull();
    const admin = await server.login('admin@demo.test');
    expect(errorCode(await server.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(USER, { id: 'abc' }, admin))).toBe('NOT_FOUND');
  });

  it('a member without admin rights gets FORBIDDEN, even about themselves', async () => {
    const token = await server.login('dev@demo.test');
    expect(errorCode(await server.gql(USER, { id: ids.user.dev }, token))).toBe('FORBIDDEN');
  });

  it('users still lists the same people that user(id) answers for', async () => {
    const token = await server.login('companyadmin@demo.test');
    const list = await server.gql<{ users: { id: string }[] }>('{ users { id } }', {}, token);
    for (const { id } of list.data!.users) {
      const one = await server.gql<{ user: User }>(USER, { id }, token);
      expect(one.errors).toBeUndefined();
      expect(one.data!.user.id).toBe(id);
    }
    expect(list.data!.users.map((u) => u.id)).not.toContain(ids.user.cfo);
  });
});

describe('createUser (unchanged behaviour)', () => {
  it('a platform admin creates a person who can sign in; a duplicate email is CONFLICT; a short password BAD_USER_INPUT', async () => {
    const admin = await server.login('admin@demo.test');
    const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }';
    const res = await server.gql<{ createUser: { email: string; isPlatformAdmin: boolean } }>(CREATE, { input: { email: 'new@demo.test', name: 'New Person', password: 'a-long-password' } }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser).toMatchObject({ email: 'new@demo.test', isPlatformAdmin: false });
    await expect(server.login('new@demo.test', 'a-long-password')).resolves.toBeTruthy();
    expect(errorCode(await server.gql(CREATE, { input: { email: 'new@demo.test', name: 'Again', password: 'a-long-password' } }, admin))).toBe('CONFLICT');
    expect(errorCode(await server.gql(CREATE, { input: { email: 'short@demo.test', name: 'Short', password: 'short' } }, admin))).toBe('BAD_USER_INPUT');
  });
});
