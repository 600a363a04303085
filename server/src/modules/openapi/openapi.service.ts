// Applies an OpenAPI import: the plan (openapi.parse.ts) against the company's endpoint of the
// same slug or name, in one transaction with one audit row. Grants are untouched; credentials too,
// unless the base URL moves to another origin (credential/credential.origin.ts suspends them).
import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/prisma-errors.ts';
import { ConflictError } from '../../lib/errors.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getCompanyOrThrow } from '../company/company.service.ts';
import { followEndpointOrigin } from '../credential/credential.origin.ts';
import type { EndpointRow } from '../endpoint/endpoint.types.ts';
import { diffOperations } from './openapi.diff.ts';
import { runOffloaded } from '../../offload/offload.ts';
import { yieldToEventLoop } from '../../lib/event-loop.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { ImportPlan } from './openapi.parse.ts';

export interface ImportArgs {
  companyId: string;
  document: string;
  slug?: string | null;
  removeMissing?: boolean | null;
  dryRun?: boolean | null;
}

export interface ImportResult {
  endpoint: EndpointRow;
  created: boolean;
  operationsCreated: string[];
  operationsUpdated: string[];
  operationsUnchanged: string[];
  operationsRemoved: string[];
  warnings: string[];
}

/** The endpoint an import updates: same slug first, else same name. */
async function findTarget(db: Db, companyId: string, plan: ImportPlan) {
  const matches = await db.apiEndpoint.findMany({
    where: { companyId, OR: [{ slug: plan.endpoint.slug }, { name: plan.endpoint.name }] },
  });
  return matches.find((e) => e.slug === plan.endpoint.slug) ?? matches[0] ?? null;
}

/** The endpoint fields the document changes, and what the report says about them. */
async function endpointChanges(db: Db, companyId: string, existing: EndpointRow, plan: ImportPlan) {
  const changes: { name?: string; description?: string | null; baseUrl?: string; auth?: Prisma.InputJsonObject } = {};
  const notes: string[] = [];
  const want = plan.endpoint;
  if (existing.slug !== want.slug)
    notes.push(`The endpoint "${existing.name}" is updated and keeps its slug "${existing.slug}".`);
  if (existing.name !== want.name) {
    const taken = await db.apiEndpoint.findFirst({
      where: { companyId, name: want.name, NOT: { id: existing.id } },
      select: { id: true },
    });
    if (taken) notes.push(`The endpoint keeps its name "${existing.name}": another endpoint is named "${want.name}".`);
    else {
      changes.name = want.name;
      notes.push(`The endpoint is renamed from "${existing.name}" to "${want.name}".`);
    }
  }
  if (existing.baseUrl !== want.baseUrl) {
    changes.baseUrl = want.baseUrl;
    notes.push(`The base URL changes from ${existing.baseUrl} to ${want.baseUrl}.`);
  }
  if ((existing.description ?? null) !== want.description) changes.description = want.description;
  // A document that declares its auth sets the endpoint's; one that says nothing leaves it as it is.
  if (want.auth && canonicalJson(want.auth) !== canonicalJson((existing as { auth?: unknown }).auth ?? null)) {
    changes.auth = want.auth as unknown as Prisma.InputJsonObject;
    notes.push("The endpoint's authentication follows the document's security schemes.");
  }
  return { changes, notes };
}

const CREATE_BATCH = 2;
/** Operations read per statement when comparing with the document (their schemas can be large). */
const READ_BATCH = 10;

/** The endpoint's operations, a few at a time with a turn of the event loop between reads. */
async function currentOperations(db: Db, { companyId, endpointId }: { companyId: string; endpointId: string }) {
  const keys = await db.endpointOperation.findMany({
    where: { endpointId, endpoint: { companyId } },
    select: { id: true },
    orderBy: { key: 'asc' },
  });
  const out = [];
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    if (i > 0) await yieldToEventLoop();
    out.push(
      ...(await db.endpointOperation.findMany({
        where: { id: { in: keys.slice(i, i + READ_BATCH).map((k) => k.id) }, endpointId },
        orderBy: { key: 'asc' },
      })),
    );
  }
  return out;
}

const asJson = (schema: Record<string, unknown>) => schema as Prisma.InputJsonObject;
/** A declared auth as a JSON column value; none: SQL NULL ("not declared"). */
const jsonOrDbNull = (auth: object | null) => (auth ? (auth as Prisma.InputJsonObject) : undefined);

export async function importOpenApi(db: Db, actor: Actor, args: ImportArgs): Promise<ImportResult> {
  const { companyId } = args;
  await getCompanyOrThrow(db, { companyId });
  // Parsing, $ref inlining and compiling every schema grow with the document: in the offload
  // worker (time- and memory-limited), never on the event loop.
  const { value: plan } = await runOffloaded(
    'planImport',
    { document: args.document, slug: args.slug },
    { owner: companyId, subject: 'The OpenAPI document' },
  );
  const existing = await findTarget(db, companyId, plan);
  const current = existing ? await currentOperations(db, { companyId, endpointId: existing.id }) : [];
  const diff = await diffOperations(current, plan.operations);
  const { changes, notes } = existing
    ? await endpointChanges(db, companyId, existing, plan)
    : { changes: {}, notes: [] };
  const removed = args.removeMissing ? diff.missing : [];
  const report = {
    created: !existing,
    operationsCreated: diff.created.map((o) => o.key),
    operationsUpdated: diff.updated.map((u) => u.plan.key),
    operationsUnchanged: diff.unchanged,
    operationsRemoved: removed.map((o) => o.key),
    warnings: [
      ...notes,
      ...plan.warnings,
      ...(!args.removeMissing && diff.missing.length
        ? [
            `Kept ${diff.missing.length} operation(s) the document does not have: ${diff.missing.map((o) => o.key).join(', ')} (removeMissing deletes them).`,
          ]
        : []),
    ],
  };
  if (args.dryRun) {
    // Nothing is written: the endpoint as it is now, or an unsaved one with a placeholder id.
    const endpoint = existing ?? {
      id: randomUUID(),
      companyId,
      cacheTtlSeconds: 0,
      rateLimitPerMinute: null,
      testOperationKey: null,
      ...plan.endpoint,
    };
    return { endpoint, ...report };
  }

  const endpoint = await db
    .$transaction(
      async (tx) => {
        const row = existing
          ? Object.keys(changes).length
            ? await tx.apiEndpoint.update({ where: { id: existing.id }, data: changes })
            : existing
          : await tx.apiEndpoint.create({
              data: { companyId, ...plan.endpoint, auth: jsonOrDbNull(plan.endpoint.auth), cacheTtlSeconds: 0 },
            });
        if (existing)
          await followEndpointOrigin(tx, actor, {
            companyId,
            endpointId: row.id,
            from: existing.baseUrl,
            to: row.baseUrl,
          });
        // CREATE_BATCH operations per statement: building one statement of 100 large schemas (Prisma,
        // and with PGlite the database itself) held the event loop for more than a second; in
        // pairs, with a turn of the loop between statements (bench: import-event-loop).
        for (let i = 0; i < diff.created.length; i += CREATE_BATCH) {
          const batch = diff.created.slice(i, i + CREATE_BATCH);
          await tx.endpointOperation.createMany({
            data: batch.map((o) => ({ ...o, paramsSchema: asJson(o.paramsSchema), endpointId: row.id })),
          });
          await yieldToEventLoop();
        }
        for (const { id, plan: o } of diff.updated) {
          await tx.endpointOperation.update({
            where: { id },
            data: { method: o.method, path: o.path, description: o.description, paramsSchema: asJson(o.paramsSchema) },
          });
          await yieldToEventLoop();
        }
        if (removed.length)
          await tx.endpointOperation.deleteMany({
            where: { id: { in: removed.map((o) => o.id) }, endpointId: row.id },
          });
        await recordAudit(tx, actor, {
          companyId,
          action: 'endpoint.import',
          targetType: 'endpoint',
          targetId: row.id,
          details: {
            slug: row.slug,
            created: report.created,
            operationsCreated: report.operationsCreated.length,
            operationsUpdated: report.operationsUpdated.length,
            operationsUnchanged: report.operationsUnchanged.length,
            operationsRemoved: report.operationsRemoved.length,
            warnings: report.warnings.length,
          },
        });
        return row;
      },
      { timeout: 30_000 },
    ) // up to 500 operation updates, one statement each
    .catch((error: unknown): never => {
      if (isUniqueViolation(error))
        throw new ConflictError(
          'The import conflicts with a change made at the same time (same endpoint name, slug or operation key); try again.',
        );
      throw error;
    });
  return { endpoint, ...report };
}
