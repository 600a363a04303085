// The one place that decides which PostgreSQL Tessera talks to: a server through
// @prisma/adapter-pg when DATABASE_URL is set, otherwise PGlite (real PostgreSQL compiled to
// WebAssembly) persisted under DATA_DIR. The same generated client and the same migrations
// serve both.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import {
  assertPostgresAppRole,
  becomeAppRoleOnPglite,
  deriveAppRolePassword,
  provisionAppRole,
  RowSecurityUnavailableError,
} from './row-security/app-role.ts';
import { asSessionUser, withRowSecurity } from './row-security/scoped-adapter.ts';
import { ScopedPool } from './row-security/scoped-pool.ts';
import { loadPglite } from './pglite.ts';
import type { PreparedRunner } from './prepared.ts';

export interface DatabaseTarget {
  /** postgres:// URL; when absent, the embedded PGlite database under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export interface OpenedDatabase {
  /** The owner's connection: migrations, grants and maintenance (the CLI). */
  factory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgres' | 'pglite';
  /**
   * The application's connection, after migrations. With row security on, it is bound by the
   * tenant policies (row-security/): a role that owns nothing, with each statement's scope set.
   */
  forApplication(options: ApplicationAccess): Promise<SqlMigrationAwareDriverAdapterFactory>;
  /** Runs maintenance SQL as the owner (DDL; tests that break or repair the schema). */
  runAsOwner(sql: string): Promise<void>;
  /** The owner's connection for a Prisma client, after the app took over (tests that tamper, tools). */
  ownerFactory(): SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs named prepared statements (db/prepared.ts) on the application's pool, once
   * `forApplication` made one (PostgreSQL with row security); null otherwise (Prisma runs them).
   */
  preparedRunner(): PreparedRunner | null;
  /** Closes pools or the embedded database. Safe to call twice. */
  close(): Promise<void>;
}

interface ApplicationAccess {
  rowSecurity: boolean;
  /** The role Tessera provisions (PostgreSQL, without appUrl) or switches to (PGlite). */
  appRole: string;
  /** DATABASE_APP_URL: an operator-made role; Tessera then only checks it is bound. */
  appUrl?: string | undefined;
  /** Keys the provisioned role's password (PostgreSQL); see deriveAppRolePassword. */
  passwordKey: string;
  /** An idle pooled connection was ended by the server (it is dropped; a new one is made when needed). */
  onIdleError?: (error: Error) => void;
}

/** The owner URL's password keys the app role's, so every instance derives the same one. */
export function appRolePasswordKey(databaseUrl: string | undefined, fallback: () => string): string {
  const password = databaseUrl ? decodeURIComponent(new URL(databaseUrl).password) : '';
  return password || fallback();
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.databaseUrl) {
    const ownerUrl = target.databaseUrl;
    const factory = new PrismaPg({ connectionString: ownerUrl, max: 10 });
    const pools: ScopedPool[] = [];
    let appPool: ScopedPool | null = null;
    return {
      factory,
      kind: 'postgres',
      preparedRunner: () => {
        const pool = appPool;
        return pool && (async ({ name, text }, values) => (await pool.run({ name, text, values: [...values] })).rows);
      },
      forApplication: async (access) => {
        if (!access.rowSecurity) return factory;
        const appUrl =
          access.appUrl ??
          (await provisionAppRole({
            ownerUrl,
            role: access.appRole,
            password: deriveAppRolePassword(access.passwordKey, access.appRole),
          }).catch((error: unknown) => {
            throw new RowSecurityUnavailableError(
              `Row security: could not provision the database role "${access.appRole}" (${(error as Error).message}). ` +
                'Create a plain role with access to this database and set DATABASE_APP_URL, or set DATABASE_ROW_SECURITY=false.',
            );
          }));
        await assertPostgresAppRole(appUrl);
        const pool = new ScopedPool({ connectionString: appUrl, max: 10 }, (error) => access.onIdleError?.(error));
        pools.push(pool);
        appPool = pool;
        // (@types/pg differs between the adapter and this package; the runtime pg is one.)
        return withRowSecurity(
          new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]),
          'scoped-pool',
        );
      },
      ownerFactory: () => factory,
      runAsOwner: async (sql) => {
        const owner = new pg.Client({ connectionString: ownerUrl });
        await owner.connect();
        try {
          await owner.query(sql);
        } finally {
          await owner.end().catch(() => undefined);
        }
      },
      close: async () => {
        await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
      },
    };
  }
  const dir = join(target.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const { PGlite, PrismaPGlite } = await loadPglite();
  const pglite = await PGlite.create(dir);
  let closed = false;
  return {
    factory: new PrismaPGlite(pglite),
    kind: 'pglite',
    preparedRunner: () => null,
    forApplication: async (access) => {
      if (!access.rowSecurity) return new PrismaPGlite(pglite);
      await becomeAppRoleOnPglite(pglite, access.appRole);
      return withRowSecurity(new PrismaPGlite(pglite), 'single-connection');
    },
    ownerFactory: () => asSessionUser(new PrismaPGlite(pglite)),
    // The one connection may have become the app role: back to its session user (the owner) for
    // one transaction, which also keeps every other statement out meanwhile.
    runAsOwner: async (sql) => {
      await pglite.transaction(async (tx) => {
        await tx.exec('SET LOCAL ROLE NONE');
        await tx.exec(sql);
      });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
