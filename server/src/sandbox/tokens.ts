// Stateless OAuth2 tokens: an HMAC-signed JSON payload, so a restarted sandbox with the same
// secret still accepts the tokens it issued before.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenPayload {
  /** An authorization code is a token too: signed, short-lived, single use (usedCodes). */
  typ: 'access' | 'refresh' | 'code' | 'consent';
  /** Company and service the token is good for. */
  c: string;
  s: string;
  /** The OAuth2 client it was issued to. */
  cid: string;
  jti: string;
  /** The knobs' expiry (access) or revocation (refresh) epoch when issued; see Knobs.accessEpoch. */
  ep: number;
  /** Expiry, ms since 1970 (refresh tokens have none). */
  exp?: number;
  scope?: string;
  /** Codes and consent forms: the redirect URI and PKCE S256 challenge of the authorization request, and its state. */
  ru?: string;
  cc?: string;
  st?: string;
}

const PREFIX = { access: 'sbx_at', refresh: 'sbx_rt', code: 'sbx_ac', consent: 'sbx_cf' } as const;

const signingKey = (secret: string) => createHmac('sha256', secret).update('sandbox/token-signing-key').digest();

export function signToken(secret: string, payload: TokenPayload): string {
  const body = `${PREFIX[payload.typ]}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', signingKey(secret)).update(body).digest('base64url')}`;
}

/** The payload of a token this sandbox signed with `secret` as a `typ` token, or null. */
export function verifyToken(secret: string, token: string, typ: TokenPayload['typ']): TokenPayload | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX[typ]) return null;
  const expected = createHmac('sha256', signingKey(secret)).update(`${parts[0]}.${parts[1]}`).digest();
  const actual = Buffer.from(parts[2]!, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as TokenPayload;
    return payload.typ === typ ? payload : null;
  } catch {
    return null;
  }
}

/** Constant-time string comparison (of digests, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  const hash = (value: string) => createHmac('sha256', 'compare').update(value).digest();
  return timingSafeEqual(hash(a), hash(b));
}
