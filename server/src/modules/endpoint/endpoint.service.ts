// A company's APIs and their operations. Every function takes the company explicitly and
// never touches another company's rows.
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { parseInput } from '../../lib/validate.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { followEndpointOrigin } from '../credential/credential.origin.ts';
import { checkParamsSchemas } from './endpoint.params-schema.ts';
import {
  endpointCreateSchema,
  endpointUpdateSchema,
  operationCreateSchema,
  operationUpdateSchema,
} from './endpoint.validation.ts';

export function listEndpoints(db: Db, { companyId }: { companyId: string }) {
  return db.apiEndpoint.findMany({ where: { companyId }, orderBy: [{ name: 'asc' }] });
}

export async function getEndpointOrThrow(db: Db, { companyId, endpointId }: { companyId: string; endpointId: string }) {
  const endpoint =
    isUuid(endpointId) && isUuid(companyId)
      ? await db.apiEndpoint.findFirst({ where: { id: endpointId, companyId } })
      : null;
  if (!endpoint) throw new NotFoundError('Endpoint');
  return endpoint;
}

/** The companies endpoints belong to, for authorization before anything else is read. */
export async function companiesOfEndpoints(
  db: Db,
  { endpointIds }: { endpointIds: readonly string[] },
): Promise<Map<string, string>> {
  const rows = await db.apiEndpoint.findMany({
    where: { id: { in: endpointIds.filter(isUuid) } },
    select: { id: true, companyId: true },
  });
  return new Map(rows.map((r) => [r.id, r.companyId]));
}

export async function companiesOfOperations(
  db: Db,
  { operationIds }: { operationIds: readonly string[] },
): Promise<Map<string, string>> {
  const rows = await db.endpointOperation.findMany({
    where: { id: { in: operationIds.filter(isUuid) } },
    select: { id: true, endpoint: { select: { companyId: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.endpoint.companyId]));
}

async function assertNameAndSlugFree(
  db: Db,
  companyId: string,
  fields: { name?: string | null; slug?: string | null },
  exceptId?: string,
) {
  const clash = await db.apiEndpoint.findFirst({
    where: {
      companyId,
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
      OR: [...(fields.name ? [{ name: fields.name }] : []), ...(fields.slug ? [{ slug: fields.slug }] : [])],
    },
    select: { name: true, slug: true },
  });
  if (!clash || (!fields.name && !fields.slug)) return;
  if (clash.slug === fields.slug)
    throw new ConflictError(`This company already has an endpoint with slug "${fields.slug}".`, 'slug');
  throw new ConflictError(`This company already has an endpoint named "${fields.name}".`, 'name');
}

/** The test operation must be one of the endpoint's operations (null: the default one). */
function assertTestOperation(key: string | null | undefined, keys: readonly string[]) {
  if (key && !keys.includes(key))
    throw new BadInputError(
      `testOperationKey must name an operation of this endpoint; it has ${keys.length ? keys.join(', ') : 'none'}.`,
      'input.testOperationKey',
    );
}

function conflictOnRace(what: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error))
      throw new ConflictError(`${what} conflicts with an existing one (same name, slug or key).`);
    throw error;
  };
}

export async function createEndpoint(db: Db, actor: Actor, { input }: { input: unknown }) {
  const data = parseInput(endpointCreateSchema, input, 'input');
  // Refused when saved (a backtracking-only pattern, too large), not when a reader calls it.
  const companyId = data.companyId;
  await checkParamsSchemas(
    companyId,
    (data.operations ?? []).map((o, i) => ({ schema: o.paramsSchema, field: `input.operations.${i}.paramsSchema` })),
  );
  assertTestOperation(
    data.testOperationKey,
    (data.operations ?? []).map((o) => o.key),
  );
  await getCompanyOrThrow(db, { companyId });
  await assertNameAndSlugFree(db, companyId, data);
  const { operations, companyId: _companyId, ...fields } = data;
  return db
    .$transaction(async (tx) => {
      const endpoint = await tx.apiEndpoint.create({
        data: {
          ...fields,
          description: fields.description ?? null,
          companyId,
          operations: { create: operations ?? [] },
        },
      });
      await recordAudit(tx, actor, {
        companyId,
        action: 'endpoint.create',
        targetType: 'endpoint',
        targetId: endpoint.id,
        details: { slug: endpoint.slug, baseUrl: endpoint.baseUrl, operations: (operations ?? []).map((o) => o.key) },
      });
      return endpoint;
    })
    .catch(conflictOnRace('The endpoint'));
}

export async function updateEndpoint(
  db: Db,
  actor: Actor,
  { companyId, endpointId, input }: { companyId: string; endpointId: string; input: unknown },
) {
  const data = parseInput(endpointUpdateSchema, input, 'input');
  const existing = await getEndpointOrThrow(db, { companyId, endpointId });
  await assertNameAndSlugFree(db, companyId, data, endpointId);
  if (data.testOperationKey) {
    const ops = await db.endpointOperation.findMany({ where: { endpointId }, select: { key: true } });
    assertTestOperation(
      data.testOperationKey,
      ops.map((o) => o.key),
    );
  }
  const changes = data;
  return db
    .$transaction(async (tx) => {
      const endpoint = await tx.apiEndpoint.update({ where: { id: endpointId }, data: changes });
      await recordAudit(tx, actor, {
        companyId,
        action: 'endpoint.update',
        targetType: 'endpoint',
        targetId: endpointId,
        details: changes,
      });
      // Another origin suspends the endpoint's credentials: a secret is not sent where it was not entered for.
      await followEndpointOrigin(tx, actor, { companyId, endpointId, from: existing.baseUrl, to: endpoint.baseUrl });
      return endpoint;
    })
    .catch(conflictOnRace('The endpoint'));
}

/** Deletes the endpoint with its operations, grants and credentials (cascade). */
export async function deleteEndpoint(
  db: Db,
  actor: Actor,
  { companyId, endpointId }: { companyId: string; endpointId: string },
) {
  const endpoint = await getEndpointOrThrow(db, { companyId, endpointId });
  await db.$transaction(async (tx) => {
    await tx.apiEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'endpoint.delete',
      targetType: 'endpoint',
      targetId: endpointId,
      details: { slug: endpoint.slug },
    });
  });
  return true;
}

export function listOperationsOfEndpoints(
  db: Db,
  { companyId, endpointIds }: { companyId: string; endpointIds: readonly string[] },
) {
  return db.endpointOperation.findMany({
    where: { endpointId: { in: [...endpointIds] }, endpoint: { companyId } },
    orderBy: [{ key: 'asc' }],
  });
}

async function getOperationOrThrow(db: Db, { companyId, operationId }: { companyId: string; operationId: string }) {
  const op = isUuid(operationId)
    ? await db.endpointOperation.findFirst({ where: { id: operationId, endpoint: { companyId } } })
    : null;
  if (!op) throw new NotFoundError('Operation');
  return op;
}

async function assertOperationKeyFree(db: Db, endpointId: string, key: string | null | undefined, exceptId?: string) {
  if (!key) return;
  const clash = await db.endpointOperation.findFirst({
    where: { endpointId, key, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ConflictError(`This endpoint already has an operation with key "${key}".`, 'key');
}

export async function createOperation(
  db: Db,
  actor: Actor,
  { companyId, endpointId, input }: { companyId: string; endpointId: string; input: unknown },
) {
  const data = parseInput(operationCreateSchema, input, 'input');
  await checkParamsSchemas(companyId, [{ schema: data.paramsSchema, field: 'input.paramsSchema' }]);
  await getEndpointOrThrow(db, { companyId, endpointId });
  await assertOperationKeyFree(db, endpointId, data.key);
  return db
    .$transaction(async (tx) => {
      const op = await tx.endpointOperation.create({ data: { ...data, endpointId } });
      await recordAudit(tx, actor, {
        companyId,
        action: 'operation.create',
        targetType: 'operation',
        targetId: op.id,
        details: { endpointId, key: op.key, method: op.method, path: op.path },
      });
      return op;
    })
    .catch(conflictOnRace('The operation'));
}

export async function updateOperation(
  db: Db,
  actor: Actor,
  { companyId, operationId, input }: { companyId: string; operationId: string; input: unknown },
) {
  const data = parseInput(operationUpdateSchema, input, 'input');
  await checkParamsSchemas(companyId, [{ schema: data.paramsSchema, field: 'input.paramsSchema' }]);
  const existing = await getOperationOrThrow(db, { companyId, operationId });
  await assertOperationKeyFree(db, existing.endpointId, data.key, operationId);
  const { paramsSchema: _schema, ...summary } = data;
  return db
    .$transaction(async (tx) => {
      const op = await tx.endpointOperation.update({ where: { id: operationId }, data });
      await recordAudit(tx, actor, {
        companyId,
        action: 'operation.update',
        targetType: 'operation',
        targetId: operationId,
        details: summary,
      });
      return op;
    })
    .catch(conflictOnRace('The operation'));
}

export async function deleteOperation(
  db: Db,
  actor: Actor,
  { companyId, operationId }: { companyId: string; operationId: string },
) {
  const op = await getOperationOrThrow(db, { companyId, operationId });
  await db.$transaction(async (tx) => {
    await tx.endpointOperation.delete({ where: { id: operationId } });
    await recordAudit(tx, actor, {
      companyId,
      action: 'operation.delete',
      targetType: 'operation',
      targetId: operationId,
      details: { endpointId: op.endpointId, key: op.key },
    });
  });
  return true;
}
