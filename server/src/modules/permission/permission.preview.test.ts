// The "preview as" panel must show exactly what the assistant offers: for a person holding only
// the role, the tools of a real chat (the real `openai` package against a fake model server that
// records each request's `tools`) equal previewTools, name for name and description for
// description, before and after the Data Admin changes the role's access.
import { describe, expect } from 'vitest';
import { PERSONAS, assistantTest, fakeModelEnv } from '../../../test/fixture.ts';
import type { FakeOpenAI } from '../../../test/fake-openai.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const PREVIEW = `query ($roleId: ID!, $companyId: ID!) { previewTools(roleId: $roleId, companyId: $companyId) {
  name description method path operationKey writes endpoint { id slug name } } }`;
const CHAT = `mutation ($c: ID!, $m: String!) { chat(companyId: $c, message: $m) { message } }`;
const SET = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;

interface Preview {
  name: string;
  description: string;
  method: string;
  path: string;
  operationKey: string;
  writes: boolean;
  endpoint: { id: string; slug: string; name: string };
}

let people = 0;

const it = assistantTest.extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin));
it.override('serverEnv', { scope: 'file' }, fakeModelEnv);
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin }) => {
  void [admin];
});

/** A new person holding exactly `role` in `company` and nothing else, signed in. */
async function personHoldingOnly(
  server: TestServer,
  world: WorldIds,
  admin: string,
  role: string,
  company: string,
): Promise<string> {
  const email = `preview${++people}@demo.test`;
  const created = await server.gql<{ createUser: { id: string } }>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, name: `Preview ${people}`, password: 'tessera-demo' } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const granted = await server.gql(
    'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
    { u: created.data!.createUser.id, c: world.company[company], r: world.role[role] },
    admin,
  );
  expect(granted.errors).toBeUndefined();
  return server.login(email);
}

/** The tools the model was sent in a real chat, as name → description. */
async function offeredInChat(
  server: TestServer,
  world: WorldIds,
  fake: FakeOpenAI,
  token: string,
  company: string,
): Promise<Record<string, string>> {
  fake.queue({ content: 'ok' });
  const res = await server.gql(CHAT, { c: world.company[company], m: 'hello' }, token);
  expect(res.errors).toBeUndefined();
  const tools = (fake.requests.at(-1)!.body.tools ?? []) as { function: { name: string; description: string } }[];
  return Object.fromEntries(tools.map((t) => [t.function.name, t.function.description]));
}

async function preview(
  server: TestServer,
  world: WorldIds,
  admin: string,
  role: string,
  company: string,
  token = admin,
): Promise<Preview[]> {
  const res = await server.gql<{ previewTools: Preview[] }>(
    PREVIEW,
    { roleId: world.role[role], companyId: world.company[company] },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.previewTools;
}

const asMap = (tools: Preview[]) => Object.fromEntries(tools.map((t) => [t.name, t.description]));

describe('previewTools equals what the assistant offers', () => {
  it.for([
    ['ceo', 'acme'],
    ['ceo', 'globex'],
    ['developer', 'acme'],
    ['developer', 'globex'],
    ['cfo', 'acme'],
  ] as const)('%s at %s', async ([role, company], { server, world, admin, fake }) => {
    const token = await personHoldingOnly(server, world, admin, role, company);
    const tools = await preview(server, world, admin, role, company);
    expect(asMap(tools)).toEqual(await offeredInChat(server, world, fake, token, company));
    if (role === 'cfo') expect(tools).toEqual([]);
    else expect(tools.length).toBeGreaterThan(0);
  });

  it('follows a change of access at once, and marks writes as needing confirmation', async ({
    server,
    world,
    admin,
    fake,
  }) => {
    const token = await personHoldingOnly(server, world, admin, 'cfo', 'acme');
    const set = (access: string) =>
      server.gql(
        SET,
        {
          roleId: world.role.cfo,
          companyId: world.company.acme,
          endpointId: world.endpoint['acme/finance-api'],
          access,
        },
        admin,
      );

    expect((await set('READ')).errors).toBeUndefined();
    const read = await preview(server, world, admin, 'cfo', 'acme');
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((t) => t.endpoint.slug === 'finance-api' && t.method === 'GET' && !t.writes)).toBe(true);
    expect(read.every((t) => t.name === `finance-api__${t.operationKey}`)).toBe(true);
    expect(asMap(read)).toEqual(await offeredInChat(server, world, fake, token, 'acme'));

    expect((await set('WRITE')).errors).toBeUndefined();
    const write = await preview(server, world, admin, 'cfo', 'acme');
    const writes = write.filter((t) => t.writes);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((t) => t.method !== 'GET')).toBe(true);
    expect(write.length).toBeGreaterThan(read.length);
    expect(asMap(write)).toEqual(await offeredInChat(server, world, fake, token, 'acme'));

    expect((await set('NONE')).errors).toBeUndefined();
    expect(await preview(server, world, admin, 'cfo', 'acme')).toEqual([]);
  });

  it('is about the role alone: other roles of a real person do not leak into it', async ({ server, world, admin }) => {
    // dev@ holds Developer at Acme; give them CTO with WRITE on GitHub too.
    await server.gql(
      'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }',
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
    const developer = await preview(server, world, admin, 'developer', 'acme');
    expect(developer.some((t) => t.writes)).toBe(false);
    const cto = await preview(server, world, admin, 'cto', 'acme');
    expect(cto.some((t) => t.writes)).toBe(true);
  });
});

describe('who may ask', () => {
  it("a company admin previews roles in their own company, and another company's is NOT_FOUND", async ({
    server,
    world,
    admin,
  }) => {
    const token = await server.login(PERSONAS.companyAdmin);
    expect((await preview(server, world, admin, 'ceo', 'globex', token)).map((t) => t.endpoint.slug).sort()).toContain(
      'hr-api',
    );
    const res = await server.gql(PREVIEW, { roleId: world.role.ceo, companyId: world.company.acme }, token);
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('a member without admin rights gets FORBIDDEN; an unknown role NOT_FOUND', async ({ server, world, admin }) => {
    const dev = await server.login(PERSONAS.dev);
    expect(
      errorCode(await server.gql(PREVIEW, { roleId: world.role.developer, companyId: world.company.acme }, dev)),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await server.gql(
          PREVIEW,
          { roleId: '00000000-0000-4000-8000-000000000000', companyId: world.company.acme },
          admin,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
