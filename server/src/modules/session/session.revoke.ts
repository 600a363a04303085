// Ending sessions: one (logout) or all of a person's (sign out everywhere). A session token is
// refused from the next request on, on every instance, and so is every WebSocket subscription
// opened with it at its next event (auth/principal.ts: the check rides on the principal's read).
//
// - logout: the token's id (jti) goes on revoked_sessions until the token would have expired
//   anyway; rows past that are deleted here, so the list holds at most the sessions ended within
//   one JWT_TTL.
// - sign out everywhere: users.session_version goes up; every token carries the version it was
//   issued under. The database also raises it when the password changes or platform
//   administration is taken away (migration session_revocation), whatever made that change.
// Personal access tokens are not sessions: they are revoked one by one (modules/access-token).
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { mayEndSessionsOf } from '../../policy/policy.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';

export const SESSION_ONLY = 'Only a signed-in session can do this; an access token is revoked on its own.';

/** Ends the caller's own session. */
export async function logout(db: Db, actor: Actor, principal: Principal): Promise<true> {
  const session = principal.session;
  if (!session) throw new ForbiddenError(SESSION_ONLY);
  // revoked_sessions holds no company's rows (no row security), like the users table.
  await db.$transaction(async (tx) => {
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.revokedSession.upsert({
      where: { jti: session.id },
      create: { jti: session.id, userId: principal.userId, expiresAt: new Date(session.expiresAtMs) },
      update: {},
    });
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: principal.userId });
  });
  return true;
}

/**
 * Ends every session of `userId` (default: the caller). Another person's: platform
 * administrators only (the shield asks first; this asks again). Unknown person: NOT_FOUND.
 */
export async function signOutEverywhere(
  db: Db,
  actor: Actor,
  principal: Principal,
  userId: string | null,
): Promise<true> {
  const target = userId ?? principal.userId;
  const own = target === principal.userId;
  const ending = mayEndSessionsOf(principal, target);
  if (ending === 'session_only') throw new ForbiddenError(SESSION_ONLY);
  if (ending === 'forbidden') throw new ForbiddenError();
  if (!isUuid(target)) throw new NotFoundError('User');
  await db.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: target }, data: { sessionVersion: { increment: 1 } } });
    if (changed.count === 0) throw new NotFoundError('User');
    await recordAudit(tx, actor, {
      action: 'auth.sign_out_everywhere',
      targetType: 'user',
      targetId: target,
      details: { own },
    });
  });
  return true;
}
