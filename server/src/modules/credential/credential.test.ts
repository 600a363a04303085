// Credential metadata: admins list a company's credentials; a person sees the ones their roles
// may use there (bound to one of their roles, or company-wide, on an endpoint they may use).
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest as it } from '../../../test/fixture.ts';
import { errorCode } from '../../../test/harness.ts';

const FIELDS = 'name kind hint status role { key } endpoint { slug } company { slug }';

// The credentials this file works with, instead of the demo ones.
it.beforeAll(async ({ server, world }) => {
  const acme = world.company.acme!;
  await server.db.apiCredential.deleteMany();
  const rows = [
    {
      name: 'ceo-sales',
      roleId: world.role.ceo,
      endpointId: world.endpoint['acme/sales-api'],
      kind: 'OAUTH2_REFRESH_TOKEN' as const,
    },
    { name: 'shared-finance', roleId: null, endpointId: world.endpoint['acme/finance-api'], kind: 'API_KEY' as const },
    {
      name: 'cfo-finance',
      roleId: world.role.cfo,
      endpointId: world.endpoint['acme/finance-api'],
      kind: 'BASIC' as const,
    },
    { name: 'shared-hr', roleId: null, endpointId: world.endpoint['acme/hr-api'], kind: 'BEARER' as const },
  ];
  for (const row of rows) {
    await server.db.apiCredential.create({
      data: {
        ...row,
        companyId: acme,
        endpointId: row.endpointId!,
        ciphertext: 'v1:never-returned',
        keyId: 'k1',
        hint: 'ab12',
      },
    });
  }
});

describe('credentials', () => {
  it('lists every credential of the company to its administrators, metadata only', async ({ server, world }) => {
    const res = await server.gql<{ credentials: { name: string; role: { key: string } | null }[] }>(
      `query ($c: ID!) { credentials(companyId: $c) { ${FIELDS} updatedAt } }`,
      { c: world.company.acme },
      await server.login(PERSONAS.admin),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.credentials.map((c) => c.name).sort()).toEqual([
      'ceo-sales',
      'cfo-finance',
      'shared-finance',
      'shared-hr',
    ]);
    expect(JSON.stringify(res)).not.toContain('never-returned');
    expect(res.data!.credentials.find((c) => c.name === 'shared-hr')!.role).toBeNull();
  });

  it("shows a person the credentials their roles may use: the CEO's own and the company-wide one of an endpoint they use", async ({
    server,
    world,
  }) => {
    const res = await server.gql<{ myCredentials: { name: string }[] }>(
      `query ($c: ID!) { myCredentials(companyId: $c) { ${FIELDS} } }`,
      { c: world.company.acme },
      await server.login(PERSONAS.ceo),
    );
    expect(res.data!.myCredentials.map((c) => c.name).sort()).toEqual(['ceo-sales', 'shared-finance']);
  });

  it('shows nothing to a role without grants, and NOT_FOUND outside the company', async ({ server, world }) => {
    const cfo = await server.login(PERSONAS.cfo);
    const mine = await server.gql<{ myCredentials: unknown[] }>(
      `query ($c: ID!) { myCredentials(companyId: $c) { name } }`,
      { c: world.company.acme },
      cfo,
    );
    expect(mine.data!.myCredentials).toEqual([]);
    expect(
      errorCode(
        await server.gql(`query ($c: ID!) { myCredentials(companyId: $c) { name } }`, { c: world.company.globex }, cfo),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses the full list to a member without admin rights', async ({ server, world }) => {
    const res = await server.gql(
      `query ($c: ID!) { credentials(companyId: $c) { name } }`,
      { c: world.company.acme },
      await server.login(PERSONAS.ceo),
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
