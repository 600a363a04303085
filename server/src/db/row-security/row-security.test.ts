// Row-level security, proven on the running server's own database connection (PGlite and
// PostgreSQL alike): the app's role is bound by the policies, a statement without a scope sees
// no company's rows, a scope sees exactly its companies' rows and cannot write another's, and
// concurrent statements in different scopes never see each other's scope.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { startTestServer } from '../../../test/harness.ts';
import type { Db } from '../client.ts';
import { uniqueName, withPgClient } from '../../../test/database.ts';
import { deriveAppRolePassword, provisionAppRole } from './app-role.ts';
import { asSystem, NO_COMPANIES, withCompany, withDbScope } from './scope.ts';
import { flattenCompoundKeys } from './unbatched-find-unique.ts';

/** Tables whose company is their parent's (no company_id of their own). */
const CHILD_TABLES = ['endpoint_operations', 'messages', 'webhook_deliveries'];

const count = (db: Db, table: string) =>
  db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`).then((rows) => rows[0]!.n);
const companiesIn = (db: Db, table: string) =>
  db
    .$queryRawUnsafe<{ company_id: string | null }[]>(`SELECT DISTINCT company_id::text FROM "${table}"`)
    .then((rows) => rows.map((r) => r.company_id));

const it = serverTest
  // The server's own connection as the application's role.
  .extend('app', { scope: 'file' }, ({ server }): Db => server.tessera.appDb)
  /** Tables with a company_id column, read from the catalog: a new one is covered without edits. */
  .extend('companyTables', { scope: 'file' }, async ({ server }) =>
    (
      await server.db.$queryRaw<{ table_name: string }[]>`
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND c.column_name = 'company_id' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`
    ).map((r) => r.table_name),
  );
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ companyTables }) => {
  void [companyTables];
});

// Rows in every table, so that "sees nothing" means something: a conversation with a message.
it.beforeAll(async ({ app, world }) => {
  await asSystem('test setup', async () => {
    const conversation = await app.conversation.create({
      data: { userId: world.user.ceo!, companyId: world.company.acme!, title: 't' },
    });
    await app.message.create({ data: { conversationId: conversation.id, role: 'user', content: 'hello' } });
  });
});

describe('the application role', () => {
  it('is neither superuser nor owner nor allowed to bypass row security', async ({ app }) => {
    const [row] = await app.$queryRaw<{ user: string; superuser: boolean; bypass: boolean; owns: boolean }[]>`
      SELECT current_user AS user, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
             EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid AND c.relname = 'api_endpoints') AS owns
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(row).toEqual({ user: 'tessera_app', superuser: false, bypass: false, owns: false });
  });

  it('finds the company tables in the catalog, and every one of them has row security on', async ({
    server,
    companyTables,
  }) => {
    expect(companyTables).toEqual(
      expect.arrayContaining([
        'api_credentials',
        'api_endpoints',
        'audit_logs',
        'pending_actions',
        'role_api_permissions',
        'upstream_calls',
        'user_company_access',
      ]),
    );
    const unprotected = await server.db.$queryRaw<{ relname: string }[]>`
      SELECT relname FROM pg_class WHERE relname = ANY(${[...companyTables, ...CHILD_TABLES]}) AND relkind = 'r' AND NOT relrowsecurity`;
    expect(unprotected).toEqual([]);
  });

  it('may not change or remove audit rows even in the system scope (append-only by privilege too)', async ({ app }) => {
    await expect(
      asSystem('test', () => app.$executeRawUnsafe(`UPDATE audit_logs SET action = 'forged'`)),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(asSystem('test', () => app.$executeRawUnsafe(`DELETE FROM audit_logs`))).rejects.toThrow(
      /permission denied|append-only/,
    );
  });
});

describe('a statement without a company set', () => {
  it('sees no row of any company table, while the owner-free system scope sees them', async ({
    server,
    app,
    companyTables,
  }) => {
    for (const table of [...companyTables, ...CHILD_TABLES]) {
      expect({ table, rows: await withDbScope(NO_COMPANIES, () => count(app, table)) }).toEqual({ table, rows: 0 });
      expect({ table, rows: await count(app, table) }).toEqual({ table, rows: 0 }); // nothing set at all
    }
    const seeded = await Promise.all(
      [
        'api_endpoints',
        'endpoint_operations',
        'role_api_permissions',
        'user_company_access',
        'api_credentials',
        'messages',
      ].map((t) => count(server.db, t)),
    );
    expect(seeded.every((n) => n > 0)).toBe(true);
  });

  it('cannot write a company row', async ({ server, world, app }) => {
    await expect(
      app.apiEndpoint.create({
        data: { companyId: world.company.acme!, slug: 'sneaky', name: 'Sneaky', baseUrl: 'https://example.com' },
      }),
    ).rejects.toThrow(/row-level security/);
    expect(await server.db.apiEndpoint.count({ where: { slug: 'sneaky' } })).toBe(0);
  });
});

describe("a company's scope", () => {
  it("sees that company's rows and no other's, in every company table and through parents", async ({
    world,
    app,
    companyTables,
  }) => {
    for (const table of companyTables) {
      const seen = await withCompany(world.company.acme!, () => companiesIn(app, table));
      expect({ table, others: seen.filter((c) => c !== world.company.acme) }).toEqual({ table, others: [] });
    }
    const operations = await withCompany(world.company.globex!, () =>
      app.endpointOperation.findMany({ select: { endpoint: { select: { companyId: true } } } }),
    );
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations.map((o) => o.endpoint.companyId))).toEqual(new Set([world.company.globex]));
  });

  it("cannot read, write, change or delete another company's rows; nothing changes", async ({ server, world, app }) => {
    const globexEndpoint = world.endpoint['globex/finance-api']!;
    await withCompany(world.company.acme!, async () => {
      expect(await app.apiEndpoint.findUnique({ where: { id: globexEndpoint } })).toBeNull();
      expect((await app.apiEndpoint.updateMany({ where: { id: globexEndpoint }, data: { name: 'Taken' } })).count).toBe(
        0,
      );
      expect((await app.apiEndpoint.deleteMany({ where: { id: globexEndpoint } })).count).toBe(0);
      await expect(
        app.apiEndpoint.create({
          data: { companyId: world.company.globex!, slug: 'planted', name: 'Planted', baseUrl: 'https://example.com' },
        }),
      ).rejects.toThrow(/row-level security/);
      // Moving an own row into another company is a write into it: refused.
      await expect(
        app.apiEndpoint.update({
          where: { id: world.endpoint['acme/finance-api']! },
          data: { companyId: world.company.globex! },
        }),
      ).rejects.toThrow();
    });
    const after = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: globexEndpoint } });
    expect(after.name).not.toBe('Taken');
    expect(await server.db.apiEndpoint.count({ where: { slug: 'planted' } })).toBe(0);
    expect(
      (await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: world.endpoint['acme/finance-api']! } })).companyId,
    ).toBe(world.company.acme);
  });

  it('holds inside transactions, and ends with them', async ({ world, app }) => {
    const seen = await withCompany(world.company.acme!, () =>
      app.$transaction(async (tx) => tx.apiEndpoint.findMany({ select: { companyId: true } })),
    );
    expect(new Set(seen.map((e) => e.companyId))).toEqual(new Set([world.company.acme]));
    expect(await count(app, 'api_endpoints')).toBe(0);
  });

  it('may write a platform audit row (a sign-in) but not read one back', async ({ server, world, app }) => {
    const before = await server.db.auditLog.count({ where: { companyId: null } });
    await withCompany(world.company.acme!, () =>
      app.auditLog.createMany({ data: { action: 'test.platform', actorEmail: 'x@demo.test' } }),
    );
    expect(await server.db.auditLog.count({ where: { companyId: null } })).toBe(before + 1);
    expect(await withCompany(world.company.acme!, () => app.auditLog.count({ where: { companyId: null } }))).toBe(0);
  });
});

describe('concurrent statements in different scopes', () => {
  it('each see exactly their own scope, on every connection (200 interleaved reads and transactions)', async ({
    world,
    app,
  }) => {
    const scopes = [world.company.acme!, world.company.globex!, null] as const;
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const company = scopes[i % scopes.length]!;
        const read = () =>
          i % 4 === 0
            ? app.$transaction((tx) => tx.apiEndpoint.findMany({ select: { companyId: true } }))
            : app.apiEndpoint.findMany({ select: { companyId: true } });
        const rows = company === null ? await withDbScope(NO_COMPANIES, read) : await withCompany(company, read);
        return { expected: company, seen: [...new Set(rows.map((r) => r.companyId))] };
      }),
    );
    for (const { expected, seen } of results) expect(seen).toEqual(expected === null ? [] : [expected]);
  });
});

describe('Prisma merging findUnique calls of one tick', () => {
  it("does not make one scope run another scope's lookup (each finds its own row)", async ({ world, app }) => {
    const [acme, globex, byCompoundKey] = await Promise.all([
      withCompany(world.company.acme!, () =>
        app.apiEndpoint.findUnique({ where: { id: world.endpoint['acme/finance-api']! } }),
      ),
      withCompany(world.company.globex!, () =>
        app.apiEndpoint.findUnique({ where: { id: world.endpoint['globex/finance-api']! } }),
      ),
      withCompany(world.company.globex!, () =>
        app.apiEndpoint.findUniqueOrThrow({
          where: { companyId_slug: { companyId: world.company.globex!, slug: 'finance-api' } },
        }),
      ),
    ]);
    expect(acme?.id).toBe(world.endpoint['acme/finance-api']);
    expect(globex?.id).toBe(world.endpoint['globex/finance-api']);
    expect(byCompoundKey.id).toBe(world.endpoint['globex/finance-api']);
  });

  it("never lets a lookup ride on a system one into another company's row", async ({ server, world, app }) => {
    const globexEndpoint = world.endpoint['globex/finance-api']!;
    const [system, acme] = await Promise.all([
      server.db.apiEndpoint.findUnique({ where: { id: globexEndpoint } }),
      withCompany(world.company.acme!, () => app.apiEndpoint.findUnique({ where: { id: globexEndpoint } })),
    ]);
    expect(system?.id).toBe(globexEndpoint);
    expect(acme).toBeNull();
  });

  it('keeps a lookup inside its transaction (it sees what the transaction wrote)', async ({ server, world, app }) => {
    class Rollback extends Error {}
    let seen: unknown = 'not run';
    await withCompany(world.company.acme!, () =>
      app.$transaction(async (tx) => {
        const created = await tx.apiEndpoint.create({
          data: {
            companyId: world.company.acme!,
            slug: 'in-transaction',
            name: 'In transaction',
            baseUrl: 'https://example.com',
          },
        });
        seen = (await tx.apiEndpoint.findUnique({ where: { id: created.id } }))?.slug;
        throw new Rollback();
      }),
    ).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
    expect(seen).toBe('in-transaction');
    expect(await server.db.apiEndpoint.count({ where: { slug: 'in-transaction' } })).toBe(0);
  });

  it('flattens compound unique keys and keeps every other condition', () => {
    expect(
      flattenCompoundKeys({ companyId_slug: { companyId: 'c', slug: 's' }, id: 'x', company: { slug: 'a' } }),
    ).toEqual({ companyId: 'c', slug: 's', id: 'x', company: { slug: 'a' } });
    expect(
      flattenCompoundKeys({ roleId_companyId_endpointId: { roleId: 'r', companyId: 'c', endpointId: 'e' } }),
    ).toEqual({ roleId: 'r', companyId: 'c', endpointId: 'e' });
  });
});

describe('over GraphQL', () => {
  it("a member's request runs in their companies: their endpoints, no one else's rows", async ({ server }) => {
    const token = await server.login(PERSONAS.dev);
    const res = await server.gql<{ me: { memberships: { company: { id: string } }[] } }>(
      '{ me { memberships { company { id } } } }',
      {},
      token,
    );
    const theirs = new Set(res.data!.me.memberships.map((m) => m.company.id));
    expect(theirs.size).toBeGreaterThan(0);
    for (const companyId of theirs) {
      const grants = await server.gql<{ myEndpoints: { endpoint: { id: string; companyId?: string } }[] }>(
        'query ($c: ID!) { myEndpoints(companyId: $c) { endpoint { id } } }',
        { c: companyId },
        token,
      );
      expect(grants.errors).toBeUndefined();
      expect(grants.data!.myEndpoints.length).toBeGreaterThan(0);
      const owners = await server.db.apiEndpoint.findMany({
        where: { id: { in: grants.data!.myEndpoints.map((g) => g.endpoint.id) } },
        select: { companyId: true },
      });
      expect(new Set(owners.map((o) => o.companyId))).toEqual(new Set([companyId]));
    }
  });
});

describe('starting', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'refuses an app connection the policies would not bind, and says why (PostgreSQL)',
    async () => {
      // DATABASE_URL's own user owns the tables (and is a superuser in CI): not a valid app role.
      await expect(startTestServer({ DATABASE_APP_URL: process.env.DATABASE_URL! })).rejects.toThrow(
        /row security.*(superuser|owns the tables)/i,
      );
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'provisions the app role from many instances at once, each ending with a role that signs in (PostgreSQL)',
    async ({ server }) => {
      // Instances started together (a deploy) once failed here: concurrent GRANTs on one database
      // raced ("tuple concurrently updated") and an instance refused to start.
      const ownerUrl = server.config.databaseUrl!;
      const role = uniqueName('tessera_app_race');
      const password = deriveAppRolePassword('race-key', role);
      try {
        const urls = await Promise.all(Array.from({ length: 6 }, () => provisionAppRole({ ownerUrl, role, password })));
        expect(new Set(urls).size).toBe(1);
        const canRead = await withPgClient(
          urls[0]!,
          async (client) => (await client.query('SELECT count(*)::int AS n FROM api_endpoints')).rows[0].n,
        );
        expect(canRead).toBe(0); // signed in, granted, and bound by the policies (no scope: no rows)
      } finally {
        await withPgClient(ownerUrl, async (owner) => {
          await owner.query(`DROP OWNED BY "${role}"`);
          await owner.query(`DROP ROLE "${role}"`);
        });
      }
    },
  );

  it('with DATABASE_ROW_SECURITY=false runs as the owner, whom the policies do not bind', async () => {
    const plain = await startTestServer({ DATABASE_ROW_SECURITY: 'false' });
    try {
      expect(await count(plain.tessera.appDb, 'api_endpoints')).toBeGreaterThan(0);
      const [row] = await plain.tessera.appDb.$queryRaw<{ user: string }[]>`SELECT current_user AS user`;
      expect(row!.user).not.toBe('tessera_app');
    } finally {
      await plain.close();
    }
  });
});
