// Who is calling, from an `Authorization` header. The one entry point for every surface:
// the GraphQL context (HTTP and WebSocket, http/context.ts) and the MCP server at /mcp.
//
//   authenticateBearer(deps: BearerDeps, authorization: string | undefined): Promise<Principal | null>
//
// - `Bearer <session JWT>` → the user's principal (all their companies), with `principal.session`
//   set; a session that was signed out (logout, sign out everywhere) is refused like a bad token.
// - `Bearer tsr_pat_...` (a personal access token) → the owner's principal narrowed to the
//   token's company, with `principal.token` set (read-only tokens may change nothing).
// - No header, a malformed one, a bad/expired JWT, an unknown/revoked/expired token: null.
//   The caller answers UNAUTHENTICATED with one message for all of them (never say which).
// Rejects (throws) only when the database fails; the caller logs it and answers a 500.
// Keep this name and signature stable: other surfaces import it.
import type { Db } from '../db/client.ts';
import { asSystem } from '../db/row-security/scope.ts';
import { isUuid } from '../lib/ids.ts';
import type { Logger } from '../lib/logger.ts';
import { isAccessTokenShaped, principalOfAccessToken } from './access-token.ts';
import { bearerToken, type TokenService } from './jwt.ts';
import { loadPrincipal, loadPrincipalOfSession, type Principal } from './principal.ts';

export interface BearerDeps {
  db: Db;
  tokens: TokenService;
  logger: Logger;
}

export async function authenticateBearer(
  deps: BearerDeps,
  authorization: string | undefined,
): Promise<Principal | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  if (isAccessTokenShaped(token)) return principalOfAccessToken(deps, token);
  const claims = await deps.tokens.verify(token);
  if (!claims || !isUuid(claims.userId)) return null;
  return asSystem('load the caller', () => loadPrincipalOfSession(deps.db, claims));
}

/** The principal of a user id, whatever session (used right after login). Whose request it is decides its row scope, so this read runs before any scope exists. */
export function loadSessionPrincipal(db: Db, userId: string): Promise<Principal | null> {
  return isUuid(userId) ? asSystem('load the caller', () => loadPrincipal(db, userId)) : Promise.resolve(null);
}
