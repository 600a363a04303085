// Upgrading a database that already has audit rows: the migration chains them (in id order per
// company), the verifier agrees, and new rows continue each chain.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, expect, it } from 'vitest';
import { createPrismaClient } from '../../db/client.ts';
import { applyMigrations, defaultMigrationsDir } from '../../db/migrator.ts';
import { verifyAuditChains } from './audit-chain.ts';

const CHAIN_MIGRATION = '20261128213300_audit_hash_chain';
const scratch = mkdtempSync(join(tmpdir(), 'tessera-audit-upgrade-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('chains the rows written before the migration, and new rows continue the chains', { timeout: 120_000 }, async () => {
  const before = join(scratch, 'migrations');
  cpSync(join(defaultMigrationsDir, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
  for (const dir of readdirSync(defaultMigrationsDir).filter((d) => /^\d+_/.test(d) && d < CHAIN_MIGRATION))
    cpSync(join(defaultMigrationsDir, dir), join(before, dir), { recursive: true });

  const pglite = await PGlite.create();
  try {
    await applyMigrations(new PrismaPGlite(pglite), { migrationsDir: before });
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    await pglite.exec(`
      INSERT INTO audit_logs (company_id, action, details, actor_email) VALUES
        ('${a}', 'one', '{"b": 1, "a": "ünïcode ✓", "n": 1.50}', 'x@demo.test'),
        (NULL, 'auth.login', NULL, 'y@demo.test'),
        ('${b}', 'other', '[1, 2]', NULL),
        ('${a}', 'two', NULL, NULL),
        (NULL, 'auth.login_failed', NULL, 'z@demo.test'),
        ('${a}', 'three', '{}', NULL);`);

    const applied = await applyMigrations(new PrismaPGlite(pglite));
    expect(applied.applied[0]).toBe(CHAIN_MIGRATION);
    const db = createPrismaClient(new PrismaPGlite(pglite));
    const rows = await db.auditLog.findMany({ where: { companyId: a }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.action, Number(r.seq)])).toEqual([
      ['one', 1],
      ['two', 2],
      ['three', 3],
    ]);

    await db.auditLog.create({ data: { companyId: a, action: 'four' } });
    await db.auditLog.create({ data: { action: 'auth.login' } });
    const reports = await verifyAuditChains(db);
    expect(reports.map((r) => [r.chain, r.rows, r.broken])).toEqual([
      [a, 4, null],
      [b, 1, null],
      ['platform', 3, null],
    ]);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_logs WHERE action = 'one'`)).rejects.toThrow(/append-only/);
  } finally {
    await pglite.close();
  }
});
