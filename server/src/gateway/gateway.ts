// The one pipeline for every call to a company's API (readOperation, writeOperation, the
// dashboard, the assistant): policy → credential → parameters → rate limit → cache (GET) →
// request with retries → call log. Each step refuses before anything is sent upstream. Credential
// tests take the same rate limit and call log without the policy (credential-test.ts).
import { inScopeOf } from '../db/row-security/principal-scope.ts';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/client.ts';
import { BadInputError, ForbiddenError, NotFoundError, UpstreamError } from '../lib/errors.ts';
import { isUuid } from '../lib/ids.ts';
import type { Logger } from '../lib/logger.ts';
import { decide, roleIdsIn } from '../policy/policy.ts';
import type { Vault } from '../vault/vault.ts';
import { VaultDecryptError } from '../vault/envelope.ts';
import { LruMap } from '../lib/lru-map.ts';
import { canonicalJson } from '../lib/canonical-json.ts';
import {
  cacheKey,
  cacheScope,
  type CacheResult,
  type LoadResult,
  type LookAhead,
  type ResponseCache,
} from './cache.ts';
import type { CallLog, CallLogEntry } from './call-log.ts';
import {
  callWithCredential,
  CredentialOriginError,
  type CredentialCallDeps,
  type CredentialForCall,
} from './credential-call.ts';
import { CredentialNeedsReconnectError, TokenEndpointError, type OAuthTokens } from './oauth.ts';
import { refusedRate, type RateLimiter } from './rate-limit.ts';
import { failureOutcome } from './call-outcome.ts';
import { sendCredentialTest, type CredentialTest } from './credential-test.ts';
import { buildRequest, prepareValidator, type BuiltRequest } from './request-builder.ts';
import { assertSameRequest, boundRequestOf, type BoundRequest } from './bound-request.ts';
import { loadCallFacts, type CallFacts } from './call-facts.ts';
import type { CredentialOriginSink, GatewayActor, GatewayAudit } from './gateway-sinks.ts';
import { applyFieldRule } from './field-filter.ts';
import { LARGE_ANSWER_BYTES, type AnswerBudget } from './answer-budget.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  mayRetry,
  nextDelayMs,
  serverRequestedDelayMs,
  type RetryPolicy,
} from './retry.ts';
import { UpstreamNetworkError, type UpstreamRequest, type UpstreamResponse } from './upstream-client.ts';
import type { GatewayCallEvent, GatewayMetrics } from '../observability/metrics.ts';
import { observeGatewayCall } from '../observability/tracing.ts';

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
  /** Where each upstream write's audit row goes (modules/audit, wired in tessera.ts). */
  audit: GatewayAudit;
  /** What shows a credential refused for its origin (modules/credential, wired in tessera.ts). */
  credentialOrigins: CredentialOriginSink;
}

/** A call the policy allowed, with the facts it was allowed on. */
interface AuthorizedCall {
  call: GatewayCall;
  /** Its span's and metrics' note of the outcome (observability/tracing.ts). */
  note: (event: GatewayCallEvent) => void;
  started: number;
  endpoint: CallFacts;
  operation: NonNullable<CallFacts['operation']>;
  method: string;
  /** The role whose grant allows the call: its credential and its field rule are the ones used. */
  roleId: string | null;
}

/** An authorized call ready to send: its request built and checked, its credential chosen. */
interface PreparedCall extends AuthorizedCall {
  built: BuiltRequest;
  credential: CredentialForCall;
  /** Upstream attempts so far (retries included). */
  attempts: number;
}

/** The cache key remembered for this call (see Gateway.rememberedCacheKeys) and the lookup started for it. */
interface CacheLookAhead {
  rememberAs: string;
  remembered: string | undefined;
  ahead: LookAhead | undefined;
}

type LogEntry = Partial<CallLogEntry> & Pick<CallLogEntry, 'outcome'>;

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

  /** The gateway's HTTP path with credentials (the pipeline's and credential tests'). */
  get credentialCall(): CredentialCallDeps {
    return { vault: this.deps.vault, oauth: this.deps.oauth, send: this.deps.send };
  }

  /** An administrator's credential test: the rate limit and the call log, no policy (credential-test.ts). */
  testCredential(test: CredentialTest): Promise<UpstreamResponse> {
    const { limiter, callLog, metrics, timeoutMs } = this.deps;
    return sendCredentialTest({ limiter, callLog, metrics, credentialCall: this.credentialCall, timeoutMs }, test);
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

  /**
   * authorize → prepare → fetch → record → shape. Every step before fetch refuses before anything
   * is sent upstream; each one narrows what the call is known to have (AuthorizedCall, PreparedCall).
   */
  private async run(call: GatewayCall, note: (event: GatewayCallEvent) => void): Promise<UpstreamResult> {
    const started = performance.now();
    const { companyId, endpointId } = call;
    const roleIds = roleIdsIn(call.principal, companyId);
    const lookAhead = this.startLookAhead(call, roleIds);
    // Everything the decision needs in one statement (call-facts.ts): the endpoint of this
    // company, the operation with the caller's roles' response field rules, the grants of those
    // roles, and the credentials they (or everyone) may use.
    const facts =
      isUuid(endpointId) && isUuid(companyId)
        ? await loadCallFacts(this.deps.db, { companyId, endpointId, operationKey: call.operationKey, roleIds })
        : null;
    const authorized = authorize(call, note, started, facts);
    await prepareValidator(authorized.operation, companyId); // a large schema's first call: compiled off the event loop
    const prepared = this.prepare(authorized);
    let answer: CacheResult;
    try {
      answer = await this.fetch(prepared, lookAhead);
    } catch (error) {
      throw await this.failed(prepared, error);
    }
    await this.record(prepared, answer);
    // Every caller parses its own copy (one answer may serve many callers): a large one waits for
    // room in the heap budget first. It gives the room back on the next turn of the event loop:
    // what the caller does with the data right away (GraphQL serializing it into the response)
    // runs on promise callbacks, before that turn, so the next large parse finds this one done.
    const size = answer.entry.body.length;
    const release = size >= LARGE_ANSWER_BYTES ? await this.deps.answerBudget?.reserve(size) : undefined;
    try {
      return shape(prepared, answer);
    } finally {
      if (release) setImmediate(release);
    }
  }

  /**
   * A repeated cacheable read starts its cache lookup (a Redis round trip) alongside the facts
   * statement, for the key the same call used last time, instead of after it. Nothing is
   * decided from it: the facts still decide the call, and the lookup's answer is used only if
   * the key computed from them is the same, which is exactly the lookup the call would make.
   * (Only for a cache whose lookup is a round trip: the in-process one has no look-ahead.)
   */
  private startLookAhead(call: GatewayCall, roleIds: readonly string[]): CacheLookAhead | null {
    const { cache } = this.deps;
    const rememberAs = call.mode === 'write' || !cache.lookAhead ? null : rememberedKeyOf(call, roleIds);
    if (rememberAs === null) return null;
    const remembered = this.rememberedCacheKeys.get(rememberAs);
    const ahead =
      remembered === undefined ? undefined : cache.lookAhead?.(cacheScope(call.companyId, call.endpointId), remembered);
    return { rememberAs, remembered, ahead };
  }

  /** The request built and checked, and the credential it goes with; a call without one is logged and refused. */
  private prepare(authorized: AuthorizedCall): PreparedCall {
    const { call, note, started, endpoint, operation, method, roleId } = authorized;
    const built = buildRequest(endpoint.baseUrl, operation, call.params, call.body);
    // Checked from the very facts the request is sent with, so no edit can slip in between.
    if (call.boundTo) assertSameRequest(call.boundTo, boundRequestOf(endpoint.baseUrl, operation, built));
    // The granting role's own credential first, else the company-wide one (docs/architecture.md, "The policy").
    const credential =
      endpoint.credentials.find((c) => c.roleId === roleId) ?? endpoint.credentials.find((c) => c.roleId === null);
    if (!credential) {
      this.log(authorized, null, { outcome: 'no_credential' });
      throw new UpstreamError(
        `No credential is set up for ${endpoint.name} for your role. Ask an administrator to add one.`,
        { reason: 'NO_CREDENTIAL' },
      );
    }
    // Written out, not spread from `authorized`: a spread object costs this hot path about 4 µs a call.
    return { call, note, started, endpoint, operation, method, roleId, built, credential, attempts: 0 };
  }

  /** A read through the cache (shared with identical calls), or a write, which drops the endpoint's cached reads. */
  private fetch(prepared: PreparedCall, lookAhead: CacheLookAhead | null): Promise<CacheResult> {
    if (prepared.method !== 'GET') return this.write(prepared);
    const { call, endpoint, operation, built, credential } = prepared;
    const key = cacheKey({ credentialId: credential.id, operationKey: operation.key, params: built.params });
    if (lookAhead && endpoint.cacheTtlSeconds > 0 && key !== lookAhead.remembered)
      this.rememberedCacheKeys.set(lookAhead.rememberAs, key);
    return this.deps.cache.getOrLoad(
      cacheScope(call.companyId, call.endpointId),
      key,
      endpoint.cacheTtlSeconds,
      () => this.send(prepared),
      lookAhead?.ahead,
    );
  }

  private async write(prepared: PreparedCall): Promise<CacheResult> {
    const { companyId, endpointId } = prepared.call;
    // Invalidate even when the write failed or timed out: it may have been applied upstream.
    try {
      return { ...(await this.send(prepared)), cached: false };
    } finally {
      await this.deps.cache
        .invalidate(cacheScope(companyId, endpointId))
        .catch((error: unknown) =>
          this.deps.logger.error({ err: error, companyId, endpointId }, 'could not invalidate cached reads'),
        );
    }
  }

  /** One exchange with the upstream API (with retries), after spending a rate token. */
  private async send(prepared: PreparedCall): Promise<LoadResult> {
    await this.spendRateToken(prepared);
    const { method, built, credential } = prepared;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (built.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['idempotency-key'] = randomUUID();
    const res = await this.withRetries(method, headers, (n) => {
      prepared.attempts = n;
      return callWithCredential(this.credentialCall, credential, {
        method,
        url: built.url,
        headers,
        ...(built.body !== undefined ? { body: built.body } : {}),
        ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
      });
    });
    const entry = { status: res.status, body: res.body.toString('utf8'), storedAt: Date.now() };
    return { entry, cacheable: res.status >= 200 && res.status < 300 };
  }

  /**
   * Only calls that reach the upstream API spend the company's budget: cached reads (and the
   * waiters of a shared miss) do not, so dashboards polling cached data cannot exhaust it.
   * A shared limiter that loses its store falls back to in-process limits (FallbackRateLimiter);
   * an error here is unexpected and fails the call rather than opening the gate.
   */
  private async spendRateToken(prepared: PreparedCall): Promise<void> {
    const refused = await refusedRate(this.deps.limiter, prepared.call.companyId, prepared.endpoint);
    if (refused) {
      this.log(prepared, prepared.credential.id, { outcome: 'rate_limited' });
      throw refused;
    }
  }

  /** A call that got an answer: its audit row (writes), its call-log entry; an error answer is refused. */
  private async record(prepared: PreparedCall, { entry, cached }: CacheResult): Promise<void> {
    const ok = entry.status >= 200 && entry.status < 300;
    if (prepared.method !== 'GET') await this.auditWrite(prepared, ok ? 'ok' : 'upstream_error', entry.status);
    this.log(prepared, prepared.credential.id, {
      outcome: ok ? 'ok' : 'upstream_error',
      status: entry.status,
      attempts: cached ? 0 : prepared.attempts,
      cached,
      bytes: Buffer.byteLength(entry.body),
    });
    if (!ok) {
      throw new UpstreamError(
        `${prepared.endpoint.name} answered HTTP ${entry.status}${entry.status === 404 ? ' (not found)' : ''}.`,
        { upstreamStatus: entry.status },
      );
    }
  }

  /** A call that got no answer: the error it ends with, logged (and audited, for a write). */
  private async failed(prepared: PreparedCall, error: unknown): Promise<Error> {
    if (error instanceof CredentialOriginError) {
      const { credential } = prepared;
      await this.deps.credentialOrigins
        .refused(this.deps.db, actorOf(prepared.call), credential, error.requestOrigin)
        .catch((e: unknown) =>
          this.deps.logger.error(
            { err: e, credentialId: credential.id },
            'could not mark a credential refused for its origin',
          ),
        );
    }
    const failure = this.failure(error, prepared);
    if (prepared.method !== 'GET')
      await this.auditWrite(
        prepared,
        String((failure as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
        null,
      );
    return failure;
  }

  /**
   * Every write that got this far (allowed, with a credential) leaves one audit row, whether
   * the upstream API took it or not. The write may already be applied upstream, so a failed
   * audit insert is logged rather than turned into an error the caller would retry.
   */
  private async auditWrite(
    { call, operation, method, credential }: PreparedCall,
    outcome: string,
    status: number | null,
  ): Promise<void> {
    const { companyId, endpointId } = call;
    const details = {
      endpointId,
      operation: operation.key,
      method,
      credentialId: credential.id,
      source: call.source,
      outcome,
      status,
    };
    await this.deps.audit
      .record(this.deps.db, actorOf(call), {
        companyId,
        action: 'upstream.write',
        targetType: 'operation',
        targetId: operation.id,
        details,
      })
      .catch((error: unknown) =>
        this.deps.logger.error(
          { err: error, companyId, endpointId, operation: operation.key },
          'could not write the audit row of an upstream write',
        ),
      );
  }

  /** The call-log entry of an authorized call (also a note for its span and metrics). */
  private log(
    { call, note, started, endpoint, operation, method, roleId }: AuthorizedCall,
    credentialId: string | null,
    entry: LogEntry,
  ): void {
    const full: CallLogEntry = {
      companyId: call.companyId,
      userId: call.principal.userId,
      roleId,
      endpointId: call.endpointId,
      credentialId,
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
    note({ ...full, endpoint: endpoint.slug });
  }

  /** Repeats retryable failures with backoff; returns the last response (even a failed one). */
  private async withRetries(
    method: string,
    headers: Record<string, string>,
    attempt: (n: number) => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> {
    const retryable = mayRetry(method, headers);
    let waited = 0;
    for (let n = 1; ; n += 1) {
      let res: UpstreamResponse | undefined;
      let failure: unknown;
      try {
        res = await attempt(n);
      } catch (error) {
        failure = error;
      }
      const delay = !retryable
        ? null
        : res
          ? this.delayAfterAnswer(n, waited, res)
          : isTransient(failure)
            ? nextDelayMs(this.retry, n, waited, null)
            : null;
      if (delay === null) {
        if (res) return res;
        throw failure;
      }
      waited += delay;
      await this.sleep(delay);
    }
  }

  private delayAfterAnswer(n: number, waited: number, res: UpstreamResponse): number | null {
    return isRetryableStatus(res.status)
      ? nextDelayMs(this.retry, n, waited, serverRequestedDelayMs(res.headers))
      : null;
  }

  /** The error a call without an answer ends with; the known failures are logged here. */
  private failure(error: unknown, prepared: PreparedCall): Error {
    const name = prepared.endpoint.name;
    const outcome = failureOutcome(error);
    if (outcome) this.log(prepared, prepared.credential.id, { outcome, attempts: prepared.attempts });
    if (error instanceof UpstreamNetworkError)
      return new UpstreamError(`${name}: ${error.message}`, { reason: error.failure.toUpperCase() });
    // A stored secret that does not open (its key is gone, or the row was edited in the database: another origin, another row).
    if (error instanceof VaultDecryptError)
      return new UpstreamError(
        `${name}: the stored credential cannot be opened; an administrator must replace its secret.`,
        { reason: 'CREDENTIAL_UNREADABLE' },
      );
    if (error instanceof CredentialOriginError)
      return new UpstreamError(`${name}: ${error.message}`, { reason: 'CREDENTIAL_ORIGIN_CHANGED' });
    if (error instanceof CredentialNeedsReconnectError)
      return new UpstreamError(`${name}: ${error.message}`, { reason: 'NEEDS_RECONNECT' });
    if (error instanceof TokenEndpointError)
      return new UpstreamError(`${name}: ${error.message}`, { reason: 'TOKEN_ENDPOINT' });
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The policy's decision on the call, before anything else: a refused call learns nothing more
 * (an endpoint it may not use is "not found"). Then the operation must exist and suit the mode.
 */
function authorize(
  call: GatewayCall,
  note: (event: GatewayCallEvent) => void,
  started: number,
  facts: CallFacts | null,
): AuthorizedCall {
  const operation = facts?.operation ?? null;
  const method = operation?.method ?? (call.mode === 'read' ? 'GET' : 'POST');
  const decision = decide(call.principal, call.companyId, facts, method, facts?.grants ?? []);
  // decide() allows no call without the endpoint, and says read_only only of one it found.
  if (!decision.allowed || !facts) {
    if (decision.reason === 'read_only' && facts)
      throw new ForbiddenError(`Your role may only read from ${facts.name}.`);
    throw new NotFoundError('Endpoint');
  }
  if (!operation) throw new NotFoundError('Operation');
  assertMode(call.mode, method);
  return { call, note, started, endpoint: facts, operation, method, roleId: decision.roleId };
}

/**
 * The answer as this caller may see it. The field rule of the granting role (roleId): the role
 * whose grant allows this call and whose credential fetched the data answers for what of it is
 * shown, so one role decides the whole call, as it does for the credential. The cache keeps the
 * answer whole and every call, a cache hit too, is filtered on its way out.
 */
function shape({ operation, roleId, started, attempts }: PreparedCall, { entry, cached }: CacheResult): UpstreamResult {
  const rule = operation.fieldRules.find((r) => r.roleId === roleId) ?? null;
  const data = applyFieldRule(parseBody(entry.body), rule);
  return {
    status: entry.status,
    data,
    cached,
    attempts: cached ? 0 : attempts,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    filtered: rule !== null,
  };
}

/** readOperation only runs GET operations, writeOperation only the others. */
function assertMode(mode: GatewayCall['mode'], method: string): void {
  if (mode === 'read' && method !== 'GET')
    throw new BadInputError('readOperation runs GET operations only; use writeOperation.');
  if (mode === 'write' && method === 'GET')
    throw new BadInputError('writeOperation runs POST, PUT, PATCH and DELETE operations; use readOperation.');
}

function actorOf(call: GatewayCall): GatewayActor {
  return { userId: call.principal.userId, email: call.principal.email, requestId: call.requestId ?? null };
}

function isTransient(failure: unknown): boolean {
  return (
    failure instanceof UpstreamNetworkError &&
    (failure.failure === 'network' || failure.failure === 'connect' || failure.failure === 'timeout')
  );
}
