// What the assistant would offer someone holding only one role in a company. It runs the very
// code a real chat runs (permittedOperations, then the tool descriptions the model reads) for
// a principal made of that single membership, so the preview cannot drift from the assistant.
import { toolDescription } from '../../assistant/tools.ts';
import { permittedOperations } from '../../policy/policy.operations.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import type { ToolPreviewRow } from './permission.types.ts';

/** A principal that holds `role` in `companyId` and nothing else (no admin powers, no other company). */
function principalHoldingOnly(
  role: { id: string; key: string; capabilities: readonly string[] },
  companyId: string,
): Principal {
  return {
    userId: `preview:${role.id}`,
    email: '',
    isPlatformAdmin: false,
    memberships: [{ companyId, roleId: role.id, roleKey: role.key, capabilities: role.capabilities }],
  };
}

export async function previewTools(
  db: Db,
  { companyId, roleId }: { companyId: string; roleId: string },
): Promise<ToolPreviewRow[]> {
  await getCompanyOrThrow(db, { companyId });
  const role = await getRoleOrThrow(db, { roleId });
  const operations = await permittedOperations(db, { companyId, principal: principalHoldingOnly(role, companyId) });
  return operations.map((op) => ({
    name: op.tool,
    description: toolDescription(op),
    method: op.operation.method,
    path: op.operation.path,
    endpointId: op.endpoint.id,
    companyId: op.endpoint.companyId,
    operationKey: op.operation.key,
    writes: op.operation.method !== 'GET',
  }));
}
