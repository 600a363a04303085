// `pnpm db:migrate`: applies pending migrations from prisma/migrations to the configured
// database (DATABASE_URL, or the embedded PGlite under DATA_DIR), like `prisma migrate deploy`.
import { openDatabase } from '../db/adapter.ts';
import { applyMigrations } from '../db/migrator.ts';
import { loadConfig } from '../config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const where = db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    const { applied } = await applyMigrations(db.factory);
    if (applied.length === 0) console.log(`${where}: database is up to date.`);
    else console.log(`${where}: applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join('\n')}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    `db:migrate failed: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}`,
  );
  process.exitCode = 1;
});
