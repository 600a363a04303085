// Cross-process locks around an OAuth2 credential's refresh, so that many server instances
// refresh a token once. With Redis: SET NX PX with an owner token, released by a
// compare-and-delete script (never someone else's lock). Without Redis: a PostgreSQL
// transaction-level advisory lock, and the work runs inside that transaction. When Redis is
// configured but does not answer, the PostgreSQL lock stands in (logged once per outage): a
// refresh never runs unlocked, and never fails only because Redis is down.
import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '../db/client.ts';
import type { Logger } from '../lib/logger.ts';
import type { Redis } from '../lib/redis.ts';

/** The database handle the locked work must use (inside the lock's transaction, if any). */
export type LockedDb = Db | Prisma.TransactionClient;

export interface CredentialLocks {
  withLock<T>(credentialId: string, work: (db: LockedDb) => Promise<T>): Promise<T>;
}

class LockTimeoutError extends Error {
  constructor() {
    super('Timed out waiting for another refresh of this credential.');
  }
}

const LOCK_TTL_MS = 20_000;
const WAIT_MS = 20_000;

export class PostgresAdvisoryLocks implements CredentialLocks {
  constructor(private readonly db: Db) {}

  withLock<T>(credentialId: string, work: (db: LockedDb) => Promise<T>): Promise<T> {
    return this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tessera:credential:${credentialId}`}, 0))`;
        return work(tx);
      },
      { maxWait: WAIT_MS, timeout: LOCK_TTL_MS + WAIT_MS },
    );
  }
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisLocks implements CredentialLocks {
  private readonly standIn: PostgresAdvisoryLocks;
  private redisDown = false;

  constructor(
    private readonly redis: Redis,
    private readonly db: Db,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    private readonly prefix = 'tessera:lock:credential:',
  ) {
    this.standIn = new PostgresAdvisoryLocks(db);
  }

  async withLock<T>(credentialId: string, work: (db: LockedDb) => Promise<T>): Promise<T> {
    const key = `${this.prefix}${credentialId}`;
    const owner = randomUUID();
    let acquired: boolean;
    try {
      acquired = await this.acquire(key, owner);
    } catch (error) {
      // Only a failure to *take* the lock falls back; the work's own errors propagate as they are.
      if (error instanceof LockTimeoutError) throw error;
      this.noteRedis(false, error);
      return this.standIn.withLock(credentialId, work);
    }
    if (acquired) this.noteRedis(true);
    try {
      return await work(this.db);
    } finally {
      // If Redis went away meanwhile the lock expires by its TTL; the work's outcome stands.
      await this.redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
    }
  }

  private async acquire(key: string, owner: string): Promise<boolean> {
    const deadline = Date.now() + WAIT_MS;
    let wait = 10;
    while ((await this.redis.set(key, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new LockTimeoutError();
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
      wait = Math.min(wait * 2, 200);
    }
    return true;
  }

  private noteRedis(answered: boolean, error?: unknown) {
    if (answered === !this.redisDown) return;
    this.redisDown = !answered;
    if (answered) this.logger.info('Redis answers again; OAuth refresh locks are in Redis again');
    else
      this.logger.warn(
        { err: error },
        'Redis unavailable; OAuth refresh locks fall back to PostgreSQL advisory locks until it is back',
      );
  }
}
