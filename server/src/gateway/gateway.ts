// The one pipeline for every call to a company's API (readOperation, writeOperation, the
// dashboard, the assistant): policy → credential → parameters → rate limit → cache (GET) →
// request with retries → call log. Each step refuses before anything is sent upstream.
import { inScopeOf } from '../db/row-security/principal-scope.ts';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/client.ts';
import { BadInputError, ForbiddenError, NotFoundError, RateLimitedError, UpstreamError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import type { Logger } from '../lib/logger.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { markOriginRefused } from '../modules/credential/credential.origin.ts';
import { decide, roleIdsIn } from '../policy/policy.ts';
import type { Vault } from '../vault/vault.ts';
import { VaultDecryptError } from '../vault/envelope.ts';
import { LruMap } from '../lib/lru-map.ts';
import { cacheKey, cacheScope, canonicalJson, type CacheEntry, type LookAhead, type ResponseCache } from './cache.ts';
import type { CallLog, CallLogEntry } from './call-log.ts';
import { callWithCredential, CredentialOriginError, type CredentialCallDeps } from './credential-call.ts';
import { CredentialNeedsReconnectError, TokenEndpointError, type OAuthTokens } from './oauth.ts';
import { rateLimitKey, type RateLimiter } from './rate-limit.ts';
import { buildRequest, prepareValidator } from './request-builder.ts';
import { assertSameRequest, boundRequestOf, type BoundRequest } from './bound-request.ts';
import { loadCallFacts } from './call-facts.ts';
import { applyFieldRule } from './field-filter.ts';
import { LARGE_ANSWER_BYTES, type AnswerBudget } from './answer-budget.ts';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, mayRetry, nextDelayMs, serverRequestedDelayMs, type RetryPolicy } from './retry.ts';
import { UpstreamNetworkError, type UpstreamRequest, type UpstreamResponse } from './upstream-client.ts';
import type { GatewayCallEvent, GatewayMetrics } from '../observability/metrics.ts';
import { observeGatewayCall } from '../observability/tracing.ts';

/** Calls per minute per company and endpoint when the endpoint sets no limit of its own. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/** Calls (of distinct company, endpoint, operation, roles and parameters) whose cache key is remembered. */
const REMEMBERED_CACHE_KEYS = 2_000;
/** Parameters longer than this (canonical JSON) are not remembered: a look-ahead is for dashboards' small, repeated reads. */
const REMEMBERED_PARAMS_CHARS = 2_000;

export interface GatewayCall {
  principal: Principal;
  companyId: string;
  endpointId: string;
  operationKey: string;
  params?: unknown;
  body?: unknown;
  /** readOperation only runs GET operations, writeOperation only the others. */
  mode: 'read' | 'write' | 'any';
  source: string;
  requestId?: string | null;
  /** A confirmed write: the request that was proposed; anything else is refused (bound-request.ts). */
  boundTo?: BoundRequest;
}

export interface UpstreamResult {
  status: number;
  data: unknown;
  cached: boolean;
  attempts: number;
  durationMs: number;
  /** A response field rule of the caller's granting role shaped `data` (field-filter.ts). */
  filtered: boolean;
}

export interface GatewayDeps {
  db: Db;
  vault: Vault;
  oauth: OAuthTokens;
  limiter: RateLimiter;
  cache: ResponseCache;
  callLog: CallLog;
  logger: Logger;
  send: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  retry?: RetryPolicy;
  /** Whole exchange per attempt (default: the upstream client's). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Prometheus counters of each call's outcome (observability/); none by default. */
  metrics?: GatewayMetrics;
  /** Large answers handled at once, within a heap budget (answer-budget.ts); unbounded by default. */
  answerBudget?: AnswerBudget;
}

const outcomeOf = (error: UpstreamNetworkError): CallLogEntry['outcome'] =>
  error.failure === 'timeout' ? 'timeout' : error.failure === 'blocked' ? 'blocked' : error.failure === 'too_large' ? 'too_large' : 'network_error';

/** What a read's cache key depends on before its facts are known; null when its parameters are too long to remember. */
function rememberedKeyOf(call: GatewayCall, roleIds: readonly string[]): string | null {
  const params = canonicalJson(call.params ?? null);
  if (params.length > REMEMBERED_PARAMS_CHARS) return null;
  return `${call.companyId}\n${call.endpointId}\n${call.operationKey}\n${roleIds.join(',')}\n${params}`;
}

function parseBody(body: string): unknown {
  if (body === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export class Gateway {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  /**
   * The cache key a cacheable read computed, by what determines it before the facts are known
   * (company, endpoint, operation, the caller's roles there, the parameters as given): the next
   * such call starts its cache lookup while its facts load (see run()).
   */
  private readonly rememberedCacheKeys = new LruMap<string, string>(REMEMBERED_CACHE_KEYS);

  constructor(private readonly deps: GatewayDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** The same gateway with other timeouts or retry policy (e.g. a tighter one for dashboards). */
  withOptions(options: Pick<GatewayDeps, 'timeoutMs' | 'retry' | 'answerBudget'>): Gateway {
    return new Gateway({ ...this.deps, ...options });
  }

  /** The gateway's HTTP path with credentials, for callers outside the pipeline (credential tests). */
  get credentialCall(): CredentialCallDeps {
    return { vault: this.deps.vault, oauth: this.deps.oauth, send: this.deps.send };
  }

  /** Drops the endpoint's cached reads, as a write through the gateway does (an inbound webhook said its data changed). */
  invalidateEndpoint({ companyId, endpointId }: { companyId: string; endpointId: string }): Promise<void> {
    return this.deps.cache.invalidate(cacheScope(companyId, endpointId));
  }

  async call(call: GatewayCall): Promise<UpstreamResult> {
    // A trace span per call; its call-log outcome also goes to the span and the metrics.
    // Its reads and writes (endpoint, grants, credential, call log) in the caller's row scope.
    return inScopeOf(call.principal, () => observeGatewayCall(this.deps.metrics, call, (note) => this.run(call, note)));
  }

  private async run(call: GatewayCall, note: (event: GatewayCallEvent) => void): Promise<UpstreamResult> {
    const started = performance.now();
    const { db } = this.deps;
    const { companyId, endpointId, principal } = call;
    // Everything the decision needs in one statement (call-facts.ts): the endpoint of this
    // company, the operation with the caller's roles' response field rules, the grants of those
    // roles, and the credentials they (or everyone) may use.
    const roleIds = roleIdsIn(principal, companyId);
    // A repeated cacheable read starts its cache lookup (a Redis round trip) alongside the facts
    // statement, for the key the same call used last time, instead of after it. Nothing is
    // decided from it: the facts still decide the call, and the lookup's answer is used only if
    // the key computed from them is the same, which is exactly the lookup the call would make.
    // (Only for a cache whose lookup is a round trip: the in-process one has no look-ahead.)
    const { cache } = this.deps;
    const rememberAs = call.mode === 'write' || !cache.lookAhead ? null : rememberedKeyOf(call, roleIds);
    const remembered = rememberAs === null ? undefined : this.rememberedCacheKeys.get(rememberAs);
    const ahead: LookAhead | undefined = remembered === undefined ? undefined : cache.lookAhead?.(cacheScope(companyId, endpointId), remembered);
    const endpoint = isUuid(endpointId) && isUuid(companyId) ? await loadCallFacts(db, { companyId, endpointId, operationKey: call.operationKey, roleIds }) : null;
    const operation = endpoint?.operation ?? null;
    const method = operation?.method ?? (call.mode === 'read' ? 'GET' : 'POST');
    const grants = endpoint?.grants ?? [];
    const decision = decide(principal, companyId, endpoint, method, grants);
    if (!decision.allowed) {
      if (decision.reason === 'read_only') throw new ForbiddenError(`Your role may only read from ${endpoint!.name}.`);
      throw new NotFoundError('Endpoint');
    }
    if (!operation) throw new NotFoundError('Operation');
    if (call.mode === 'read' && method !== 'GET') throw new BadInputError('readOperation runs GET operations only; use writeOperation.');
    if (call.mode === 'write' && method === 'GET') throw new BadInputError('writeOperation runs POST, PUT, PATCH and DELETE operations; use readOperation.');

    await prepareValidator(operation, companyId); // a large schema's first call: compiled off the event loop
    const built = buildRequest(endpoint!.baseUrl, operation, call.params, call.body);
    // Checked from the very facts the request is sent with, so no edit can slip in between.
    if (call.boundTo) assertSameRequest(call.boundTo, boundRequestOf(endpoint!.baseUrl, operation, built));
    // The granting role's own credential first, else the company-wide one (architecture.md).
    const credential = endpoint!.credentials.find((c) => c.roleId === decision.roleId) ?? endpoint!.credentials.find((c) => c.roleId === null) ?? null;
    const log = (entry: Partial<CallLogEntry> & Pick<CallLogEntry, 'outcome'>) => {
      const full: CallLogEntry = {
        companyId,
        userId: principal.userId,
        roleId: decision.roleId,
        endpointId,
        credentialId: credential?.id ?? null,
        operationKey: operation.key,
        method,
        source: call.source,
        status: null,
        durationMs: performance.now() - started,
        attempts: 0,
        cached: false,
        bytes: 0,
        requestId: call.requestId ?? null,
        ...entry,
      };
      this.deps.callLog.record(full);
      note({ ...full, endpoint: endpoint!.slug });
    };
    if (!credential) {
      log({ outcome: 'no_credential' });
      throw new UpstreamError(`No credential is set up for ${endpoint!.name} for your role. Ask an administrator to add one.`, { reason: 'NO_CREDENTIAL' });
    }

    // Only calls that reach the upstream API spend the company's budget: cached reads (and the
    // waiters of a shared miss) do not, so dashboards polling cached data cannot exhaust it.
    const spendRateToken = async () => {
      // A shared limiter that loses its store falls back to in-process limits (FallbackRateLimiter);
      // an error here is unexpected and fails the call rather than opening the gate.
      const rate = await this.deps.limiter.take(rateLimitKey(companyId, endpointId), endpoint!.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
      if (!rate.allowed) {
        log({ outcome: 'rate_limited' });
        throw new RateLimitedError(rate.retryAfterSeconds, `Too many calls to ${endpoint!.name} for this company. Try again in ${rate.retryAfterSeconds} s.`);
      }
    };

    let attempts = 0;
    const perform = async (): Promise<{ entry: CacheEntry; cacheable: boolean }> => {
      await spendRateToken();
      const headers: Record<string, string> = { accept: 'application/json' };
      if (built.body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET') headers['idempotency-key'] = randomUUID();
      const res = await this.withRetries(method, headers, (n) => {
        attempts = n;
        return callWithCredential(this.credentialCall, credential, { method, url: built.url, headers, ...(built.body !== undefined ? { body: built.body } : {}), ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}) });
      });
      const entry = { status: res.status, body: res.body.toString('utf8'), storedAt: Date.now() };
      return { entry, cacheable: res.status >= 200 && res.status < 300 };
    };

    // Every write that got this far (allowed, with a credential) leaves one audit row, whether
    // the upstream API took it or not. The write may already be applied upstream, so a failed
    // audit insert is logged rather than turned into an error the caller would retry.
    const auditWrite = async (outcome: string, status: number | null) => {
      if (method === 'GET') return;
      const actor = { userId: principal.userId, email: principal.email, requestId: call.requestId ?? null };
      const details = { endpointId, operation: operation.key, method, credentialId: credential.id, source: call.source, outcome, status };
      await recordAudit(db, actor, { companyId, action: 'upstream.write', targetType: 'operation', targetId: operation.id, details }).catch((error: unknown) =>
        this.deps.logger.error({ err: error, companyId, endpointId, operation: operation.key }, 'could not write the audit row of an upstream write'),
      );
    };

    const scope = cacheScope(companyId, endpointId);
    let result: { entry: CacheEntry; cached: boolean };
    try {
      if (method === 'GET') {
        const key = cacheKey({ credentialId: credential.id, operationKey: operation.key, params: built.params });
        if (rememberAs !== null && endpoint!.cacheTtlSeconds > 0 && key !== remembered) this.rememberedCacheKeys.set(rememberAs, key);
        result = await this.deps.cache.getOrLoad(scope, key, endpoint!.cacheTtlSeconds, perform, ahead);
      } else {
        // Invalidate even when the write failed or timed out: it may have been applied upstream.
        try {
          result = { ...(await perform()), cached: false };
        } finally {
          await this.deps.cache.invalidate(scope).catch((error: unknown) => this.deps.logger.error({ err: error, companyId, endpointId }, 'could not invalidate cached reads'));
        }
      }
    } catch (error) {
      if (error instanceof CredentialOriginError) {
        // The state shows on the Credentials page even when the base URL moved outside updateEndpoint.
        const actor = { userId: principal.userId, email: principal.email, requestId: call.requestId ?? null };
        await markOriginRefused(db, actor, credential, error.requestOrigin).catch((e: unknown) => this.deps.logger.error({ err: e, credentialId: credential.id }, 'could not mark a credential refused for its origin'));
      }
      const failure = this.failure(error, log, attempts, endpoint!.name);
      await auditWrite(String((failure as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR'), null);
      throw failure;
    }

    const { entry, cached } = result;
    const ok = entry.status >= 200 && entry.status < 300;
    await auditWrite(ok ? 'ok' : 'upstream_error', entry.status);
    log({ outcome: ok ? 'ok' : 'upstream_error', status: entry.status, attempts: cached ? 0 : attempts, cached, bytes: Buffer.byteLength(entry.body) });
    if (!ok) {
      throw new UpstreamError(`${endpoint!.name} answered HTTP ${entry.status}${entry.status === 404 ? ' (not found)' : ''}.`, { upstreamStatus: entry.status });
    }
    // The field rule of the granting role (decision.roleId): the role whose grant allows this
    // call and whose credential fetched the data answers for what of it is shown, so one role
    // decides the whole call, as it does for the credential. The cache keeps the answer whole
    // and every call, a cache hit too, is filtered on its way out.
    const rule = operation.fieldRules.find((r) => r.roleId === decision.roleId) ?? null;
    // Every caller parses its own copy (one answer may serve many callers): a large one waits for
    // room in the heap budget first. It gives the room back on the next turn of the event loop:
    // what the caller does with the data right away (GraphQL serializing it into the response)
    // runs on promise callbacks, before that turn, so the next large parse finds this one done.
    const release = entry.body.length >= LARGE_ANSWER_BYTES ? await this.deps.answerBudget?.reserve(entry.body.length) : undefined;
    try {
      const data = applyFieldRule(parseBody(entry.body), rule);
      return { status: entry.status, data, cached, attempts: cached ? 0 : attempts, durationMs: Math.round((performance.now() - started) * 100) / 100, filtered: rule !== null };
    } finally {
      if (release) setImmediate(release);
    }
  }

  /** Repeats retryable failures with backoff; returns the last response (even a failed one). */
  private async withRetries(method: string, headers: Record<string, string>, attempt: (n: number) => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    const retryable = mayRetry(method, headers);
    let waited = 0;
    for (let n = 1; ; n += 1) {
      let res: UpstreamResponse | null = null;
      let failure: unknown = null;
      try {
        res = await attempt(n);
      } catch (error) {
        failure = error;
      }
      const transient = failure ? failure instanceof UpstreamNetworkError && (failure.failure === 'network' || failure.failure === 'connect' || failure.failure === 'timeout') : isRetryableStatus(res!.status);
      const delay = retryable && transient ? nextDelayMs(this.retry, n, waited, res ? serverRequestedDelayMs(res.headers) : null) : null;
      if (delay === null) {
        if (failure) throw failure;
        return res!;
      }
      waited += delay;
      await this.sleep(delay);
    }
  }

  private failure(error: unknown, log: (e: Partial<CallLogEntry> & Pick<CallLogEntry, 'outcome'>) => void, attempts: number, endpointName: string): Error {
    if (error instanceof UpstreamNetworkError) {
      log({ outcome: outcomeOf(error), attempts });
      return new UpstreamError(`${endpointName}: ${error.message}`, { reason: error.failure.toUpperCase() });
    }
    if (error instanceof VaultDecryptError) {
      // A stored secret that does not open (its key is gone, or the row was edited in the database: another origin, another row).
      log({ outcome: 'credential_error', attempts });
      return new UpstreamError(`${endpointName}: the stored credential cannot be opened; an administrator must replace its secret.`, { reason: 'CREDENTIAL_UNREADABLE' });
    }
    if (error instanceof CredentialOriginError) {
      log({ outcome: 'credential_error', attempts });
      return new UpstreamError(`${endpointName}: ${error.message}`, { reason: 'CREDENTIAL_ORIGIN_CHANGED' });
    }
    if (error instanceof CredentialNeedsReconnectError || error instanceof TokenEndpointError) {
      log({ outcome: 'credential_error', attempts });
      return new UpstreamError(`${endpointName}: ${error.message}`, { reason: error instanceof CredentialNeedsReconnectError ? 'NEEDS_RECONNECT' : 'TOKEN_ENDPOINT' });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
