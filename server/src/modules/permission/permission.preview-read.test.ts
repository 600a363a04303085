// "Preview as" a role in the console: a read as someone holding only that role would make it,
// with the role's grant, credential and response field rules; reads only, company
// administrators only, audited with the administrator's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, onlyError, startTestServer, type TestServer } from '../../../test/harness.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';
import { demoCredential } from '../../sandbox/credentials.ts';

const PREVIEW = `query ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {
  previewReadOperation(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {
    status data cached } }`;

type Accounts = { accounts: Record<string, unknown>[] };

let server: TestServer;
let ids: WorldIds;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  admin = await server.login('admin@demo.test');
  // The developer gets READ on Acme's Finance API with a credential of their own: their field
  // rule (no bank, no account numbers) then shapes what they see.
  const finance = ids.endpoint['acme/finance-api'];
  const granted = await server.gql(
    `mutation ($r: ID!, $c: ID!, $e: ID!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: READ) { access } }`,
    { r: ids.role.developer, c: ids.company.acme, e: finance },
    admin,
  );
  expect(granted.errors).toBeUndefined();
  const { secret } = demoCredential(server.sandboxSecret, 'acme', 'finance', 'API_KEY', server.sandbox.url);
  const created = await server.gql(
    'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
    {
      input: {
        companyId: ids.company.acme,
        roleId: ids.role.developer,
        endpointId: finance,
        name: 'Finance – Developer',
        kind: 'API_KEY',
        secret,
      },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
});
afterAll(() => server?.close());

const preview = (role: string, operation: string, token = admin, endpoint = 'acme/finance-api') =>
  server.gql<{ previewReadOperation: { status: number; data: Accounts } }>(
    PREVIEW,
    { roleId: ids.role[role], companyId: ids.company.acme, endpointId: ids.endpoint[endpoint], operation },
    token,
  );

describe('previewReadOperation', () => {
  it("answers with each role's field rules applied", async () => {
    const asDeveloper = await preview('developer', 'getCashBalance');
    expect(asDeveloper.errors).toBeUndefined();
    expect(asDeveloper.data!.previewReadOperation.status).toBe(200);
    const developerAccounts = asDeveloper.data!.previewReadOperation.data.accounts;
    expect(developerAccounts.length).toBeGreaterThan(0);
    for (const account of developerAccounts) {
      expect(account).not.toHaveProperty('bank');
      expect(account).not.toHaveProperty('accountNumber');
    }
    const asCeo = await preview('ceo', 'getCashBalance');
    expect(asCeo.data!.previewReadOperation.data.accounts[0]).toHaveProperty('bank');
  });

  it("refuses what the role may not use, as the role's own call would be", async () => {
    // The CFO holds no grant at Acme.
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCode(await preview('cfo', 'getCashBalance')));
  });

  it('runs reads only: a write operation is refused before anything is sent', async () => {
    const before = await server.db.auditLog.count({ where: { action: 'upstream.write' } });
    const error = onlyError(await preview('ceo', 'createOpportunity', admin, 'acme/sales-api'));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/GET operations only/);
    expect(await server.db.auditLog.count({ where: { action: 'upstream.write' } })).toBe(before);
  });

  it('is audited and logged under the administrator who previewed', async () => {
    await preview('ceo', 'listPayments');
    const audited = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'preview.read', details: { path: ['operation'], equals: 'listPayments' } },
    });
    expect(audited).toMatchObject({ actorEmail: 'admin@demo.test', targetId: ids.endpoint['acme/finance-api'] });
    expect(audited.details).toMatchObject({ roleId: ids.role.ceo, roleKey: 'ceo' });
    await server.tessera.callLog.flush();
    const call = await server.db.upstreamCall.findFirstOrThrow({
      where: { operationKey: 'listPayments', source: 'preview' },
    });
    expect(call).toMatchObject({ userId: ids.user.admin, roleId: ids.role.ceo });
  });

  it('is for administrators of the company only', async () => {
    const ceo = await server.login('ceo@demo.test');
    expect(errorCode(await preview('ceo', 'getCashBalance', ceo))).toBe('FORBIDDEN');
    const globexAdmin = await server.login('companyadmin@demo.test');
    expect(errorCode(await preview('ceo', 'getCashBalance', globexAdmin))).toBe('NOT_FOUND');
  });
});
