// Credentials of every kind: stored sealed, shown as metadata only, renamed, replaced, deleted,
// tested against the sandbox APIs for real.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { errorCode, onlyError, type TestServer } from '../../../test/harness.ts';
import { demoCredential } from '../../sandbox/credentials.ts';

const CREATE = `mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id name kind hint status settings role { key } endpoint { slug } } }`;
const TEST = `mutation ($id: ID!) { testCredential(id: $id) { ok status durationMs message } }`;

const it = serverTest.extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin }) => {
  void [admin];
});

const sandboxSecret = (
  server: TestServer,
  kind: Parameters<typeof demoCredential>[3],
  company = 'globex',
  service = 'finance',
) => demoCredential(server.sandboxSecret, company, service, kind, server.sandbox.url).secret;

async function create(server: TestServer, admin: string, input: Record<string, unknown>) {
  return server.gql<{
    createCredential: { id: string; hint: string | null; status: string; settings: Record<string, unknown> };
  }>(CREATE, { input }, admin);
}

/** A demo endpoint whose declared auth takes each kind (demo/auth.ts), with its sandbox service. */
const FITTING = {
  API_KEY: { company: 'globex', endpoint: 'globex/finance-api', service: 'finance' },
  BEARER: { company: 'globex', endpoint: 'globex/hr-api', service: 'hr' },
  BASIC: { company: 'globex', endpoint: 'globex/operations-api', service: 'operations' },
  OAUTH2_CLIENT_CREDENTIALS: { company: 'acme', endpoint: 'acme/github-api', service: 'github' },
  // Not Acme's Sales API: refreshing there would rotate away the seeded CEO credential's token.
  OAUTH2_REFRESH_TOKEN: { company: 'globex', endpoint: 'globex/sales-api', service: 'hubspot' },
} as const;

describe('createCredential', () => {
  const kinds = ['API_KEY', 'BEARER', 'BASIC', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_REFRESH_TOKEN'] as const;

  it.for(kinds)(
    '%s: round trip through the vault, metadata only in the answer, and a working test',
    async (kind, { server, world, admin }) => {
      const fit = FITTING[kind];
      const secret = sandboxSecret(server, kind, fit.company, fit.service);
      const res = await create(server, admin, {
        companyId: world.company[fit.company],
        roleId: world.role.cfo,
        endpointId: world.endpoint[fit.endpoint],
        name: `${fit.service} ${kind}`,
        kind,
        secret,
      });
      expect(res.errors).toBeUndefined();
      const created = res.data!.createCredential;
      expect(created.status).toBe('untested');
      const row = await server.db.apiCredential.findUniqueOrThrow({ where: { id: created.id } });
      const opened = server.tessera.vault.openCredentialSecret<Record<string, unknown>>(row);
      for (const key of [
        'apiKey',
        'token',
        'username',
        'password',
        'clientId',
        'clientSecret',
        'refreshToken',
      ] as const) {
        if (!(key in secret)) continue;
        const value = String(secret[key]);
        expect(opened[key]).toBe(value);
        expect(row.ciphertext).not.toContain(value);
        expect(JSON.stringify(res)).not.toContain(value);
      }
      const tested = await server.gql<{ testCredential: { ok: boolean; status: number } }>(
        TEST,
        { id: created.id },
        admin,
      );
      expect(tested.data!.testCredential).toMatchObject({ ok: true, status: 200 });
      expect((await server.db.apiCredential.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('ok');
    },
  );

  it('shows at most the last 4 characters, and nothing of a short secret', async ({ server, world, admin }) => {
    const long = await create(server, admin, {
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/hr-api'],
      name: 'long',
      kind: 'BEARER',
      secret: { token: 'abcdefghijklmnop-WXYZ' },
    });
    expect(long.data!.createCredential.hint).toBe('WXYZ');
    const short = await create(server, admin, {
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/hr-api'],
      name: 'short',
      kind: 'BEARER',
      secret: { token: 'tiny-secret' },
    });
    expect(short.data!.createCredential.hint).toBeNull();
  });

  it('keeps names unique per role and company, company-wide ones included', async ({ server, world, admin }) => {
    const input = {
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/hr-api'],
      name: 'shared hr',
      kind: 'BEARER',
      secret: { token: 'first-token-value' },
    };
    expect((await create(server, admin, input)).errors).toBeUndefined();
    expect(errorCode(await create(server, admin, { ...input, secret: { token: 'second-token-value' } }))).toBe(
      'CONFLICT',
    );
    expect((await create(server, admin, { ...input, roleId: world.role.hr_manager })).errors).toBeUndefined();
  });

  it.for([
    ['an unknown kind field', 'BEARER', { token: 'x', extra: 1 }],
    ['a missing secret field', 'BASIC', { username: 'u' }],
    ['a username with a colon', 'BASIC', { username: 'a:b', password: 'p' }],
    ['both header and query', 'API_KEY', { apiKey: 'k', headerName: 'X-Key', queryParam: 'key' }],
    [
      'a token URL that is not http(s)',
      'OAUTH2_CLIENT_CREDENTIALS',
      { clientId: 'c', clientSecret: 's', tokenUrl: 'ftp://x' },
    ],
    [
      'an expiry that is not a date',
      'OAUTH2_REFRESH_TOKEN',
      { refreshToken: 'r', tokenUrl: 'https://x.test/t', clientId: 'c', expiresAt: 'tomorrow' },
    ],
    ['a secret that is not an object', 'BEARER', 'just-a-string'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async ([_name, kind, secret], { server, world, admin }) => {
    const before = await server.db.apiCredential.count();
    const fit = FITTING[kind as keyof typeof FITTING];
    const error = onlyError(
      await create(server, admin, {
        companyId: world.company[fit.company],
        endpointId: world.endpoint[fit.endpoint],
        name: 'bad',
        kind,
        secret,
      }),
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^secret/);
    expect(await server.db.apiCredential.count()).toBe(before);
  });

  it("refuses another company's endpoint with NOT_FOUND", async ({ server, world, admin }) => {
    const res = await create(server, admin, {
      companyId: world.company.acme,
      endpointId: world.endpoint['globex/hr-api'],
      name: 'cross',
      kind: 'BEARER',
      secret: { token: 'cross-company-token' },
    });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});

describe('update, rotate, delete', () => {
  it('renames, replaces the secret (status back to untested), and deletes, each audited', async ({
    server,
    world,
    admin,
  }) => {
    const created = await create(server, admin, {
      companyId: world.company.acme,
      endpointId: world.endpoint['acme/hr-api'],
      name: 'to change',
      kind: 'BEARER',
      secret: { token: 'wrong-token-value-1' },
    });
    const id = created.data!.createCredential.id;
    const failing = await server.gql<{ testCredential: { ok: boolean; status: number; message: string } }>(
      TEST,
      { id },
      admin,
    );
    expect(failing.data!.testCredential).toMatchObject({ ok: false, status: 401 });
    expect(failing.data!.testCredential.message).toMatch(/refused this credential/);
    expect((await server.db.apiCredential.findUniqueOrThrow({ where: { id } })).status).toBe('failing');

    const renamed = await server.gql<{ updateCredential: { name: string } }>(
      `mutation ($id: ID!) { updateCredential(id: $id, input: { name: "changed" }) { name } }`,
      { id },
      admin,
    );
    expect(renamed.data!.updateCredential.name).toBe('changed');
    const rotated = await server.gql<{ rotateCredential: { status: string } }>(
      `mutation ($id: ID!, $s: JSON!) { rotateCredential(id: $id, secret: $s) { status } }`,
      { id, s: sandboxSecret(server, 'BEARER', 'acme', 'hr') },
      admin,
    );
    expect(rotated.data!.rotateCredential.status).toBe('untested');
    expect((await server.gql<{ testCredential: { ok: boolean } }>(TEST, { id }, admin)).data!.testCredential.ok).toBe(
      true,
    );
    expect((await server.gql(`mutation ($id: ID!) { deleteCredential(id: $id) }`, { id }, admin)).data).toEqual({
      deleteCredential: true,
    });
    const actions = (await server.db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      'credential.create',
      'credential.test',
      'credential.update',
      'credential.rotate',
      'credential.test',
      'credential.delete',
    ]);
  });

  it('reports an API outage as a failed test with the status, and an unreachable API plainly', async ({
    server,
    world,
    admin,
  }) => {
    const credential = await server.db.apiCredential.findFirstOrThrow({
      where: { endpointId: world.endpoint['acme/finance-api'] },
    });
    server.sandbox.knobs.failNext(1, 503);
    const res = await server.gql<{ testCredential: { ok: boolean; status: number } }>(
      TEST,
      { id: credential.id },
      admin,
    );
    expect(res.data!.testCredential).toMatchObject({ ok: false, status: 503 });
  });
});

describe('the seeded demo credentials', () => {
  it('exist for every demo grant, span every kind, and all test ok', async ({ server, admin }) => {
    const rows = await server.db.apiCredential.findMany({ where: { name: { contains: '–' } } });
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['API_KEY', 'BEARER', 'BASIC', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_REFRESH_TOKEN']),
    );
    for (const row of rows) {
      const res = await server.gql<{ testCredential: { ok: boolean; message: string } }>(TEST, { id: row.id }, admin);
      expect(res.data!.testCredential, row.name).toMatchObject({ ok: true });
    }
  });
});
