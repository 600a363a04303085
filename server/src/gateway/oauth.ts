// OAuth2 access tokens for credentials of the two OAuth kinds: fetched, sealed into the row,
// reused until shortly before expiry, refreshed ahead of time or after a 401. Many concurrent
// callers cause one token request: single flight in the process, a lock across processes,
// and the row re-read under the lock so a token another process just obtained is reused.
// A rotated refresh token is stored before the lock is released.
import type { Logger } from '../lib/logger.ts';
import type { ClientCredentialsSecret, RefreshTokenSecret } from '../vault/credential-kinds.ts';
import type { Prisma } from '../db/client.ts';
import type { Vault } from '../vault/vault.ts';
import type { CredentialStatusSink } from './credential-events.ts';
import type { CredentialLocks, LockedDb } from './locks.ts';
import { applyClientAuth } from './oauth-client-auth.ts';
import { jsonBody, UpstreamNetworkError, type UpstreamRequest, type UpstreamResponse } from './upstream-client.ts';
import type { OAuthMetrics, OAuthRefreshOutcome } from '../observability/metrics.ts';
import { inSpan } from '../observability/tracing.ts';

/** Renew tokens this long before they expire. */
const EXPIRY_SKEW_MS = 30_000;
const DEFAULT_TOKEN_TTL_S = 3600;

export class CredentialNeedsReconnectError extends Error {
  constructor() {
    super('The OAuth2 grant of this credential is no longer valid: reconnect it with a new refresh token.');
  }
}

export class TokenEndpointError extends Error {
  constructor(readonly status: number | null) {
    super(status ? `The token endpoint answered HTTP ${status}.` : 'The token endpoint could not be reached.');
  }
}

interface CachedToken {
  accessToken: string;
}

const credentialSelect = {
  id: true,
  companyId: true,
  roleId: true,
  endpointId: true,
  kind: true,
  ciphertext: true,
  origin: true,
  tokenCiphertext: true,
  tokenExpiresAt: true,
  refreshFailures: true,
  refreshBlockedUntil: true,
  status: true,
} as const;

type CredentialRow = NonNullable<Awaited<ReturnType<typeof readCredential>>>;

function readCredential(db: LockedDb, id: string) {
  return db.apiCredential.findUnique({ where: { id }, select: credentialSelect });
}

/** Capped exponential backoff after failed refreshes: 30 s, 1 min, 2 min, ... 1 h. */
function refreshBackoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

export interface OAuthDeps {
  db: LockedDb;
  vault: Vault;
  locks: CredentialLocks;
  logger: Logger;
  /** The guarded upstream client's send: token URLs get the same SSRF guard as APIs. */
  send: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  now?: () => number;
  /** Counts token requests by outcome (observability/); none by default. */
  metrics?: OAuthMetrics;
  /** Announces a credential turning failing or needs_reconnect (the webhook outbox, wired in tessera.ts). */
  credentialStatus: CredentialStatusSink;
}

export class OAuthTokens {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly send: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  private readonly now: () => number;

  constructor(private readonly deps: OAuthDeps) {
    this.send = deps.send;
    this.now = deps.now ?? Date.now;
  }

  /**
   * A valid access token for the credential. `rejected` is a token the API just refused with
   * 401: it is replaced even if it has not expired yet, unless someone replaced it already.
   */
  async accessToken(credentialId: string, options: { rejected?: string } = {}): Promise<string> {
    const row = await readCredential(this.deps.db, credentialId);
    if (!row) throw new Error('credential not found');
    const current = this.usableToken(row, options.rejected);
    if (current) return current;
    const running = this.inflight.get(credentialId);
    if (running) return running;
    const refresh = this.refreshUnderLock(credentialId, options.rejected).finally(() =>
      this.inflight.delete(credentialId),
    );
    this.inflight.set(credentialId, refresh);
    return refresh;
  }

  private usableToken(row: CredentialRow, rejected?: string): string | null {
    if (!row.tokenCiphertext || !row.tokenExpiresAt) return null;
    if (row.tokenExpiresAt.getTime() - EXPIRY_SKEW_MS <= this.now()) return null;
    const token = this.deps.vault.openToken<CachedToken>({ ...row, tokenCiphertext: row.tokenCiphertext });
    if (!token || token.accessToken === rejected) return null;
    return token.accessToken;
  }

  private async refreshUnderLock(credentialId: string, rejected?: string): Promise<string> {
    // Failures are returned, not thrown, inside the lock: with PostgreSQL locks the work runs in
    // a transaction, and a throw would roll back the failure count and status just recorded.
    const outcome = await this.deps.locks.withLock(credentialId, async (db): Promise<string | Error> => {
      const row = await readCredential(db, credentialId);
      if (!row) return new Error('credential not found');
      const fresh = this.usableToken(row, rejected);
      if (fresh) return fresh;
      if (row.refreshBlockedUntil && row.refreshBlockedUntil.getTime() > this.now()) {
        this.deps.metrics?.oauthRefresh(row.kind, 'backoff');
        return new CredentialNeedsReconnectError();
      }
      const result = await inSpan(
        'tessera.oauth.token',
        { 'tessera.credential.id': row.id, 'tessera.credential.kind': row.kind },
        () => this.fetchAndStore(db, row),
      );
      const outcome: OAuthRefreshOutcome =
        typeof result === 'string'
          ? 'ok'
          : result instanceof CredentialNeedsReconnectError
            ? 'needs_reconnect'
            : result instanceof TokenEndpointError
              ? result.status
                ? 'rejected'
                : 'unreachable'
              : 'failed';
      this.deps.metrics?.oauthRefresh(row.kind, outcome);
      return result;
    });
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private async fetchAndStore(db: LockedDb, row: CredentialRow): Promise<string | Error> {
    const secret = this.deps.vault.openCredentialSecret<ClientCredentialsSecret | RefreshTokenSecret>(row);
    const form = new URLSearchParams();
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (row.kind === 'OAUTH2_REFRESH_TOKEN') {
      const s = secret as RefreshTokenSecret;
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', s.refreshToken);
      applyClientAuth(s.tokenAuthMethod, s, form, headers);
    } else {
      const s = secret as ClientCredentialsSecret;
      form.set('grant_type', 'client_credentials');
      form.set('client_id', s.clientId);
      form.set('client_secret', s.clientSecret);
      if (s.scope) form.set('scope', s.scope);
    }
    let res: UpstreamResponse;
    try {
      res = await this.send({
        method: 'POST',
        url: new URL(secret.tokenUrl),
        headers,
        body: form.toString(),
        timeoutMs: 10_000,
        maxBytes: 64 * 1024,
      });
    } catch (error) {
      if (!(error instanceof UpstreamNetworkError)) throw error;
      await this.recordFailure(db, row, 'failing');
      return new TokenEndpointError(null);
    }
    const body = jsonBody(res) as {
      access_token?: string;
      expires_in?: number;
      refresh_token?: string;
      error?: string;
    } | null;
    if (res.status >= 400 || !body?.access_token) {
      const grantGone = body?.error === 'invalid_grant';
      await this.recordFailure(db, row, grantGone ? 'needs_reconnect' : 'failing');
      this.deps.logger.warn(
        { credentialId: row.id, status: res.status, oauthError: body?.error ?? null },
        'OAuth2 token request failed',
      );
      return grantGone ? new CredentialNeedsReconnectError() : new TokenEndpointError(res.status);
    }
    const lifetime = Number(body.expires_in);
    const expiresAt = new Date(
      this.now() + (Number.isFinite(lifetime) && lifetime >= 0 ? lifetime : DEFAULT_TOKEN_TTL_S) * 1000,
    );
    const rotated =
      row.kind === 'OAUTH2_REFRESH_TOKEN' && body.refresh_token
        ? { ...(secret as RefreshTokenSecret), refreshToken: body.refresh_token }
        : null;
    await db.apiCredential.update({
      where: { id: row.id },
      data: {
        ...this.deps.vault.sealToken(row, { accessToken: body.access_token } satisfies CachedToken),
        tokenExpiresAt: expiresAt,
        refreshFailures: 0,
        refreshBlockedUntil: null,
        ...(rotated ? this.deps.vault.sealCredentialSecret(row, rotated) : {}),
      },
    });
    return body.access_token;
  }

  private async recordFailure(db: LockedDb, row: CredentialRow, status: 'failing' | 'needs_reconnect') {
    const failures = row.refreshFailures + 1;
    // The status change and its webhook event commit together (Redis locks hand over a plain client).
    const write = async (tx: Prisma.TransactionClient) => {
      await tx.apiCredential.update({
        where: { id: row.id },
        data: {
          status,
          refreshFailures: failures,
          refreshBlockedUntil: new Date(this.now() + refreshBackoffMs(failures)),
        },
      });
      await this.deps.credentialStatus(tx, {
        companyId: row.companyId,
        credentialId: row.id,
        endpointId: row.endpointId,
        from: row.status,
        to: status,
      });
    };
    if (db === this.deps.db) await this.deps.db.$transaction(write);
    else await write(db as Prisma.TransactionClient);
  }
}
