// The migrator against real engines: the drift guard for prisma/migrations, plus apply and create
// on PGlite (always) and PostgreSQL (when DATABASE_URL is set).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  createMigration,
  defaultMigrationsDir,
  defaultSchemaPath,
  diffSchemaAgainstMigrations,
  isEmptyMigration,
} from './migrator.ts';

const committed = readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const EXTRA_MODEL = `
model Widget {
  id    Int    @id @default(autoincrement())
  label String

  @@map("widgets")
}
`;

async function tableNames(db: { query(sql: string): Promise<{ rows: unknown[] }> }): Promise<string[]> {
  const { rows } = await db.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return (rows as Array<{ table_name: string }>).map((r) => r.table_name);
}

describe('migrator', { timeout: 60_000 }, () => {
  let scratch: string;
  let host: PGlite; // the engine's main connection for diffs (the shadow database is its own)
  let modifiedSchema: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'tessera-migrator-'));
    modifiedSchema = join(scratch, 'schema.prisma');
    writeFileSync(modifiedSchema, readFileSync(defaultSchemaPath, 'utf8') + EXTRA_MODEL);
    host = await PGlite.create();
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('committed migrations produce exactly schema.prisma (drift guard)', async () => {
    expect(committed.length).toBeGreaterThan(0);
    const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(host));
    const hint = 'schema.prisma has changes that no migration covers: run `pnpm db:migration <name>`';
    expect(isEmptyMigration(sql), `${hint}\n${sql}`).toBe(true);
  });

  it('detects a schema change', async () => {
    const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(host), { schemaPath: modifiedSchema });
    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toContain('CREATE TABLE "widgets"');
    expect(sql).not.toContain('"companies"'); // only the change, not the whole schema
  });

  it('createMigration writes the change, then finds nothing left to do', async () => {
    const migrationsDir = join(scratch, 'migrations');
    cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
    rmSync(join(migrationsDir, 'migration_lock.toml'), { force: true }); // it must recreate it
    const options = { schemaPath: modifiedSchema, migrationsDir, log: () => {} };

    const created = await createMigration(new PrismaPGlite(host), 'add_widgets', {
      ...options,
      now: new Date('2099-01-02T03:04:05Z'),
    });
    expect(created && basename(created.dir)).toBe('20990102030405_add_widgets');
    expect(readFileSync(join(created!.dir, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "widgets"');
    expect(readFileSync(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    expect(readdirSync(created!.dir)).toEqual(['migration.sql']);

    const again = await createMigration(new PrismaPGlite(host), 'add_widgets_again', { ...options, now: new Date() });
    expect(again).toBeNull();
    expect(readdirSync(migrationsDir).filter((n) => n.includes('add_widgets'))).toEqual([basename(created!.dir)]);
  });

  it('rejects a bad migration name before doing anything', async () => {
    await expect(createMigration(new PrismaPGlite(host), 'Add-Widgets')).rejects.toThrow(/Invalid migration name/);
  });

  it('applies the migrations to a fresh PGlite once, and records them', async () => {
    const dataDir = join(scratch, 'pglite');
    mkdirSync(dataDir);
    const started = Date.now();
    const db = await PGlite.create(dataDir);
    try {
      const opened = Date.now();
      const first = await applyMigrations(new PrismaPGlite(db));
      console.info(`fresh PGlite: open ${opened - started} ms, apply ${Date.now() - opened} ms`);
      expect(first.applied).toEqual(committed);
      expect((await applyMigrations(new PrismaPGlite(db))).applied).toEqual([]);

      const tables = await tableNames(db);
      for (const t of ['_prisma_migrations', 'companies', 'roles', 'users', 'api_endpoints', 'role_api_permissions']) {
        expect(tables).toContain(t);
      }
      const { rows } = await db.query<{ migration_name: string; finished_at: Date | null }>(
        'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(committed);
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('reports a failing migration by name, rolls it back and records it as failed', async () => {
    const migrationsDir = join(scratch, 'broken-migrations');
    cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
    mkdirSync(join(migrationsDir, '20990101000000_broken'));
    writeFileSync(
      join(migrationsDir, '20990101000000_broken', 'migration.sql'),
      "CREATE TABLE half_done (note TEXT DEFAULT 'a;b');\nCREATE TABLE broken (;\n",
    );
    const db = await PGlite.create();
    try {
      await expect(applyMigrations(new PrismaPGlite(db), { migrationsDir })).rejects.toThrow(
        /Migration 20990101000000_broken failed.*syntax error/s,
      );
      expect(await tableNames(db)).not.toContain('half_done'); // the script is one transaction
      const { rows } = await db.query<{ finished_at: Date | null }>(
        "SELECT finished_at FROM _prisma_migrations WHERE migration_name = '20990101000000_broken'",
      );
      expect(rows).toEqual([{ finished_at: null }]);
      await expect(applyMigrations(new PrismaPGlite(db), { migrationsDir })).rejects.toThrow(/failed migrations/);
    } finally {
      await db.close();
    }
  });

  const databaseUrl = process.env.DATABASE_URL;
  const pgTitle = databaseUrl
    ? 'applies the migrations to PostgreSQL once'
    : 'PostgreSQL (skipped: DATABASE_URL is unset)';
  it.skipIf(!databaseUrl)(pgTitle, async () => {
    const name = `tessera_migrator_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const factory = new PrismaPg({ connectionString: url.toString() });
    const check = new pg.Client({ connectionString: url.toString() });
    try {
      expect((await applyMigrations(factory)).applied).toEqual(committed);
      expect((await applyMigrations(factory)).applied).toEqual([]);
      await check.connect();
      expect(await tableNames(check)).toEqual(
        expect.arrayContaining(['_prisma_migrations', 'companies', 'api_credentials']),
      );
    } finally {
      await check.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
