// Hot, fixed statements as named prepared statements. Every request loads its caller and every
// gateway call reads its facts: through Prisma's raw queries each is parsed and planned by
// PostgreSQL on every call (planning alone was about 0.3 ms of the 0.4 ms the statement takes)
// and passes the ORM's raw-query path. Sent by name on the application's own pool, PostgreSQL
// plans each once per connection. The pool is the scoped one, so row security applies as to
// any other statement. Where Tessera has no pool of its own (PGlite, or row security off) the
// same SQL goes through Prisma's raw queries.
import type { Db } from './client.ts';

export interface PreparedStatement {
  /** Unique per text: PostgreSQL keeps one plan per name and connection. */
  name: string;
  /** `$1`, `$2`... placeholders. */
  text: string;
}

export type PreparedRunner = (statement: PreparedStatement, values: readonly unknown[]) => Promise<unknown[]>;

const runners = new WeakMap<Db, PreparedRunner>();

/** Run `db`'s prepared statements with `runner` (tessera.ts: the application's scoped pool). */
export function usePreparedStatements(db: Db, runner: PreparedRunner): void {
  runners.set(db, runner);
}

export async function preparedQuery<T>(db: Db, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  const runner = runners.get(db);
  if (runner) return (await runner(statement, values)) as T[];
  return db.$queryRawUnsafe<T[]>(statement.text, ...values);
}
