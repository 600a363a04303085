// Single sign-on end to end against two real OpenID Connect providers on loopback (one per
// company), over HTTP: Tessera's start → the provider's login form → the callback → the session,
// and every refusal, each with a clear reason and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS, type Persona } from '../../../test/personas.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { followProvider, reachCallback, sendCallback, ssoSignIn } from '../../../test/sso-browser.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';
import { startIdentityProvider, type RunningIdentityProvider } from '../../sandbox/identity-provider.ts';

const SECRET_A = 'acme-client-secret-never-shown-0001';
const SECRET_B = 'globex-client-secret-never-shown-02';

let server: TestServer;
let world: WorldIds;
let idpA: RunningIdentityProvider;
let idpB: RunningIdentityProvider;
let adminToken: string;

const CONFIGURE = `mutation ($companyId: ID!, $input: IdentityProviderInput!) {
  configureIdentityProvider(companyId: $companyId, input: $input) {
    companyId issuerUrl clientId hasClientSecret allowedDomains passwordSignInAllowed justInTimeProvisioning groupsClaim groupsOnly
  } }`;
const MAP = `mutation ($companyId: ID!, $mappings: [GroupMappingInput!]!) {
  setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) { group roleId roleKey } }`;

function settings(
  idp: RunningIdentityProvider,
  secret: string,
  domains: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    issuerUrl: idp.issuer,
    clientId: 'tessera',
    clientSecret: secret,
    allowedDomains: domains,
    passwordSignInAllowed: true,
    justInTimeProvisioning: false,
    groupsClaim: 'groups',
    groupsOnly: false,
    ...extra,
  };
}

async function configure(companyId: string, input: Record<string, unknown>, token = adminToken) {
  const res = await server.gql<{ configureIdentityProvider: Record<string, unknown> }>(
    CONFIGURE,
    { companyId, input },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.configureIdentityProvider;
}

/** A persona's own client (the server here is this file's, started with its providers). */
async function signIn(_server: TestServer, persona: Persona) {
  const token = await server.login(PERSONAS[persona]);
  return { gql: <T = Record<string, any>>(q: string, v?: Record<string, unknown>) => server.gql<T>(q, v, token) };
}

async function rolesOf(email: string, companyId: string) {
  const user = await server.db.user.findUnique({ where: { email } });
  if (!user) return null;
  const rows = await server.db.userCompanyAccess.findMany({
    where: { userId: user.id, companyId },
    include: { role: true },
  });
  return rows.map((r) => `${r.role.key}:${r.source}`).sort();
}

beforeAll(async () => {
  server = await startTestServer();
  world = await worldIds(server.db);
  const redirectUris = [`${server.url}/auth/sso/callback`];
  idpA = await startIdentityProvider({
    clients: [{ clientId: 'tessera', clientSecret: SECRET_A, redirectUris }],
    people: [
      { email: 'ana@acme.example', name: 'Ana', groups: ['acme-developers'] },
      { email: 'unverified@acme.example', emailVerified: false, groups: ['acme-developers'] },
      { email: 'nogroups@acme.example', groups: [] },
      { email: 'newcomer@acme.example', groups: ['acme-developers'] },
      { email: 'root@acme.example', groups: ['acme-developers'] },
      { email: 'elsewhere@acme.example', groups: ['acme-developers'] },
      { email: 'invited@acme.example', groups: [] },
      // Provider A vouches for an address of Globex's domain: Acme's provider must not sign it in.
      { email: 'intruder@globex.example', groups: ['acme-developers'] },
    ],
  });
  idpB = await startIdentityProvider({
    clients: [{ clientId: 'tessera', clientSecret: SECRET_B, redirectUris }],
    people: [{ email: 'gus@globex.example', groups: ['globex-sales'] }],
  });
  adminToken = await server.login('admin@demo.test');
  await configure(world.company.acme!, settings(idpA, SECRET_A, ['acme.example']));
  await configure(
    world.company.globex!,
    settings(idpB, SECRET_B, ['globex.example'], { justInTimeProvisioning: true }),
  );
  const mapped = await server.gql(
    MAP,
    { companyId: world.company.acme, mappings: [{ group: 'acme-developers', roleId: world.role.developer }] },
    adminToken,
  );
  expect(mapped.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await idpA?.stop();
  await idpB?.stop();
  await server?.close();
});

describe('settings', () => {
  it('are for the company administrators only, and never show the secret', async () => {
    const globexAdmin = await signIn(server, 'companyAdmin');
    const own = await globexAdmin.gql<{ identityProvider: Record<string, unknown> }>(
      `query ($c: ID!) { identityProvider(companyId: $c) { issuerUrl hasClientSecret allowedDomains groupMappings { group } } }`,
      { c: world.company.globex },
    );
    expect(own.data?.identityProvider).toMatchObject({ hasClientSecret: true, allowedDomains: ['globex.example'] });
    const other = await globexAdmin.gql(`query ($c: ID!) { identityProvider(companyId: $c) { issuerUrl } }`, {
      c: world.company.acme,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const dev = await signIn(server, 'dev');
    const member = await dev.gql(`query ($c: ID!) { identityProvider(companyId: $c) { issuerUrl } }`, {
      c: world.company.globex,
    });
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await server.db.auditLog.findMany({ where: { action: { startsWith: 'identity_provider.' } } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(SECRET_A);
    const stored = await server.db.identityProvider.findUnique({ where: { companyId: world.company.acme! } });
    expect(stored?.secretCiphertext).not.toContain(SECRET_A);
  });

  it('refuse a domain that is another company’s, an http issuer off this machine, and an unknown role', async () => {
    const taken = await server.gql(
      CONFIGURE,
      { companyId: world.company.globex, input: settings(idpB, SECRET_B, ['globex.example', 'acme.example']) },
      adminToken,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'allowedDomains' });
    const http = await server.gql(
      CONFIGURE,
      {
        companyId: world.company.globex,
        input: { ...settings(idpB, SECRET_B, ['globex.example']), issuerUrl: 'http://idp.example.com' },
      },
      adminToken,
    );
    expect(http.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issuerUrl' });
    const unknownRole = await server.gql(
      MAP,
      { companyId: world.company.globex, mappings: [{ group: 'x', roleId: '00000000-0000-4000-8000-000000000000' }] },
      adminToken,
    );
    expect(unknownRole.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Nothing of Globex's settings changed.
    const after = await server.db.identityProviderDomain.findMany({ where: { companyId: world.company.globex! } });
    expect(after.map((d) => d.domain)).toEqual(['globex.example']);
  });

  it('signInMethod answers by the domain alone', async () => {
    const ask = (email: string) =>
      server.gql<{ signInMethod: { method: string; startUrl: string | null } }>(
        `query ($e: String!) { signInMethod(email: $e) { method startUrl passwordAllowed } }`,
        { e: email },
      );
    expect((await ask('someone@acme.example')).data?.signInMethod).toMatchObject({
      method: 'SSO',
      startUrl: '/auth/sso/start?email=someone%40acme.example',
    });
    expect((await ask('ceo@demo.test')).data?.signInMethod).toMatchObject({ method: 'PASSWORD', startUrl: null });
    // An account that exists and one that does not get the same answer.
    expect((await ask('nobody@demo.test')).data).toEqual((await ask('ceo@demo.test')).data);
  });
});

describe('sign-in', () => {
  it('creates the account from a group mapping and gives the same session as a password sign-in', async () => {
    const { result } = await ssoSignIn(server.url, 'ana@acme.example');
    const token = result.get('sso_token');
    expect(token, result.get('message') ?? '').toBeTruthy();
    const me = await server.gql<{ me: { email: string } }>('{ me { email } }', {}, token);
    expect(me.data?.me.email).toBe('ana@acme.example');
    expect(await rolesOf('ana@acme.example', world.company.acme!)).toEqual(['developer:idp']);
    const login = await server.db.auditLog.findFirst({
      where: { action: 'auth.login', actorEmail: 'ana@acme.example' },
    });
    expect(login?.details).toMatchObject({ method: 'sso', provider: idpA.issuer });
    // The user has no password: a password sign-in fails like a wrong one.
    const pw = await server.gql('mutation { login(email: "ana@acme.example", password: "!sso") { token } }');
    expect(pw.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('follows the groups at the next sign-in: roles added and removed, hand-granted roles kept', async () => {
    const acme = world.company.acme!;
    const ana = await server.db.user.findUniqueOrThrow({ where: { email: 'ana@acme.example' } });
    await server.db.userCompanyAccess.create({ data: { userId: ana.id, companyId: acme, roleId: world.role.cfo! } });
    await server.gql(
      MAP,
      {
        companyId: acme,
        mappings: [
          { group: 'acme-developers', roleId: world.role.developer },
          { group: 'acme-finance', roleId: world.role.ceo },
        ],
      },
      adminToken,
    );
    idpA.people.get('ana@acme.example')!.groups = ['acme-finance'];
    expect((await ssoSignIn(server.url, 'ana@acme.example')).result.get('sso_token')).toBeTruthy();
    expect(await rolesOf('ana@acme.example', acme)).toEqual(['ceo:idp', 'cfo:manual']);
    const changes = await server.db.auditLog.findMany({
      where: { targetId: ana.id, action: { in: ['membership.grant', 'membership.revoke'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(changes.map((c) => c.action)).toEqual(['membership.grant', 'membership.revoke', 'membership.grant']);
    expect(changes.at(-1)?.details).toMatchObject({ by: 'identity_provider', provider: idpA.issuer });

    // "Groups only": the hand-granted role goes too.
    await configure(acme, settings(idpA, SECRET_A, ['acme.example'], { groupsOnly: true, clientSecret: null }));
    expect((await ssoSignIn(server.url, 'ana@acme.example')).result.get('sso_token')).toBeTruthy();
    expect(await rolesOf('ana@acme.example', acme)).toEqual(['ceo:idp']);
    // Nothing in another company, and never platform administration.
    expect(await rolesOf('ana@acme.example', world.company.globex!)).toEqual([]);
    expect((await server.db.user.findUniqueOrThrow({ where: { id: ana.id } })).isPlatformAdmin).toBe(false);
    idpA.people.get('ana@acme.example')!.groups = ['acme-developers'];
  });

  it('creates the account just in time when the company allows it', async () => {
    const { result } = await ssoSignIn(server.url, 'gus@globex.example');
    expect(result.get('sso_token')).toBeTruthy();
    expect(await rolesOf('gus@globex.example', world.company.globex!)).toEqual([]);
  });
});

describe('test sign-in', () => {
  it('shows an administrator the claims received, signs no one in and changes nothing', async () => {
    const started = await server.gql<{ startIdentityProviderTest: string }>(
      'mutation ($c: ID!) { startIdentityProviderTest(companyId: $c) }',
      { c: world.company.acme },
      adminToken,
    );
    const path = started.data!.startIdentityProviderTest;
    expect(path).toMatch(/^\/auth\/sso\/test\?ticket=/);
    const users = await server.db.user.count();
    const res = await fetch(new URL(path, server.url), { redirect: 'manual' });
    const provider = new URL(res.headers.get('location')!);
    expect(provider.origin).toBe(idpA.issuer);
    // The rest of the way as a browser would go: the provider's login, then the callback.
    const reached = await followProvider(provider, new URL(server.url).origin, 'newcomer@acme.example');
    const answer = await fetch(reached, { redirect: 'manual' });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { test: boolean; claims: Record<string, unknown> };
    expect(body).toMatchObject({ test: true, claims: { email: 'newcomer@acme.example', iss: idpA.issuer } });
    expect(await server.db.user.count()).toBe(users);
    // The ticket was used once.
    const again = await fetch(new URL(path, server.url), { redirect: 'manual' });
    expect(again.headers.get('location')).toContain('sso_error=bad_state');
  });
});

describe('refusals, each with a reason and nothing changed', () => {
  const refused = async (run: () => Promise<URLSearchParams>, reason: string) => {
    const before = await server.db.userCompanyAccess.count();
    const users = await server.db.user.count();
    const result = await run();
    expect(result.get('sso_token')).toBeNull();
    expect(result.get('sso_error')).toBe(reason);
    expect(result.get('message')?.length).toBeGreaterThan(10);
    expect(await server.db.userCompanyAccess.count()).toBe(before);
    expect(await server.db.user.count()).toBe(users);
    return result;
  };

  it.each([
    ['wrong issuer', 'wrong_issuer', { iss: 'http://127.0.0.1:1/other' }],
    ['wrong audience', 'wrong_audience', { aud: 'someone-else' }],
    [
      'expired token',
      'expired_token',
      { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 },
    ],
    ['bad nonce', 'bad_nonce', { nonce: 'not-the-one-we-sent' }],
  ])('%s', async (_name, reason, claims) => {
    idpA.tamper = (c) => ({ ...c, ...claims });
    try {
      await refused(async () => (await ssoSignIn(server.url, 'nogroups@acme.example')).result, reason);
    } finally {
      idpA.tamper = null;
    }
    const audit = await server.db.auditLog.findFirst({
      where: { action: 'auth.login_failed' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit?.details).toMatchObject({ method: 'sso', provider: idpA.issuer, reason });
  });

  it('unverified email', async () => {
    await refused(async () => (await ssoSignIn(server.url, 'unverified@acme.example')).result, 'email_unverified');
  });

  it("an email of another company's domain", async () => {
    await refused(
      async () => (await ssoSignIn(server.url, 'someone@acme.example', 'intruder@globex.example')).result,
      'domain_not_allowed',
    );
  });

  it('no account, no mapping, no just-in-time: no account is made', async () => {
    await refused(async () => (await ssoSignIn(server.url, 'nogroups@acme.example')).result, 'no_account');
  });

  it('a platform administrator, and an account that works only in another company', async () => {
    const make = (email: string, isPlatformAdmin: boolean) =>
      server.db.user.create({ data: { email, name: email, passwordHash: '!test', isPlatformAdmin } });
    await make('root@acme.example', true);
    const elsewhere = await make('elsewhere@acme.example', false);
    await server.db.userCompanyAccess.create({
      data: { userId: elsewhere.id, companyId: world.company.globex!, roleId: world.role.cfo! },
    });
    await refused(async () => (await ssoSignIn(server.url, 'root@acme.example')).result, 'password_only');
    await refused(async () => (await ssoSignIn(server.url, 'elsewhere@acme.example')).result, 'other_company');
  });

  it('bad state', async () => {
    const reached = await reachCallback(server.url, 'ana@acme.example');
    if (!('callback' in reached)) throw new Error('did not reach the callback');
    const forged = new URL(reached.callback);
    forged.searchParams.set('state', 'forged-state');
    await refused(async () => (await sendCallback(forged)).result, 'bad_state');
  });

  it('a replayed callback, and a replayed code under a fresh state', async () => {
    const first = await reachCallback(server.url, 'ana@acme.example');
    if (!('callback' in first)) throw new Error('did not reach the callback');
    expect((await sendCallback(first.callback)).result.get('sso_token')).toBeTruthy();
    await refused(async () => (await sendCallback(first.callback)).result, 'bad_state');
    const second = await reachCallback(server.url, 'ana@acme.example');
    if (!('callback' in second)) throw new Error('did not reach the callback');
    const replayed = new URL(second.callback);
    replayed.searchParams.set('code', first.callback.searchParams.get('code')!);
    await refused(async () => (await sendCallback(replayed)).result, 'code_rejected');
  });

  it('a provider that is down: a clear error, and password sign-in still works where allowed', async () => {
    const down = await startIdentityProvider({ clients: [], people: [] });
    await down.stop();
    const created = await server.gql(
      `mutation { createUser(input: { email: "pat@down.example", name: "Pat", password: "a-long-password-123" }) { id } }`,
      {},
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    // A company of its own for down.example: the platform admin makes one.
    const company = await server.gql<{ createCompany: { id: string } }>(
      `mutation { createCompany(input: { name: "Down Inc", slug: "down-inc" }) { id } }`,
      {},
      adminToken,
    );
    const companyId = company.data!.createCompany.id;
    await configure(companyId, { ...settings(down, 'x', ['down.example']), issuerUrl: down.issuer });
    await refused(async () => (await ssoSignIn(server.url, 'pat@down.example')).result, 'provider_unavailable');
    expect(await server.login('pat@down.example', 'a-long-password-123')).toBeTruthy();

    // Where the company turned passwords off, the password is refused with a clear message.
    await configure(companyId, {
      ...settings(down, 'x', ['down.example']),
      issuerUrl: down.issuer,
      passwordSignInAllowed: false,
    });
    const pw = await server.gql(
      'mutation { login(email: "pat@down.example", password: "a-long-password-123") { token } }',
    );
    expect(pw.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(pw.errors?.[0]?.message).toMatch(/identity provider/);
    // A wrong password still reads like any wrong password (nothing told about the account).
    const wrong = await server.gql(
      'mutation { login(email: "pat@down.example", password: "not-the-password") { token } }',
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Claiming a domain locks out no platform administrator.
    const boss = await server.gql(
      `mutation { createUser(input: { email: "boss@down.example", name: "Boss", password: "a-long-password-123", isPlatformAdmin: true }) { id } }`,
      {},
      adminToken,
    );
    expect(boss.errors).toBeUndefined();
    expect(await server.login('boss@down.example', 'a-long-password-123')).toBeTruthy();
  });
});

describe('invitations', () => {
  it('a first sign-in through the provider accepts an open invitation: its roles, as granted by hand', async () => {
    const acme = world.company.acme!;
    // No group mapping and no just-in-time provisioning for this person: only the invitation lets them in.
    const invited = await server.gql<{ inviteToCompany: { invitation: { id: string } } }>(
      'mutation ($input: InviteInput!) { inviteToCompany(input: $input) { invitation { id } } }',
      { input: { companyId: acme, email: 'invited@acme.example', roleIds: [world.role.cfo] } },
      adminToken,
    );
    expect(invited.errors).toBeUndefined();
    const { result } = await ssoSignIn(server.url, 'invited@acme.example');
    expect(result.get('sso_token'), result.get('message') ?? '').toBeTruthy();
    expect(await rolesOf('invited@acme.example', acme)).toEqual(['cfo:manual']);
    const row = await server.db.invitation.findUniqueOrThrow({
      where: { id: invited.data!.inviteToCompany.invitation.id },
    });
    expect(row.status).toBe('accepted');
    expect(row.openEmail).toBeNull();
  });
});
