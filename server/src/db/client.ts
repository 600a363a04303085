// The Prisma client factory: one generated client over whichever adapter openDatabase chose.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client.ts';

export interface DbOptions {
  /** Called once per SQL statement; the tests count statements with it. */
  onQuery?: (sql: string) => void;
}

export function createPrismaClient(factory: SqlMigrationAwareDriverAdapterFactory, options: DbOptions = {}): Db {
  if (!options.onQuery) return new PrismaClient({ adapter: factory });
  const client = new PrismaClient({ adapter: factory, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
