// Assembles a running Tessera from a config: database (migrated, seeded when asked), schema,
// HTTP server. main.ts runs it as a process; the tests run it in-process on port 0.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { TokenService } from './auth/jwt.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/adapter.ts';
import { createPrismaClient, type Db, type DbOptions } from './db/client.ts';
import { applyMigrations } from './db/migrator.ts';
import { isEmptyDatabase, seedDemoWorld } from './db/seed.ts';
import { buildAppSchema } from './graphql/schema.ts';
import { startHttpServer } from './http/server.ts';
import type { Logger } from './lib/logger.ts';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  db?: DbOptions;
}

export interface Tessera {
  url: string;
  db: Db;
  databaseKind: 'postgres' | 'pglite';
  seeded: boolean;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export async function startTessera({ config, logger, migrate = true, db: dbOptions }: StartOptions): Promise<Tessera> {
  const database = await openDatabase(config);
  try {
    const appliedMigrations = migrate ? (await applyMigrations(database.factory)).applied : [];
    if (appliedMigrations.length > 0) logger.info({ applied: appliedMigrations }, 'applied database migrations');
    const db = createPrismaClient(database.factory, dbOptions);
    let seeded = false;
    if (config.seedDemo && (await isEmptyDatabase(db))) {
      const report = await seedDemoWorld(db, { sandboxPort: config.sandboxPort });
      seeded = true;
      logger.info({ rows: report.created }, 'seeded the demo world');
    }
    const server = await startHttpServer({
      db,
      logger,
      tokens: new TokenService(resolveJwtSecret(config, logger), config.jwtTtlSeconds),
      schema: await buildAppSchema(),
      introspection: config.env !== 'production',
      webDistDir: WEB_DIST_DIR,
      port: config.port,
      host: config.host,
    });
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      db,
      databaseKind: database.kind,
      seeded,
      appliedMigrations,
      close() {
        closing ??= (async () => {
          await server.close();
          await db.$disconnect();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
