// auditLogs over HTTP as the demo personas: what a change leaves behind, in order, paged
// without gaps, filtered, scoped to the companies one administers, and free of secrets.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { errorCode, type GqlResponse, type TestServer } from '../../../test/harness.ts';

interface Node {
  id: string;
  createdAt: string;
  action: string;
  companyId: string | null;
  company: { slug: string } | null;
  actor: { id: string | null; email: string | null; name: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: unknown;
}
interface Page {
  auditLogs: { edges: { node: Node; cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const AUDIT = `query ($companyId: ID, $filter: AuditLogFilter, $first: Int, $after: String) {
  auditLogs(companyId: $companyId, filter: $filter, first: $first, after: $after) {
    edges { cursor node { id createdAt action companyId company { slug } actor { id email name } targetType targetId requestId details } }
    pageInfo { hasNextPage endCursor }
  } }`;
const SET_ACCESS = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;
const CREATE_CREDENTIAL = 'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }';
const ROTATE_CREDENTIAL = 'mutation ($id: ID!, $secret: JSON!) { rotateCredential(id: $id, secret: $secret) { id } }';

const SECRET = 'tk-AUDIT-never-shown-5f3a9c';
const ROTATED = 'tk-AUDIT-rotated-also-hidden-81be';

const requestIds = { setAccess: `audit-test-${randomUUID()}`, createCredential: `audit-test-${randomUUID()}` };

/** A GraphQL call with a chosen x-request-id, so the entry can be matched to the request. */
async function gqlWithRequestId(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  bearer: string,
  requestId: string,
) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.headers.get('x-request-id')).toBe(requestId);
  const body = (await res.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
}

const audit = (server: TestServer, token: Record<string, string>, variables: Record<string, unknown>, as = 'admin') =>
  server.gql<Page>(AUDIT, variables, token[as]);
const nodesOf = (res: GqlResponse<Page>) => {
  expect(res.errors).toBeUndefined();
  return res.data!.auditLogs.edges.map((e) => e.node);
};

/** Every entry a scope holds, in the order the API must give them. */
async function expectedOrder(server: TestServer, companyId: string | null | undefined) {
  if (companyId === undefined) throw new Error('no such company in the demo world');
  const rows = await server.db.auditLog.findMany({
    where: companyId ? { companyId } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return rows.map((r) => String(r.id));
}

async function walk(
  server: TestServer,
  token: Record<string, string>,
  variables: Record<string, unknown>,
  first: number,
  as = 'admin',
) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const res: GqlResponse<Page> = await audit(server, token, { ...variables, first, after }, as);
    expect(res.errors).toBeUndefined();
    const { edges, pageInfo } = res.data!.auditLogs;
    expect(edges.length).toBeLessThanOrEqual(first);
    seen.push(...edges.map((e) => e.node.id));
    if (!pageInfo.hasNextPage) return seen;
    expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
    after = pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

const it = serverTest
  // Sessions by who holds them, signed in once for the file.
  .extend('token', { scope: 'file' }, async ({ server }) => {
    const token: Record<string, string> = {};
    for (const [who, email] of Object.entries({
      admin: PERSONAS.admin,
      companyadmin: PERSONAS.companyAdmin,
      dev: PERSONAS.dev,
      cfo: PERSONAS.cfo,
    })) {
      token[who] = await server.login(email);
    }
    return token;
  })
  // The changes every test below reads: a permission, then a credential (its id), then its rotation.
  .extend('credentialId', { scope: 'file' }, async ({ server, world, token }) => {
    await gqlWithRequestId(
      server,
      SET_ACCESS,
      {
        roleId: world.role.cfo,
        companyId: world.company.acme,
        endpointId: world.endpoint['acme/finance-api'],
        access: 'READ',
      },
      token.admin!,
      requestIds.setAccess,
    );
    const input = {
      companyId: world.company.acme,
      roleId: world.role.cfo,
      endpointId: world.endpoint['acme/finance-api'],
      name: 'audit test',
      kind: 'API_KEY',
      secret: { apiKey: SECRET },
    };
    await gqlWithRequestId(server, CREATE_CREDENTIAL, { input }, token.admin!, requestIds.createCredential);
    const credentialId = (await server.db.apiCredential.findFirstOrThrow({ where: { name: 'audit test' } })).id;
    expect(
      (await server.gql(ROTATE_CREDENTIAL, { id: credentialId, secret: { apiKey: ROTATED } }, token.admin)).errors,
    ).toBeUndefined();
    // Globex gets an entry of its own, made by the platform admin.
    expect(
      (
        await server.gql(
          SET_ACCESS,
          {
            roleId: world.role.cfo,
            companyId: world.company.globex,
            endpointId: world.endpoint['globex/hr-api'],
            access: 'READ',
          },
          token.admin,
        )
      ).errors,
    ).toBeUndefined();
    return credentialId;
  });
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ token, credentialId }) => {
  void [token, credentialId];
});

describe('entries of a change', () => {
  it('appear newest first with their actor, request id, company and details', async ({
    server,
    world,
    token,
    credentialId,
  }) => {
    const [rotate, create, set] = nodesOf(await audit(server, token, { companyId: world.company.acme, first: 3 }));
    expect(rotate!.action).toBe('credential.rotate');
    expect(create).toMatchObject({
      action: 'credential.create',
      companyId: world.company.acme,
      company: { slug: 'acme' },
      actor: { id: world.user.admin, email: PERSONAS.admin, name: 'Dana Admin' },
      targetType: 'credential',
      targetId: credentialId,
      requestId: requestIds.createCredential,
      details: {
        name: 'audit test',
        kind: 'API_KEY',
        roleId: world.role.cfo,
        endpointId: world.endpoint['acme/finance-api'],
      },
    });
    expect(set).toMatchObject({
      action: 'permission.set',
      actor: { id: world.user.admin, email: PERSONAS.admin, name: 'Dana Admin' },
      targetType: 'endpoint',
      targetId: world.endpoint['acme/finance-api'],
      requestId: requestIds.setAccess,
      details: { roleId: world.role.cfo, from: 'NONE', to: 'READ' },
    });
    expect(Date.parse(create!.createdAt)).toBeGreaterThanOrEqual(Date.parse(set!.createdAt));
  });

  it('hold no secret for credential changes, neither stored nor shown', async ({ server, token }) => {
    const stored = await server.db.auditLog.findMany({ where: { action: { startsWith: 'credential.' } } });
    const shown = nodesOf(await audit(server, token, { filter: { action: 'credential.' }, first: 200 }));
    expect(shown.map((n) => n.action).sort()).toEqual(['credential.create', 'credential.rotate']);
    for (const text of [
      JSON.stringify(stored, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      JSON.stringify(shown),
    ]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ROTATED);
      expect(text).not.toContain(SECRET.slice(-4));
    }
    const secretLooking = (value: unknown, path = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) =>
            /secret|token|password|api.?key/i.test(k) && typeof v === 'string'
              ? [`${path}${k}`]
              : secretLooking(v, `${path}${k}.`),
          )
        : [];
    expect(shown.flatMap((n) => secretLooking(n.details))).toEqual([]);
    // Replacing the secret binds it to the endpoint's current origin, which the row names (never a secret).
    expect(shown.find((n) => n.action === 'credential.rotate')!.details).toEqual({
      name: 'audit test',
      secretReplaced: true,
      origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
  });

  it('hides a secret-looking string that ever reached details', async ({ server, world, token }) => {
    await server.db.auditLog.create({
      data: {
        companyId: world.company.globex,
        action: 'test.leak',
        details: { clientSecret: 'leaked-value', nested: { apiKey: 'leaked-too' }, secretReplaced: true },
      },
    });
    const [leak] = nodesOf(await audit(server, token, { filter: { action: 'test.leak' } }));
    expect(leak!.details).toEqual({
      clientSecret: '[redacted]',
      nested: { apiKey: '[redacted]' },
      secretReplaced: true,
    });
    expect(leak!.actor).toBeNull();
  });
});

describe('pagination', () => {
  it.beforeAll(async ({ server, world }) => {
    // Entries recorded at the same millisecond: only the id orders them.
    const at = new Date();
    for (let i = 0; i < 3; i += 1)
      await server.db.auditLog.create({
        data: { companyId: world.company.acme, createdAt: at, action: 'test.same_time', details: { i } },
      });
  });

  it('with first=1 walks every entry of a company once, in order', async ({ server, world, token }) => {
    const expected = await expectedOrder(server, world.company.acme);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(await walk(server, token, { companyId: world.company.acme }, 1)).toEqual(expected);
  });

  it('with first=2 across all companies gives the same as one page of 200', async ({ server, token }) => {
    const expected = await expectedOrder(server, null);
    expect(expected.length).toBeLessThanOrEqual(200);
    const single = nodesOf(await audit(server, token, { first: 200 })).map((n) => n.id);
    expect(single).toEqual(expected);
    expect(await walk(server, token, {}, 2)).toEqual(expected);
  });

  it('ends with hasNextPage false and an empty page after the last cursor', async ({ server, world, token }) => {
    const all = await audit(server, token, { companyId: world.company.acme, first: 200 });
    const { edges, pageInfo } = all.data!.auditLogs;
    expect(pageInfo.hasNextPage).toBe(false);
    const after = await audit(server, token, { companyId: world.company.acme, after: edges.at(-1)!.cursor });
    expect(after.data!.auditLogs).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.for([
    ['first=0', { first: 0 }],
    ['first=-1', { first: -1 }],
    ['first=1000', { first: 1000 }],
    ['first=201', { first: 201 }],
    ['a made-up cursor', { after: 'not-a-cursor' }],
    ['a cursor of another format', { after: Buffer.from('2025-01-01T00:00:00.000Z|1').toString('base64url') }],
  ] as const)('%s is BAD_USER_INPUT', async ([_name, variables], { server, world, token }) => {
    const res = await audit(server, token, { companyId: world.company.acme, ...variables });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });
});

describe('filters', () => {
  it('by exact action and by a family of actions', async ({ server, world, token }) => {
    const exact = nodesOf(
      await audit(server, token, { companyId: world.company.acme, filter: { action: 'permission.set' } }),
    );
    expect(exact.length).toBeGreaterThan(0);
    expect(new Set(exact.map((n) => n.action))).toEqual(new Set(['permission.set']));
    const family = nodesOf(
      await audit(server, token, { companyId: world.company.acme, filter: { action: 'credential.' } }),
    );
    expect(family.map((n) => n.action)).toEqual(['credential.rotate', 'credential.create']);
  });

  it('by actor and by target type', async ({ server, world, token, credentialId }) => {
    const byActor = nodesOf(await audit(server, token, { filter: { actorId: world.user.companyadmin } }));
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((n) => n.actor?.id === world.user.companyadmin)).toBe(true);
    const byTarget = nodesOf(
      await audit(server, token, { companyId: world.company.acme, filter: { targetType: 'credential' } }),
    );
    expect(byTarget.map((n) => n.targetId)).toEqual([credentialId, credentialId]);
  });

  it('by time: from inclusive, to exclusive', async ({ server, world, token }) => {
    const all = nodesOf(await audit(server, token, { companyId: world.company.acme, first: 200 }));
    const set = all.find((n) => n.action === 'permission.set' && n.requestId === requestIds.setAccess)!;
    const at = set.createdAt;
    const from = nodesOf(
      await audit(server, token, { companyId: world.company.acme, first: 200, filter: { from: at } }),
    );
    expect(from.map((n) => n.id)).toEqual(all.filter((n) => n.createdAt >= at).map((n) => n.id));
    expect(from.map((n) => n.id)).toContain(set.id);
    const to = nodesOf(await audit(server, token, { companyId: world.company.acme, first: 200, filter: { to: at } }));
    expect(to.map((n) => n.id)).toEqual(all.filter((n) => n.createdAt < at).map((n) => n.id));
    expect(
      nodesOf(await audit(server, token, { companyId: world.company.acme, filter: { from: at, to: at } })),
    ).toEqual([]);
  });

  it('rejects a range that ends before it starts', async ({ server, world, token }) => {
    expect(
      errorCode(
        await audit(server, token, {
          companyId: world.company.acme,
          filter: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an actor with no entry in sight', async ({ server, world, token }) => {
    // The CFO only signed in, which is a platform-wide entry, not an Acme one.
    expect(
      errorCode(await audit(server, token, { companyId: world.company.acme, filter: { actorId: world.user.cfo } })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await audit(server, token, { companyId: world.company.acme, filter: { actorId: 'not-a-uuid' } })),
    ).toBe('NOT_FOUND');
  });
});

describe('who may read what', () => {
  it('a Globex administrator sees Globex entries only', async ({ server, world, token }) => {
    const nodes = nodesOf(await audit(server, token, { companyId: world.company.globex, first: 200 }, 'companyadmin'));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.map((n) => n.id)).toEqual(await expectedOrder(server, world.company.globex));
    expect(new Set(nodes.map((n) => n.company?.slug))).toEqual(new Set(['globex']));
  });

  it('a Globex administrator asking for Acme gets NOT_FOUND, and for every company FORBIDDEN', async ({
    server,
    world,
    token,
  }) => {
    const acme = await audit(server, token, { companyId: world.company.acme }, 'companyadmin');
    expect(errorCode(acme)).toBe('NOT_FOUND');
    expect(acme.data ?? null).toBeNull();
    expect(errorCode(await audit(server, token, {}, 'companyadmin'))).toBe('FORBIDDEN');
  });

  it('a developer gets FORBIDDEN in their own company and for every company', async ({ server, world, token }) => {
    expect(errorCode(await audit(server, token, { companyId: world.company.acme }, 'dev'))).toBe('FORBIDDEN');
    expect(errorCode(await audit(server, token, {}, 'dev'))).toBe('FORBIDDEN');
  });

  it('the platform admin sees every company and the platform-wide entries (sign-ins)', async ({
    server,
    world,
    token,
  }) => {
    const nodes = nodesOf(await audit(server, token, { first: 200 }));
    expect(new Set(nodes.map((n) => n.company?.slug ?? null))).toEqual(new Set(['acme', 'globex', null]));
    const login = nodes.find((n) => n.action === 'auth.login' && n.actor?.email === PERSONAS.dev)!;
    expect(login).toMatchObject({
      companyId: null,
      company: null,
      actor: { id: world.user.dev, name: 'Devon Developer' },
      targetType: 'user',
    });
  });

  it('keeps the entries of a deleted company, without the company', async ({ server, token }) => {
    const created = await server.gql<{ createCompany: { id: string } }>(
      'mutation { createCompany(input: { name: "Initech", slug: "initech" }) { id } }',
      {},
      token.admin,
    );
    const id = created.data!.createCompany.id as string;
    expect(
      (await server.gql('mutation ($id: ID!) { deleteCompany(id: $id) }', { id }, token.admin)).errors,
    ).toBeUndefined();
    const nodes = nodesOf(await audit(server, token, { filter: { action: 'company.', targetType: 'company' } }));
    expect(nodes.filter((n) => n.targetId === id).map((n) => [n.action, n.companyId, n.company])).toEqual([
      ['company.delete', id, null],
      ['company.create', id, null],
    ]);
  });
});
