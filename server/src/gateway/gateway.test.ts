// The gateway end to end over GraphQL against the sandbox APIs: the policy table of the demo
// personas, parameter validation, rate limits, the cache, retries, timeouts, size caps, the
// SSRF guard and the call log. Upstream requests are counted at the sandbox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, onTestFinished } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { errorCode, onlyError, type TestServer } from '../../test/harness.ts';
import type { WorldIds } from '../../test/world.ts';
import { DEMO_COMPANIES, DEMO_GRANTS, DEMO_USERS } from '../demo/world.ts';
import { pickTestOperation } from '../modules/credential/credential.tester.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { AnswerBudget, HEAP_PER_ANSWER_BYTE } from './answer-budget.ts';

const READ = `query ($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status data cached attempts durationMs } }`;
const WRITE = `mutation ($c: ID!, $e: ID!, $o: String!, $p: JSON, $b: JSON) { writeOperation(companyId: $c, endpointId: $e, operation: $o, params: $p, body: $b) { status data cached attempts } }`;

type Result = { status: number; data: any; cached: boolean; attempts: number };

// The personas' sessions, signed in once for the file, by email.
const it = serverTest.extend('tokens', { scope: 'file' }, async ({ server }) => {
  const tokens: Record<string, string> = {};
  for (const email of [...DEMO_USERS.map((u) => u.email)]) tokens[email] = await server.login(email);
  return tokens;
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ tokens }) => {
  void [tokens];
});

it.beforeEach(({ server }) => server.sandbox.reset());

const upstreamRequests = (server: TestServer) => server.sandbox.stats.requests.total;

function read(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
  endpoint: string,
  operation: string,
  params?: unknown,
) {
  return server.gql<{ readOperation: Result }>(
    READ,
    { c: world.company[company], e: world.endpoint[`${company}/${endpoint}`], o: operation, p: params },
    tokens[email],
  );
}
function write(
  server: TestServer,
  world: WorldIds,
  tokens: Record<string, string>,
  email: string,
  company: string,
  endpoint: string,
  operation: string,
  body?: unknown,
  params?: unknown,
) {
  return server.gql<{ writeOperation: Result }>(
    WRITE,
    { c: world.company[company], e: world.endpoint[`${company}/${endpoint}`], o: operation, p: params, b: body },
    tokens[email],
  );
}

describe('the policy table: every persona × company × endpoint × read/write', () => {
  const cases = DEMO_USERS.flatMap((user) =>
    DEMO_COMPANIES.flatMap((company) =>
      company.endpoints.map((endpoint) => {
        const member = user.memberships.some((m) => m.company === company.slug);
        const grant = DEMO_GRANTS.find(
          (g) =>
            g.company === company.slug &&
            g.endpoint === endpoint.slug &&
            user.memberships.some((m) => m.company === company.slug && m.role === g.role),
        );
        return { email: user.email, company: company.slug, endpoint, member, access: grant?.access ?? 'NONE' };
      }),
    ),
  );

  it.for(cases)(
    '$email at $company on $endpoint.slug ($access)',
    async ({ email, company, endpoint, member, access }, { server, world, tokens }) => {
      const getOp = pickTestOperation(endpoint.template.operations, null)!;
      const writeOp = endpoint.template.operations.find((o) => o.method === 'POST')!;
      const before = upstreamRequests(server);
      const r = await read(server, world, tokens, email, company, endpoint.slug, getOp.key);
      const w = await write(server, world, tokens, email, company, endpoint.slug, writeOp.key, {});
      if (access === 'NONE') {
        expect(errorCode(r)).toBe('NOT_FOUND');
        expect(errorCode(w)).toBe('NOT_FOUND');
        expect(upstreamRequests(server)).toBe(before);
        return;
      }
      expect(member).toBe(true);
      expect(r.errors).toBeUndefined();
      expect(r.data!.readOperation.status).toBe(200);
      // An empty body is invalid for every demo write: WRITE reaches validation, READ is refused first.
      expect(errorCode(w)).toBe(access === 'WRITE' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
      expect(upstreamRequests(server)).toBe(before + 1);
    },
  );
});

describe('reads and writes through the demo world', () => {
  it('the CEO creates an opportunity at Acme, and reads it back', async ({ server, world, tokens }) => {
    const accounts = await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 1 });
    const accountId = accounts.data!.readOperation.data.data[0].id;
    const created = await write(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'createOpportunity', {
      name: 'Gateway test deal',
      accountId,
      amount: 12_500,
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.writeOperation.status).toBe(201);
    const id = created.data!.writeOperation.data.id;
    const got = await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'getOpportunity', { id });
    expect(got.data!.readOperation.data).toMatchObject({ id, name: 'Gateway test deal', amount: 12_500 });
  });

  it('refuses missing and ill-typed parameters before any request', async ({ server, world, tokens }) => {
    const before = upstreamRequests(server);
    const missing = onlyError(
      await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'getOpportunity', {}),
    );
    expect(missing).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(missing.message).toContain('id');
    expect(
      errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 'ten' })),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { nope: 1 })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'createOpportunity'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'noSuchOperation'))).toBe(
      'NOT_FOUND',
    );
    expect(upstreamRequests(server)).toBe(before);
  });

  it("validates with the operation's current parameter schema: a schema tightened after a call applies to the next one", async ({
    server,
    world,
    tokens,
  }) => {
    const id = world.operation['acme/sales-api/listAccounts']!;
    const { paramsSchema } = await server.db.endpointOperation.findUniqueOrThrow({ where: { id } });
    expect(
      (await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 5 })).errors,
    ).toBeUndefined();
    const tightened = {
      type: 'object',
      properties: { limit: { type: 'integer', maximum: 2 } },
      additionalProperties: false,
    };
    const admin = await server.login(PERSONAS.admin);
    const update = await server.gql(
      'mutation ($id: ID!, $s: JSON) { updateOperation(id: $id, input: { paramsSchema: $s }) { id } }',
      { id, s: tightened },
      admin,
    );
    expect(update.errors).toBeUndefined();
    try {
      expect(
        errorCode(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 5 })),
      ).toBe('BAD_USER_INPUT');
    } finally {
      await server.db.endpointOperation.update({ where: { id }, data: { paramsSchema: paramsSchema ?? undefined } });
    }
  });

  it('answers an upstream 404 as UPSTREAM_ERROR with the status and no upstream body', async ({
    server,
    world,
    tokens,
  }) => {
    const error = onlyError(
      await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'getOpportunity', { id: 'does-not-exist' }),
    );
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 404 });
    expect(error.message).toBe('Sales API answered HTTP 404 (not found).');
  });
});

/**
 * The largest budget for the rest of this test (then the endpoint's own again): a bucket refills
 * at its limit per minute from its last call, so the next call finds it full whatever an earlier
 * test left in it.
 */
async function withLargeBudget(server: TestServer, world: WorldIds, endpoint: string) {
  const where = { id: world.endpoint[endpoint]! };
  const { rateLimitPerMinute } = await server.db.apiEndpoint.findUniqueOrThrow({
    where,
    select: { rateLimitPerMinute: true },
  });
  await server.db.apiEndpoint.update({ where, data: { rateLimitPerMinute: 1_000_000 } });
  onTestFinished(() => server.db.apiEndpoint.update({ where, data: { rateLimitPerMinute } }).then(() => undefined));
}

describe('rate limits', () => {
  it('refuses past the endpoint budget with retryAfterSeconds, sends nothing, and leaves other endpoints alone', async ({
    server,
    world,
    tokens,
  }) => {
    await server.db.apiEndpoint.update({
      where: { id: world.endpoint['acme/finance-api'] },
      data: { rateLimitPerMinute: 3, cacheTtlSeconds: 0 },
    });
    const before = upstreamRequests(server);
    for (let i = 0; i < 3; i += 1)
      expect(
        (await read(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance')).errors,
      ).toBeUndefined();
    const limited = onlyError(await read(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'getCashBalance'));
    expect(limited.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(upstreamRequests(server)).toBe(before + 3);
    expect(
      (await read(server, world, tokens, PERSONAS.ceo, 'globex', 'hr-api', 'getHeadcount')).errors,
    ).toBeUndefined();
  });

  it('cached reads spend no budget: a dashboard polling cached data is never limited', async ({
    server,
    world,
    tokens,
  }) => {
    const where = { id: world.endpoint['acme/sales-api'] };
    const original = await server.db.apiEndpoint.findUniqueOrThrow({
      where,
      select: { rateLimitPerMinute: true, cacheTtlSeconds: true },
    });
    await server.db.apiEndpoint.update({ where, data: { rateLimitPerMinute: 2, cacheTtlSeconds: 300 } });
    onTestFinished(() => server.db.apiEndpoint.update({ where, data: original }).then(() => undefined));
    const before = upstreamRequests(server);
    for (let i = 0; i < 10; i += 1)
      expect(
        (await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', { limit: 3 }))
          .errors,
      ).toBeUndefined();
    expect(upstreamRequests(server)).toBe(before + 1);
    // The budget is still there for calls that reach the API: one more miss passes, the next is refused.
    expect(
      (await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', { limit: 4 })).errors,
    ).toBeUndefined();
    expect(
      errorCode(
        await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', { limit: 5 }),
      ),
    ).toBe('RATE_LIMITED');
    expect(upstreamRequests(server)).toBe(before + 2);
  });
});

describe('the response cache', () => {
  it('serves a repeated read from cache, and 50 concurrent identical misses make one request', async ({
    server,
    world,
    tokens,
  }) => {
    const before = upstreamRequests(server);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        read(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects', { limit: 5 }),
      ),
    );
    expect(results.every((r) => r.data?.readOperation.status === 200)).toBe(true);
    expect(upstreamRequests(server)).toBe(before + 1);
    const again = await read(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects', { limit: 5 });
    expect(again.data!.readOperation).toMatchObject({ cached: true, attempts: 0 });
    expect(upstreamRequests(server)).toBe(before + 1);
  });

  it('a write to the endpoint invalidates its cached reads', async ({ server, world, tokens }) => {
    // About the cache, not the budget: the rate-limit tests above drained Sales API's bucket,
    // which refills at 10 calls a second once restored, so a fast run would be refused here.
    await withLargeBudget(server, world, 'acme/sales-api');
    await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', { limit: 3 });
    expect(
      (await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', { limit: 3 })).data!
        .readOperation.cached,
    ).toBe(true);
    const accountId = (
      await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 1 })
    ).data!.readOperation.data.data[0].id;
    const written = await write(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'createOpportunity', {
      name: 'Invalidate',
      accountId,
      amount: 1,
    });
    expect(written.errors).toBeUndefined();
    const after = await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listOpportunities', {
      limit: 3,
    });
    expect(after.errors).toBeUndefined();
    expect(after.data!.readOperation.cached).toBe(false);
  });

  it('is never shared between credentials', async ({ server, world, tokens }) => {
    const admin = tokens[PERSONAS.admin];
    await server.gql(
      `mutation ($r: ID!, $c: ID!, $e: ID!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: READ) { access } }`,
      { r: world.role.cfo, c: world.company.acme, e: world.endpoint['acme/finance-api'] },
      admin,
    );
    const ceoCredential = await server.db.apiCredential.findFirstOrThrow({
      where: { endpointId: world.endpoint['acme/finance-api'] },
    });
    const row = { ...ceoCredential, id: undefined, roleId: world.role.cfo, name: 'cfo copy' };
    // The CFO gets a credential of their own (sealed again: a copied ciphertext would not open).
    const secret = server.tessera.vault.openCredentialSecret(ceoCredential);
    await server.gql(
      `mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }`,
      {
        input: {
          companyId: row.companyId,
          roleId: row.roleId,
          endpointId: row.endpointId,
          name: row.name,
          kind: row.kind,
          secret,
        },
      },
      admin,
    );
    await server.db.apiEndpoint.update({
      where: { id: world.endpoint['acme/finance-api'] },
      data: { cacheTtlSeconds: 60 },
    });
    await withLargeBudget(server, world, 'acme/finance-api'); // drained by the rate-limit tests
    await read(server, world, tokens, PERSONAS.ceo, 'acme', 'finance-api', 'listPayments', { limit: 2 });
    const cfo = await read(server, world, tokens, PERSONAS.cfo, 'acme', 'finance-api', 'listPayments', { limit: 2 });
    expect(cfo.data!.readOperation.cached).toBe(false);
  });
});

describe('a read whose cache key the gateway remembers (its lookup starts while the facts load)', () => {
  const gitlab = (world: WorldIds) => world.endpoint['globex/gitlab-api']!;
  const admin = (
    server: TestServer,
    tokens: Record<string, string>,
    query: string,
    variables: Record<string, unknown>,
  ) => server.gql(query, variables, tokens[PERSONAS.admin]);
  const SET_ACCESS = `mutation ($r: ID!, $c: ID!, $e: ID!, $a: AccessLevel!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: $a) { access } }`;
  const listProjects = (server: TestServer, world: WorldIds, tokens: Record<string, string>) =>
    read(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects', { limit: 7 });

  it('is still decided by the facts: once the grant is gone it is refused, and no cached data comes back', async ({
    server,
    world,
    tokens,
  }) => {
    await server.db.apiEndpoint.update({ where: { id: gitlab(world) }, data: { cacheTtlSeconds: 60 } });
    await listProjects(server, world, tokens);
    expect((await listProjects(server, world, tokens)).data!.readOperation.cached).toBe(true);
    expect(
      (
        await admin(server, tokens, SET_ACCESS, {
          r: world.role.developer,
          c: world.company.globex,
          e: gitlab(world),
          a: 'NONE',
        })
      ).errors,
    ).toBeUndefined();
    try {
      const refused = await listProjects(server, world, tokens);
      expect(errorCode(refused)).toBe('NOT_FOUND');
      expect(refused.data).toBeNull();
    } finally {
      await admin(server, tokens, SET_ACCESS, {
        r: world.role.developer,
        c: world.company.globex,
        e: gitlab(world),
        a: 'READ',
      });
    }
    expect((await listProjects(server, world, tokens)).data!.readOperation.cached).toBe(true);
  });

  it("is not served the old credential's entry once the role's credential is another one", async ({
    server,
    world,
    tokens,
  }) => {
    await server.db.apiEndpoint.update({ where: { id: gitlab(world) }, data: { cacheTtlSeconds: 60 } });
    await listProjects(server, world, tokens);
    expect((await listProjects(server, world, tokens)).data!.readOperation.cached).toBe(true);
    const old = await server.db.apiCredential.findFirstOrThrow({
      where: { endpointId: gitlab(world), roleId: world.role.developer },
    });
    const created = await admin(
      server,
      tokens,
      `mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }`,
      {
        input: {
          companyId: old.companyId,
          roleId: old.roleId,
          endpointId: old.endpointId,
          name: 'developer key 2',
          kind: old.kind,
          secret: server.tessera.vault.openCredentialSecret(old),
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(
      (await admin(server, tokens, 'mutation ($id: ID!) { deleteCredential(id: $id) }', { id: old.id })).errors,
    ).toBeUndefined();
    const before = upstreamRequests(server);
    const fresh = await listProjects(server, world, tokens);
    expect(fresh.data!.readOperation).toMatchObject({ status: 200, cached: false });
    expect(upstreamRequests(server)).toBe(before + 1);
    expect((await listProjects(server, world, tokens)).data!.readOperation.cached).toBe(true);
  });
});

describe('retries, timeouts and size', () => {
  it('retries a 503 and succeeds', async ({ server, world, tokens }) => {
    server.sandbox.knobs.failNext(1, 503);
    const res = await read(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories', { limit: 2 });
    expect(res.data!.readOperation).toMatchObject({ status: 200, attempts: 2 });
  });

  it.for([1, 'http-date'] as const)(
    'honours a 429 with Retry-After as %s',
    async (retryAfter, { server, world, tokens }) => {
      server.sandbox.knobs.rateLimitNext(1, retryAfter);
      const res = await read(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories', {
        limit: retryAfter === 1 ? 3 : 13,
      });
      expect(res.data!.readOperation).toMatchObject({ status: 200, attempts: 2 });
    },
  );

  it('gives up after a bounded number of attempts', async ({ server, world, tokens }) => {
    server.sandbox.knobs.failNext(10, 503);
    const before = upstreamRequests(server);
    const error = onlyError(
      await read(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories', { limit: 4 }),
    );
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 503 });
    expect(upstreamRequests(server) - before).toBe(3);
  });

  it('retries a write that carries the idempotency key the gateway adds', async ({ server, world, tokens }) => {
    const accountId = (
      await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'listAccounts', { limit: 1 })
    ).data!.readOperation.data.data[0].id;
    server.sandbox.knobs.failNext(1, 503);
    const res = await write(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'createOpportunity', {
      name: 'Retried',
      accountId,
      amount: 5,
    });
    expect(res.data!.writeOperation).toMatchObject({ status: 201, attempts: 2 });
  });

  it('times out a hanging API, retrying reads once it answers', async ({ server, world }) => {
    const fast = server.tessera.gateway.withOptions({ timeoutMs: 300 });
    const principal = (await loadPrincipal(server.db, world.user.dev!))!;
    const call = {
      principal,
      companyId: world.company.acme!,
      endpointId: world.endpoint['acme/github-api']!,
      operationKey: 'listRepositories',
      mode: 'read' as const,
      source: 'test',
    };
    server.sandbox.knobs.hangNext(1);
    expect(await fast.call({ ...call, params: { limit: 6 } })).toMatchObject({ status: 200, attempts: 2 });
    server.sandbox.knobs.hangNext(5);
    await expect(fast.call({ ...call, params: { limit: 7 } })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_ERROR', reason: 'TIMEOUT' },
    });
  });

  it('handles large answers within its heap budget: callers beyond it wait their turn, and all are answered', async ({
    server,
    world,
  }) => {
    const budget = new AnswerBudget(3 * 1024 * 1024); // room for one 600 kB answer at a time (4 heap bytes per byte)
    const gateway = server.tessera.gateway.withOptions({ answerBudget: budget });
    const principal = (await loadPrincipal(server.db, world.user.dev!))!;
    const call = (n: number) =>
      gateway.call({
        principal,
        companyId: world.company.acme!,
        endpointId: world.endpoint['acme/github-api']!,
        operationKey: 'listRepositories',
        params: { limit: 20 + n },
        mode: 'read',
        source: 'test',
      });
    server.sandbox.knobs.hugeResponseNext(6, 600 * 1024);
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map(call));
    expect(results.map((r) => [r.status, (r.data as { padding: string }).padding.length > 500_000])).toEqual(
      Array(6).fill([200, true]),
    );
    expect(budget.peak).toBe(600 * 1024 * HEAP_PER_ANSWER_BYTE); // one at a time, never two
    // Small answers never wait, whatever the budget holds.
    expect((await call(40)).status).toBe(200);
  });

  it('refuses a response over the size cap', async ({ server, world, tokens }) => {
    server.sandbox.knobs.hugeResponseNext(1, 6 * 1024 * 1024);
    const error = onlyError(
      await read(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories', { limit: 8 }),
    );
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'TOO_LARGE' });
  });
});

describe('the SSRF guard', () => {
  const confirmOrigin = async (
    server: TestServer,
    world: WorldIds,
    tokens: Record<string, string>,
    endpoint: string,
    origin: string,
  ) => {
    const credential = await server.db.apiCredential.findFirstOrThrow({
      where: { endpointId: world.endpoint[endpoint] },
    });
    const res = await server.gql(
      'mutation ($id: ID!, $o: String!) { confirmCredentialOrigin(id: $id, origin: $o) { id } }',
      { id: credential.id, o: origin },
      tokens[PERSONAS.admin],
    );
    expect(res.errors).toBeUndefined();
  };

  it('refuses an endpoint on a loopback address that is not allowlisted, and nothing reaches it', async ({
    server,
    world,
    tokens,
  }) => {
    let received = 0;
    const target = createServer((_req, res) => {
      received += 1;
      res.end('{}');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (target.address() as AddressInfo).port;
      await server.db.apiEndpoint.update({
        where: { id: world.endpoint['acme/github-api'] },
        data: { baseUrl: `http://127.0.0.1:${port}`, cacheTtlSeconds: 0 },
      });
      // An administrator even confirmed the credential for that origin: the guard still refuses it.
      await confirmOrigin(server, world, tokens, 'acme/github-api', `http://127.0.0.1:${port}`);
      const error = onlyError(
        await read(server, world, tokens, PERSONAS.dev, 'acme', 'github-api', 'listRepositories'),
      );
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'BLOCKED' });
      expect(received).toBe(0);
    } finally {
      await server.db.apiEndpoint.update({
        where: { id: world.endpoint['acme/github-api'] },
        data: { baseUrl: `${server.sandbox.url}/acme/github` },
      });
      await confirmOrigin(server, world, tokens, 'acme/github-api', new URL(server.sandbox.url).origin);
      target.close();
    }
  });
});

describe('the call log', () => {
  it('has a row per call with outcome, status, attempts and cache flag, and no secret', async ({
    server,
    world,
    tokens,
  }) => {
    await server.tessera.callLog.flush();
    await server.db.upstreamCall.deleteMany();
    await read(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects', { limit: 9 });
    await read(server, world, tokens, PERSONAS.dev, 'globex', 'gitlab-api', 'listProjects', { limit: 9 });
    await read(server, world, tokens, PERSONAS.ceo, 'acme', 'sales-api', 'getOpportunity', { id: 'missing' });
    await server.tessera.callLog.flush();
    const rows = await server.db.upstreamCall.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.operationKey, r.outcome, r.status, r.cached, r.source])).toEqual([
      ['listProjects', 'ok', 200, false, 'graphql'],
      ['listProjects', 'ok', 200, true, 'graphql'],
      ['getOpportunity', 'upstream_error', 404, false, 'graphql'],
    ]);
    expect(rows[0]!.bytes).toBeGreaterThan(0);
    const secrets = await server.db.apiCredential.findMany();
    const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    for (const c of secrets) {
      const s = server.tessera.vault.openCredentialSecret<Record<string, string>>(c);
      for (const v of Object.values(s))
        if (typeof v === 'string' && v.length > 8 && !v.startsWith('http')) expect(text).not.toContain(v);
    }
  });
});
