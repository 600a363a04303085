// Wraps a Prisma driver adapter factory so that every statement runs with the scope of the code
// that issued it (scope.ts), whichever connection it lands on:
// - in a transaction, the scope is set locally (set_config(..., true)) before its first
//   statement, and again only if the code changes scope mid-transaction; it ends with the
//   transaction;
// - outside transactions, a pool (PostgreSQL) puts it on each connection (scoped-pool.ts); the
//   single PGlite connection gets it here, serialised so that no other statement can slip in
//   between setting a scope and using it.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { SET_SCOPE_SQL, setScopeArgs } from './scope-settings.ts';
import { currentDbScope, scopeKey } from './scope.ts';

export type ConnectionModel =
  /** Statements outside transactions go through a ScopedPool, which scopes them itself. */
  | 'scoped-pool'
  /** One connection (PGlite): this wrapper scopes statements outside transactions. */
  | 'single-connection';

const STRING = { scalarType: 'string', arity: 'scalar' } as const;
const BOOLEAN = { scalarType: 'boolean', arity: 'scalar' } as const;

function setScopeQuery(local: boolean): SqlQuery {
  return { sql: SET_SCOPE_SQL, args: setScopeArgs(currentDbScope(), local), argTypes: [STRING, STRING, BOOLEAN] };
}

/** Puts the current scope on `target` when what it carries (per `carried`) differs. */
async function ensureScope(target: SqlQueryable, carried: { key: string | null }, local: boolean): Promise<void> {
  const key = scopeKey(currentDbScope());
  if (carried.key === key) return;
  await target.queryRaw(setScopeQuery(local));
  carried.key = key;
}

/** One lane: the next task starts when the previous one settled. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function scopedTransaction(tx: Transaction): Transaction {
  const carried = { key: null as string | null };
  return Object.assign(Object.create(tx) as Transaction, {
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> => {
      await ensureScope(tx, carried, true);
      return tx.queryRaw(query);
    },
    executeRaw: async (query: SqlQuery): Promise<number> => {
      await ensureScope(tx, carried, true);
      return tx.executeRaw(query);
    },
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  });
}

function scopedAdapter(inner: SqlDriverAdapter, model: ConnectionModel): SqlDriverAdapter {
  const wrapped: Partial<SqlDriverAdapter> = {
    startTransaction: async (isolationLevel) => scopedTransaction(await inner.startTransaction(isolationLevel)),
  };
  if (model === 'single-connection') {
    const lane = new Lane();
    const carried = { key: null as string | null };
    wrapped.queryRaw = (query) =>
      lane.run(async () => {
        await ensureScope(inner, carried, false);
        return inner.queryRaw(query);
      });
    wrapped.executeRaw = (query) =>
      lane.run(async () => {
        await ensureScope(inner, carried, false);
        return inner.executeRaw(query);
      });
  }
  return Object.assign(Object.create(inner) as SqlDriverAdapter, wrapped);
}

export function withRowSecurity(
  factory: SqlMigrationAwareDriverAdapterFactory,
  model: ConnectionModel,
): SqlMigrationAwareDriverAdapterFactory {
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => scopedAdapter(await factory.connect(), model),
  });
}

const RESET_ROLE: SqlQuery = { sql: 'SET LOCAL ROLE NONE', args: [], argTypes: [] };

/**
 * PGlite's one connection runs as the app role once row security is on; this factory's
 * statements run as the session user (the owner) instead: each in a transaction of its own
 * that starts with SET LOCAL ROLE NONE, and so does every transaction.
 */
export function asSessionUser(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const owned = async (
    inner: SqlDriverAdapter,
    isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0],
  ) => {
    const tx = await inner.startTransaction(isolationLevel);
    await tx.executeRaw(RESET_ROLE);
    return tx;
  };
  const once = async <T>(inner: SqlDriverAdapter, run: (tx: Transaction) => Promise<T>): Promise<T> => {
    const tx = await owned(inner);
    try {
      const result = await run(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  };
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => {
      const inner = await factory.connect();
      return Object.assign(Object.create(inner) as SqlDriverAdapter, {
        startTransaction: (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) =>
          owned(inner, isolationLevel),
        queryRaw: (query: SqlQuery) => once(inner, (tx) => tx.queryRaw(query)),
        executeRaw: (query: SqlQuery) => once(inner, (tx) => tx.executeRaw(query)),
      });
    },
  });
}
