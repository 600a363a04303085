// Every environment variable Tessera reads, parsed once with clear errors. Nothing else in the
// code reads process.env.
import { resolve } from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const boolFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Which peers may tell the client's address (X-Forwarded-For) and protocol (X-Forwarded-Proto),
 * in the forms Express's `trust proxy` takes: `true`/`false`, a hop count, or a comma-separated
 * list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 */
const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim();
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 100) return hops;
    ctx.addIssue({ code: 'custom', message: 'a hop count must be at most 100' });
    return z.NEVER;
  }
  const list = value.split(',').map((v) => v.trim());
  try {
    // Express compiles the same list with proxy-addr: what passes here, Express accepts.
    proxyaddr.compile(list);
    return list.join(',');
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `must be true, false, a hop count, or comma-separated addresses/CIDR ranges (loopback, linklocal, uniquelocal allowed): ${(error as Error).message}`,
    });
    return z.NEVER;
  }
});

/** Express's `trust proxy` value: all, none, a hop count, or an address/CIDR list. */
export type TrustProxy = boolean | number | string;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Proxies trusted for the client address and protocol; default: loopback only (docs/decisions/0018). */
  TRUST_PROXY: trustProxy.default('loopback'),
  SANDBOX_PORT: port.default(4010),
  /** The demo identity provider (single sign-on for Globex's globex.test people); 0: any free port. */
  SANDBOX_IDP_PORT: port.default(4011),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** PostgreSQL row-level security on every company table (docs/decisions/0009); on unless "false". */
  DATABASE_ROW_SECURITY: boolFlag.optional(),
  /** The application's own connection (a plain role); default: a role Tessera provisions. */
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('tessera_app'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** Namespace of every Redis key (rate limits, cache, locks, sign-in counts): one per installation sharing a Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_", "." or "-"')
    .default('tessera:'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  TESSERA_ENCRYPTION_KEYS: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().optional(),
  SEED_DEMO: boolFlag.optional(),
  UPSTREAM_ALLOW_HOSTS: z.string().optional(),
  /** The web app's origin as browsers reach it: links in invitation mail, and OAuth Connect's redirect URL <PUBLIC_URL>/oauth/callback; default: the server's own address. */
  PUBLIC_URL: z
    .url()
    .regex(/^https?:\/\/[^/?#]+\/?$/, 'must be an origin like https://tessera.example.com')
    .optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  /** Introspection and /graphiql; default: on except in production. */
  GRAPHQL_INTROSPECTION: boolFlag.optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  /** Waits between webhook delivery attempts, comma-separated milliseconds; its length is the number of retries. */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be comma-separated milliseconds')
    .optional(),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** One delivery attempt's time limit; a claimed delivery is taken over after twice that. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How far an inbound webhook's timestamp may be from now (Standard Webhooks suggests 5 minutes). */
  INBOUND_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** GET /metrics (Prometheus): served when METRICS_ENABLED=true or a METRICS_TOKEN is set; the token, if set, is required. */
  METRICS_ENABLED: boolFlag.optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Outgoing mail (invitations): smtp:// or smtps://, credentials in the URL; unset: links are shown to the inviting admin instead. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of Tessera's mail. */
  MAIL_FROM: z.string().min(3).max(254).default('Tessera <tessera@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** Express `trust proxy`: whose X-Forwarded-For/-Proto decide req.ip and req.secure (TRUST_PROXY). */
  trustProxy: TrustProxy;
  sandboxPort: number;
  sandboxIdpPort: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** How long a start waits for an unreachable PostgreSQL server before giving up. */
  databaseWaitSeconds: number;
  /** Row security: the app runs as `appRole` (or DATABASE_APP_URL's role), bound by the tenant policies. */
  database: { rowSecurity: boolean; appUrl: string | undefined; appRole: string };
  redisUrl: string | undefined;
  /** Prefix of every Redis key Tessera writes. */
  redisKeyPrefix: string;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  /** TESSERA_ENCRYPTION_KEYS as given (`id:base64` entries, first encrypts); parsed by the vault. */
  encryptionKeys: string | undefined;
  /** Seed the demo world on an empty database: on by default in the embedded mode only. */
  seedDemo: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** GraphQL introspection and the GraphiQL page (GRAPHQL_INTROSPECTION; default: not in production). */
  graphqlIntrospection: boolean;
  /** Failed sign-ins allowed per account (normalised email) and per client address within the window. */
  loginLimit: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowSeconds: number };
  /** The built web app served at /; web/dist unless WEB_DIST_DIR names another build. */
  webDistDir: string | undefined;
  /** Hosts ("host" or "host:port") the gateway may reach even on private or loopback addresses. */
  upstreamAllowHosts: string[];
  /** PUBLIC_URL without a trailing slash; undefined: the server's own URL. */
  publicUrl: string | undefined;
  openai: { apiKey?: string; baseUrl?: string; model?: string };
  /** Outgoing webhooks: retry waits (ms; default 5 s, 30 s, 2 min, 10 min, 1 h) and how often due deliveries are polled. */
  webhooks: { retryScheduleMs: number[] | undefined; pollMs: number; timeoutMs: number };
  /** Inbound webhooks (POST /webhooks/:endpointId): accepted distance of webhook-timestamp from now. */
  inboundWebhookToleranceSeconds: number;
  /** Prometheus metrics at /metrics: off unless enabled; `token` (bearer) guards them when set. */
  metrics: { enabled: boolean; token: string | undefined };
  /** Outgoing mail: the SMTP server (SMTP_URL, none: nothing is mailed) and the sender. */
  mail: { smtpUrl: string | undefined; from: string };
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" (a common result of `FOO= cmd` and of .env templates).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    sandboxPort: e.SANDBOX_PORT,
    sandboxIdpPort: e.SANDBOX_IDP_PORT,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    database: {
      rowSecurity: e.DATABASE_ROW_SECURITY ?? true,
      appUrl: e.DATABASE_APP_URL,
      appRole: e.DATABASE_APP_ROLE,
    },
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    encryptionKeys: e.TESSERA_ENCRYPTION_KEYS,
    seedDemo: e.SEED_DEMO ?? e.DATABASE_URL === undefined,
    logLevel: e.LOG_LEVEL,
    graphqlIntrospection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    loginLimit: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    webDistDir: e.WEB_DIST_DIR === undefined ? undefined : resolve(e.WEB_DIST_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    upstreamAllowHosts: (e.UPSTREAM_ALLOW_HOSTS ?? '')
      .split(/[\s,]+/)
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    webhooks: {
      retryScheduleMs: e.WEBHOOK_RETRY_SCHEDULE_MS?.split(',').map((v) => Number(v.trim())),
      pollMs: e.WEBHOOK_POLL_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    inboundWebhookToleranceSeconds: e.INBOUND_WEBHOOK_TOLERANCE_SECONDS,
    metrics: { enabled: e.METRICS_ENABLED ?? e.METRICS_TOKEN !== undefined, token: e.METRICS_TOKEN },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
  };
}
