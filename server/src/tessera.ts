// Assembles a running Tessera from a config: database (migrated, seeded when asked), vault,
// OAuth2 token manager, the demo sandbox APIs, schema and HTTP server. serve.ts (main.ts) runs it as a
// process; the tests run it in-process on port 0.
import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { Assistant } from './assistant/chat.ts';
import { createModelProvider } from './assistant/providers/index.ts';
import { OfflinePlanner } from './assistant/providers/offline-planner.ts';
import { TokenService } from './auth/jwt.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import type { Config } from './config.ts';
import { appRolePasswordKey, openDatabase } from './db/adapter.ts';
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
import { MemoryResponseCache, RedisResponseCache } from './gateway/cache.ts';
import { CallLog } from './gateway/call-log.ts';
import { Gateway } from './gateway/gateway.ts';
import { PostgresAdvisoryLocks, RedisLocks } from './gateway/locks.ts';
import { MemoryRateLimiter, RedisRateLimiter } from './gateway/rate-limit.ts';
import { FallbackRateLimiter } from './gateway/rate-limit-fallback.ts';
import { createUpstreamClient } from './gateway/upstream-client.ts';
import { OAuthTokens } from './gateway/oauth.ts';
import { emitCredentialStatus, emitWebhookEvent } from './modules/webhook/webhook.events.ts';
import { recordAudit } from './modules/audit/audit.service.ts';
import { connectActionSinks } from './assistant/action-sinks.ts';
import { buildAppSchema } from './graphql/schema.ts';
import { startHttpServer } from './http/server.ts';
import { loadOrCreateLocalSecret } from './lib/local-secret.ts';
import type { Logger } from './lib/logger.ts';
import { connectRedis, type Redis } from './lib/redis.ts';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox.ts';
import { verifyKeyRing } from './vault/key-check.ts';
import { registerSealedSecretTables } from './modules/sealed-secret-tables.ts';
import { loadKeyRing } from './vault/keyring.ts';
import { Vault } from './vault/vault.ts';
import { FallbackFailureCounter, LoginLimiter, MemoryFailureCounter, RedisFailureCounter } from './modules/session/login-limit.ts';
import { WebhookDispatcher } from './modules/webhook/webhook.dispatcher.ts';
import { TesseraMetrics } from './observability/metrics.ts';
import { REPO_ROOT } from './repo-root.ts';
import { InProcessEndpointEventBus } from './modules/inbound-webhook/inbound-webhook.events.ts';
import { RedisEndpointEventBus } from './modules/inbound-webhook/inbound-webhook.redis-events.ts';
import { AnswerBudget } from './gateway/answer-budget.ts';

export const WEB_DIST_DIR = join(REPO_ROOT, 'web', 'dist');

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
  /** Maintenance SQL as the database owner (the app's role may not alter the schema). */
  runAsOwner(sql: string): Promise<void>;
  /** A client as the database owner, made on first use: tests that tamper with what the app may not touch. */
  ownerDb(): Db;
  vault: Vault;
  oauth: OAuthTokens;
  gateway: Gateway;
  assistant: Assistant;
  callLog: CallLog;
  webhooks: WebhookDispatcher;
  sandbox: RunningSandbox | null;
  redis: Redis | null;
  databaseKind: 'postgres' | 'pglite';
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

export async function startTessera(options: StartOptions): Promise<Tessera> {
  const { config, logger, migrate = true } = options;
  const closer = new Closer();
  try {
    if (config.databaseUrl) await waitForPostgres(config.databaseUrl, { deadlineMs: config.databaseWaitSeconds * 1000, logger });
    const database = await openDatabase(config);
    closer.add(() => database.close());
    const appliedMigrations = migrate ? (await applyMigrations(database.factory)).applied : [];
    if (appliedMigrations.length > 0) logger.info({ applied: appliedMigrations }, 'applied database migrations');
    // The application's client: with row security, bound by the tenant policies, each statement
    // in the scope of the code that sends it (db/row-security). `db` sees every company's rows,
    // for the start-up work below and for tests and tools.
    const appFactory = await database.forApplication({
      ...config.database,
      passwordKey: appRolePasswordKey(config.databaseUrl, () => loadOrCreateLocalSecret(config.dataDir, 'database-app-role-key').value),
      onIdleError: (error) => logger.warn({ code: (error as { code?: string }).code }, 'an idle database connection was closed by the server; it will be replaced'),
    });
    const client = createPrismaClient(appFactory, options.db);
    const appDb = withoutCrossScopeBatching(client);
    const prepared = database.preparedRunner();
    if (prepared) {
      // Counted like Prisma's statements where someone counts them (the tests, the bench).
      const onQuery = options.db?.onQuery;
      usePreparedStatements(appDb, onQuery ? (statement, values) => (onQuery(statement.text), prepared(statement, values)) : prepared);
    }
    closer.add(() => client.$disconnect());
    const db = systemView(client, 'start-up, tests and tools');

    const ring = loadKeyRing(config, logger);
    registerSealedSecretTables();
    connectActionSinks({ recordAudit, emitWebhookEvent });
    await verifyKeyRing(db, ring);
    const vault = new Vault(ring);
    // Credentials from before origins were bound get their endpoint's origin, sealed in (decision 0019).
    const origins = await bindCredentialOrigins(db, ring);
    if (origins.bound) logger.info({ credentials: origins.bound }, 'bound stored credentials to their endpoint origin');
    if (origins.failed.length) logger.warn({ credentialIds: origins.failed }, 'credentials that could not be opened stay unbound: nothing is sent with them until their secret is replaced');

    const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : null;
    if (redis) closer.add(() => redis.quit());

    let sandbox: RunningSandbox | null = null;
    const sandboxSecret = loadOrCreateLocalSecret(config.dataDir, 'sandbox-secret').value;
    if (options.sandbox ?? config.seedDemo) {
      sandbox = await startSandbox({ port: config.sandboxPort, secret: sandboxSecret });
      closer.add(() => sandbox!.close());
    }

    let seeded = false;
    if (config.seedDemo && (await isEmptyDatabase(db))) {
      // The demo endpoints point at the sandbox's actual port (SANDBOX_PORT may be 0: any free port).
      const report = await seedDemoWorld(db, { sandboxPort: sandbox?.port ?? config.sandboxPort });
      if (sandbox) await seedDemoCredentials(db, vault, { sandboxUrl: sandbox.url, sandboxSecret });
      seeded = true;
      logger.info({ rows: report.created }, 'seeded the demo world');
    }

    // Upstream calls: private and loopback addresses are refused unless allowlisted (the sandbox is).
    const allowHosts = new Set([...config.upstreamAllowHosts, ...(sandbox ? [new URL(sandbox.url).host] : [])]);
    const upstream = createUpstreamClient({ allowHosts });
    closer.add(() => upstream.close());
    const locks = redis ? new RedisLocks(redis, appDb, logger, `${config.redisKeyPrefix}lock:credential:`) : new PostgresAdvisoryLocks(appDb);
    // Prometheus metrics at /metrics, only when configured (METRICS_ENABLED / METRICS_TOKEN).
    const metrics = config.metrics.enabled ? new TesseraMetrics({ db: appDb, logger }) : undefined;
    if (metrics && !config.metrics.token && config.env === 'production') logger.warn('metrics are served at /metrics without METRICS_TOKEN: keep the port private');
    const oauth = new OAuthTokens({ db: appDb, vault, locks, logger, send: upstream.send, metrics, credentialStatus: emitCredentialStatus });
    const callLog = new CallLog(systemView(client, 'upstream call log: rows of every company, written in batches'), logger);
    closer.add(() => callLog.flush());
    const gateway: Gateway = new Gateway({
      db: appDb,
      vault,
      oauth,
      logger,
      callLog,
      send: upstream.send,
      limiter: redis ? new FallbackRateLimiter(new RedisRateLimiter(redis, `${config.redisKeyPrefix}rl:`), logger) : new MemoryRateLimiter(),
      cache: redis ? new RedisResponseCache(redis, `${config.redisKeyPrefix}cache:`) : new MemoryResponseCache(),
      // A quarter of the heap for large answers being handled at once (answer-budget.ts).
      answerBudget: new AnswerBudget(Math.floor(getHeapStatistics().heap_size_limit / 4)),
      metrics,
    });
    // Webhook deliveries use the same guarded client: a subscriber URL is an outgoing call like any other.
    const webhooks = new WebhookDispatcher({ db: systemView(client, 'webhook deliveries of every company'), vault, logger, send: upstream.send, ...config.webhooks });
    const provider = createModelProvider(config.openai, () => new OfflinePlanner());
    const assistant = new Assistant({ db: appDb, gateway, provider, logger });
    logger.info({ model: provider.name }, 'assistant model');

    // Inbound webhooks publish here; dashboards' endpointEvents subscriptions listen (on every instance, with Redis).
    const endpointEvents = redis ? await RedisEndpointEventBus.connect(redis, `${config.redisKeyPrefix}endpoint-events`, logger) : new InProcessEndpointEventBus();
    if (endpointEvents instanceof RedisEndpointEventBus) closer.add(() => endpointEvents.close());
    const server = await startHttpServer({
      db: appDb,
      logger,
      vault,
      oauth,
      gateway,
      assistant,
      tokens: new TokenService(resolveJwtSecret(config, logger), config.jwtTtlSeconds),
      schema: await buildAppSchema(),
      introspection: config.graphqlIntrospection,
      webDistDir: config.webDistDir ?? WEB_DIST_DIR,
      loginLimiter: new LoginLimiter(
        redis ? new FallbackFailureCounter(new RedisFailureCounter(redis, `${config.redisKeyPrefix}login:`), logger) : new MemoryFailureCounter(),
        config.loginLimit,
      ),
      // The sign-in page lists the demo personas only where the demo world is meant to be.
      demoLogins: config.seedDemo && config.env !== 'production' ? DEMO_USERS.map(({ email, note }) => ({ email, note })) : [],
      webhooks: { allowHosts },
      metrics,
      metricsToken: config.metrics.token,
      endpointEvents,
      inboundWebhookToleranceSeconds: config.inboundWebhookToleranceSeconds,
      port: config.port,
      host: config.host,
      trustProxy: config.trustProxy,
    });
    closer.add(() => server.close());
    webhooks.start();
    closer.add(() => webhooks.stop());

    let closing: Promise<void> | undefined;
    let ownerDb: Db | undefined;
    return {
      url: server.url,
      db,
      appDb,
      runAsOwner: (sql) => database.runAsOwner(sql),
      ownerDb: () => {
        if (!ownerDb) {
          ownerDb = createPrismaClient(database.ownerFactory());
          closer.add(() => ownerDb!.$disconnect());
        }
        return ownerDb;
      },
      vault,
      oauth,
      gateway,
      assistant,
      callLog,
      webhooks,
      sandbox,
      redis,
      databaseKind: database.kind,
      seeded,
      appliedMigrations,
      close: () => (closing ??= closer.run()),
    };
  } catch (error) {
    await closer.run();
    throw error;
  }
}
