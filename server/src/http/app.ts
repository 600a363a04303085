// The Express app: GraphQL at /graphql, health probes, and the built web app at /.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { TrustProxy } from '../config.ts';
import type { AppServices, RequestContext } from '../graphql/context.ts';
import { formatError, formatErrorWithoutSuggestions } from '../graphql/errors.ts';
import { limitParseOptions, limitValidationRules } from '../graphql/limits/index.ts';
import { requestLoggingPlugin } from '../graphql/plugins/request-logging.ts';
import { createContextFactory } from './context.ts';
import { DEFAULT_TOLERANCE_SECONDS, inboundWebhookRouter } from '../modules/inbound-webhook/inbound-webhook.route.ts';
import { ssoRouter } from '../modules/identity-provider/sso.route.ts';
import { mcpRouter } from '../mcp/mcp.route.ts';
import { oauthCallbackRouter } from '../modules/oauth-connect/connect.route.ts';
import type { TesseraMetrics } from '../observability/metrics.ts';
import { metricsRoute } from '../observability/metrics-route.ts';
import { observabilityPlugin } from '../observability/graphql-plugin.ts';
import { graphqlSpans } from '../observability/tracing.ts';
import { NO_COMPANIES, runInScopeCell, type ScopeCell } from '../db/row-security/scope.ts';
import { MAX_GRAPHQL_BODY_BYTES } from './body-limit.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppDeps extends AppServices {
  schema: GraphQLSchema;
  /** Introspection, and the GraphiQL page that needs it: off in production unless GRAPHQL_INTROSPECTION=true. */
  introspection: boolean;
  /** Built web app (web/dist); served at / when present. */
  webDistDir?: string;
  /** Inbound webhooks' timestamp tolerance (INBOUND_WEBHOOK_TOLERANCE_SECONDS). */
  inboundWebhookToleranceSeconds?: number;
  /** Prometheus metrics (observability/), served at /metrics when given; METRICS_TOKEN guards them. */
  metrics?: TesseraMetrics;
  metricsToken?: string;
  /** Express `trust proxy` (TRUST_PROXY): whose X-Forwarded-For/-Proto count; default loopback. */
  trustProxy?: TrustProxy;
  /** Single sign-on: may a first sign-in create the account on an invitation (issue 18.1)? Default: none. */
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function createHttpApp(deps: AppDeps) {
  const { db, logger } = deps;
  const apollo = new ApolloServer<RequestContext>({
    schema: deps.schema,
    // Without introspection the schema is not for strangers to read, nor to guess at through
    // "Did you mean …?" (validation, unknown enum values and input fields): suggestions go.
    formatError: deps.introspection ? formatError : formatErrorWithoutSuggestions,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Depth, aliases, directives, cost (validation) and tokens (parse): see graphql/limits.
    validationRules: limitValidationRules(),
    parseOptions: limitParseOptions(),
    // serve.ts owns shutdown; Apollo's own handler would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
    // Apollo installs its cache-control plugin unless told not to; it hooks every field's
    // resolution (willResolveField) to compute cache hints Tessera never sends, which cost more
    // than the resolvers themselves on long lists (the bench's dashboard scenario).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestLoggingPlugin(),
      observabilityPlugin(deps.metrics),
    ],
  });
  await apollo.start();

  const contextFor = createContextFactory(deps);

  const app = express();
  app.disable('x-powered-by');
  // res.send's ETag hashes every GraphQL answer (a SHA-1 of 20-30 KB per dashboard request)
  // for a revalidation no GraphQL client does; the web app's files keep serve-static's own.
  app.set('etag', false);
  // req.ip (sign-in limits, logs) and req.secure (HSTS) believe X-Forwarded-For/-Proto only
  // from these peers: behind a load balancer on another host, set TRUST_PROXY to it.
  app.set('trust proxy', deps.trustProxy ?? 'loopback');
  app.use((req, res, next) => {
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });
  // CSP (no framing), nosniff, Referrer-Policy, HSTS over HTTPS: on every answer, first.
  app.use(securityHeaders());
  app.use(
    inboundWebhookRouter({
      db,
      vault: deps.vault,
      gateway: deps.gateway,
      logger,
      events: deps.endpointEvents,
      toleranceSeconds: deps.inboundWebhookToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    }),
  );
  // Providers send the browser back here after an OAuth Connect's consent (modules/oauth-connect).
  app.use(oauthCallbackRouter({ db, vault: deps.vault, settings: deps.oauthConnect, logger }));
  // Single sign-on over OpenID Connect: /auth/sso/start and /auth/sso/callback (browser redirects).
  app.use(
    ssoRouter({
      db,
      vault: deps.vault,
      tokens: deps.tokens,
      loginLimiter: deps.loginLimiter,
      logger,
    }),
  );
  // MCP clients (Streamable HTTP): the caller's permitted operations as tools, in their own row scope.
  app.use(mcpRouter({ db, tokens: deps.tokens, gateway: deps.gateway, logger }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.$queryRaw`SELECT 1`;
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.get('/metrics', metricsRoute(deps.metrics, deps.metricsToken, logger));

  app.use(
    '/graphql',
    express.json({ limit: MAX_GRAPHQL_BODY_BYTES }),
    // After the body is read (stream callbacks would lose it): the request, its context, shield
    // rules, resolvers and what they start run in one row scope, set once the caller is known.
    (_req: Request, res: Response, next: NextFunction) => {
      const cell: ScopeCell = { scope: NO_COMPANIES };
      res.locals.scopeCell = cell;
      runInScopeCell(cell, next);
    },
    // A trace span per request, parent of the gateway's (inert without an OpenTelemetry SDK).
    graphqlSpans(),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        contextFor({
          authorization: req.header('authorization'),
          requestId: String(res.locals.requestId),
          clientIp: req.ip ?? null,
          scopeCell: res.locals.scopeCell as ScopeCell,
        }),
    }),
  );

  // Body parsing failures (malformed JSON, too large) get a GraphQL-shaped answer, not HTML.
  app.use('/graphql', (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.type === 'entity.too.large' ? 413 : error.status && error.status < 500 ? error.status : 500;
    const message =
      status === 413
        ? 'Request body too large.'
        : status === 400
          ? 'Malformed JSON in request body.'
          : 'Internal server error.';
    if (status >= 500) logger.error({ requestId: res.locals.requestId, err: error }, 'unexpected error before GraphQL');
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  if (deps.webDistDir && existsSync(join(deps.webDistDir, 'index.html'))) {
    const webDir = deps.webDistDir;
    // GraphiQL is a page of its own (web/graphiql.html), bundled from npm: no CDN. It needs
    // introspection, so it is there exactly when introspection is (by either path).
    app.get(['/graphiql', '/graphiql.html'], (_req, res, next) => {
      if (!deps.introspection) return void res.status(404).type('text/plain').send('Not found.');
      if (!existsSync(join(webDir, 'graphiql.html'))) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(webDir, 'graphiql.html'));
    });
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!graphql|healthz|readyz).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(webDir, 'index.html'));
    });
  }

  // Anything else: a plain 404 of ours (Express's own replaces the security headers' CSP).
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found.');
  });

  return { app, apollo, contextFor };
}
