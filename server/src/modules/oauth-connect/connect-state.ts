// The `state` of a Connect and its PKCE verifier. The state names the server-side attempt (whose
// row binds company, endpoint, role, admin and return page, and is consumed once) and its
// company, signed with HMAC-SHA256 under a key derived from the server's JWT secret, so a state
// cannot be forged or moved to another company's attempt. The PKCE verifier is derived from the
// attempt id with the same key: nothing secret is stored, and only this server can compute it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../lib/ids.ts';

export interface StatePayload {
  /** The attempt's id. */
  a: string;
  /** Its company. */
  c: string;
  /** Expiry, ms since 1970 (the row's expiresAt is the authority; this refuses early). */
  e: number;
}

/** The key states are signed with, derived from the server's JWT secret (one purpose, one key). */
export function connectStateKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('tessera/oauth-connect/state-key').digest();
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(`state:${body}`).digest();

export function signState(key: Buffer, payload: StatePayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The payload of a state this server signed, or null (malformed, forged, or for another key). */
export function verifyState(key: Buffer, state: string): StatePayload | null {
  if (state.length > 1024) return null;
  const [body, signature, extra] = state.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(key, body);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<StatePayload>;
    if (typeof payload.a !== 'string' || !isUuid(payload.a) || typeof payload.c !== 'string' || !isUuid(payload.c))
      return null;
    if (typeof payload.e !== 'number') return null;
    return { a: payload.a, c: payload.c, e: payload.e };
  } catch {
    return null;
  }
}

/** RFC 7636 code_verifier: 43 characters of base64url, derived from the attempt id. */
export function pkceVerifier(key: Buffer, attemptId: string): string {
  return createHmac('sha256', key).update(`pkce:${attemptId}`).digest('base64url');
}

/** The S256 code_challenge of a verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
