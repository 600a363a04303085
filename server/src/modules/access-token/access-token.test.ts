// Personal access tokens over real HTTP: made in a session, shown once, stored hashed, accepted
// as a Bearer on /graphql in one company only (read-only when asked), revocable, audited.
import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { describe, expect, vi } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import WebSocket from 'ws';
import { graphql } from '../../../test/gql/gql.ts';
import type { CreateAccessTokenInput, CreateTokenMutation } from '../../../test/gql/graphql.ts';
import { errorCode, onlyError, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { MAX_ACTIVE_TOKENS_PER_USER } from './access-token.service.ts';

const CREATE = graphql(`mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) { token accessToken { id name prefix companyId company { slug } readOnly expiresAt lastUsedAt revokedAt createdAt status } }
}`);
const LIST = graphql(
  `query Tokens($c: ID) { accessTokens(companyId: $c) { id name prefix status lastUsedAt company { slug } } }`,
);
const REVOKE = graphql(`mutation RevokeToken($id: ID!) { revokeAccessToken(id: $id) { id status revokedAt } }`);
const ME = graphql(`query TokenHolder { me { email } }`);
const MY_COMPANIES = graphql(`query TokenCompanies { myCompanies { slug } }`);
const MY_ENDPOINTS = graphql(
  `query TokenEndpoints($c: ID!) { myEndpoints(companyId: $c) { access endpoint { slug } } }`,
);
const READ = graphql(
  `query TokenRead($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: { limit: 1 }) { status } }`,
);
const WRITE = graphql(
  `mutation TokenWrite($c: ID!, $e: ID!) { writeOperation(companyId: $c, endpointId: $e, operation: "createOpportunity", params: { name: "x", accountId: "y", amount: 1 }) { status } }`,
);
const CHAT = graphql(`mutation TokenChat($c: ID!) { chat(companyId: $c, message: "hello") { message } }`);
const CONFIRM = graphql(`mutation TokenConfirm($id: ID!) { confirmAction(id: $id) { result { status } } }`);

type Created = CreateTokenMutation['createAccessToken'];

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('sessions', { scope: 'file' }, async ({ server }) => {
  const sessions: Record<string, string> = {};
  for (const email of [PERSONAS.ceo, PERSONAS.dev, PERSONAS.cfo, PERSONAS.admin])
    sessions[email] = await server.login(email);
  return sessions;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ sessions }) => {
  void [sessions];
});

async function create(
  server: TestServer,
  sessions: Record<string, string>,
  as: string,
  input: CreateAccessTokenInput,
): Promise<Created> {
  const res = await server.gql(CREATE, { input }, sessions[as]);
  expect(res.errors).toBeUndefined();
  return res.data!.createAccessToken;
}

const acme = (world: WorldIds) => world.company.acme!;
const globex = (world: WorldIds) => world.company.globex!;
const tokenCount = (server: TestServer) => server.db.accessToken.count();

describe('a personal access token', () => {
  it('is shown once, stored only as its SHA-256, and works as a Bearer on /graphql', async ({
    server,
    world,
    sessions,
  }) => {
    const made = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'reports' });
    expect(made.token).toMatch(/^tsr_pat_[A-Za-z0-9_-]{43}$/);
    expect(made.accessToken).toMatchObject({
      name: 'reports',
      prefix: made.token.slice(0, 12),
      companyId: acme(world),
      readOnly: false,
      status: 'ACTIVE',
      lastUsedAt: null,
    });
    const days = (Date.parse(made.accessToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const row = await server.db.accessToken.findUniqueOrThrow({ where: { id: made.accessToken.id } });
    expect(row.tokenHash).not.toBe(made.token);
    expect(row.tokenHash).not.toContain(made.token.slice(8));
    expect(row.tokenHash).toBe(createHash('sha256').update(made.token).digest('hex'));

    expect((await server.gql(ME, {}, made.token)).data).toEqual({ me: { email: PERSONAS.ceo } });
    const endpoints = await server.gql(MY_ENDPOINTS, { c: acme(world) }, made.token);
    expect(endpoints.errors).toBeUndefined();
    expect(endpoints.data!.myEndpoints.map((e) => e.endpoint.slug).sort()).toEqual(['finance-api', 'sales-api']);

    // lastUsedAt is written after the answer (fire and forget), then listed.
    await vi.waitFor(async () =>
      expect(
        (await server.db.accessToken.findUniqueOrThrow({ where: { id: made.accessToken.id } })).lastUsedAt,
      ).not.toBeNull(),
    );
    const list = await server.gql(LIST, {}, sessions[PERSONAS.ceo]);
    const listed = list.data!.accessTokens.find((t) => t.id === made.accessToken.id)!;
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(made.token);
    expect(JSON.stringify(list)).not.toContain(row.tokenHash);
  });

  it('notes its last use at most once a minute, not on every request', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'busy' });
    const updates = () => server.sql.filter((q) => /UPDATE\s+"?access_tokens"?/i.test(q));
    server.sql.length = 0;
    await server.gql(ME, {}, made.token);
    await vi.waitFor(async () =>
      expect(
        (await server.db.accessToken.findUniqueOrThrow({ where: { id: made.accessToken.id } })).lastUsedAt,
      ).not.toBeNull(),
    );
    expect(updates()).toHaveLength(1);
    server.sql.length = 0;
    for (let i = 0; i < 3; i++) await server.gql(ME, {}, made.token);
    expect(updates()).toEqual([]);
  });

  it('acts in its own company only, even where its owner holds other roles', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'acme only' });
    expect((await server.gql(MY_COMPANIES, {}, made.token)).data).toEqual({ myCompanies: [{ slug: 'acme' }] });
    expect(errorCode(await server.gql(MY_ENDPOINTS, { c: globex(world) }, made.token))).toBe('NOT_FOUND');
    expect(
      errorCode(await server.gql(READ, { c: globex(world), e: world.endpoint['globex/sales-api']! }, made.token)),
    ).toBe('NOT_FOUND');
    // The same person in a session sees both.
    expect((await server.gql(MY_COMPANIES, {}, sessions[PERSONAS.ceo])).data!.myCompanies).toHaveLength(2);
  });

  it('is refused once revoked or expired, exactly like a bad session token', async ({ server, world, sessions }) => {
    const badJwt = onlyError(await server.gql(ME, {}, 'not-a-jwt'));
    expect(badJwt.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = onlyError(await server.gql(ME, {}, `tsr_pat_${'A'.repeat(43)}`));
    expect(unknown).toEqual(badJwt);

    const revoked = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'to revoke' });
    expect((await server.gql(ME, {}, revoked.token)).data).toEqual({ me: { email: PERSONAS.ceo } });
    const res = await server.gql(REVOKE, { id: revoked.accessToken.id }, sessions[PERSONAS.ceo]);
    expect(res.data!.revokeAccessToken.status).toBe('REVOKED');
    expect(onlyError(await server.gql(ME, {}, revoked.token))).toEqual(badJwt);

    const expired = await create(server, sessions, PERSONAS.ceo, {
      companyId: acme(world),
      name: 'to expire',
      expiresInDays: 1,
    });
    expect((await server.gql(ME, {}, expired.token)).data).toEqual({ me: { email: PERSONAS.ceo } });
    await server.db.accessToken.update({
      where: { id: expired.accessToken.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(onlyError(await server.gql(ME, {}, expired.token))).toEqual(badJwt);

    const statuses = (await server.gql(LIST, { c: acme(world) }, sessions[PERSONAS.ceo])).data!.accessTokens;
    expect(statuses.find((t) => t.id === revoked.accessToken.id)!.status).toBe('REVOKED');
    expect(statuses.find((t) => t.id === expired.accessToken.id)!.status).toBe('EXPIRED');
  });

  it('is refused once its owner no longer holds a role in its company', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.cfo, { companyId: acme(world), name: 'cfo' });
    expect((await server.gql(ME, {}, made.token)).data).toEqual({ me: { email: PERSONAS.cfo } });
    const membership = await server.db.userCompanyAccess.findFirstOrThrow({
      where: { userId: world.user.cfo, companyId: acme(world) },
    });
    await server.db.userCompanyAccess.delete({ where: { id: membership.id } });
    try {
      expect(errorCode(await server.gql(ME, {}, made.token))).toBe('UNAUTHENTICATED');
    } finally {
      await server.db.userCompanyAccess.create({
        data: { userId: membership.userId, companyId: membership.companyId, roleId: membership.roleId },
      });
    }
  });
});

/** One operation over graphql-ws (the WebSocket path builds its context like HTTP), its first answer. */
async function overWebSocket(
  server: TestServer,
  token: string,
  /** A typed document or a plain string: sent as text. */
  query: string | { toString(): string },
  variables: Record<string, unknown> = {},
) {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    const results = client.iterate<Record<string, any>>({ query: query.toString(), variables });
    try {
      const first = await results.next();
      return first.value as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
    } catch (error) {
      return { errors: (Array.isArray(error) ? error : [error]) as { extensions?: { code?: string } }[] };
    } finally {
      await results.return?.(undefined);
    }
  } finally {
    await client.dispose();
  }
}

describe('over WebSocket', () => {
  it('authenticates a token the same way, narrowed to its company', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'socket' });
    expect((await overWebSocket(server, made.token, MY_COMPANIES)).data).toEqual({ myCompanies: [{ slug: 'acme' }] });
    const events = 'subscription ($c: ID!) { endpointEvents(companyId: $c) { eventType } }';
    expect((await overWebSocket(server, made.token, events, { c: globex(world) })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    await server.gql(REVOKE, { id: made.accessToken.id }, sessions[PERSONAS.ceo]);
    expect((await overWebSocket(server, made.token, MY_COMPANIES)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('creating a token', () => {
  it('needs a role in the company: elsewhere (even for a platform admin) it is NOT_FOUND and nothing is made', async ({
    server,
    world,
    sessions,
  }) => {
    const before = await tokenCount(server);
    expect(
      errorCode(await server.gql(CREATE, { input: { companyId: globex(world), name: 'x' } }, sessions[PERSONAS.cfo])),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await server.gql(CREATE, { input: { companyId: acme(world), name: 'x' } }, sessions[PERSONAS.admin])),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await server.gql(
          CREATE,
          { input: { companyId: '00000000-0000-4000-8000-000000000000', name: 'x' } },
          sessions[PERSONAS.ceo],
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(CREATE, { input: { companyId: acme(world), name: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await tokenCount(server)).toBe(before);
  });

  it.for([
    ['expiresInDays 0', { expiresInDays: 0 }, 'input.expiresInDays'],
    ['expiresInDays 1000', { expiresInDays: 1000 }, 'input.expiresInDays'],
    ['an empty name', { name: '' }, 'input.name'],
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a name too long', { name: 'n'.repeat(121) }, 'input.name'],
  ] as const)(
    'refuses %s with BAD_USER_INPUT, making nothing',
    async ([_label, change, field], { server, world, sessions }) => {
      const before = await tokenCount(server);
      const error = onlyError(
        await server.gql(CREATE, { input: { companyId: acme(world), name: 'ok', ...change } }, sessions[PERSONAS.dev]),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tokenCount(server)).toBe(before);
    },
  );

  it('cannot be done with a token: a stolen token mints no more', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.dev, { companyId: acme(world), name: 'no minting' });
    const before = await tokenCount(server);
    expect(errorCode(await server.gql(CREATE, { input: { companyId: acme(world), name: 'minted' } }, made.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await server.gql(CREATE, { input: { companyId: globex(world), name: 'minted' } }, made.token)),
    ).toBe('FORBIDDEN');
    expect(await tokenCount(server)).toBe(before);
  });

  it(`stops at ${MAX_ACTIVE_TOKENS_PER_USER} active tokens per person`, async ({ server, world, sessions }) => {
    const active = await server.db.accessToken.count({
      where: { userId: world.user.dev, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    const expiresAt = new Date(Date.now() + 86_400_000);
    await server.db.accessToken.createMany({
      data: Array.from({ length: MAX_ACTIVE_TOKENS_PER_USER - active }, (_, i) => ({
        userId: world.user.dev!,
        companyId: acme(world),
        name: `filler ${i}`,
        prefix: 'tsr_pat_fill',
        tokenHash: `filler-${i}`,
        expiresAt,
      })),
    });
    expect(
      errorCode(
        await server.gql(CREATE, { input: { companyId: acme(world), name: 'one too many' } }, sessions[PERSONAS.dev]),
      ),
    ).toBe('CONFLICT');
    await server.db.accessToken.deleteMany({ where: { tokenHash: { startsWith: 'filler-' } } });
    await create(server, sessions, PERSONAS.dev, { companyId: acme(world), name: 'room again' });
  });
});

describe('a read-only token', () => {
  it('reads, but every mutation and every write is FORBIDDEN', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.ceo, {
      companyId: acme(world),
      name: 'read only',
      readOnly: true,
    });
    expect(made.accessToken.readOnly).toBe(true);
    const sales = world.endpoint['acme/sales-api']!;
    const read = await server.gql(READ, { c: acme(world), e: sales }, made.token);
    expect(read.errors).toBeUndefined();
    expect(read.data!.readOperation.status).toBe(200);

    const upstreamWrites = server.sandbox.stats.requests.total;
    expect(errorCode(await server.gql(WRITE, { c: acme(world), e: sales }, made.token))).toBe('FORBIDDEN');
    expect(server.sandbox.stats.requests.total).toBe(upstreamWrites);
    expect(errorCode(await server.gql(REVOKE, { id: made.accessToken.id }, made.token))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(CHAT, { c: acme(world) }, made.token))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(CONFIRM, { id: '00000000-0000-4000-8000-000000000000' }, made.token))).toBe(
      'FORBIDDEN',
    );
    // Signing in is not a change made with the token.
    expect(
      (
        await server.gql<{ login: { token: string } }>(
          `mutation { login(email: "${PERSONAS.ceo}", password: "tessera-demo") { token } }`,
          {},
          made.token,
        )
      ).data!.login.token,
    ).toBeTruthy();
    expect((await server.gql(LIST, {}, made.token)).data!.accessTokens.length).toBeGreaterThan(0);
  });

  it('is shown its WRITE grants as READ in myEndpoints, as the gateway treats them; a full token and the session see WRITE', async ({
    server,
    world,
    sessions,
  }) => {
    const accessOf = async (token: string) =>
      Object.fromEntries(
        (await server.gql(MY_ENDPOINTS, { c: acme(world) }, token)).data!.myEndpoints.map((g) => [
          g.endpoint.slug,
          g.access,
        ]),
      );
    const session = await accessOf(sessions[PERSONAS.ceo]!);
    expect(session['sales-api']).toBe('WRITE');
    expect(
      await accessOf(
        (await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'full list' })).token,
      ),
    ).toEqual(session);
    const readOnly = await accessOf(
      (await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'ro list', readOnly: true })).token,
    );
    expect(Object.keys(readOnly)).toEqual(Object.keys(session));
    expect(Object.values(readOnly).every((access) => access === 'READ')).toBe(true);
  });

  it('while a full token may change data (here: revoke itself)', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'full' });
    const res = await server.gql(REVOKE, { id: made.accessToken.id }, made.token);
    expect(res.data!.revokeAccessToken.status).toBe('REVOKED');
    // The audit row names the token the change was made with; the session's own rows name none.
    const [revoke] = await server.db.auditLog.findMany({
      where: { action: 'access_token.revoke', targetId: made.accessToken.id },
    });
    expect(revoke!.details).toMatchObject({ via: { accessTokenId: made.accessToken.id } });
    const [create_] = await server.db.auditLog.findMany({
      where: { action: 'access_token.create', targetId: made.accessToken.id },
    });
    expect(create_!.details).not.toHaveProperty('via');
    expect(errorCode(await server.gql(ME, {}, made.token))).toBe('UNAUTHENTICATED');
  });
});

describe('listing and revoking', () => {
  it("shows a person only their own tokens, and anyone else's id is NOT_FOUND", async ({ server, world, sessions }) => {
    const ceos = await create(server, sessions, PERSONAS.ceo, { companyId: acme(world), name: 'ceo private' });
    const devList = await server.gql(LIST, {}, sessions[PERSONAS.dev]);
    expect(devList.data!.accessTokens.map((t) => t.id)).not.toContain(ceos.accessToken.id);
    for (const as of [PERSONAS.dev, PERSONAS.admin]) {
      expect(errorCode(await server.gql(REVOKE, { id: ceos.accessToken.id }, sessions[as]))).toBe('NOT_FOUND');
    }
    expect(errorCode(await server.gql(REVOKE, { id: 'not-a-uuid' }, sessions[PERSONAS.dev]))).toBe('NOT_FOUND');
    expect(
      (await server.db.accessToken.findUniqueOrThrow({ where: { id: ceos.accessToken.id } })).revokedAt,
    ).toBeNull();
    expect((await server.gql(ME, {}, ceos.token)).data).toEqual({ me: { email: PERSONAS.ceo } });
  });

  it("filters by company; a token sees only its own company's tokens", async ({ server, world, sessions }) => {
    const atGlobex = await create(server, sessions, PERSONAS.ceo, { companyId: globex(world), name: 'globex' });
    const only = await server.gql(LIST, { c: globex(world) }, sessions[PERSONAS.ceo]);
    expect(new Set(only.data!.accessTokens.map((t) => t.company.slug))).toEqual(new Set(['globex']));
    const viaToken = await server.gql(LIST, {}, atGlobex.token);
    expect(new Set(viaToken.data!.accessTokens.map((t) => t.company.slug))).toEqual(new Set(['globex']));
    // Outside one's companies (the token's one company, for a token) the filter is NOT_FOUND.
    expect(errorCode(await server.gql(LIST, { c: acme(world) }, atGlobex.token))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(LIST, { c: globex(world) }, sessions[PERSONAS.cfo]))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(LIST, { c: 'abc' }, sessions[PERSONAS.cfo]))).toBe('NOT_FOUND');
  });
});

describe('the audit trail', () => {
  it('records create and revoke without the token or its hash', async ({ server, world, sessions }) => {
    const made = await create(server, sessions, PERSONAS.dev, {
      companyId: globex(world),
      name: 'audited',
      readOnly: true,
      expiresInDays: 7,
    });
    await server.gql(REVOKE, { id: made.accessToken.id }, sessions[PERSONAS.dev]);
    const rows = await server.db.auditLog.findMany({
      where: { targetId: made.accessToken.id },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.action, r.actorEmail, r.companyId])).toEqual([
      ['access_token.create', PERSONAS.dev, globex(world)],
      ['access_token.revoke', PERSONAS.dev, globex(world)],
    ]);
    expect(rows[0]!.details).toMatchObject({ name: 'audited', readOnly: true, prefix: made.token.slice(0, 12) });
    const hash = (await server.db.accessToken.findUniqueOrThrow({ where: { id: made.accessToken.id } })).tokenHash;
    const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(text).not.toContain(made.token);
    expect(text).not.toContain(made.token.slice(12));
    expect(text).not.toContain(hash);
    expect(JSON.stringify(server.logs)).not.toContain(made.token.slice(12));
  });
});
