// Which role may use which endpoint of which company. No row means NONE; setting NONE deletes
// the row. The effective access of a person is computed by the policy, never here.
import { loadPrincipal, type Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { BadInputError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { effectiveGrant, roleIdsIn, usableAccess } from '../../policy/policy.ts';
import { loadRoleGrants, queryGrantedEndpoints } from '../../policy/policy.facts.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { getVisibleUserOrThrow } from '../user/user.service.ts';
import { emitWebhookEvent } from '../webhook/webhook.events.ts';
import { AccessLevel, type EffectiveGrantRow, type EndpointGrantRow } from './permission.types.ts';
import { queryRoleAccess, type EndpointWithOperations } from './permission.queries.ts';

const LEVELS = new Set<string>(Object.values(AccessLevel));

/**
 * What the caller may use in the company: every endpoint with READ or WRITE, by the policy, with
 * its operations (one statement: permission.queries.ts).
 */
export async function listMyEndpoints(
  db: Db,
  { companyId, principal }: { companyId: string; principal: Principal },
): Promise<(EndpointGrantRow & EndpointWithOperations)[]> {
  const roleIds = roleIdsIn(principal, companyId);
  if (roleIds.length === 0) return [];
  const rows = await queryGrantedEndpoints(db, { companyId, roleIds });
  return rows.flatMap(({ endpoint, operations, grants }) => {
    const grant = effectiveGrant(principal, companyId, grants);
    return grant ? [{ endpoint, operations, access: usableAccess(principal, grant.access) as AccessLevel }] : [];
  });
}

/**
 * Every endpoint of the company with the role's access, NONE included, and each endpoint's
 * operations (the access matrix asks for them): one statement (permission.queries.ts). The
 * caller has made sure the company exists (the shield did, through the request's company loader).
 */
export async function listRoleAccess(
  db: Db,
  { companyId, roleId }: { companyId: string; roleId: string },
): Promise<(EndpointGrantRow & EndpointWithOperations)[]> {
  const rows = isUuid(roleId) && isUuid(companyId) ? await queryRoleAccess(db, { companyId, roleId }) : null;
  if (!rows) throw new NotFoundError('Role');
  return rows.map(({ endpoint, operations, access }) => ({
    endpoint,
    operations,
    access: (access as AccessLevel | null) ?? AccessLevel.NONE,
  }));
}

/**
 * Every endpoint of the company with the person's effective access (the policy's
 * effectiveGrant over their roles there) and the roles that give that level. `visibleTo`: the
 * companies whose people the caller may see (null: everyone); anyone else is NOT_FOUND.
 */
export async function listUserAccess(
  db: Db,
  { companyId, userId, visibleTo }: { companyId: string; userId: string; visibleTo: Iterable<string> | null },
): Promise<EffectiveGrantRow[]> {
  await getCompanyOrThrow(db, { companyId });
  await getVisibleUserOrThrow(db, { userId, companyIds: visibleTo });
  const principal = await loadPrincipal(db, userId);
  if (!principal) throw new NotFoundError('User');
  const roleIds = roleIdsIn(principal, companyId);
  const [endpoints, grants, roles] = await Promise.all([
    db.apiEndpoint.findMany({ where: { companyId }, orderBy: [{ name: 'asc' }] }),
    loadRoleGrants(db, { companyId, roleIds }),
    db.role.findMany({ where: { id: { in: roleIds } }, orderBy: [{ name: 'asc' }] }),
  ]);
  return endpoints.map((endpoint) => {
    const endpointGrants = grants.get(endpoint.id) ?? [];
    const best = effectiveGrant(principal, companyId, endpointGrants);
    if (!best) return { endpoint, access: AccessLevel.NONE, viaRoles: [] };
    const giving = new Set(endpointGrants.filter((g) => g.access === best.access).map((g) => g.roleId));
    return { endpoint, access: best.access as AccessLevel, viaRoles: roles.filter((r) => giving.has(r.id)) };
  });
}

export async function setEndpointAccess(
  db: Db,
  actor: Actor,
  { companyId, roleId, endpointId, access }: { companyId: string; roleId: string; endpointId: string; access: string },
): Promise<EndpointGrantRow> {
  if (!LEVELS.has(access)) throw new BadInputError('access must be NONE, READ or WRITE.', 'access');
  await getCompanyOrThrow(db, { companyId });
  await getRoleOrThrow(db, { roleId });
  const endpoint = await getEndpointOrThrow(db, { companyId, endpointId });
  const level = access as AccessLevel;
  await db.$transaction(async (tx) => {
    const where = { roleId_companyId_endpointId: { roleId, companyId, endpointId } };
    const before = await tx.roleApiPermission.findUnique({ where, select: { access: true } });
    const previous = (before?.access as AccessLevel | undefined) ?? AccessLevel.NONE;
    if (previous === level) return;
    if (level === AccessLevel.NONE) await tx.roleApiPermission.delete({ where });
    else
      await tx.roleApiPermission.upsert({
        where,
        create: { roleId, companyId, endpointId, access: level },
        update: { access: level },
      });
    await recordAudit(tx, actor, {
      companyId,
      action: 'permission.set',
      targetType: 'endpoint',
      targetId: endpointId,
      details: { roleId, from: previous, to: level },
    });
    await emitWebhookEvent(tx, {
      companyId,
      type: 'permission.changed',
      data: { roleId, endpointId, from: previous, to: level },
    });
  });
  return { endpoint, access: level };
}
