// OAuth2 against the sandbox's token endpoint: one token request for 20 concurrent callers,
// in one process and across "processes" (separate token managers sharing the database and
// the lock), refresh-token rotation, refresh after a 401, and invalid_grant backing off.
import { describe, expect } from 'vitest';
import { serverTest } from '../../test/fixture.ts';
import type { TestServer } from '../../test/harness.ts';
import { createLogger } from '../lib/logger.ts';
import { callWithCredential } from './credential-call.ts';
import { PostgresAdvisoryLocks, RedisLocks } from './locks.ts';
import { CredentialNeedsReconnectError, OAuthTokens } from './oauth.ts';
import { asSystem } from '../db/row-security/scope.ts';
import { emitCredentialStatus } from '../modules/webhook/webhook.events.ts';

// The two demo credentials these tests use.
const it = serverTest.extend('credential', { scope: 'file' }, async ({ server, world }) => {
  const find = (endpoint: string) =>
    server.db.apiCredential.findFirstOrThrow({ where: { endpointId: world.endpoint[endpoint] } }).then((c) => c.id);
  return {
    /** Acme GitHub API, Developer */
    clientCredentials: await find('acme/github-api'),
    /** Acme Sales API, CEO */
    refreshCredential: await find('acme/sales-api'),
  };
});
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ credential }) => {
  void [credential];
});
it.beforeEach(({ server }) => {
  server.sandbox.reset();
});

/** Another server instance: its own single-flight map, the same database and lock kind. */
function anotherInstance(server: TestServer) {
  const { db, vault, redis, gateway } = server.tessera;
  const locks = redis ? new RedisLocks(redis, db, createLogger('silent')) : new PostgresAdvisoryLocks(db);
  return new OAuthTokens({
    db,
    vault,
    locks,
    logger: createLogger('silent'),
    send: gateway.credentialCall.send,
    credentialStatus: emitCredentialStatus,
  });
}

/** The server's own token manager, called outside any request: in the system row scope. */
const serverOAuth = (server: TestServer) => ({
  accessToken: (id: string) => asSystem('oauth test', () => server.tessera.oauth.accessToken(id)),
});

const tokenRequests = (server: TestServer) => server.sandbox.stats.tokenRequests.total;

async function expireStoredToken(server: TestServer, id: string) {
  await server.db.apiCredential.update({ where: { id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
}

describe('client credentials', () => {
  it('20 concurrent callers with an expired token cause exactly one token request', async ({ server, credential }) => {
    await expireStoredToken(server, credential.clientCredentials);
    server.sandbox.knobs.tokenEndpointDelayMs = 150;
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => serverOAuth(server).accessToken(credential.clientCredentials)),
    );
    expect(tokenRequests(server)).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('two instances racing (10 + 10 callers) still make one token request and share the token', async ({
    server,
    credential,
  }) => {
    await expireStoredToken(server, credential.clientCredentials);
    server.sandbox.knobs.tokenEndpointDelayMs = 150;
    const a = anotherInstance(server);
    const b = anotherInstance(server);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).accessToken(credential.clientCredentials)),
    );
    expect(tokenRequests(server)).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('reuses a stored token until shortly before it expires', async ({ server, credential }) => {
    await expireStoredToken(server, credential.clientCredentials);
    const first = await serverOAuth(server).accessToken(credential.clientCredentials);
    expect(await anotherInstance(server).accessToken(credential.clientCredentials)).toBe(first);
    expect(tokenRequests(server)).toBe(1);
  });
});

describe('refresh tokens', () => {
  it('stores the rotated refresh token, and the old one is no longer accepted', async ({ server, credential }) => {
    const before = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.refreshCredential } });
    const oldRefresh = server.tessera.vault.openCredentialSecret<{ refreshToken: string }>(before).refreshToken;
    await expireStoredToken(server, credential.refreshCredential);
    await serverOAuth(server).accessToken(credential.refreshCredential);
    const after = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.refreshCredential } });
    const opened = server.tessera.vault.openCredentialSecret<{
      refreshToken: string;
      clientId: string;
      clientSecret: string;
    }>(after);
    const newRefresh = opened.refreshToken;
    expect(newRefresh).not.toBe(oldRefresh);
    const reuse = await fetch(`${server.sandbox.url}/acme/salesforce/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: oldRefresh,
        client_id: opened.clientId,
        client_secret: opened.clientSecret,
      }).toString(),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('renews the token when the API answers 401, then succeeds', async ({ server, credential }) => {
    const row = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.refreshCredential } });
    await serverOAuth(server).accessToken(credential.refreshCredential);
    server.sandbox.knobs.expireAccessTokens();
    const endpoint = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: row.endpointId } });
    const requestsBefore = tokenRequests(server);
    const res = await asSystem('oauth test', () =>
      callWithCredential(server.tessera.gateway.credentialCall, row, {
        method: 'GET',
        url: new URL(`${endpoint.baseUrl}/accounts`),
      }),
    );
    expect(res.status).toBe(200);
    expect(tokenRequests(server)).toBe(requestsBefore + 1);
  });

  it('invalid_grant marks the credential needs_reconnect and backs off without asking again', async ({
    server,
    credential,
  }) => {
    server.sandbox.knobs.revokeRefreshTokens();
    await expireStoredToken(server, credential.refreshCredential);
    await expect(serverOAuth(server).accessToken(credential.refreshCredential)).rejects.toBeInstanceOf(
      CredentialNeedsReconnectError,
    );
    const row = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.refreshCredential } });
    expect(row.status).toBe('needs_reconnect');
    expect(row.refreshFailures).toBe(1);
    expect(row.refreshBlockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const requests = tokenRequests(server);
    await expect(anotherInstance(server).accessToken(credential.refreshCredential)).rejects.toBeInstanceOf(
      CredentialNeedsReconnectError,
    );
    expect(tokenRequests(server)).toBe(requests);
  });
});
