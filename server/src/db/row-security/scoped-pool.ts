// A pg Pool whose every statement runs with the scope of the code that issued it. Prisma's pg
// adapter sends statements outside transactions through `pool.query`; this checks out a
// connection, puts the current scope on it when the connection carries another one (a
// session setting, so a run of statements in one scope pays nothing), then runs the statement.
// Transactions check out their own connection; the scoped adapter sets their scope locally.
//
// A request interleaves scopes (its caller is loaded in the system scope, then its own
// statements run in its companies), so each statement asks first for an idle connection that
// already carries its scope: sequential requests then pay no `set_config` round trip at all.
import pg from 'pg';
import { SET_SCOPE_SQL, setScopeArgs } from './scope-settings.ts';
import { currentDbScope, scopeKey } from './scope.ts';

/** The scope each pooled connection carries now; a new connection carries none. */
const carried = new WeakMap<pg.PoolClient, string>();
const NONE_KEY = scopeKey({ kind: 'none' });

export class ScopedPool extends pg.Pool {
  constructor(config: pg.PoolConfig, onIdleError: (error: Error) => void) {
    super(config);
    // An idle connection the server ends (a restart, a failover) is an 'error' on the pool; with
    // no listener that is an uncaught exception. Prisma's adapter listens only while connected,
    // so the pool always does: the connection is already dropped and replaced on demand.
    this.on('error', onIdleError);
    // And every connection always: one the server ends while checked out but between statements
    // would otherwise throw from the socket (seen when every backend was terminated under load).
    // It is not queryable afterwards, and the pool drops it when it comes back.
    this.on('connect', (client) => client.on('error', () => undefined));
  }

  // pg's overloads (callbacks, config objects) collapse to the promise form Prisma uses.
  override query(...args: unknown[]): never {
    if (args.some((arg) => typeof arg === 'function')) throw new Error('ScopedPool supports promise queries only.');
    return this.scopedQuery(args[0] as pg.QueryConfig, args[1] as unknown[] | undefined) as never;
  }

  /** `query` with its type: one statement in the current scope (prepared statements pass a `name`). */
  run(config: pg.QueryConfig): Promise<pg.QueryResult> {
    return this.scopedQuery(config);
  }

  private async scopedQuery(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult> {
    const scope = currentDbScope();
    const key = scopeKey(scope);
    this.preferIdleCarrying(key);
    const client = await this.connect();
    // While checked out the pool does not listen for the connection's errors (a server-side
    // termination between two statements): this does, as pg's own pool.query does.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      if ((carried.get(client) ?? NONE_KEY) !== key) {
        await client.query(SET_SCOPE_SQL, setScopeArgs(scope, false));
        carried.set(client, key);
      }
      const result = await client.query(config as pg.QueryConfig, values);
      client.removeListener('error', onError);
      client.release(lost);
      return result;
    } catch (error) {
      client.removeListener('error', onError);
      // As pg's own pool.query does: a connection that failed a statement is not reused.
      client.release(error as Error);
      throw error;
    }
  }

  /**
   * pg-pool hands out the last idle connection (`_idle.pop()`, on the next tick): move one that
   * carries `key` there. Only a preference: a concurrent checkout may take it first, and the
   * carried-scope check above still decides. Without pg-pool's `_idle` (another version), a no-op.
   */
  private preferIdleCarrying(key: string): void {
    const idle = (this as unknown as { _idle?: { client: pg.PoolClient }[] })._idle;
    if (!Array.isArray(idle) || idle.length < 2) return;
    const last = idle.length - 1;
    if (carried.get(idle[last]!.client) === key) return;
    for (let i = last - 1; i >= 0; i -= 1) {
      if (carried.get(idle[i]!.client) !== key) continue;
      idle.push(...idle.splice(i, 1));
      return;
    }
  }
}
