// What the assistant would offer someone holding only one role in a company. It runs the very
// code a real chat runs (permittedOperations, then the tool descriptions the model reads) for
// a principal made of that single membership, so the preview cannot drift from the assistant.
import { toolDescription } from '../../assistant/tools.ts';
import { permittedOperations } from '../../policy/policy.operations.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Db } from '../../db/client.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import type { Gateway } from '../../gateway/gateway.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import type { ToolPreviewRow } from './permission.types.ts';

/**
 * A principal that holds `role` in `companyId` and nothing else (no admin powers, no other
 * company). `who` is the administrator previewing, when a call is made: the call log and audit
 * name the real person.
 */
function principalHoldingOnly(
  role: { id: string; key: string; capabilities: readonly string[] },
  companyId: string,
  who: { userId: string; email: string } = { userId: `preview:${role.id}`, email: '' },
): Principal {
  return {
    ...who,
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

/**
 * "Preview as" in the console: a read as someone holding only this role would make it, through
 * the gateway (the role's grant decides, its credential is used, its field rules shape the
 * answer, limits and cache apply). Reads only: a preview never changes a company's data. The
 * administrator is audited and named in the call log (docs/decisions/0030).
 */
export async function previewReadOperation(
  db: Db,
  gateway: Gateway,
  actor: Actor,
  args: { companyId: string; roleId: string; endpointId: string; operation: string; params: unknown },
) {
  const { companyId, roleId, endpointId, operation } = args;
  await getCompanyOrThrow(db, { companyId });
  const role = await getRoleOrThrow(db, { roleId });
  // An unknown or another company's endpoint is NOT_FOUND before anything is written.
  await getEndpointOrThrow(db, { companyId, endpointId });
  await recordAudit(db, actor, {
    companyId,
    action: 'preview.read',
    targetType: 'endpoint',
    targetId: endpointId,
    details: { roleId, roleKey: role.key, operation },
  });
  return gateway.call({
    principal: principalHoldingOnly(role, companyId, { userId: actor.userId!, email: actor.email ?? '' }),
    companyId,
    endpointId,
    operationKey: operation,
    params: args.params,
    mode: 'read',
    source: 'preview',
    requestId: actor.requestId,
  });
}
