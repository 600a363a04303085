// A credential belongs to the origin it was entered for (docs/decisions/0019-credential-origin.md).
// The attack: a company admin points an endpoint at a host of their own and presses Test, or a
// reader calls it, and the "write-only" secret arrives there. Here the attacker is a second HTTP
// server on 127.0.0.1 (allowlisted, so only the origin check stands between it and the secret).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCipheriv, randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { onlyError, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { DEMO_COMPANIES } from '../../demo/world.ts';
import { callWithCredential, CredentialOriginError } from '../../gateway/credential-call.ts';
import { bindCredentialOrigins } from '../../vault/credential-origins.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import { pickTestOperation } from './credential.tester.ts';

const UPDATE_ENDPOINT = `mutation ($id: ID!, $url: String!) { updateEndpoint(id: $id, input: { baseUrl: $url }) { baseUrl } }`;
const TEST = `mutation ($id: ID!) { testCredential(id: $id) { ok status message } }`;
const CONFIRM = `mutation ($id: ID!, $origin: String!) { confirmCredentialOrigin(id: $id, origin: $origin) { status statusReason origin } }`;
const ROTATE = `mutation ($id: ID!, $s: JSON!) { rotateCredential(id: $id, secret: $s) { status statusReason origin } }`;
const CREDENTIALS = `query ($c: ID!) { credentials(companyId: $c) { id status statusReason origin } }`;
const READ = `query ($c: ID!, $e: ID!, $o: String!) { readOperation(companyId: $c, endpointId: $e, operation: $o) { status } }`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the attacker's server was sent (emptied before each test). */
const seen: Seen[] = [];

const it = serverTest
  // An origin the endpoints are moved to: answers everything with 200 (a token to token requests),
  // and remembers what it was sent.
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('attackerOrigin', { scope: 'file' }, async ({}, { onCleanup }) => {
    const attacker: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ access_token: 'attacker-token', expires_in: 3600, items: [] }));
      });
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', () => resolve()));
    onCleanup(() => void attacker.close());
    return `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  })
  .extend('sandboxOrigin', { scope: 'file' }, ({ server }) => new URL(server.sandbox.url).origin)
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))
  .extend('companyAdmin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.companyAdmin))
  .extend('ceo', { scope: 'file' }, ({ server }) => server.login(PERSONAS.ceo))
  .extend('dev', { scope: 'file' }, ({ server }) => server.login(PERSONAS.dev));
// The server may call the attacker's origin (the allow-list is not what stops it).
it.override('serverEnv', { scope: 'file' }, ({ attackerOrigin }) => ({
  UPSTREAM_ALLOW_HOSTS: new URL(attackerOrigin).host,
}));
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ admin, companyAdmin, ceo, dev }) => {
  void [admin, companyAdmin, ceo, dev];
});
it.beforeEach(() => {
  seen.length = 0;
});

const endpointId = (world: WorldIds, key: string) => world.endpoint[key]!;
const credentialOf = (server: TestServer, world: WorldIds, key: string) =>
  server.db.apiCredential.findFirstOrThrow({ where: { endpointId: endpointId(world, key) } });
const testOperation = (company: string, slug: string) =>
  pickTestOperation(
    DEMO_COMPANIES.find((c) => c.slug === company)!.endpoints.find((e) => e.slug === slug)!.template.operations,
    null,
  )!.key;
const read = (server: TestServer, world: WorldIds, token: string, company: string, slug: string) =>
  server.gql<{ readOperation: { status: number } }>(
    READ,
    { c: world.company[company], e: endpointId(world, `${company}/${slug}`), o: testOperation(company, slug) },
    token,
  );
const moveEndpoint = async (
  server: TestServer,
  world: WorldIds,
  admin: string,
  key: string,
  url: string,
  token = admin,
) => {
  const res = await server.gql(UPDATE_ENDPOINT, { id: endpointId(world, key), url }, token);
  expect(res.errors).toBeUndefined();
};
const testCredential = async (server: TestServer, admin: string, id: string, token = admin) =>
  (await server.gql<{ testCredential: { ok: boolean; status: number | null; message: string } }>(TEST, { id }, token))
    .data!.testCredential;
const listed = async (server: TestServer, world: WorldIds, admin: string, company: string, id: string, token = admin) =>
  (
    await server.gql<{
      credentials: { id: string; status: string; statusReason: string | null; origin: string | null }[];
    }>(CREDENTIALS, { c: world.company[company] }, token)
  ).data!.credentials.find((c) => c.id === id)!;
const audits = (server: TestServer, action: string, targetId: string) =>
  server.db.auditLog.findMany({ where: { action, targetId }, orderBy: { id: 'asc' } });

describe('an endpoint moved to another origin', () => {
  it('sends its credential nowhere (Test and readOperation), shows needs_reconnect / origin_changed, and audits the move once', async ({
    server,
    world,
    admin,
    companyAdmin,
    ceo,
    attackerOrigin,
    sandboxOrigin,
  }) => {
    const key = 'globex/hr-api';
    const credential = await credentialOf(server, world, key);
    expect(credential.origin).toBe(sandboxOrigin);
    const token = server.tessera.vault.openCredentialSecret<{ token: string }>(credential).token;

    // The company admin of Globex points the HR API at a host of their own, then presses Test.
    await moveEndpoint(server, world, admin, key, `${attackerOrigin}/globex/hr`, companyAdmin);
    const tested = await testCredential(server, admin, credential.id, companyAdmin);
    expect(tested).toMatchObject({ ok: false, status: null });
    expect(tested.message).toContain(`entered for ${sandboxOrigin}`);
    expect(tested.message).toContain(attackerOrigin);
    const error = onlyError(await read(server, world, ceo, 'globex', 'hr-api'));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'CREDENTIAL_ORIGIN_CHANGED' });
    // Nothing reached the attacker: no request at all, so neither the token.
    expect(seen).toEqual([]);
    expect(JSON.stringify([tested, error])).not.toContain(token);

    expect(await listed(server, world, admin, 'globex', credential.id, companyAdmin)).toEqual({
      id: credential.id,
      status: 'needs_reconnect',
      statusReason: 'origin_changed',
      origin: sandboxOrigin,
    });
    const [move] = await audits(server, 'endpoint.origin_change', endpointId(world, key));
    expect(move!.details).toMatchObject({
      from: sandboxOrigin,
      to: attackerOrigin,
      credentialsSuspended: 1,
      credentialsRestored: 0,
    });
    // The refused calls add no audit rows of their own: the state was already shown.
    expect(await audits(server, 'credential.suspend', credential.id)).toEqual([]);
  });

  it('confirmCredentialOrigin needs the origin the admin was shown, re-seals for it, and only then sends the secret there', async ({
    server,
    world,
    admin,
    companyAdmin,
    attackerOrigin,
    sandboxOrigin,
  }) => {
    const key = 'globex/hr-api';
    const credential = await credentialOf(server, world, key);
    const stale = onlyError(await server.gql(CONFIRM, { id: credential.id, origin: sandboxOrigin }, companyAdmin));
    expect(stale.extensions?.code).toBe('CONFLICT');
    expect(stale.message).toContain(attackerOrigin);
    expect(seen).toEqual([]);

    const confirmed = await server.gql<{ confirmCredentialOrigin: unknown }>(
      CONFIRM,
      { id: credential.id, origin: attackerOrigin },
      companyAdmin,
    );
    expect(confirmed.data!.confirmCredentialOrigin).toEqual({
      status: 'untested',
      statusReason: null,
      origin: attackerOrigin,
    });
    const row = await credentialOf(server, world, key);
    expect(row.ciphertext).not.toBe(credential.ciphertext);
    expect(row.ciphertext.startsWith('v2.')).toBe(true);
    // An administrator confirmed this origin: from now on (only) it gets the secret.
    expect(await testCredential(server, admin, credential.id, companyAdmin)).toMatchObject({ ok: true, status: 200 });
    const token = server.tessera.vault.openCredentialSecret<{ token: string }>(row).token;
    expect(seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${token}`]);
    const [audit] = await audits(server, 'credential.confirm_origin', credential.id);
    expect(audit!.details).toMatchObject({ from: sandboxOrigin, to: attackerOrigin });
    expect(JSON.stringify(audit!.details)).not.toContain(token);
  });

  it('re-entering the secret (rotateCredential) binds it to the current origin and restores calls', async ({
    server,
    world,
    admin,
    companyAdmin,
    ceo,
    sandboxOrigin,
  }) => {
    const key = 'globex/hr-api';
    await moveEndpoint(server, world, admin, key, `${server.sandbox.url}/globex/hr`, companyAdmin);
    const credential = await credentialOf(server, world, key);
    // Confirmed for the attacker's origin: moving back suspends it again.
    expect(credential).toMatchObject({ status: 'needs_reconnect', statusReason: 'origin_changed' });
    const secret = server.tessera.vault.openCredentialSecret(credential);
    const rotated = await server.gql<{ rotateCredential: unknown }>(
      ROTATE,
      { id: credential.id, s: secret },
      companyAdmin,
    );
    expect(rotated.data!.rotateCredential).toEqual({ status: 'untested', statusReason: null, origin: sandboxOrigin });
    expect(await testCredential(server, admin, credential.id, companyAdmin)).toMatchObject({ ok: true, status: 200 });
    expect((await read(server, world, ceo, 'globex', 'hr-api')).errors).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('a path change within the origin keeps the credential working', async ({ server, world, admin }) => {
    const key = 'globex/operations-api';
    const credential = await credentialOf(server, world, key);
    const before = server.sandbox.stats.requests.total;
    await moveEndpoint(server, world, admin, key, `${server.sandbox.url}/globex/operations/v2`);
    expect(await testCredential(server, admin, credential.id)).toMatchObject({ ok: false, status: 404 }); // sent, to a path the sandbox does not serve
    expect(server.sandbox.stats.requests.total).toBe(before + 1);
    await moveEndpoint(server, world, admin, key, `${server.sandbox.url}/globex/operations`);
    expect(await testCredential(server, admin, credential.id)).toMatchObject({ ok: true, status: 200 });
    expect((await credentialOf(server, world, key)).statusReason).toBeNull();
    expect(await audits(server, 'endpoint.origin_change', endpointId(world, key))).toEqual([]);
  });
});

describe('OAuth2 credentials', () => {
  it('send neither their access token nor a token request when the endpoint moves; moving back restores them', async ({
    server,
    world,
    admin,
    ceo,
    dev,
    attackerOrigin,
    sandboxOrigin,
  }) => {
    for (const [key, token] of [
      ['acme/github-api', dev],
      ['acme/sales-api', ceo],
    ] as const) {
      const credential = await credentialOf(server, world, key);
      const [company, slug] = key.split('/') as [string, string];
      const service = new URL(
        (await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: endpointId(world, key) } })).baseUrl,
      ).pathname;
      const tokenRequests = server.sandbox.stats.tokenRequests.total;
      await moveEndpoint(server, world, admin, key, `${attackerOrigin}${service}`);
      expect(onlyError(await read(server, world, token, company, slug)).extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        reason: 'CREDENTIAL_ORIGIN_CHANGED',
      });
      expect(await testCredential(server, admin, credential.id)).toMatchObject({ ok: false, status: null });
      expect(seen).toEqual([]);
      // No refresh token or client secret went anywhere either.
      expect(server.sandbox.stats.tokenRequests.total).toBe(tokenRequests);

      await moveEndpoint(server, world, admin, key, `${server.sandbox.url}${service}`);
      expect(await credentialOf(server, world, key)).toMatchObject({
        status: 'untested',
        statusReason: null,
        origin: sandboxOrigin,
      });
      expect((await read(server, world, token, company, slug)).errors).toBeUndefined();
      const audited = await audits(server, 'endpoint.origin_change', endpointId(world, key));
      expect(audited.map((a) => a.details)).toEqual([
        expect.objectContaining({ credentialsSuspended: 1, credentialsRestored: 0 }),
        expect.objectContaining({ credentialsSuspended: 0, credentialsRestored: 1 }),
      ]);
    }
  });
});

describe('a base URL or an origin changed in the database', () => {
  it('is refused all the same, shown once (one audit row), and a tampered stored origin does not open', async ({
    server,
    world,
    admin,
    ceo,
    attackerOrigin,
  }) => {
    const key = 'acme/finance-api';
    const credential = await credentialOf(server, world, key);
    await server.db.apiEndpoint.update({
      where: { id: endpointId(world, key) },
      data: { baseUrl: `${attackerOrigin}/acme/finance` },
    });
    for (let i = 0; i < 3; i++)
      expect(onlyError(await read(server, world, ceo, 'acme', 'finance-api')).extensions).toMatchObject({
        reason: 'CREDENTIAL_ORIGIN_CHANGED',
      });
    expect(seen).toEqual([]);
    expect(await credentialOf(server, world, key)).toMatchObject({
      status: 'needs_reconnect',
      statusReason: 'origin_changed',
    });
    expect(await audits(server, 'credential.suspend', credential.id)).toHaveLength(1);

    // Whoever can write the table sets the stored origin to match: the sealed value no longer opens.
    await server.db.apiCredential.update({ where: { id: credential.id }, data: { origin: attackerOrigin } });
    expect(onlyError(await read(server, world, ceo, 'acme', 'finance-api')).extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      reason: 'CREDENTIAL_UNREADABLE',
    });
    expect(await testCredential(server, admin, credential.id)).toMatchObject({ ok: false, status: null });
    expect(seen).toEqual([]);
    expect(() => server.tessera.vault.openCredentialSecret(credential)).not.toThrow();
    expect(() => server.tessera.vault.openCredentialSecret({ ...credential, origin: attackerOrigin })).toThrow(
      VaultDecryptError,
    );
  });

  it('a credential without an origin is sent nowhere', async ({ server, world }) => {
    const credential = await credentialOf(server, world, 'acme/github-api');
    await expect(
      callWithCredential(
        server.tessera.gateway.credentialCall,
        { ...credential, origin: null },
        { method: 'GET', url: new URL(`${server.sandbox.url}/acme/github/repos`) },
      ),
    ).rejects.toBeInstanceOf(CredentialOriginError);
  });
});

describe('credentials stored before origins were bound', () => {
  it('are bound at start to their endpoint origin and sealed again (v2), and still open', async ({
    server,
    world,
    sandboxOrigin,
  }) => {
    const endpoint = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: endpointId(world, 'acme/hr-api') } });
    const { id: keyId, key } = server.tessera.vault.ring.primary;
    const row = { id: randomUUID(), companyId: endpoint.companyId, roleId: null, endpointId: endpoint.id };
    // As the vault sealed it before: format v1, no origin in the associated data.
    const iv = Buffer.alloc(12, 7);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(
      Buffer.from(
        JSON.stringify(['tessera/vault', 'v1', keyId, 'credential', row.id, row.companyId, row.roleId, row.endpointId]),
        'utf8',
      ),
    );
    const ciphertext = Buffer.concat([
      cipher.update(JSON.stringify({ token: 'legacy-token-value' }), 'utf8'),
      cipher.final(),
    ]);
    const sealed = [
      'v1',
      keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
    await server.db.apiCredential.create({
      data: { ...row, name: 'legacy', kind: 'BEARER', ciphertext: sealed, keyId },
    });

    expect(await bindCredentialOrigins(server.db, server.tessera.vault.ring)).toEqual({ bound: 1, failed: [] });
    const bound = await server.db.apiCredential.findUniqueOrThrow({ where: { id: row.id } });
    expect(bound.origin).toBe(sandboxOrigin);
    expect(bound.ciphertext.startsWith('v2.')).toBe(true);
    expect(server.tessera.vault.openCredentialSecret(bound)).toEqual({ token: 'legacy-token-value' });
    expect(await bindCredentialOrigins(server.db, server.tessera.vault.ring)).toEqual({ bound: 0, failed: [] });
  });
});
