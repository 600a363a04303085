// Prometheus metrics of one running Tessera, served at GET /metrics (metrics-route.ts).
//
// One Registry per instance, not prom-client's global default: the tests run several servers
// in one process, and each must count on its own (and a second instance must not throw
// "metric already registered").
//
// Labels stay low-cardinality on purpose: operation names and endpoint slugs go through a
// LabelCap (the first N distinct values, then "(other)"), statuses are classes (2xx, 5xx), and
// nothing a caller sends verbatim (query text, variables, ids, tokens) ever becomes a label.
// Per-company detail lives in the call log (upstreamCalls analytics), not here.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client.ts';
import { asSystem } from '../db/row-security/scope.ts';
import type { CallLogEntry } from '../gateway/call-log.ts';
import type { Logger } from '../lib/logger.ts';

/** Label values that no GraphQL name can take (names are [_A-Za-z][_0-9A-Za-z]*). */
const OTHER = '(other)';
const ANONYMOUS = '(anonymous)';
const INVALID = '(invalid)';

/** Keeps a label's set of values bounded: the first `max` distinct values, then OTHER. */
export class LabelCap {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OTHER;
    this.seen.add(value);
    return value;
  }
}

/** What the gateway reports of one call: its call-log entry and the endpoint's slug. */
export type GatewayCallEvent = Pick<
  CallLogEntry,
  'method' | 'outcome' | 'status' | 'cached' | 'attempts' | 'durationMs'
> & { endpoint: string };

export interface GatewayMetrics {
  gatewayCall(event: GatewayCallEvent): void;
}

export type OAuthRefreshOutcome = 'ok' | 'rejected' | 'needs_reconnect' | 'unreachable' | 'failed' | 'backoff';

export interface OAuthMetrics {
  oauthRefresh(credentialKind: string, outcome: OAuthRefreshOutcome): void;
}

export interface GraphqlRequestEvent {
  /** The operation's name once it passed parsing and validation; null when it has none. */
  name: string | null;
  /** query, mutation or subscription; null when the request never got that far. */
  type: string | null;
  /** The first error's code, or null for a request without errors. */
  errorCode: string | null;
  seconds: number;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const statusClass = (status: number | null) => (status === null ? 'none' : `${Math.floor(status / 100)}xx`);

export interface MetricsOptions {
  /** For gauges read from the database at scrape time (pending actions). */
  db?: Db;
  logger?: Logger;
  /** Distinct operation names / endpoint slugs kept as label values (defaults 100 / 200). */
  maxOperationNames?: number;
  maxEndpoints?: number;
  /** prom-client's process and Node.js metrics (default true). */
  processMetrics?: boolean;
}

export class TesseraMetrics implements GatewayMetrics, OAuthMetrics {
  readonly registry = new Registry();
  private readonly operationNames: LabelCap;
  private readonly endpoints: LabelCap;
  private readonly errorCodes = new LabelCap(50);

  private readonly graphqlRequests: Counter<'operation' | 'type' | 'result'>;
  private readonly graphqlDuration: Histogram<'operation' | 'type'>;
  private readonly upstreamCalls: Counter<'endpoint' | 'method' | 'status_class' | 'outcome'>;
  private readonly upstreamDuration: Histogram<'endpoint' | 'method'>;
  private readonly upstreamRetries: Counter<'endpoint'>;
  private readonly cacheLookups: Counter<'endpoint' | 'result'>;
  private readonly rateLimited: Counter<'endpoint'>;
  private readonly oauthRefreshes: Counter<'kind' | 'outcome'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.operationNames = new LabelCap(options.maxOperationNames ?? 100);
    this.endpoints = new LabelCap(options.maxEndpoints ?? 200);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });

    this.graphqlRequests = new Counter({
      name: 'tessera_graphql_requests_total',
      help: 'GraphQL requests by operation name (capped; "(invalid)" before validation passed), type, and result ("ok" or the first error code).',
      labelNames: ['operation', 'type', 'result'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'tessera_graphql_request_duration_seconds',
      help: 'GraphQL request duration, from receipt to response, by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.upstreamCalls = new Counter({
      name: 'tessera_upstream_calls_total',
      help: 'Gateway calls that went to an upstream API (not cache hits), by endpoint slug, method, final HTTP status class ("none": no answer) and outcome.',
      labelNames: ['endpoint', 'method', 'status_class', 'outcome'],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: 'tessera_upstream_call_duration_seconds',
      help: 'Duration of gateway calls that went upstream, retries and waits included, by endpoint slug and method.',
      labelNames: ['endpoint', 'method'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.upstreamRetries = new Counter({
      name: 'tessera_upstream_retries_total',
      help: 'Repeated upstream attempts (after a retryable failure), by endpoint slug.',
      labelNames: ['endpoint'],
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'tessera_gateway_cache_lookups_total',
      help: 'GET calls through the response cache, by endpoint slug and result (hit or miss; waiters of a shared miss count as misses).',
      labelNames: ['endpoint', 'result'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'tessera_gateway_rate_limited_total',
      help: 'Calls refused by the per-company, per-endpoint rate limit, by endpoint slug.',
      labelNames: ['endpoint'],
      registers,
    });
    this.oauthRefreshes = new Counter({
      name: 'tessera_oauth_refreshes_total',
      help: 'OAuth2 token requests by credential kind and outcome (ok, rejected, needs_reconnect, unreachable, failed; backoff: skipped while a failed credential waits).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    if (options.db) this.pendingActionsGauge(options.db, options.logger);
  }

  graphqlRequest(event: GraphqlRequestEvent): void {
    const operation =
      event.type === null ? INVALID : this.operationNames.of(event.name === null ? ANONYMOUS : event.name.slice(0, 64));
    const type = event.type ?? 'unknown';
    const code =
      event.errorCode === null
        ? 'ok'
        : ERROR_CODE.test(event.errorCode)
          ? this.errorCodes.of(event.errorCode)
          : 'INTERNAL_SERVER_ERROR';
    this.graphqlRequests.inc({ operation, type, result: code });
    this.graphqlDuration.observe({ operation, type }, event.seconds);
  }

  gatewayCall(event: GatewayCallEvent): void {
    const endpoint = this.endpoints.of(event.endpoint);
    // A call without a credential never reached the cache; a rate-limited one did (and missed).
    if (event.outcome === 'no_credential') return;
    if (event.method === 'GET') this.cacheLookups.inc({ endpoint, result: event.cached ? 'hit' : 'miss' });
    if (event.outcome === 'rate_limited') return void this.rateLimited.inc({ endpoint });
    if (event.cached) return;
    this.upstreamCalls.inc({
      endpoint,
      method: event.method,
      status_class: statusClass(event.status),
      outcome: event.outcome,
    });
    this.upstreamDuration.observe({ endpoint, method: event.method }, event.durationMs / 1000);
    if (event.attempts > 1) this.upstreamRetries.inc({ endpoint }, event.attempts - 1);
  }

  oauthRefresh(credentialKind: string, outcome: OAuthRefreshOutcome): void {
    this.oauthRefreshes.inc({ kind: credentialKind.toLowerCase(), outcome });
  }

  /** The Prometheus text exposition of everything above. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * Pending actions are read from the database when scraped rather than counted in process: the
   * numbers are then the same on every instance and survive restarts, and "waiting for a
   * person right now" is what an operator alerts on. Expired-but-unmarked rows count as expired.
   */
  private pendingActionsGauge(db: Db, logger: Logger | undefined) {
    new Gauge({
      name: 'tessera_pending_actions',
      help: 'Assistant write proposals by status (pending: waiting for their owner; executed, rejected, failed, expired), over all companies, read at scrape time.',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          const rows = await asSystem(
            'metrics: pending actions by status',
            () =>
              db.$queryRaw<{ status: string; n: number }[]>`
              SELECT CASE WHEN status = 'pending' AND expires_at <= now() THEN 'expired' ELSE status END AS status, count(*)::int AS n
              FROM pending_actions GROUP BY 1`,
          );
          for (const { status, n } of rows) this.set({ status }, n);
        } catch (error) {
          // A scrape without this gauge beats a failed scrape.
          logger?.warn({ err: error }, 'metrics: could not count pending actions');
        }
      },
    });
  }
}
