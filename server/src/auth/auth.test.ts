// Sign-in and session tokens over HTTP: every forgery answers UNAUTHENTICATED with one message.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { JWT_TEST_SECRET, onlyError, type TestServer } from '../../test/harness.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../lib/logger.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { JWT_AUDIENCE, JWT_ISSUER, TokenService } from './jwt.ts';

const ME = '{ me { email } }';
const key = (secret: string) => new TextEncoder().encode(secret);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const it = serverTest.extend(
  'ceoId',
  { scope: 'file' },
  async ({ server }) => (await server.db.user.findUniqueOrThrow({ where: { email: PERSONAS.ceo } })).id,
);
it.beforeAll(({ ceoId }) => {
  void [ceoId];
});

function sign(
  claims: { sub?: string; iss?: string; aud?: string; exp?: number; iat?: number; jti?: string | null; sv?: unknown },
  secret = JWT_TEST_SECRET,
  alg = 'HS256',
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(
    claims.sv === undefined ? { sv: 0 } : claims.sv === null ? {} : { sv: claims.sv },
  ).setProtectedHeader({ alg });
  if (claims.jti !== null) jwt.setJti(claims.jti ?? randomUUID());
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setIssuer(claims.iss ?? JWT_ISSUER).setAudience(claims.aud ?? JWT_AUDIENCE);
  jwt.setIssuedAt(claims.iat ?? now).setExpirationTime(claims.exp ?? now + 600);
  return jwt.sign(key(secret));
}

describe('login', () => {
  it('returns a token that authenticates the user', async ({ server }) => {
    const res = await server.gql<{ login: { token: string; user: { email: string; isPlatformAdmin: boolean } } }>(
      'mutation { login(email: "CEO@demo.test ", password: "tessera-demo") { token user { email isPlatformAdmin } } }',
    );
    expect(res.data!.login.user).toEqual({ email: PERSONAS.ceo, isPlatformAdmin: false });
    const me = await server.gql<{ me: { email: string } }>(ME, {}, res.data!.login.token);
    expect(me.data!.me.email).toBe(PERSONAS.ceo);
  });

  it('gives the same answer for a wrong password and an unknown email', async ({ server }) => {
    const wrong = onlyError(
      await server.gql(`mutation { login(email: "${PERSONAS.ceo}", password: "nope") { token } }`),
    );
    const unknown = onlyError(
      await server.gql('mutation { login(email: "nobody@demo.test", password: "tessera-demo") { token } }'),
    );
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
  });

  it('records failures and successes in the audit log without the password', async ({ server }) => {
    await server.gql(`mutation { login(email: "${PERSONAS.cfo}", password: "wrong-password-marker") { token } }`);
    await server.login(PERSONAS.cfo);
    const rows = await server.db.auditLog.findMany({ where: { actorEmail: PERSONAS.cfo }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login']);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      'wrong-password-marker',
    );
    expect(JSON.stringify(server.logs)).not.toContain('wrong-password-marker');
  });
});

describe('tokens', () => {
  let reference: { message: string; extensions?: Record<string, unknown> };

  it.beforeAll(async ({ server }) => {
    reference = onlyError(await server.gql(ME));
    expect(reference.extensions?.code).toBe('UNAUTHENTICATED');
  });

  // Each makes its token from the CEO's id and the server's database.
  const forgeries: [string, (ceoId: string, server: TestServer) => Promise<string>][] = [
    [
      'expired',
      (ceoId) =>
        sign({ sub: ceoId, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
    ],
    ['signed with another secret', (ceoId) => sign({ sub: ceoId }, 'another-secret-another-secret-another-secret')],
    [
      'alg none',
      async (ceoId) =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: ceoId, iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 4102444800, iat: 1 })}.`,
    ],
    [
      'tampered payload',
      async (ceoId, server) => {
        const [h, , s] = (await sign({ sub: ceoId })).split('.');
        const admin = (await server.db.user.findUniqueOrThrow({ where: { email: PERSONAS.admin } })).id;
        return `${h}.${b64({ sub: admin, iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 4102444800, iat: 1 })}.${s}`;
      },
    ],
    ['another issuer', (ceoId) => sign({ sub: ceoId, iss: 'someone-else' })],
    ['another audience', (ceoId) => sign({ sub: ceoId, aud: 'another-api' })],
    ['HS512 instead of the pinned HS256', (ceoId) => sign({ sub: ceoId }, JWT_TEST_SECRET, 'HS512')],
    ['no subject', () => sign({})],
    ['a user that does not exist', () => sign({ sub: '00000000-0000-4000-8000-000000000000' })],
    ['a subject that is not an id', () => sign({ sub: "x' OR 1=1" })],
    ['garbage', async () => 'not.a.jwt'],
    // Sessions that cannot be ended are not accepted (tokens from before jti/sv: sign in again).
    ['no session id (jti)', (ceoId) => sign({ sub: ceoId, jti: null })],
    ['a session id that is not a UUID', (ceoId) => sign({ sub: ceoId, jti: "x' OR 1=1" })],
    ['no session version (sv)', (ceoId) => sign({ sub: ceoId, sv: null })],
    ['a session version that is not a number', (ceoId) => sign({ sub: ceoId, sv: '0' })],
    ['an older session version', (ceoId) => sign({ sub: ceoId, sv: -1 })],
    ['a newer session version', (ceoId) => sign({ sub: ceoId, sv: 1 })],
  ];

  it.for(forgeries)('%s → UNAUTHENTICATED, same message', async ([_name, make], { server, ceoId }) => {
    const error = onlyError(await server.gql(ME, {}, await make(ceoId, server)));
    expect(error).toEqual(reference);
  });

  it('a valid token still works (the table above can fail)', async ({ server, ceoId }) => {
    const res = await server.gql<{ me: { email: string } }>(ME, {}, await sign({ sub: ceoId }));
    expect(res.data?.me.email).toBe(PERSONAS.ceo);
  });
});

describe('remembering verified tokens', () => {
  const service = () => new TokenService(JWT_TEST_SECRET, 600);

  it('serves a token verified once until its expiry, never after', async ({ ceoId }) => {
    const tokens = service();
    const now = Date.now();
    const token = await sign({ sub: ceoId, exp: Math.floor(now / 1000) + 60 });
    const claims = { userId: ceoId, sessionId: expect.any(String), sessionVersion: 0, expiresAtMs: expect.any(Number) };
    expect(await tokens.verify(token, now)).toEqual(claims);
    expect(await tokens.verify(token, now + 59_000)).toEqual(claims); // remembered
    expect(await tokens.verify(token, now + 61_000)).toBeNull(); // expired: remembered or not
    expect(await tokens.verify(token, now + 1_000)).toEqual(claims); // checked again in full
  });

  it('does not let a forgery ride on a remembered token, nor remember a refused one', async ({ server, ceoId }) => {
    const tokens = service();
    const good = await sign({ sub: ceoId });
    expect(await tokens.verify(good)).toMatchObject({ userId: ceoId });
    const [h, , sig] = good.split('.');
    const admin = (await server.db.user.findUniqueOrThrow({ where: { email: PERSONAS.admin } })).id;
    const forged = `${h}.${b64({ sub: admin, iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 4102444800, iat: 1 })}.${sig}`;
    expect(await tokens.verify(forged)).toBeNull();
    expect(await tokens.verify(forged)).toBeNull();
    const otherSecret = await sign({ sub: ceoId }, 'another-secret-another-secret-another-secret');
    expect(
      await new TokenService('another-secret-another-secret-another-secret', 600).verify(otherSecret),
    ).toMatchObject({ userId: ceoId });
    expect(await tokens.verify(otherSecret)).toBeNull();
  });
});

describe('the signing secret', () => {
  it('is generated once into DATA_DIR with mode 0600 in the embedded mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-secret-'));
    const config = loadConfig({ DATA_DIR: dir });
    const logger = createLogger('silent');
    const first = resolveJwtSecret(config, logger);
    expect(resolveJwtSecret(config, logger)).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });

  it('must be configured in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: mkdtempSync(join(tmpdir(), 'tessera-secret-')) });
    expect(() => resolveJwtSecret(config, createLogger('silent'))).toThrow(/JWT_SECRET is required/);
  });
});
