// `pnpm db:seed`: seeds the demo world into the configured database (idempotent: creates only
// what is missing). Applies pending migrations first so it works on a fresh database.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/adapter.ts';
import { createPrismaClient } from '../db/client.ts';
import { applyMigrations } from '../db/migrator.ts';
import { seedDemoWorld } from '../demo/seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await applyMigrations(database.factory);
    const db = createPrismaClient(database.factory);
    const { created } = await seedDemoWorld(db, { sandboxPort: config.sandboxPort });
    await db.$disconnect();
    console.log(
      created === 0
        ? 'The demo world is already complete: nothing to do.'
        : `Seeded the demo world: ${created} rows created.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
