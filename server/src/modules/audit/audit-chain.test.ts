// The audit trail's hash chains over real GraphQL mutations: intact after concurrent writes,
// append-only at the database, and every kind of tampering (done with the triggers switched off,
// inside a transaction that is rolled back) reported at exactly the row it touched.
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import type { Db, Prisma } from '../../db/client.ts';
import { openOwnerDb } from '../../../test/owner-db.ts';
import type { TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { verifyAuditChains, type ChainReport } from './audit-chain.ts';
import { formatAuditReport } from './audit-chain-report.ts';

const SET = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;
const UPDATE_ENDPOINT = `mutation ($id: ID!, $input: UpdateEndpointInput!) { updateEndpoint(id: $id, input: $input) { id } }`;

class Rollback extends Error {}

/** Runs `tamper` with the audit triggers off, verifies inside the same transaction, rolls back. */
async function tampered(owner: Db, sql: string[], companyId?: string): Promise<ChainReport[]> {
  let reports: ChainReport[] = [];
  await owner
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE audit_logs DISABLE TRIGGER USER');
        for (const statement of sql) await tx.$executeRawUnsafe(statement);
        reports = await verifyAuditChains(tx, companyId ? { companyId } : {});
        throw new Rollback();
      },
      { timeout: 60_000, maxWait: 60_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return reports;
}

async function acmeRows(server: TestServer, world: WorldIds) {
  return server.db.auditLog.findMany({
    where: { companyId: world.company.acme },
    orderBy: { seq: 'asc' },
    select: { id: true, seq: true, action: true },
  });
}

const it = serverTest
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))
  // The database owner's client: the tampering below is what the application's role may not do.
  .extend('owner', { scope: 'file' }, async ({ server }, { onCleanup }) => {
    const owner = openOwnerDb(server.tessera);
    onCleanup(() => owner.$disconnect());
    return owner;
  });

// Audited changes in Acme's chain and a failed login in the platform chain, for the tests to verify.
it.beforeAll(async ({ server, world, admin }) => {
  const endpointId = world.endpoint['acme/finance-api'];
  for (const access of ['READ', 'WRITE', 'NONE']) {
    const res = await server.gql(
      SET,
      { roleId: world.role.cfo, companyId: world.company.acme, endpointId, access },
      admin,
    );
    expect(res.errors).toBeUndefined();
  }
  const res = await server.gql(
    UPDATE_ENDPOINT,
    { id: endpointId, input: { description: 'Ledger and invoices' } },
    admin,
  );
  expect(res.errors).toBeUndefined();
  await server.gql('mutation { login(email: "nobody@demo.test", password: "wrong") { token } }');
}, 120_000);

describe('the chain', () => {
  it('links every row of a company in order, from the genesis hash, and verifies', async ({ server, world }) => {
    const rows = await server.db.auditLog.findMany({
      where: { companyId: world.company.acme },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.action)).toEqual([
      'permission.set',
      'permission.set',
      'permission.set',
      'endpoint.update',
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.chain))).toEqual(new Set([world.company.acme]));

    const reports = await verifyAuditChains(server.db);
    expect(reports.filter((r) => r.broken)).toEqual([]);
    const acme = reports.find((r) => r.chain === world.company.acme)!;
    expect(acme).toMatchObject({ rows: 4, head: { seq: '4', hash: rows[3]!.hash } });
    // Logins (successful or not) have no company: they form the platform chain.
    const platform = reports.find((r) => r.chain === 'platform')!;
    expect(platform.rows).toBe(await server.db.auditLog.count({ where: { companyId: null } }));
    expect(platform.rows).toBeGreaterThanOrEqual(2);
    expect(formatAuditReport(reports, new Map([[world.company.acme!, 'acme']]))).toMatch(
      /^OK {6}acme \(.*\): 4 rows, head seq 4 hash [0-9a-f]{64}$/m,
    );
  });

  it('stays one unbroken chain under 20 concurrent mutations of one company', async ({ server, world, admin }) => {
    const before = (await acmeRows(server, world)).length;
    const endpoints = ['acme/finance-api', 'acme/sales-api'].map((k) => world.endpoint[k]!);
    const calls = Array.from({ length: 20 }, (_, i) =>
      server.gql(UPDATE_ENDPOINT, { id: endpoints[i % 2], input: { description: `Concurrent ${i}` } }, admin),
    );
    const results = await Promise.all(calls);
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const rows = await acmeRows(server, world);
    expect(rows.length).toBe(before + 20);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    const [report] = await verifyAuditChains(server.db, { companyId: world.company.acme });
    expect(report).toMatchObject({ rows: before + 20, broken: null });
  });
});

describe('append-only', () => {
  it.for([
    ['UPDATE', `UPDATE audit_logs SET action = 'forged'`],
    ['DELETE', 'DELETE FROM audit_logs'],
    ['TRUNCATE', 'TRUNCATE audit_logs'],
  ] as const)('refuses %s with a clear error', async ([op, statement], { server, owner }) => {
    // As the owner: the application's role may not even try (row-security.test.ts).
    const count = await server.db.auditLog.count();
    await expect(owner.$executeRawUnsafe(statement)).rejects.toThrow(`audit_logs is append-only: ${op} is not allowed`);
    expect(await server.db.auditLog.count()).toBe(count);
  });

  it('refuses updates through Prisma as well', async ({ owner }) => {
    await expect(owner.auditLog.updateMany({ data: { action: 'forged' } })).rejects.toThrow(/append-only/);
  });
});

describe('tampering is reported at exactly the row', () => {
  it('an edited row: its hash no longer matches', async ({ server, world, owner }) => {
    const row = (await acmeRows(server, world))[1]!;
    const reports = await tampered(owner, [`UPDATE audit_logs SET action = 'permission.forged' WHERE id = ${row.id}`]);
    expect(reports.filter((r) => r.broken).map((r) => [r.chain, r.broken])).toEqual([
      [world.company.acme, expect.objectContaining({ kind: 'edited', id: String(row.id), seq: String(row.seq) })],
    ]);
  });

  it('an edited row whose hash was recomputed: the next row no longer links to it', async ({
    server,
    world,
    owner,
  }) => {
    const [, row, next] = await acmeRows(server, world);
    const rehash = `hash = audit_log_hash(chain, seq, prev_hash, id, created_at, actor_id, actor_email, company_id, 'permission.forged', target_type, target_id, request_id, details)`;
    const reports = await tampered(
      owner,
      [`UPDATE audit_logs SET action = 'permission.forged', ${rehash} WHERE id = ${row!.id}`],
      world.company.acme,
    );
    expect(reports[0]!.broken).toMatchObject({ kind: 'removed', id: String(next!.id) });
    expect(reports[0]!.broken!.message).toContain('does not link to the row before it');
  });

  it('a removed row: the next row shows the gap', async ({ server, world, owner }) => {
    const [, row, next] = await acmeRows(server, world);
    const reports = await tampered(owner, [`DELETE FROM audit_logs WHERE id = ${row!.id}`], world.company.acme);
    expect(reports[0]!.broken).toMatchObject({ kind: 'removed', id: String(next!.id), seq: String(next!.seq) });
    expect(reports[0]!.broken!.message).toContain('1 row(s) before it were removed');
  });

  it('reordered rows: two rows swapped places', async ({ server, world, owner }) => {
    const [, a, b] = await acmeRows(server, world);
    const reports = await tampered(
      owner,
      [
        `UPDATE audit_logs SET seq = -1 WHERE id = ${a!.id}`,
        `UPDATE audit_logs SET seq = ${a!.seq} WHERE id = ${b!.id}`,
        `UPDATE audit_logs SET seq = ${b!.seq} WHERE id = ${a!.id}`,
      ],
      world.company.acme,
    );
    expect(reports[0]!.broken).toMatchObject({ kind: 'reordered', id: String(b!.id), seq: String(a!.seq) });
  });

  it('a row slipped in with the chain trigger off', async ({ world, owner }) => {
    const reports = await tampered(
      owner,
      [`INSERT INTO audit_logs (company_id, action) VALUES ('${world.company.acme}', 'forged.insert')`],
      world.company.acme,
    );
    expect(reports[0]!.broken).toMatchObject({ kind: 'unchained' });
    const all = await tampered(owner, [
      `INSERT INTO audit_logs (company_id, action) VALUES ('${world.company.acme}', 'forged.insert')`,
    ]);
    expect(all.filter((r) => r.broken).map((r) => r.broken!.kind)).toEqual(['unchained']);
    expect(formatAuditReport(all, new Map())).toMatch(/^1 of \d+ chains broken\.$/m);
  });

  it('the rolled-back tampering left the chains intact', async ({ server }) => {
    expect((await verifyAuditChains(server.db)).filter((r) => r.broken)).toEqual([]);
    const rows: Prisma.AuditLogGetPayload<object>[] = await server.db.auditLog.findMany({
      where: { action: { contains: 'forged' } },
    });
    expect(rows).toEqual([]);
  });
});
