// Prisma CLI configuration. Tessera connects through driver adapters at run time (see
// server/src/db/client.ts); this file only tells the CLI where the schema and migrations are.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
