// Invitation links carry `tsr_inv_` + 32 random bytes (base64url). Only the SHA-256 of a token is
// stored: with 256 bits of entropy there is nothing to guess, so a fast hash is enough (as for
// access tokens, auth/access-token.ts).
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'tsr_inv_';
const TOKEN_SHAPE = /^tsr_inv_[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Anything else cannot be a token: no lookup is made for it. */
export function isInvitationTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
