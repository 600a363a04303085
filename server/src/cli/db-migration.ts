// `pnpm db:migration <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with what
// prisma/schema.prisma adds to the existing migrations (like `prisma migrate dev --create-only`).
// It needs no database: the migrations are replayed on an in-memory PGlite. DATABASE_URL is
// deliberately not used (see the adapter notes in ../db/migrator.ts).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { assertMigrationName, createMigration } from '../db/migrator.ts';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) throw new Error('usage: pnpm db:migration <name>   (e.g. add_user_locale)');
  assertMigrationName(name); // before starting a database
  const db = new PGlite();
  try {
    const created = await createMigration(new PrismaPGlite(db), name);
    if (created) console.log('Review the SQL, then apply it with `pnpm db:migrate`.');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  // Kept multi-line: schema validation errors point at the offending line with a snippet.
  console.error(`db:migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
