// Personal access tokens: `tsr_pat_` + 32 random bytes (base64url). Only the SHA-256 of a token
// is stored (the token has 256 bits of entropy, so a fast hash is enough: nothing to guess).
// A token acts for its owner in one company only, possibly read-only (Principal.token).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { asSystem } from '../db/row-security/scope.ts';
import type { Logger } from '../lib/logger.ts';
import { principalFromRows, type Principal, type PrincipalRow } from './principal.ts';

const ACCESS_TOKEN_PREFIX = 'tsr_pat_';
/** How much of a token is kept in clear, to recognise it in a list. */
const VISIBLE_PREFIX_LENGTH = 12;
/** lastUsedAt is written at most this often per token, not on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

const TOKEN_SHAPE = /^tsr_pat_[A-Za-z0-9_-]{43}$/;

export function isAccessTokenShaped(value: string): boolean {
  return value.startsWith(ACCESS_TOKEN_PREFIX);
}

export function generateAccessToken(): { token: string; prefix: string; tokenHash: string } {
  const token = ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, VISIBLE_PREFIX_LENGTH), tokenHash: hashAccessToken(token) };
}

function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface TokenPrincipalRow extends PrincipalRow {
  token_id: string;
  token_company_id: string;
  read_only: boolean;
  last_used_at: Date | null;
}

/**
 * The principal of a live token (not revoked, not expired), narrowed to the token's company:
 * only the memberships there, never platform administration. Unknown, revoked, expired, or an
 * owner who no longer holds a role in that company: null, all alike.
 */
export async function principalOfAccessToken(
  deps: { db: Db; logger: Logger },
  token: string,
): Promise<Principal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  // The caller (and so the row scope) is what this read finds out: it runs in the system scope.
  const rows = await asSystem(
    'authenticate an access token',
    () =>
      deps.db.$queryRaw<TokenPrincipalRow[]>`
      SELECT t.id AS token_id, t.company_id AS token_company_id, t.read_only, t.last_used_at,
             u.id, u.email, u.is_platform_admin, m.company_id, m.role_id, r.key AS role_key, r.capabilities
      FROM access_tokens t
      JOIN users u ON u.id = t.user_id
      LEFT JOIN user_company_access m ON m.user_id = t.user_id AND m.company_id = t.company_id
      LEFT JOIN roles r ON r.id = m.role_id
      WHERE t.token_hash = ${hashAccessToken(token)} AND t.revoked_at IS NULL AND t.expires_at > now()
      ORDER BY m.created_at, m.id`,
  );
  const [first] = rows;
  const user = principalFromRows(rows);
  if (!first || !user || user.memberships.length === 0) return null;
  noteUse(deps, first.token_id, first.last_used_at);
  return {
    ...user,
    isPlatformAdmin: false,
    token: { id: first.token_id, companyId: first.token_company_id, readOnly: first.read_only },
  };
}

/** Fire and forget: a failed bookkeeping write must not fail the request it accompanies. */
function noteUse(deps: { db: Db; logger: Logger }, tokenId: string, lastUsedAt: Date | null): void {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < LAST_USE_RESOLUTION_MS) return;
  // The WHERE repeats the check so concurrent first uses write once.
  asSystem(
    'note an access token use',
    () =>
      deps.db.$executeRaw`
      UPDATE access_tokens SET last_used_at = now()
      WHERE id = ${tokenId}::uuid AND (last_used_at IS NULL OR last_used_at < ${new Date(Date.now() - LAST_USE_RESOLUTION_MS)})`,
  ).catch((error: unknown) =>
    deps.logger.error({ err: error, tokenId }, 'could not record the last use of an access token'),
  );
}
