// Who holds which role in which company. Granting is idempotent; every change is audited.
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { granteeCompanyIds } from '../../policy/policy.ts';
import { getVisibleUserOrThrow } from '../user/user.service.ts';
import type { MembershipRow } from './membership.types.ts';

interface MembershipKey {
  userId: string;
  companyId: string;
  roleId: string;
}

/** The grantee must be someone the policy lets `principal` give a role here; anyone else is NOT_FOUND. */
export async function grantCompanyAccess(
  db: Db,
  actor: Actor,
  principal: Principal,
  key: MembershipKey,
): Promise<MembershipRow> {
  await getCompanyOrThrow(db, { companyId: key.companyId });
  await getVisibleUserOrThrow(db, { userId: key.userId, companyIds: granteeCompanyIds(principal, key.companyId) });
  const role = await getRoleOrThrow(db, { roleId: key.roleId });
  return db.$transaction(async (tx) => {
    const existing = await tx.userCompanyAccess.findUnique({ where: { userId_companyId_roleId: key } });
    if (existing) return existing;
    const created = await tx.userCompanyAccess.create({ data: key });
    await recordAudit(tx, actor, {
      companyId: key.companyId,
      action: 'membership.grant',
      targetType: 'user',
      targetId: key.userId,
      details: { roleId: key.roleId, roleKey: role.key },
    });
    return created;
  });
}

export async function revokeCompanyAccess(db: Db, actor: Actor, key: MembershipKey): Promise<boolean> {
  if (![key.userId, key.companyId, key.roleId].every(isUuid)) throw new NotFoundError('Membership');
  return db.$transaction(async (tx) => {
    const { count } = await tx.userCompanyAccess.deleteMany({ where: key });
    if (count === 0) throw new NotFoundError('Membership');
    await recordAudit(tx, actor, {
      companyId: key.companyId,
      action: 'membership.revoke',
      targetType: 'user',
      targetId: key.userId,
      details: { roleId: key.roleId },
    });
    return true;
  });
}

/** Memberships of many users at once, for the User.memberships field. */
export function listMembershipsOfUsers(db: Db, { userIds }: { userIds: readonly string[] }) {
  return db.userCompanyAccess.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, companyId: true, roleId: true },
    orderBy: [{ companyId: 'asc' }, { roleId: 'asc' }],
  });
}
