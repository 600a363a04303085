// Roles from groups: at each single sign-on, the person's roles in the provider's company follow
// the group mappings. Roles the groups gave (source "idp") come and go with the groups; roles an
// administrator granted (source "manual") stay, unless the company chose "groups only". Only
// memberships of the provider's own company are read or written, and platform administration
// (a flag on the person, not a role) is never touched.
import type { Prisma } from '../../db/client.ts';
import { identityProviderMayGrantIn } from '../../policy/policy.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';

export interface RoleSyncInput {
  companyId: string;
  userId: string;
  issuerUrl: string;
  groupsOnly: boolean;
  /** The role ids the person's groups map to in this company. */
  mappedRoleIds: readonly string[];
}

export interface RoleSyncOutcome {
  granted: string[];
  removed: string[];
}

export async function syncRolesFromGroups(
  tx: Prisma.TransactionClient,
  actor: Actor,
  { companyId, userId, issuerUrl, groupsOnly, mappedRoleIds }: RoleSyncInput,
): Promise<RoleSyncOutcome> {
  const wanted = new Set(mappedRoleIds);
  const held = await tx.userCompanyAccess.findMany({
    where: { userId, companyId },
    select: { id: true, roleId: true, source: true, companyId: true },
  });
  const heldRoles = new Set(held.map((m) => m.roleId));
  const removed = held.filter((m) => !wanted.has(m.roleId) && (m.source === 'idp' || groupsOnly));
  const granted = [...wanted].filter((roleId) => !heldRoles.has(roleId));
  for (const m of removed) {
    if (!identityProviderMayGrantIn(companyId, m.companyId)) continue;
    await tx.userCompanyAccess.delete({ where: { id: m.id } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'membership.revoke',
      targetType: 'user',
      targetId: userId,
      details: { roleId: m.roleId, source: m.source, by: 'identity_provider', provider: issuerUrl },
    });
  }
  for (const roleId of granted) {
    await tx.userCompanyAccess.create({ data: { userId, companyId, roleId, source: 'idp' } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'membership.grant',
      targetType: 'user',
      targetId: userId,
      details: { roleId, source: 'idp', by: 'identity_provider', provider: issuerUrl },
    });
  }
  return { granted, removed: removed.map((m) => m.roleId) };
}
