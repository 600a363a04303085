// The database owner's client, for tests that tamper with what the application's role may not
// touch (the audit log's triggers, say). Made from the running Tessera's database handle; the test
// disconnects it (before closing the server).
import { createPrismaClient, type Db } from '../src/db/client.ts';
import type { Tessera } from '../src/tessera.ts';

export function openOwnerDb(tessera: Pick<Tessera, 'database'>): Db {
  return createPrismaClient(tessera.database.ownerFactory());
}
