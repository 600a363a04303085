// The principal: who is calling, and which roles they hold in which companies. Loaded once
// per request (one SQL statement) after the token is verified; the policy decides from it.
import type { Db } from '../db/client.ts';
import { preparedQuery, type PreparedStatement } from '../db/prepared.ts';

export interface MembershipFact {
  companyId: string;
  roleId: string;
  roleKey: string;
  capabilities: readonly string[];
}

/** The personal access token a request was made with (auth/access-token.ts). */
export interface TokenFact {
  id: string;
  /** The one company the token acts in: the principal's memberships are only those there. */
  companyId: string;
  /** The policy refuses every change (mayChangeData, and decide() for any method but GET). */
  readOnly: boolean;
}

/** The signed-in session a request was made with (auth/jwt.ts claims). */
export interface SessionFact {
  /** The token's `jti`: what logout puts on the revocation list. */
  id: string;
  /** When the token expires anyway: how long its revocation must be remembered. */
  expiresAtMs: number;
}

export interface Principal {
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
  memberships: readonly MembershipFact[];
  /** Present when the caller signed with a personal access token instead of a session. */
  token?: TokenFact;
  /** Present when the caller signed in with a session token. */
  session?: SessionFact;
}

/** A user row joined with each of their memberships (none: one row of nulls). */
export interface PrincipalRow {
  id: string;
  email: string;
  is_platform_admin: boolean;
  company_id: string | null;
  role_id: string | null;
  role_key: string | null;
  capabilities: string[] | null;
}

/** One statement (it runs on every request): the user, each membership and its role. */
const PRINCIPAL_OF_USER: PreparedStatement = {
  name: 'tessera_principal_of_user',
  text: `SELECT u.id, u.email, u.is_platform_admin, m.company_id, m.role_id, r.key AS role_key, r.capabilities
    FROM users u
    LEFT JOIN user_company_access m ON m.user_id = u.id
    LEFT JOIN roles r ON r.id = m.role_id
    WHERE u.id = $1::uuid
    ORDER BY m.created_at, m.id`,
};

export async function loadPrincipal(db: Db, userId: string): Promise<Principal | null> {
  return principalFromRows(await preparedQuery<PrincipalRow>(db, PRINCIPAL_OF_USER, [userId]));
}

/**
 * The same statement for a session token, which finds nothing once the session was ended: the
 * person signed out everywhere (session_version moved past the token's) or signed this session
 * out (its jti is on revoked_sessions, a primary-key probe). The check rides on the read every
 * request makes anyway, so it costs no query and is seen at once by every instance.
 */
const PRINCIPAL_OF_SESSION: PreparedStatement = {
  name: 'tessera_principal_of_session',
  text: `SELECT u.id, u.email, u.is_platform_admin, m.company_id, m.role_id, r.key AS role_key, r.capabilities
    FROM users u
    LEFT JOIN user_company_access m ON m.user_id = u.id
    LEFT JOIN roles r ON r.id = m.role_id
    WHERE u.id = $1::uuid AND u.session_version = $2::int
      AND NOT EXISTS (SELECT 1 FROM revoked_sessions s WHERE s.jti = $3::uuid)
    ORDER BY m.created_at, m.id`,
};

export async function loadPrincipalOfSession(
  db: Db,
  session: { userId: string; sessionId: string; sessionVersion: number; expiresAtMs: number },
): Promise<Principal | null> {
  const principal = principalFromRows(
    await preparedQuery<PrincipalRow>(db, PRINCIPAL_OF_SESSION, [
      session.userId,
      session.sessionVersion,
      session.sessionId,
    ]),
  );
  return principal && { ...principal, session: { id: session.sessionId, expiresAtMs: session.expiresAtMs } };
}

export function principalFromRows(rows: readonly PrincipalRow[]): Principal | null {
  const [user] = rows;
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    isPlatformAdmin: user.is_platform_admin,
    memberships: rows
      .filter((m) => m.company_id !== null && m.role_id !== null && m.role_key !== null)
      .map((m) => ({
        companyId: m.company_id!,
        roleId: m.role_id!,
        roleKey: m.role_key!,
        capabilities: m.capabilities ?? [],
      })),
  };
}
