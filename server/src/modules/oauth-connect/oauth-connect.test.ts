// OAuth Connect end to end over real HTTP: Tessera, the sandbox as the provider (consent page,
// token endpoint, revocation) and the callback, as a browser would go through them (redirects
// followed by hand, so each hop is checked). Refusals (provider errors, a forged, tampered,
// expired or replayed state, a replayed code, a state for another company, an administrator who
// lost the right) change no credential and leave an audit row with their reason.
import { expect } from 'vitest';
import { JWT_TEST_SECRET, errorCode, type TestServer } from '../../../test/harness.ts';
import { serverTest as it, type SignedInClient } from '../../../test/fixture.ts';
import { connectStateKey, signState, verifyState } from './connect-state.ts';

const START = `mutation ($input: StartOAuthConnectInput!) {
  startOAuthConnect(input: $input) { authorizationUrl expiresAt redirectUri }
}`;
const TEST = 'mutation ($id: ID!) { testCredential(id: $id) { ok status message } }';

async function demoApp(server: TestServer, companyId: string) {
  const app = await server.db.oAuthApp.findFirst({ where: { companyId } });
  if (!app) throw new Error('the demo OAuth app was not seeded');
  return app;
}

async function start(client: SignedInClient, input: Record<string, unknown>): Promise<string> {
  const res = await client.gql<{ startOAuthConnect: { authorizationUrl: string } }>(START, { input });
  if (!res.data?.startOAuthConnect) throw new Error(`startOAuthConnect failed: ${JSON.stringify(res.errors)}`);
  return res.data.startOAuthConnect.authorizationUrl;
}

/** The consent page, then the decision: the URL the sandbox sends the browser back to. */
async function consent(authorizationUrl: string, decision: 'approve' | 'deny'): Promise<string> {
  const pageRes = await fetch(authorizationUrl, { redirect: 'manual' });
  if (pageRes.status === 302) return pageRes.headers.get('location')!;
  const html = await pageRes.text();
  expect(pageRes.status, html).toBe(200);
  const token = /name="consent" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no consent form in ${html}`);
  const res = await fetch(authorizationUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent: token.replace(/&amp;/g, '&'), decision }).toString(),
  });
  expect(res.status).toBe(302);
  return res.headers.get('location')!;
}

/** The callback as the browser calls it: where it redirects to (or the page it shows). */
async function callback(url: string): Promise<{ status: number; location: URL | null; body: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  return { status: res.status, location: location ? new URL(location, url) : null, body: await res.text() };
}

const credentialRows = (server: TestServer) =>
  server.db.apiCredential.findMany({ orderBy: { id: 'asc' }, select: { id: true, ciphertext: true, status: true } });

async function refusals(server: TestServer) {
  return server.db.auditLog.findMany({ where: { action: 'oauth_connect.refused' }, orderBy: { createdAt: 'asc' } });
}

it('connects: consent approved, tokens sealed and bound to the endpoint origin, calls work', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const app = await demoApp(server, acme);
  const url = await start(admin, {
    companyId: acme,
    endpointId,
    roleId: world.role.ceo,
    appId: app.id,
    returnTo: '/admin/credentials?c=1',
  });
  const auth = new URL(url);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('redirect_uri')).toBe(`${server.url}/oauth/callback`);
  expect(auth.searchParams.get('scope')).toBe('read write offline_access');

  const back = await callback(await consent(url, 'approve'));
  expect(back.status).toBe(303);
  expect(back.location!.pathname).toBe('/admin/credentials');
  expect(back.location!.searchParams.get('oauth')).toBe('connected');
  expect(back.location!.searchParams.get('c')).toBe('1');
  const id = back.location!.searchParams.get('credential')!;
  const row = await server.db.apiCredential.findUniqueOrThrow({ where: { id }, include: { endpoint: true } });
  expect(row).toMatchObject({ kind: 'OAUTH2_REFRESH_TOKEN', roleId: world.role.ceo, companyId: acme });
  expect(row.origin).toBe(new URL(row.endpoint.baseUrl).origin);
  expect(row.tokenCiphertext).not.toBeNull();
  expect(JSON.stringify(row)).not.toContain('sbx_rt.');
  expect((row.settings as { tokenUrl: string }).tokenUrl).toBe(app.tokenUrl);

  const tested = await admin.gql<{ testCredential: { ok: boolean } }>(TEST, { id });
  expect(tested.data?.testCredential.ok).toBe(true);
  const audit = await server.db.auditLog.findFirst({ where: { action: 'credential.connect', targetId: id } });
  expect(audit?.details).toMatchObject({ provider: 'custom', kind: 'OAUTH2_REFRESH_TOKEN', roleId: world.role.ceo });
});

it('a provider error (access_denied, invalid_scope) changes nothing and is audited', async ({ server, world, as }) => {
  const admin = await as('admin');
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const appId = (await demoApp(server, acme)).id;
  const before = await credentialRows(server);

  const denied = await callback(
    await consent(await start(admin, { companyId: acme, endpointId, appId, returnTo: '/admin/credentials' }), 'deny'),
  );
  expect(denied.status).toBe(303);
  expect(Object.fromEntries(denied.location!.searchParams)).toEqual({ oauth: 'error', reason: 'access_denied' });

  const scoped = await start(admin, {
    companyId: acme,
    endpointId,
    appId,
    scopes: 'read admin',
    returnTo: '/admin/credentials',
  });
  const invalid = await callback(await consent(scoped, 'approve'));
  expect(invalid.location!.searchParams.get('reason')).toBe('invalid_scope');

  expect(await credentialRows(server)).toEqual(before);
  const reasons = (await refusals(server)).map((r) => (r.details as { reason: string }).reason);
  expect(reasons).toEqual(expect.arrayContaining(['access_denied', 'invalid_scope']));
  const row = (await refusals(server)).find((r) => (r.details as { reason: string }).reason === 'access_denied')!;
  expect(row).toMatchObject({ companyId: acme, actorId: world.user.admin, targetId: endpointId });
});

it('refuses a tampered, forged or other-company state with a page of its own; nothing changes', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const appId = (await demoApp(server, acme)).id;
  const back = new URL(
    await consent(
      await start(admin, { companyId: acme, endpointId, appId, returnTo: '/admin/credentials' }),
      'approve',
    ),
  );
  const state = back.searchParams.get('state')!;
  const before = await credentialRows(server);

  const tampered = new URL(back);
  tampered.searchParams.set('state', `${state.slice(0, -2)}${state.endsWith('AA') ? 'AB' : 'AA'}`);
  const forgedKey = connectStateKey('another-secret-0123456789abcdef0123456789');
  const payload = verifyState(connectStateKey(JWT_TEST_SECRET), state)!;
  const forged = new URL(back);
  forged.searchParams.set('state', signState(forgedKey, payload));
  // A correctly signed state naming this attempt under another company: the attempt is not found there.
  const otherCompany = new URL(back);
  otherCompany.searchParams.set(
    'state',
    signState(connectStateKey(JWT_TEST_SECRET), { ...payload, c: world.company.globex! }),
  );
  const missing = new URL(back);
  missing.searchParams.delete('state');

  for (const url of [tampered, forged, otherCompany, missing]) {
    const res = await callback(url.toString());
    expect(res.status, url.toString()).toBe(400);
    expect(res.location).toBeNull();
    expect(res.body).toContain('This connection link is not valid');
  }
  expect(await credentialRows(server)).toEqual(before);
  const reasons = (await refusals(server)).map((r) => (r.details as { reason: string }).reason);
  expect(reasons).toEqual(expect.arrayContaining(['state_invalid', 'state_unknown', 'state_missing']));
  // The genuine state still works once: the refusals consumed nothing.
  expect((await callback(back.toString())).location!.searchParams.get('oauth')).toBe('connected');
});

it('a state or code is used once; an expired state and a revoked administrator are refused', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const appId = (await demoApp(server, acme)).id;
  const input = { companyId: acme, endpointId, appId, returnTo: '/admin/credentials' };

  const first = await consent(await start(admin, input), 'approve');
  expect((await callback(first)).location!.searchParams.get('oauth')).toBe('connected');
  const afterFirst = await credentialRows(server);
  const replay = await callback(first);
  expect(replay.location!.searchParams.get('reason')).toBe('state_used');

  // The same code with a new, valid state: the provider refuses the used code.
  const second = new URL(await consent(await start(admin, input), 'approve'));
  second.searchParams.set('code', new URL(first).searchParams.get('code')!);
  expect((await callback(second.toString())).location!.searchParams.get('reason')).toBe('invalid_grant');

  const late = new URL(await consent(await start(admin, input), 'approve'));
  const lateAttempt = verifyState(connectStateKey(JWT_TEST_SECRET), late.searchParams.get('state')!)!.a;
  await server.db.oAuthConnectAttempt.update({
    where: { id: lateAttempt },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  expect((await callback(late.toString())).location!.searchParams.get('reason')).toBe('state_expired');

  // The administrator who started it is no longer one at the callback (here: it names the CEO).
  const demoted = new URL(await consent(await start(admin, input), 'approve'));
  const demotedAttempt = verifyState(connectStateKey(JWT_TEST_SECRET), demoted.searchParams.get('state')!)!.a;
  await server.db.oAuthConnectAttempt.update({ where: { id: demotedAttempt }, data: { userId: world.user.ceo! } });
  expect((await callback(demoted.toString())).location!.searchParams.get('reason')).toBe('not_allowed');

  expect(await credentialRows(server)).toEqual(afterFirst);
});

it('reconnect after the provider revoked the refresh token keeps the id, grants and history', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const ceo = await as('ceo');
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const appId = (await demoApp(server, acme)).id;
  const input = { companyId: acme, endpointId, roleId: world.role.ceo, appId, returnTo: '/admin/credentials' };
  const connected = await callback(await consent(await start(admin, input), 'approve'));
  const id = connected.location!.searchParams.get('credential')!;
  // Only this credential for the CEO on Sales: the gateway must use it.
  await server.db.apiCredential.deleteMany({
    where: { companyId: acme, endpointId, roleId: world.role.ceo, NOT: { id } },
  });

  // The provider revokes the grant (RFC 7009 at the sandbox) and the access token runs out.
  const secret = (await server.db.apiCredential.findUniqueOrThrow({ where: { id } })).ciphertext;
  const opened = server.tessera.vault.openCredentialSecret<{
    refreshToken: string;
    clientId: string;
    clientSecret: string;
    tokenUrl: string;
  }>({ ...(await server.db.apiCredential.findUniqueOrThrow({ where: { id } })), ciphertext: secret });
  const revoke = await fetch(opened.tokenUrl.replace(/token$/, 'revoke'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: opened.refreshToken,
      client_id: opened.clientId,
      client_secret: opened.clientSecret,
    }).toString(),
  });
  expect(revoke.status).toBe(200);
  server.sandbox.knobs.expireAccessTokens({ company: 'acme', service: 'salesforce' });
  await server.db.apiCredential.update({ where: { id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });

  const read =
    'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: {}) { status } }';
  const failed = await ceo.gql(read, { c: acme, e: endpointId });
  expect(failed.errors?.length).toBeGreaterThan(0);
  expect((await server.db.apiCredential.findUniqueOrThrow({ where: { id } })).status).toBe('needs_reconnect');
  const grantsBefore = await server.db.roleApiPermission.findMany({
    where: { companyId: acme },
    orderBy: { id: 'asc' },
  });

  const again = await callback(
    await consent(await start(admin, { ...input, roleId: undefined, credentialId: id }), 'approve'),
  );
  expect(Object.fromEntries(again.location!.searchParams)).toEqual({ oauth: 'reconnected', credential: id });
  const row = await server.db.apiCredential.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ id, status: 'untested', roleId: world.role.ceo, refreshFailures: 0 });
  expect(await server.db.roleApiPermission.findMany({ where: { companyId: acme }, orderBy: { id: 'asc' } })).toEqual(
    grantsBefore,
  );
  const history = await server.db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' } });
  expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['credential.connect', 'credential.reconnect']));
  const ok = await ceo.gql<{ readOperation: { status: number } }>(read, { c: acme, e: endpointId });
  expect(ok.errors).toBeUndefined();
  expect(ok.data?.readOperation.status).toBe(200);
});

it('only the company administrators start a Connect, and only to a page of this app', async ({ server, world, as }) => {
  const acme = world.company.acme!;
  const endpointId = world.endpoint['acme/sales-api']!;
  const appId = (await demoApp(server, acme)).id;
  const input = { companyId: acme, endpointId, appId, returnTo: '/admin/credentials' };
  expect(errorCode(await (await as('companyAdmin')).gql(START, { input }))).toBe('NOT_FOUND');
  expect(errorCode(await (await as('ceo')).gql(START, { input }))).toBe('FORBIDDEN');
  const admin = await as('admin');
  for (const returnTo of [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'admin',
    'javascript:alert(1)',
  ])
    expect(errorCode(await admin.gql(START, { input: { ...input, returnTo } })), returnTo).toBe('BAD_USER_INPUT');
  // Another company's app or credential is not found from here.
  const globexCredential = await server.db.apiCredential.findFirstOrThrow({
    where: { companyId: world.company.globex },
  });
  expect(errorCode(await admin.gql(START, { input: { ...input, credentialId: globexCredential.id } }))).toBe(
    'NOT_FOUND',
  );
});

it('OAuth apps: a preset fixes the URLs, a custom provider must name them, the secret is write-only', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const globex = world.company.globex!;
  const create = (input: Record<string, unknown>) =>
    admin.gql<{ createOAuthApp: Record<string, unknown> }>(
      'mutation ($input: CreateOAuthAppInput!) { createOAuthApp(input: $input) { id name provider authorizationUrl tokenUrl tokenAuthMethod usePkce scopes hint } }',
      { input: { companyId: globex, clientId: 'client-1', clientSecret: 'a-client-secret-of-some-length', ...input } },
    );
  const xero = await create({ provider: 'xero' });
  expect(xero.data?.createOAuthApp).toMatchObject({
    name: 'Xero',
    authorizationUrl: 'https://login.xero.com/identity/connect/authorize',
    tokenUrl: 'https://identity.xero.com/connect/token',
    tokenAuthMethod: 'client_secret_basic',
    usePkce: true,
    scopes: 'offline_access openid profile email accounting.transactions',
    hint: 'ngth',
  });
  expect(JSON.stringify(xero)).not.toContain('a-client-secret-of-some-length');
  const stored = await server.db.oAuthApp.findUniqueOrThrow({ where: { id: String(xero.data!.createOAuthApp.id) } });
  expect(stored.secretCiphertext).not.toContain('a-client-secret');
  expect(server.tessera.vault.openWebhookSecret(stored)).toBe('a-client-secret-of-some-length');

  expect(errorCode(await create({ provider: 'github', tokenUrl: 'https://evil.example/token' }))).toBe(
    'BAD_USER_INPUT',
  );
  expect(errorCode(await create({ provider: 'custom', name: 'Mine' }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await create({ provider: 'nonexistent' }))).toBe('BAD_USER_INPUT');
  const custom = await create({
    provider: 'custom',
    name: 'Mine',
    authorizationUrl: 'https://id.example.com/authorize',
    tokenUrl: 'https://id.example.com/token',
  });
  expect(custom.data?.createOAuthApp).toMatchObject({ provider: 'custom', tokenAuthMethod: 'client_secret_post' });
  expect(
    errorCode(
      await create({ provider: 'custom', name: 'Mine', authorizationUrl: 'https://a/x', tokenUrl: 'https://a/y' }),
    ),
  ).toBe('CONFLICT');
  const presets = await admin.gql<{ oauthProviderPresets: { key: string }[]; oauthRedirectUri: string }>(
    '{ oauthProviderPresets { key } oauthRedirectUri }',
  );
  expect(presets.data?.oauthProviderPresets.map((p) => p.key)).toContain('quickbooks');
  expect(presets.data?.oauthRedirectUri).toBe(`${server.url}/oauth/callback`);
});
