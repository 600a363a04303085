// A client that sees every company's rows: each of its statements runs as system work. The
// running server hands it to tests and tools (Tessera.db) and uses it for its own start-up
// (key check, seeding); request code gets the scoped client and the caller's scope.
import type { Db } from '../client.ts';
import { asSystem } from './scope.ts';

export function systemView(db: Db, reason: string): Db {
  return db.$extends({
    query: {
      $allOperations: ({ args, query }) => asSystem(reason, () => query(args)),
    },
  }) as unknown as Db;
}
