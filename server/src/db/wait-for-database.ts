// At start, a PostgreSQL server that is not reachable yet (still booting, failing over, a
// network blip) is waited for, with backoff and a clear line per attempt, instead of exiting at
// once and being restarted in a tight crash loop by a supervisor. After the deadline the start
// fails with a message that names the server (never its password).
import pg from 'pg';
import type { Logger } from '../lib/logger.ts';

export interface WaitOptions {
  /** Give up after this long (ms). */
  deadlineMs: number;
  logger: Pick<Logger, 'warn'>;
  /** First pause between attempts (ms); doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class DatabaseUnreachableError extends Error {}

/** host:port/database of a postgres URL, for messages: no user, no password, no options. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}

/** Retries `probe` until it resolves or the deadline passes. */
export async function waitFor(probe: () => Promise<void>, what: string, options: WaitOptions): Promise<void> {
  const { deadlineMs, logger, initialDelayMs = 500, maxDelayMs = 5_000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const started = now();
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await probe();
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const left = deadlineMs - (now() - started);
      if (left <= 0) {
        throw new DatabaseUnreachableError(
          `${what} is unreachable after ${attempt} attempts over ${Math.round((now() - started) / 1000)} s: ${reason}`,
        );
      }
      const pause = Math.min(delay, left);
      logger.warn({ attempt, retryInMs: pause, reason }, `waiting for ${what}`);
      await sleep(pause);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

/** Waits until a plain connection to `databaseUrl` answers `SELECT 1`. */
export function waitForPostgres(databaseUrl: string, options: WaitOptions): Promise<void> {
  return waitFor(
    async () => {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    `PostgreSQL at ${describeDatabaseUrl(databaseUrl)}`,
    options,
  );
}
