// Test databases. A template is migrated and seeded once per run (global setup); every test
// file then gets its own copy: a copied PGlite folder by default, or with DATABASE_URL a
// PostgreSQL database created FROM TEMPLATE. Tests never share mutable state.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/adapter.ts';
import { createPrismaClient, type Db } from '../src/db/client.ts';

export interface TemplateInfo {
  kind: 'pglite' | 'postgres';
  /** PGlite: the template DATA_DIR. PostgreSQL: the template database name. */
  location: string;
  /** PostgreSQL server URL the template lives on. */
  serverUrl?: string;
}

export interface TestDatabase {
  databaseUrl?: string;
  dataDir: string;
  drop(): Promise<void>;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function withPgClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function copyTemplate(template: TemplateInfo): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  if (template.kind === 'pglite') {
    cpSync(template.location, dataDir, { recursive: true });
    return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = template.serverUrl!;
  const name = uniqueName('tessera_t');
  await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template.location}"`));
  return {
    dataDir,
    databaseUrl: withDatabaseName(serverUrl, name),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A migrated, seeded database copy with a Prisma client and no server, for data-layer tests. */
export async function openTestDb(template: TemplateInfo): Promise<{ db: Db; close(): Promise<void> }> {
  const copy = await copyTemplate(template);
  const database = await openDatabase({ databaseUrl: copy.databaseUrl, dataDir: copy.dataDir });
  const db = createPrismaClient(database.factory);
  return {
    db,
    async close() {
      await db.$disconnect();
      await database.close();
      await copy.drop();
    },
  };
}
