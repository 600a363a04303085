// Response field rules: per company, operation and role, which fields of the operation's answer
// the role sees (the gateway applies them, gateway/field-filter.ts has the path syntax). Only the
// company's administrators manage them (the shield); every change leaves an audit row.
import type { Db } from '../../db/client.ts';
import { parseFieldPaths } from '../../gateway/field-filter.ts';
import { BadInputError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { getRoleOrThrow } from '../role/role.service.ts';
import { FieldRuleMode } from './field-rule.types.ts';

const MODES = new Set<string>(Object.values(FieldRuleMode));

/** A rule with what the FieldRule type shows of it, joined in the same statement. */
const WITH_OPERATION_AND_ROLE = { operation: true, role: true } as const;

/** The operation, when it belongs to an endpoint of the company; anything else reads as not found. */
async function getCompanyOperationOrThrow(
  db: Db,
  { companyId, operationId }: { companyId: string; operationId: string },
) {
  const op =
    isUuid(operationId) && isUuid(companyId)
      ? await db.endpointOperation.findFirst({ where: { id: operationId, endpoint: { companyId } } })
      : null;
  if (!op) throw new NotFoundError('Operation');
  return op;
}

/** The company's rules, of one endpoint or of all, by operation key then role name. */
export async function listFieldRules(
  db: Db,
  { companyId, endpointId }: { companyId: string; endpointId?: string | null },
) {
  if (endpointId) await getEndpointOrThrow(db, { companyId, endpointId });
  return db.operationFieldRule.findMany({
    where: { companyId, ...(endpointId ? { endpointId } : {}) },
    include: WITH_OPERATION_AND_ROLE,
    orderBy: [{ operation: { key: 'asc' } }, { role: { name: 'asc' } }],
  });
}

export interface SetFieldRuleArgs {
  companyId: string;
  operationId: string;
  roleId: string;
  mode: string;
  paths: readonly unknown[];
}

/** Creates or replaces the role's rule on the operation; the paths are checked first, nothing stored on bad input. */
export async function setFieldRule(
  db: Db,
  actor: Actor,
  { companyId, operationId, roleId, mode, paths: given }: SetFieldRuleArgs,
) {
  if (!MODES.has(mode)) throw new BadInputError('mode must be ALLOW or REMOVE.', 'mode');
  const { paths } = parseFieldPaths(given);
  const operation = await getCompanyOperationOrThrow(db, { companyId, operationId });
  await getRoleOrThrow(db, { roleId });
  return db.$transaction(async (tx) => {
    const where = { operationId_roleId: { operationId, roleId } };
    const before = await tx.operationFieldRule.findUnique({ where, select: { mode: true, paths: true } });
    const rule = await tx.operationFieldRule.upsert({
      where,
      create: { operationId, roleId, companyId, endpointId: operation.endpointId, mode, paths },
      update: { mode, paths },
      include: WITH_OPERATION_AND_ROLE,
    });
    await recordAudit(tx, actor, {
      companyId,
      action: 'field_rule.set',
      targetType: 'field_rule',
      targetId: rule.id,
      details: { endpointId: operation.endpointId, operationId, operation: operation.key, roleId, mode, paths, before },
    });
    return rule;
  });
}

/** Removes the role's rule on the operation: true, or false when there was none (nothing audited). */
export async function deleteFieldRule(
  db: Db,
  actor: Actor,
  { companyId, operationId, roleId }: { companyId: string; operationId: string; roleId: string },
) {
  const operation = await getCompanyOperationOrThrow(db, { companyId, operationId });
  await getRoleOrThrow(db, { roleId });
  return db.$transaction(async (tx) => {
    const rule = await tx.operationFieldRule.findUnique({ where: { operationId_roleId: { operationId, roleId } } });
    if (!rule) return false;
    await tx.operationFieldRule.delete({ where: { id: rule.id } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'field_rule.delete',
      targetType: 'field_rule',
      targetId: rule.id,
      details: {
        endpointId: operation.endpointId,
        operationId,
        operation: operation.key,
        roleId,
        mode: rule.mode,
        paths: rule.paths,
      },
    });
    return true;
  });
}
