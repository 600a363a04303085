// Credential metadata. The secret columns are never selected here; only the vault reads them.
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { roleIdsIn } from '../../policy/policy.ts';
import { listMyEndpoints } from '../permission/permission.service.ts';

export const credentialMetadataSelect = {
  id: true,
  companyId: true,
  roleId: true,
  endpointId: true,
  name: true,
  kind: true,
  hint: true,
  status: true,
  statusReason: true,
  origin: true,
  updatedAt: true,
  settings: true,
  lastTestedAt: true,
} as const;

/** Every credential of the company, ordered for an admin screen: endpoint, role, name. */
export function listCredentials(db: Db, { companyId }: { companyId: string }) {
  return db.apiCredential.findMany({
    where: { companyId },
    select: credentialMetadataSelect,
    orderBy: [{ endpoint: { name: 'asc' } }, { role: { name: 'asc' } }, { name: 'asc' }],
  });
}

/**
 * The credentials the caller's roles may use in the company: for each endpoint the policy lets
 * them use, those bound to one of their roles there, and the company-wide ones.
 */
export async function listMyCredentials(db: Db, { companyId, principal }: { companyId: string; principal: Principal }) {
  const usable = await listMyEndpoints(db, { companyId, principal });
  if (usable.length === 0) return [];
  return db.apiCredential.findMany({
    where: {
      companyId,
      endpointId: { in: usable.map((g) => g.endpoint.id) },
      OR: [{ roleId: null }, { roleId: { in: roleIdsIn(principal, companyId) } }],
    },
    select: credentialMetadataSelect,
    orderBy: [{ endpoint: { name: 'asc' } }, { name: 'asc' }],
  });
}
