import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';

export function listRoles(db: Db) {
  return db.role.findMany({ orderBy: [{ name: 'asc' }] });
}

export async function getRoleOrThrow(db: Db, { roleId }: { roleId: string }) {
  const role = isUuid(roleId) ? await db.role.findUnique({ where: { id: roleId } }) : null;
  if (!role) throw new NotFoundError('Role');
  return role;
}
