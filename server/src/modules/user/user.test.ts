// One user, for the People page: administrators see the people of the companies they
// administer (a platform admin: everyone); anyone else is NOT_FOUND, as if they did not exist.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../../test/fixture.ts';
import { graphql } from '../../../test/gql/gql.ts';
import type { PersonByIdQuery } from '../../../test/gql/graphql.ts';
import { errorCode } from '../../../test/harness.ts';

const USER = graphql(
  `query PersonById($id: ID!) { user(id: $id) { id email name isPlatformAdmin memberships { company { slug } role { key } } } }`,
);
const USER_IDS = graphql(`query PeopleIds { users { id } }`);
const CREATE = graphql(
  `mutation CreatePerson($input: CreateUserInput!) { createUser(input: $input) { id email isPlatformAdmin } }`,
);

type User = PersonByIdQuery['user'];

const roles = (u: User) => u.memberships.map((m) => `${m.company.slug}:${m.role.key}`).sort();

describe('user(id)', () => {
  it('a platform admin sees anyone, with every membership', async ({ world, as }) => {
    const admin = await as('admin');
    const res = await admin.gql(USER, { id: world.user.ceo! });
    expect(res.errors).toBeUndefined();
    expect(res.data!.user.email).toBe(PERSONAS.ceo);
    expect(roles(res.data!.user)).toEqual(['acme:ceo', 'globex:ceo']);
  });

  it("a company admin sees their company's people, with only that company's memberships", async ({ world, as }) => {
    const companyAdmin = await as('companyAdmin');
    const res = await companyAdmin.gql(USER, { id: world.user.ceo! });
    expect(res.errors).toBeUndefined();
    expect(roles(res.data!.user)).toEqual(['globex:ceo']);
  });

  it('someone outside the companies one administers, or nobody at all, is NOT_FOUND', async ({ world, as }) => {
    const companyAdmin = await as('companyAdmin');
    const outside = await companyAdmin.gql(USER, { id: world.user.cfo! });
    expect(errorCode(outside)).toBe('NOT_FOUND');
    expect(outside.data?.user ?? null).toBeNull();
    const admin = await as('admin');
    expect(errorCode(await admin.gql(USER, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.gql(USER, { id: 'abc' }))).toBe('NOT_FOUND');
  });

  it('a member without admin rights gets FORBIDDEN, even about themselves', async ({ world, as }) => {
    const dev = await as('dev');
    expect(errorCode(await dev.gql(USER, { id: world.user.dev! }))).toBe('FORBIDDEN');
  });

  it('users still lists the same people that user(id) answers for', async ({ world, as }) => {
    const companyAdmin = await as('companyAdmin');
    const list = await companyAdmin.gql(USER_IDS);
    for (const { id } of list.data!.users) {
      const one = await companyAdmin.gql(USER, { id });
      expect(one.errors).toBeUndefined();
      expect(one.data!.user.id).toBe(id);
    }
    expect(list.data!.users.map((u) => u.id)).not.toContain(world.user.cfo);
  });
});

describe('createUser (unchanged behaviour)', () => {
  it('a platform admin creates a person who can sign in; a duplicate email is CONFLICT; a short password BAD_USER_INPUT', async ({
    server,
    as,
  }) => {
    const admin = await as('admin');
    const res = await admin.gql(CREATE, {
      input: { email: 'new@demo.test', name: 'New Person', password: 'a-long-password' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser).toMatchObject({ email: 'new@demo.test', isPlatformAdmin: false });
    await expect(server.login('new@demo.test', 'a-long-password')).resolves.toBeTruthy();
    expect(
      errorCode(
        await admin.gql(CREATE, { input: { email: 'new@demo.test', name: 'Again', password: 'a-long-password' } }),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(await admin.gql(CREATE, { input: { email: 'short@demo.test', name: 'Short', password: 'short' } })),
    ).toBe('BAD_USER_INPUT');
  });
});
