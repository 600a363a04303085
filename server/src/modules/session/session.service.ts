// Signing in. Unknown email and wrong password take the same time and give the same answer.
import { verifyPassword } from '../../auth/passwords.ts';
import type { TokenService } from '../../auth/jwt.ts';
import type { Db } from '../../db/client.ts';
import { RateLimitedError, UnauthenticatedError } from '../../lib/errors.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { assertPasswordSignInAllowed } from '../identity-provider/sign-in-method.ts';
import { publicUserSelect } from '../user/user.service.ts';
import type { LoginLimiter } from './login-limit.ts';

const INVALID_LOGIN = 'Invalid email or password.';

export const TOO_MANY_LOGINS = 'Too many failed sign-in attempts. Try again later.';

/** The failure limits and the caller's address: every sign-in is counted against them. */
export interface LoginGuard {
  limiter: LoginLimiter;
  clientIp: string | null;
}

export async function login(
  db: Db,
  tokens: TokenService,
  actor: Actor,
  { email, password }: { email: string; password: string },
  guard: LoginGuard,
) {
  const normalized = email.trim().toLowerCase();
  // Before any lookup or password check: the answer cannot tell whether the account exists.
  const decision = await guard.limiter.begin(normalized, guard.clientIp);
  if (!decision.allowed) {
    await recordAudit(
      db,
      { ...actor, email: normalized.slice(0, 254) },
      { action: 'auth.login_rate_limited', targetType: 'user', details: { limit: decision.by ?? null } },
    );
    throw new RateLimitedError(decision.retryAfterSeconds, TOO_MANY_LOGINS);
  }
  const user =
    normalized.length <= 254
      ? await db.user.findUnique({
          where: { email: normalized },
          select: { ...publicUserSelect, passwordHash: true, sessionVersion: true },
        })
      : null;
  const ok = await verifyPassword(user?.passwordHash ?? null, password.slice(0, 1024));
  if (!user || !ok) {
    await recordAudit(
      db,
      { ...actor, email: normalized.slice(0, 254) },
      { action: 'auth.login_failed', targetType: 'user', ...(user ? { targetId: user.id } : {}) },
    );
    throw new UnauthenticatedError(INVALID_LOGIN);
  }
  // After the password is right, so a refusal tells nothing to someone who does not know it.
  await assertPasswordSignInAllowed(db, actor, user);
  await guard.limiter.succeeded(normalized, guard.clientIp);
  await recordAudit(
    db,
    { ...actor, userId: user.id, email: user.email },
    { action: 'auth.login', targetType: 'user', targetId: user.id },
  );
  const token = await tokens.issue({ userId: user.id, sessionVersion: user.sessionVersion });
  const { passwordHash: _hash, sessionVersion: _version, ...publicUser } = user;
  return { token, user: publicUser };
}
