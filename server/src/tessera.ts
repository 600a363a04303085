// Assembles a running Tessera from a config: database (migrated, seeded when asked), vault,
// OAuth2 token manager, the demo sandbox APIs, schema and HTTP server. serve.ts (main.ts) runs it as a
// process; the tests run it in-process on port 0.
import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { Assistant } from './assistant/chat.ts';
import { createModelProvider } from './assistant/providers/index.ts';
import { OfflinePlanner } from './assistant/providers/offline-planner.ts';
import type { OfflineVocabulary } from './assistant/providers/offline/vocabulary.ts';
import { TokenService } from './auth/jwt.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import type { Config } from './config.ts';
import { appRolePasswordKey, openDatabase, type OpenedDatabase } from './db/adapter.ts';
import { systemView } from './db/row-security/system-view.ts';
import { withoutCrossScopeBatching } from './db/row-security/unbatched-find-unique.ts';
import { usePreparedStatements } from './db/prepared.ts';
import { waitForPostgres } from './db/wait-for-database.ts';
import { createPrismaClient, type Db, type DbOptions } from './db/client.ts';
import { seedDemoCredentials } from './demo/credentials.ts';
import { bindCredentialOrigins } from './vault/credential-origins.ts';
import { applyMigrations } from './db/migrator.ts';
import { isEmptyDatabase, seedDemoWorld } from './demo/seed.ts';
import { DEMO_USERS } from './demo/world.ts';
import { DEMO_VOCABULARY } from './demo/assistant-vocabulary.ts';
import { MemoryResponseCache, RedisResponseCache } from './gateway/cache.ts';
import { CallLog } from './gateway/call-log.ts';
import { Gateway } from './gateway/gateway.ts';
import { PostgresAdvisoryLocks, RedisLocks } from './gateway/locks.ts';
import { MemoryRateLimiter, RedisRateLimiter } from './gateway/rate-limit.ts';
import { FallbackRateLimiter } from './gateway/rate-limit-fallback.ts';
import { createUpstreamClient, type UpstreamClient } from './gateway/upstream-client.ts';
import { OAuthTokens } from './gateway/oauth.ts';
import { connectStateKey } from './modules/oauth-connect/connect-state.ts';
import type { OAuthConnectSettings } from './modules/oauth-connect/connect.settings.ts';
import { emitCredentialStatus, emitWebhookEvent } from './modules/webhook/webhook.events.ts';
import { recordAudit } from './modules/audit/audit.record.ts';
import { connectActionSinks } from './assistant/action-sinks.ts';
import { buildAppSchema } from './graphql/schema.ts';
import { startHttpServer, type RunningServer } from './http/server.ts';
import { loadOrCreateLocalSecret } from './lib/local-secret.ts';
import type { Logger } from './lib/logger.ts';
import { connectRedis, type Redis } from './lib/redis.ts';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox.ts';
import { startIdentityProvider } from './sandbox/identity-provider.ts';
import { DEMO_SSO, demoSsoClientSecret, seedDemoSso } from './demo/sso.ts';
import { verifyKeyRing } from './vault/key-check.ts';
import { registerSealedSecretTables } from './modules/sealed-secret-tables.ts';
import { loadKeyRing } from './vault/keyring.ts';
import { Vault } from './vault/vault.ts';
import {
  FallbackFailureCounter,
  LoginLimiter,
  MemoryFailureCounter,
  RedisFailureCounter,
} from './modules/session/login-limit.ts';
import { WebhookDispatcher } from './modules/webhook/webhook.dispatcher.ts';
import { markOriginRefused } from './modules/credential/credential.origin.ts';
import { TesseraMetrics } from './observability/metrics.ts';
import { REPO_ROOT } from './repo-root.ts';
import { InProcessEndpointEventBus } from './modules/inbound-webhook/inbound-webhook.events.ts';
import { RedisEndpointEventBus } from './modules/inbound-webhook/inbound-webhook.redis-events.ts';
import { AnswerBudget } from './gateway/answer-budget.ts';
import { createMailer } from './mail/mailer.ts';

const WEB_DIST_DIR = join(REPO_ROOT, 'web', 'dist');

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** Run the demo sandbox APIs (default: when the demo world is seeded). */
  sandbox?: boolean;
  db?: DbOptions;
}

export interface Tessera {
  url: string;
  /** Every company's rows (system scope): for tests and tools. */
  db: Db;
  /** The application's client: each statement in its caller's scope (db/row-security/scope.ts). */
  appDb: Db;
  /**
   * The opened database: its kind, and the owner's connection for maintenance the application's
   * role may not do (altering the schema). Tools and tests reach the owner through it
   * (server/test/owner-db.ts); the running server itself never does.
   */
  database: Pick<OpenedDatabase, 'kind' | 'runAsOwner' | 'ownerFactory'>;
  vault: Vault;
  oauth: OAuthTokens;
  gateway: Gateway;
  assistant: Assistant;
  callLog: CallLog;
  webhooks: WebhookDispatcher;
  sandbox: RunningSandbox | null;
  redis: Redis | null;
  seeded: boolean;
  appliedMigrations: string[];
  close(): Promise<void>;
}

/** Closes what was opened, last first, even when a step fails. */
class Closer {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>) {
    this.steps.unshift(step);
  }
  async run() {
    for (const step of this.steps.splice(0)) await step().catch(() => undefined);
  }
}

/** What every start-up step gets: the options, and the closer that undoes what it opened. */
interface Start {
  options: StartOptions;
  config: Config;
  logger: Logger;
  closer: Closer;
}

/** The database, migrated, with the application's client and the system view. */
interface Store {
  database: OpenedDatabase;
  appliedMigrations: string[];
  /** The application's client: each statement in its caller's scope (db/row-security/scope.ts). */
  appDb: Db;
  /** Every company's rows (system scope): start-up work, tests and tools. */
  db: Db;
  /** The Prisma client under both, for the system views of background work. */
  client: Db;
}

interface Upstream {
  gateway: Gateway;
  oauth: OAuthTokens;
  callLog: CallLog;
  webhooks: WebhookDispatcher;
  metrics: TesseraMetrics | undefined;
  /** Hosts the guarded upstream client may reach although private or loopback (the sandbox). */
  allowHosts: Set<string>;
  /** The guarded client's send (token URLs of OAuth Connect use it too). */
  send: UpstreamClient['send'];
}

export async function startTessera(options: StartOptions): Promise<Tessera> {
  const start: Start = { options, config: options.config, logger: options.logger, closer: new Closer() };
  try {
    const store = await openStore(start);
    const vault = await openVault(start, store.db);
    const redis = await connectRedisIfConfigured(start);
    const sandbox = await startDemoSandbox(start);
    const seeded = await seedDemoIfEmpty(start, store.db, vault, sandbox);
    await startDemoIdentityProvider(start, store.db, vault, sandbox);
    const upstream = buildUpstream(start, store, vault, redis, sandbox);
    const assistant = buildAssistant(start, store.appDb, upstream.gateway, apiVocabulary(sandbox));
    const server = await startHttp(start, store, vault, redis, upstream, assistant);
    startBackgroundJobs(start, upstream.webhooks);
    return runningTessera(start, { url: server.url, store, vault, upstream, assistant, sandbox, redis, seeded });
  } catch (error) {
    await start.closer.run();
    throw error;
  }
}

/** Waits for PostgreSQL (when configured), opens the database, applies pending migrations and makes the clients. */
async function openStore({ options, config, logger, closer }: Start): Promise<Store> {
  if (config.databaseUrl)
    await waitForPostgres(config.databaseUrl, { deadlineMs: config.databaseWaitSeconds * 1000, logger });
  const database = await openDatabase(config);
  closer.add(() => database.close());
  const appliedMigrations = (options.migrate ?? true) ? (await applyMigrations(database.factory)).applied : [];
  if (appliedMigrations.length > 0) logger.info({ applied: appliedMigrations }, 'applied database migrations');
  // The application's client: with row security, bound by the tenant policies, each statement
  // in the scope of the code that sends it (db/row-security). `db` sees every company's rows,
  // for the start-up work below and for tests and tools.
  const appFactory = await database.forApplication({
    ...config.database,
    passwordKey: appRolePasswordKey(
      config.databaseUrl,
      () => loadOrCreateLocalSecret(config.dataDir, 'database-app-role-key').value,
    ),
    onIdleError: (error) =>
      logger.warn(
        { code: (error as { code?: string }).code },
        'an idle database connection was closed by the server; it will be replaced',
      ),
  });
  const client = createPrismaClient(appFactory, options.db);
  const appDb = withoutCrossScopeBatching(client);
  const prepared = database.preparedRunner();
  if (prepared) {
    // Counted like Prisma's statements where someone counts them (the tests, the bench).
    const onQuery = options.db?.onQuery;
    usePreparedStatements(
      appDb,
      onQuery
        ? (statement, values) => {
            onQuery(statement.text);
            return prepared(statement, values);
          }
        : prepared,
    );
  }
  closer.add(() => client.$disconnect());
  return { database, appliedMigrations, appDb, db: systemView(client, 'start-up, tests and tools'), client };
}

/** The key ring, checked against the stored secrets, and credentials from before origins were bound, bound. */
async function openVault({ config, logger }: Start, db: Db): Promise<Vault> {
  const ring = loadKeyRing(config, logger);
  // The modules' sealed columns, which the key check and rotation cover; the assistant's audit and event sinks.
  registerSealedSecretTables();
  connectActionSinks({ recordAudit, emitWebhookEvent });
  await verifyKeyRing(db, ring);
  const vault = new Vault(ring);
  // Credentials from before origins were bound get their endpoint's origin, sealed in (decision 0019).
  const origins = await bindCredentialOrigins(db, ring);
  if (origins.bound) logger.info({ credentials: origins.bound }, 'bound stored credentials to their endpoint origin');
  if (origins.failed.length)
    logger.warn(
      { credentialIds: origins.failed },
      'credentials that could not be opened stay unbound: nothing is sent with them until their secret is replaced',
    );
  return vault;
}

async function connectRedisIfConfigured({ config, logger, closer }: Start): Promise<Redis | null> {
  if (!config.redisUrl) return null;
  const redis = await connectRedis(config.redisUrl, logger);
  closer.add(() => redis.quit());
  return redis;
}

/** The demo sandbox APIs, when asked for (by default when the demo world is seeded). */
async function startDemoSandbox({ options, config, closer }: Start): Promise<DemoSandbox> {
  const secret = loadOrCreateLocalSecret(config.dataDir, 'sandbox-secret').value;
  if (!(options.sandbox ?? config.seedDemo)) return { running: null, secret };
  const running = await startSandbox({ port: config.sandboxPort, secret });
  closer.add(() => running.close());
  return { running, secret };
}

/**
 * The demo identity provider (Globex's single sign-on), beside the sandbox. Its client's redirect
 * URI is Tessera's own address, so it runs only on a fixed PORT (`pnpm start`, not tests' port 0).
 */
async function startDemoIdentityProvider(
  { config, closer, logger }: Start,
  db: Db,
  vault: Vault,
  sandbox: DemoSandbox,
) {
  if (!sandbox.running || config.port === 0) return;
  const clientSecret = demoSsoClientSecret(sandbox.secret);
  const redirectUris = ['127.0.0.1', 'localhost'].map((host) => `http://${host}:${config.port}/auth/sso/callback`);
  const idp = await startIdentityProvider({
    port: config.sandboxIdpPort,
    clients: [{ clientId: DEMO_SSO.clientId, clientSecret, redirectUris }],
    people: DEMO_SSO.people,
  });
  closer.add(() => idp.stop());
  await seedDemoSso(db, vault, { issuerUrl: idp.issuer, clientSecret });
  logger.info({ issuer: idp.issuer, domain: DEMO_SSO.domain }, 'demo identity provider started');
}

interface DemoSandbox {
  running: RunningSandbox | null;
  secret: string;
}

/**
 * The demo world's words for the offline planner where the demo's APIs run (its sandbox);
 * elsewhere none: the planner matches questions by the operations' own names. (Dashboards need
 * no words: their widgets are data, the demo's seeded with its world.)
 */
function apiVocabulary(sandbox: DemoSandbox): OfflineVocabulary | undefined {
  return sandbox.running ? DEMO_VOCABULARY : undefined;
}

/** Seeds the demo world into an empty database when SEED_DEMO asks for it; true when it did. */
async function seedDemoIfEmpty(
  { config, logger }: Start,
  db: Db,
  vault: Vault,
  sandbox: DemoSandbox,
): Promise<boolean> {
  if (!config.seedDemo || !(await isEmptyDatabase(db))) return false;
  // The demo endpoints point at the sandbox's actual port (SANDBOX_PORT may be 0: any free port).
  const report = await seedDemoWorld(db, { sandboxPort: sandbox.running?.port ?? config.sandboxPort });
  if (sandbox.running)
    await seedDemoCredentials(db, vault, { sandboxUrl: sandbox.running.url, sandboxSecret: sandbox.secret });
  logger.info({ rows: report.created }, 'seeded the demo world');
  return true;
}

/** Everything that calls out: the guarded upstream client, OAuth2 tokens, the gateway, its call log, webhook deliveries. */
function buildUpstream(
  { config, logger, closer }: Start,
  { appDb, client }: Store,
  vault: Vault,
  redis: Redis | null,
  sandbox: DemoSandbox,
): Upstream {
  // Upstream calls: private and loopback addresses are refused unless allowlisted (the sandbox is).
  const allowHosts = new Set([
    ...config.upstreamAllowHosts,
    ...(sandbox.running ? [new URL(sandbox.running.url).host] : []),
  ]);
  const upstream = createUpstreamClient({ allowHosts });
  closer.add(() => upstream.close());
  const locks = redis
    ? new RedisLocks(redis, appDb, logger, `${config.redisKeyPrefix}lock:credential:`)
    : new PostgresAdvisoryLocks(appDb);
  // Prometheus metrics at /metrics, only when configured (METRICS_ENABLED / METRICS_TOKEN).
  const metrics = config.metrics.enabled ? new TesseraMetrics({ db: appDb, logger }) : undefined;
  if (metrics && !config.metrics.token && config.env === 'production')
    logger.warn('metrics are served at /metrics without METRICS_TOKEN: keep the port private');
  const oauth = new OAuthTokens({
    db: appDb,
    vault,
    locks,
    logger,
    send: upstream.send,
    metrics,
    credentialStatus: emitCredentialStatus,
  });
  const callLog = new CallLog(
    systemView(client, 'upstream call log: rows of every company, written in batches'),
    logger,
  );
  closer.add(() => callLog.flush());
  const gateway = new Gateway({
    db: appDb,
    vault,
    oauth,
    logger,
    callLog,
    send: upstream.send,
    limiter: redis
      ? new FallbackRateLimiter(new RedisRateLimiter(redis, `${config.redisKeyPrefix}rl:`), logger)
      : new MemoryRateLimiter(),
    cache: redis ? new RedisResponseCache(redis, `${config.redisKeyPrefix}cache:`) : new MemoryResponseCache(),
    // A quarter of the heap for large answers being handled at once (answer-budget.ts).
    answerBudget: new AnswerBudget(Math.floor(getHeapStatistics().heap_size_limit / 4)),
    metrics,
    audit: { record: recordAudit },
    credentialOrigins: { refused: markOriginRefused },
  });
  // Webhook deliveries use the same guarded client: a subscriber URL is an outgoing call like any other.
  const webhooks = new WebhookDispatcher({
    db: systemView(client, 'webhook deliveries of every company'),
    vault,
    logger,
    send: upstream.send,
    ...config.webhooks,
  });
  return { gateway, oauth, callLog, webhooks, metrics, allowHosts, send: upstream.send };
}

function buildAssistant(
  { config, logger }: Start,
  appDb: Db,
  gateway: Gateway,
  vocabulary: OfflineVocabulary | undefined,
): Assistant {
  const provider = createModelProvider(config.openai, () => new OfflinePlanner({ vocabulary }));
  const assistant = new Assistant({ db: appDb, gateway, provider, logger });
  logger.info({ model: provider.name }, 'assistant model');
  return assistant;
}

/** The endpoint event bus, the schema and the HTTP server (GraphQL, MCP, webhooks, the web app). */
async function startHttp(
  { config, logger, closer }: Start,
  { appDb }: Store,
  vault: Vault,
  redis: Redis | null,
  upstream: Upstream,
  assistant: Assistant,
): Promise<RunningServer> {
  // Inbound webhooks publish here; dashboards' endpointEvents subscriptions listen (on every instance, with Redis).
  const endpointEvents = redis
    ? await RedisEndpointEventBus.connect(redis, `${config.redisKeyPrefix}endpoint-events`, logger)
    : new InProcessEndpointEventBus();
  if (endpointEvents instanceof RedisEndpointEventBus) closer.add(() => endpointEvents.close());
  // Links people open (invitation mail, OAuth Connect's redirect URL) point at PUBLIC_URL, else at
  // this server, whose address is known once it listens.
  let ownUrl = `http://${config.host}:${config.port}`;
  const publicUrl = () => config.publicUrl ?? ownUrl;
  const mailer = createMailer(config.mail);
  if (mailer) closer.add(async () => mailer.close());
  if (mailer && !config.publicUrl && config.env === 'production')
    logger.warn("SMTP_URL is set without PUBLIC_URL: mailed invitation links point at this server's own address");
  const invitations = { mailer, publicUrl };
  const jwtSecret = resolveJwtSecret(config, logger);
  const oauthConnect: OAuthConnectSettings = {
    stateKey: connectStateKey(jwtSecret),
    publicUrl,
    send: upstream.send,
  };
  const server = await startHttpServer({
    db: appDb,
    logger,
    vault,
    oauth: upstream.oauth,
    gateway: upstream.gateway,
    assistant,
    tokens: new TokenService(jwtSecret, config.jwtTtlSeconds),
    oauthConnect,
    schema: await buildAppSchema(),
    introspection: config.graphqlIntrospection,
    webDistDir: config.webDistDir ?? WEB_DIST_DIR,
    loginLimiter: new LoginLimiter(
      redis
        ? new FallbackFailureCounter(new RedisFailureCounter(redis, `${config.redisKeyPrefix}login:`), logger)
        : new MemoryFailureCounter(),
      config.loginLimit,
    ),
    // The sign-in page lists the demo personas only where the demo world is meant to be.
    demoLogins:
      config.seedDemo && config.env !== 'production' ? DEMO_USERS.map(({ email, note }) => ({ email, note })) : [],
    webhooks: { allowHosts: upstream.allowHosts },
    metrics: upstream.metrics,
    metricsToken: config.metrics.token,
    endpointEvents,
    invitations,
    inboundWebhookToleranceSeconds: config.inboundWebhookToleranceSeconds,
    port: config.port,
    host: config.host,
    trustProxy: config.trustProxy,
  });
  closer.add(() => server.close());
  ownUrl = server.url;
  return server;
}

function startBackgroundJobs({ closer }: Start, webhooks: WebhookDispatcher): void {
  webhooks.start();
  closer.add(() => webhooks.stop());
}

/** The handle on a started Tessera; close() closes what was opened, last first, once. */
function runningTessera(
  { closer }: Start,
  {
    url,
    store,
    vault,
    upstream,
    assistant,
    sandbox,
    redis,
    seeded,
  }: {
    url: string;
    store: Store;
    vault: Vault;
    upstream: Upstream;
    assistant: Assistant;
    sandbox: DemoSandbox;
    redis: Redis | null;
    seeded: boolean;
  },
): Tessera {
  const { database } = store;
  let closing: Promise<void> | undefined;
  return {
    url,
    db: store.db,
    appDb: store.appDb,
    database,
    vault,
    oauth: upstream.oauth,
    gateway: upstream.gateway,
    assistant,
    callLog: upstream.callLog,
    webhooks: upstream.webhooks,
    sandbox: sandbox.running,
    redis,
    seeded,
    appliedMigrations: store.appliedMigrations,
    close: () => (closing ??= closer.run()),
  };
}
