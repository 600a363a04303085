// Session tokens: HS256 JWTs signed and verified with jose. Algorithm, issuer and audience are
// pinned on verify, so `alg: none`, another algorithm, another issuer or a tampered payload
// are all refused the same way.
//
// Each session token names its session (`jti`, a random UUID) and the person's session version
// when it was issued (`sv`, users.session_version). Signing out ends one session (its jti goes on
// the revocation list) or all of them (the version goes up); the principal's one SQL statement
// checks both (principal.ts), so a revoked session costs no extra query and no cache can serve
// it. Tokens without these claims (issued before they existed) are refused: sign in again.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { LruMap } from '../lib/lru-map.ts';

const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'tessera';
export const JWT_AUDIENCE = 'tessera-api';

export interface SessionClaims {
  userId: string;
  /** This session's id (claim `jti`). */
  sessionId: string;
  /** users.session_version when the session began (claim `sv`). */
  sessionVersion: number;
  /** When the token stops being valid anyway (claim `exp`), in ms. */
  expiresAtMs: number;
}

/** What a new session is issued for. */
export interface SessionGrant {
  userId: string;
  sessionVersion: number;
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Verified tokens remembered per process (least recently used dropped first). */
const VERIFIED_CACHE_SIZE = 1000;

export class TokenService {
  private readonly key: Uint8Array;
  // A session sends the same token with every request; checking its signature (WebCrypto HMAC,
  // asynchronous) was about 5% of the server's time under the dashboard benchmark. A token
  // verified once is remembered with its expiry and never served past it; one that failed is
  // not remembered (it costs its sender the full check every time).
  // Only the signature is remembered: whether the session was since revoked is asked on every
  // request, with the principal (principal.ts).
  private readonly verified = new LruMap<string, SessionClaims>(VERIFIED_CACHE_SIZE);

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(grant: SessionGrant): Promise<string> {
    return new SignJWT({ sv: grant.sessionVersion })
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
      .setJti(randomUUID())
      .setSubject(grant.userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The claims of a valid token, or null for anything else (never throws). */
  async verify(token: string, now: number = Date.now()): Promise<SessionClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > now) return known;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti', 'sv'],
        currentDate: new Date(now),
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return null;
      if (typeof payload.jti !== 'string' || !UUID_SHAPE.test(payload.jti)) return null;
      if (!Number.isSafeInteger(payload.sv) || (payload.sv as number) < 0) return null;
      const claims: SessionClaims = {
        userId: payload.sub,
        sessionId: payload.jti.toLowerCase(),
        sessionVersion: payload.sv as number,
        expiresAtMs: payload.exp! * 1000,
      };
      this.verified.set(token, claims);
      return claims;
    } catch {
      return null;
    }
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}
