// One real Tessera per test file: its own database copy, an HTTP server on a free port, and
// helpers to run GraphQL operations over HTTP as the demo personas.
import 'reflect-metadata'; // before anything loads the type-graphql classes
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/world.ts';
import { createLogger } from '../src/lib/logger.ts';
import type { RunningSandbox } from '../src/sandbox/sandbox.ts';
import { seedDemoCredentials } from '../src/demo/credentials.ts';
import { loadOrCreateLocalSecret } from '../src/lib/local-secret.ts';
import { startTessera, type Tessera } from '../src/tessera.ts';
import { copyTemplate } from './database.ts';
import type { TypedDocumentString } from './gql/graphql.ts';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T = unknown> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
}

/**
 * A GraphQL request over HTTP. A typed document (`graphql(...)` from test/gql, made by `pnpm
 * codegen`) brings its result and variables types; a plain string, for documents codegen must not
 * see (invalid ones, generated ones), is told what it expects with `<T>`.
 */
export interface Gql {
  <R, V>(query: TypedDocumentString<R, V>, variables?: V, token?: string | null): Promise<GqlResponse<R>>;
  <T = unknown>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
}

export interface TestServer {
  url: string;
  db: Db;
  tessera: Tessera;
  /** The settings it runs with (startPeer starts another instance with them). */
  config: Config;
  /** The demo upstream APIs, on their own port, with knobs and request counts. */
  sandbox: RunningSandbox;
  /** The secret the sandbox derives its accepted credentials from (see sandbox/credentials.ts). */
  sandboxSecret: string;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** SQL statements run so far; reset with `sql.length = 0`. */
  sql: string[];
  gql: Gql;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const JWT_TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await copyTemplate(inject('template'));
  const logs: Record<string, unknown>[] = [];
  const sink = logSink(logs);
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
  const tessera = await startTessera({
    config,
    logger: createLogger('info', sink),
    migrate: false,
    sandbox: true,
    db: { onQuery: (q) => sql.push(q) },
  });
  const sandbox = tessera.sandbox!;
  // The template was seeded for the default sandbox port; this file's sandbox has its own.
  // The demo's declared OAuth URLs (demo/auth.ts) live under the base URL and move with it.
  await tessera.db.$executeRaw`UPDATE api_endpoints
    SET base_url = regexp_replace(base_url, '^http://127[.]0[.]0[.]1:[0-9]+', ${sandbox.url}),
        auth = regexp_replace(auth::text, 'http://127[.]0[.]0[.]1:[0-9]+', ${sandbox.url}, 'g')::jsonb`;
  const sandboxSecret = loadOrCreateLocalSecret(config.dataDir, 'sandbox-secret').value;
  await seedDemoCredentials(tessera.db, tessera.vault, { sandboxUrl: sandbox.url, sandboxSecret });
  sql.length = 0;

  const { gql, login } = graphqlClient(tessera.url);

  return {
    url: tessera.url,
    db: tessera.db,
    tessera,
    config,
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

/** GraphQL over HTTP against one server, as the demo personas. */
function graphqlClient(url: string): Pick<TestServer, 'gql' | 'login'> {
  async function send<T>(query: string, variables: unknown = {}, token?: string | null): Promise<GqlResponse<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data, errors: body.errors };
  }
  // A typed document is a String object carrying its types; its text is what goes over the wire.
  const gql: Gql = <T>(query: string | { toString(): string }, variables?: unknown, token?: string | null) =>
    send<T>(query.toString(), variables, token);

  async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await send<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password },
    );
    if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  }

  return { gql, login };
}

export interface TestPeer extends Pick<TestServer, 'url' | 'gql' | 'login' | 'logs'> {
  tessera: Tessera;
  close(): Promise<void>;
}

/**
 * A second instance of a test server: the same database, Redis and key prefix, secrets and
 * settings, on a port of its own, as the next process behind a load balancer would be.
 */
export async function startPeer(server: TestServer): Promise<TestPeer> {
  const logs: Record<string, unknown>[] = [];
  const config = {
    ...server.config,
    upstreamAllowHosts: [...server.config.upstreamAllowHosts, new URL(server.sandbox.url).host],
  };
  const tessera = await startTessera({
    config,
    logger: createLogger('info', logSink(logs)),
    migrate: false,
    sandbox: false,
  });
  return { url: tessera.url, tessera, logs, ...graphqlClient(tessera.url), close: () => tessera.close() };
}

function logSink(logs: Record<string, unknown>[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
}

/**
 * Statements of the request being measured, not of the server's own timers (the webhook
 * dispatcher's poll, the call log's batched flush), which may run at any moment.
 */
export function isRequestSql(sql: string): boolean {
  return !/webhook_deliveries|upstream_calls/.test(sql);
}

/** The single error of a response, failing loudly when there is none or several. */
export function onlyError(res: GqlResponse<unknown>): GqlError {
  if (res.errors?.length !== 1)
    throw new Error(
      `expected exactly one error, got ${JSON.stringify(res.errors)} with data ${JSON.stringify(res.data)}`,
    );
  return res.errors[0]!;
}

export function errorCode(res: GqlResponse<unknown>): string | undefined {
  return onlyError(res).extensions?.code;
}
