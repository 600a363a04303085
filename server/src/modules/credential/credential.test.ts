// Credential metadata: admins list a company's credentials; a person sees the ones their roles
// may use there (bound to one of their roles, or company-wide, on an endpoint they may use).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestServer, type TestServer } from '../../../test/harness.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';

let server: TestServer;
let ids: WorldIds;

const FIELDS = 'name kind hint status role { key } endpoint { slug } company { slug }';

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  const acme = ids.company.acme!;
  await server.db.apiCredential.deleteMany(); // the demo credentials; this file sets up its own
  const rows = [
    {
      name: 'ceo-sales',
      roleId: ids.role.ceo,
      endpointId: ids.endpoint['acme/sales-api'],
      kind: 'OAUTH2_REFRESH_TOKEN' as const,
    },
    { name: 'shared-finance', roleId: null, endpointId: ids.endpoint['acme/finance-api'], kind: 'API_KEY' as const },
    { name: 'cfo-finance', roleId: ids.role.cfo, endpointId: ids.endpoint['acme/finance-api'], kind: 'BASIC' as const },
    { name: 'shared-hr', roleId: null, endpointId: ids.endpoint['acme/hr-api'], kind: 'BEARER' as const },
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
afterAll(() => server?.close());

describe('credentials', () => {
  it('lists every credential of the company to its administrators, metadata only', async () => {
    const res = await server.gql<{ credentials: { name: string; role: { key: string } | null }[] }>(
      `query ($c: ID!) { credentials(companyId: $c) { ${FIELDS} updatedAt } }`,
      { c: ids.company.acme },
      await server.login('admin@demo.test'),
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

  it("shows a person the credentials their roles may use: the CEO's own and the company-wide one of an endpoint they use", async () => {
    const res = await server.gql<{ myCredentials: { name: string }[] }>(
      `query ($c: ID!) { myCredentials(companyId: $c) { ${FIELDS} } }`,
      { c: ids.company.acme },
      await server.login('ceo@demo.test'),
    );
    expect(res.data!.myCredentials.map((c) => c.name).sort()).toEqual(['ceo-sales', 'shared-finance']);
  });

  it('shows nothing to a role without grants, and NOT_FOUND outside the company', async () => {
    const cfo = await server.login('cfo@demo.test');
    const mine = await server.gql<{ myCredentials: unknown[] }>(
      `query ($c: ID!) { myCredentials(companyId: $c) { name } }`,
      { c: ids.company.acme },
      cfo,
    );
    expect(mine.data!.myCredentials).toEqual([]);
    expect(
      errorCode(
        await server.gql(`query ($c: ID!) { myCredentials(companyId: $c) { name } }`, { c: ids.company.globex }, cfo),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses the full list to a member without admin rights', async () => {
    const res = await server.gql(
      `query ($c: ID!) { credentials(companyId: $c) { name } }`,
      { c: ids.company.acme },
      await server.login('ceo@demo.test'),
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
