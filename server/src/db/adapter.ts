// The one place that decides which PostgreSQL Tessera talks to: a server through
// @prisma/adapter-pg when DATABASE_URL is set, otherwise PGlite (real PostgreSQL compiled to
// WebAssembly) persisted under DATA_DIR. The same generated client and the same migrations
// serve both.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export interface DatabaseTarget {
  /** postgres:// URL; when absent, the embedded PGlite database under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export interface OpenedDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgres' | 'pglite';
  /** Closes pools or the embedded database. Safe to call twice. */
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.databaseUrl) {
    const factory = new PrismaPg({ connectionString: target.databaseUrl, max: 10 });
    return { factory, kind: 'postgres', close: async () => {} };
  }
  const dir = join(target.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  let closed = false;
  return {
    factory: new PrismaPGlite(pglite),
    kind: 'pglite',
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
