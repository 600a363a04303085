// One real Tessera per test file: its own database copy, an HTTP server on a free port, and
// helpers to run GraphQL operations over HTTP as the demo personas.
import 'reflect-metadata'; // before anything loads the type-graphql classes
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/db/demo/world.ts';
import { createLogger } from '../src/lib/logger.ts';
import type { RunningSandbox } from '../src/sandbox/sandbox.ts';
import { seedDemoCredentials } from '../src/db/demo/credentials.ts';
import { loadOrCreateLocalSecret } from '../src/lib/local-secret.ts';
import { startTessera, type Tessera } from '../src/tessera.ts';
import { copyTemplate } from './database.ts';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
}

export interface TestServer {
  url: string;
  db: Db;
  tessera: Tessera;
  /** The demo upstream APIs, on their own port, with knobs and request counts. */
  sandbox: RunningSandbox;
  /** The secret the sandbox derives its accepted credentials from (see sandbox/credentials.ts). */
  sandboxSecret: string;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** SQL statements run so far; reset with `sql.length = 0`. */
  sql: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const JWT_TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await copyTemplate(inject('template'));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: database.dataDir,
    SEED_DEMO: 'false',
    SANDBOX_PORT: '0',
    JWT_SECRET: JWT_TEST_SECRET,
    LOG_LEVEL: 'info',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    // CI's PostgreSQL run also shares Redis (locks; later rate limits and cache).
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Test files share one Redis and copies of one world (the same ids): keys of their own.
    REDIS_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
    ...env,
  });
  const sql: string[] = [];
  const tessera = await startTessera({ config, logger: createLogger('info', sink), migrate: false, sandbox: true, db: { onQuery: (q) => sql.push(q) } });
  const sandbox = tessera.sandbox!;
  // The template was seeded for the default sandbox port; this file's sandbox has its own.
  await tessera.db.$executeRaw`UPDATE api_endpoints SET base_url = regexp_replace(base_url, '^http://127[.]0[.]0[.]1:[0-9]+', ${sandbox.url})`;
  const sandboxSecret = loadOrCreateLocalSecret(config.dataDir, 'sandbox-secret').value;
  await seedDemoCredentials(tessera.db, tessera.vault, { sandboxUrl: sandbox.url, sandboxSecret });
  sql.length = 0;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GqlResponse<T>> {
    const res = await fetch(`${tessera.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data, errors: body.errors };
  }

  async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await gql<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  }

  return {
    url: tessera.url,
    db: tessera.db,
    tessera,
    sandbox,
    sandboxSecret,
    logs,
    sql,
    gql,
    login,
    async close() {
      await tessera.close();
      await database.drop();
    },
  };
}

/**
 * Statements of the request being measured, not of the server's own timers (the webhook
 * dispatcher's poll, the call log's batched flush), which may run at any moment.
 */
export function isRequestSql(sql: string): boolean {
  return !/webhook_deliveries|upstream_calls/.test(sql);
}

/** The single error of a response, failing loudly when there is none or several. */
export function onlyError(res: GqlResponse): GqlError {
  if (!res.errors || res.errors.length !== 1) throw new Error(`expected exactly one error, got ${JSON.stringify(res.errors)} with data ${JSON.stringify(res.data)}`);
  return res.errors[0]!;
}

export function errorCode(res: GqlResponse): string | undefined {
  return onlyError(res).extensions?.code;
}
