import { z } from 'zod';
import { hashPassword } from '../../auth/passwords.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { emailSchema, nameSchema, parseInput } from '../../lib/validate.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';

/** Never select the password hash outside the login path. */
export const publicUserSelect = { id: true, email: true, name: true, isPlatformAdmin: true } as const;

export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

const createSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  isPlatformAdmin: z.boolean().nullish(),
});

/** Users with a role in one of `companyIds`; null means every user. */
export function listUsers(db: Db, { companyIds }: { companyIds: Iterable<string> | null }) {
  return db.user.findMany({
    where: companyIds === null ? {} : { memberships: { some: { companyId: { in: [...companyIds] } } } },
    select: publicUserSelect,
    orderBy: [{ email: 'asc' }],
  });
}

export async function getUserOrThrow(db: Db, { userId }: { userId: string }) {
  const user = isUuid(userId) ? await db.user.findUnique({ where: { id: userId }, select: publicUserSelect }) : null;
  if (!user) throw new NotFoundError('User');
  return user;
}

/**
 * A user the caller may see: one with a role in one of `companyIds` (null: any user). Anyone
 * else answers NOT_FOUND, exactly as if they did not exist.
 */
export async function getVisibleUserOrThrow(
  db: Db,
  { userId, companyIds }: { userId: string; companyIds: Iterable<string> | null },
) {
  const scope = companyIds === null ? {} : { memberships: { some: { companyId: { in: [...companyIds] } } } };
  const user = isUuid(userId)
    ? await db.user.findFirst({ where: { id: userId, ...scope }, select: publicUserSelect })
    : null;
  if (!user) throw new NotFoundError('User');
  return user;
}

export async function createUser(db: Db, actor: Actor, { input }: { input: unknown }) {
  const data = parseInput(createSchema, input, 'input');
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new ConflictError('A user with this email already exists.', 'email');
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash, isPlatformAdmin: data.isPlatformAdmin ?? false },
        select: publicUserSelect,
      });
      await recordAudit(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A user with this email already exists.', 'email');
    throw error;
  }
}
