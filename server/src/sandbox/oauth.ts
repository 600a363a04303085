// The OAuth2 token endpoint, POST /<company>/<service>/oauth/token: authorization_code (codes from
// the consent page, authorize.ts, with PKCE checked), client_credentials and refresh_token grants
// (refresh tokens rotate; a used one is refused while the process lives), and revocation of a
// refresh token, POST /<company>/<service>/oauth/revoke (RFC 7009).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { serviceCredentials } from './credentials.ts';
import type { Knobs } from './knobs.ts';
import { sameSecret, signToken, verifyToken } from './tokens.ts';

const REFRESH_TOKEN_LIFETIME_MS = 30 * 86_400_000;

export interface TokenContext {
  secret: string;
  knobs: Knobs;
  /** jtis of refresh tokens already exchanged or revoked. */
  usedRefreshTokens: Set<string>;
  /** jtis of authorization codes already exchanged. */
  usedCodes: Set<string>;
  company: string;
  service: string;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function formParams(req: IncomingMessage, raw: Buffer): URLSearchParams {
  const text = raw.toString('utf8');
  if (String(req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(json).map(([k, v]): [string, string] => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

/** client_id/client_secret from HTTP Basic (form-urlencoded per RFC 6749 2.3.1) or the form. */
function clientOf(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
  const [scheme, value] = (req.headers.authorization ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
    } catch {
      return null;
    }
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id !== null && secret !== null ? { id, secret } : null;
}

const oauthError = (
  status: number,
  error: string,
  description?: string,
  headers?: Record<string, string>,
): TokenResponse => ({
  status,
  body: description ? { error, error_description: description } : { error },
  headers,
});

export function handleTokenRequest(req: IncomingMessage, raw: Buffer, ctx: TokenContext): TokenResponse {
  const { secret, knobs, company, service } = ctx;
  const form = formParams(req, raw);
  const expected = serviceCredentials(secret, company, service);
  const client = clientOf(req, form);
  if (!client || !sameSecret(client.id, expected.clientId) || !sameSecret(client.secret, expected.clientSecret)) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.', {
      'WWW-Authenticate': `Basic realm="${company}/${service}"`,
    });
  }
  const grantType = form.get('grant_type');
  const ttl = knobs.accessTokenTtlSeconds;
  const accessToken = (scope: string) =>
    signToken(secret, {
      typ: 'access',
      c: company,
      s: service,
      cid: client.id,
      scope,
      jti: randomBytes(9).toString('base64url'),
      ep: knobs.accessEpoch(company, service),
      exp: Date.now() + ttl * 1000,
    });

  const refreshTokenFor = (scope: string) =>
    signToken(secret, {
      typ: 'refresh',
      c: company,
      s: service,
      cid: client.id,
      jti: randomBytes(12).toString('base64url'),
      ep: knobs.refreshEpoch(company, service),
      exp: Date.now() + REFRESH_TOKEN_LIFETIME_MS,
      scope,
    });

  if (grantType === 'authorization_code') {
    const code = verifyToken(secret, form.get('code') ?? '', 'code');
    if (!code || code.c !== company || code.s !== service || code.cid !== client.id)
      return oauthError(400, 'invalid_grant', 'Unknown authorization code.');
    if ((code.exp ?? 0) <= Date.now()) return oauthError(400, 'invalid_grant', 'The authorization code expired.');
    if (code.ru !== form.get('redirect_uri'))
      return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
    if (code.cc) {
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.cc)
        return oauthError(400, 'invalid_grant', 'The PKCE code_verifier does not match.');
    }
    if (ctx.usedCodes.has(code.jti))
      return oauthError(400, 'invalid_grant', 'The authorization code was already used.');
    ctx.usedCodes.add(code.jti);
    const scope = code.scope ?? 'read';
    return {
      status: 200,
      body: {
        access_token: accessToken(scope),
        token_type: 'Bearer',
        expires_in: ttl,
        refresh_token: refreshTokenFor(scope),
        scope,
      },
    };
  }
  if (grantType === 'client_credentials') {
    const scope = form.get('scope') || 'read write';
    return { status: 200, body: { access_token: accessToken(scope), token_type: 'Bearer', expires_in: ttl, scope } };
  }
  if (grantType === 'refresh_token') {
    const presented = form.get('refresh_token');
    if (!presented) return oauthError(400, 'invalid_request', 'refresh_token is required.');
    const token = verifyToken(secret, presented, 'refresh');
    if (!token || token.c !== company || token.s !== service || token.cid !== client.id)
      return oauthError(400, 'invalid_grant', 'Unknown refresh token.');
    if (token.exp !== undefined && token.exp <= Date.now())
      return oauthError(400, 'invalid_grant', 'The refresh token expired.');
    if (token.ep < knobs.refreshEpoch(company, service))
      return oauthError(400, 'invalid_grant', 'The refresh token was revoked.');
    if (ctx.usedRefreshTokens.has(token.jti))
      return oauthError(400, 'invalid_grant', 'The refresh token was already used.');
    ctx.usedRefreshTokens.add(token.jti);
    const scope = token.scope ?? 'read write';
    const refreshToken = refreshTokenFor(scope);
    return {
      status: 200,
      body: {
        access_token: accessToken(scope),
        token_type: 'Bearer',
        expires_in: ttl,
        refresh_token: refreshToken,
        scope,
      },
    };
  }
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
  return oauthError(400, 'unsupported_grant_type');
}

/** RFC 7009: the client revokes one of its refresh tokens; 200 whether or not it was valid. */
export function handleRevocation(req: IncomingMessage, raw: Buffer, ctx: TokenContext): TokenResponse {
  const form = formParams(req, raw);
  const expected = serviceCredentials(ctx.secret, ctx.company, ctx.service);
  const client = clientOf(req, form);
  if (!client || !sameSecret(client.id, expected.clientId) || !sameSecret(client.secret, expected.clientSecret))
    return oauthError(401, 'invalid_client', 'Client authentication failed.');
  const token = verifyToken(ctx.secret, form.get('token') ?? '', 'refresh');
  if (token && token.c === ctx.company && token.s === ctx.service && token.cid === client.id)
    ctx.usedRefreshTokens.add(token.jti);
  return { status: 200, body: {} };
}
