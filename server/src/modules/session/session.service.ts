// Signing in. Unknown email and wrong password take the same time and give the same answer.
import { verifyPassword } from '../../auth/passwords.ts';
import type { TokenService } from '../../auth/jwt.ts';
import type { Db } from '../../db/client.ts';
import { UnauthenticatedError } from '../../graphql/errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { publicUserSelect } from '../user/user.service.ts';

export const INVALID_LOGIN = 'Invalid email or password.';

export async function login(db: Db, tokens: TokenService, actor: Actor, { email, password }: { email: string; password: string }) {
  const normalized = email.trim().toLowerCase();
  const user = normalized.length <= 254 ? await db.user.findUnique({ where: { email: normalized }, select: { ...publicUserSelect, passwordHash: true } }) : null;
  const ok = await verifyPassword(user?.passwordHash ?? null, password.slice(0, 1024));
  if (!user || !ok) {
    await recordAudit(db, { ...actor, email: normalized.slice(0, 254) }, { action: 'auth.login_failed', targetType: 'user', ...(user ? { targetId: user.id } : {}) });
    throw new UnauthenticatedError(INVALID_LOGIN);
  }
  await recordAudit(db, { ...actor, userId: user.id, email: user.email }, { action: 'auth.login', targetType: 'user', targetId: user.id });
  const token = await tokens.issue({ userId: user.id });
  const { passwordHash: _hash, ...publicUser } = user;
  return { token, user: publicUser };
}
