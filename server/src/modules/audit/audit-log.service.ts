// Reads the audit log: newest first, keyset-paginated, scoped to one company or (platform
// admins, decided by the shield) to all. Rows are never changed here; writing is in
// audit.record.ts.
import { z } from 'zod';
import type { Db, Prisma } from '../../db/client.ts';
import { BadInputError, NotFoundError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { parseInput } from '../../lib/validate.ts';
import { decodeCursor, encodeCursor } from './audit-cursor.ts';
import type { AuditLogConnection, AuditLogEntry } from './audit-log.types.ts';

const MAX_PAGE = 200;

const filterSchema = z
  .object({
    action: z.string().trim().max(100, 'must be at most 100 characters').nullish(),
    actorId: z.string().nullish(),
    targetType: z.string().trim().max(60, 'must be at most 60 characters').nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after "to"', path: ['from'] });

export interface AuditLogQuery {
  /** null: every company (the shield lets only platform admins ask). */
  companyId: string | null;
  filter?: unknown;
  first?: number | null;
  after?: string | null;
}

// Defence in depth: the writers never store secrets, but should one ever slip into `details`
// under a telling key, the reader still does not show it.
const SECRET_KEY = /(secret|password|passwd|token|api[-_]?key|authorization|cookie|private[-_]?key)$/i;

function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => [
      key,
      SECRET_KEY.test(key) && typeof v === 'string' ? '[redacted]' : redactSecrets(v),
    ]),
  );
}

export async function listAuditLogs(
  db: Db,
  { companyId, filter, first, after }: AuditLogQuery,
): Promise<AuditLogConnection> {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
    throw new BadInputError(`first must be between 1 and ${MAX_PAGE}.`, 'first');
  const position = after == null ? null : decodeCursor(after);
  const f = parseInput(filterSchema, filter ?? {}, 'filter');

  const scope: Prisma.AuditLogWhereInput = companyId === null ? {} : { companyId };
  if (f.actorId != null) await assertActorVisible(db, scope, f.actorId);
  const conditions: Prisma.AuditLogWhereInput[] = [scope];
  if (f.action) conditions.push(f.action.endsWith('.') ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.actorId != null) conditions.push({ actorId: f.actorId });
  if (f.targetType) conditions.push({ targetType: f.targetType });
  if (f.from) conditions.push({ createdAt: { gte: f.from } });
  if (f.to) conditions.push({ createdAt: { lt: f.to } });
  if (position) {
    conditions.push({
      OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }],
    });
  }

  const rows = await db.auditLog.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  const page = rows.slice(0, size);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const users = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));

  const edges = page.map((row) => {
    const user = row.actorId ? byId.get(row.actorId) : undefined;
    const node: AuditLogEntry = {
      id: String(row.id),
      createdAt: row.createdAt,
      action: row.action,
      companyId: row.companyId,
      actor:
        row.actorId || row.actorEmail
          ? { id: row.actorId, email: row.actorEmail ?? user?.email ?? null, name: user?.name ?? null }
          : null,
      targetType: row.targetType,
      targetId: row.targetId,
      requestId: row.requestId,
      details: redactSecrets(row.details),
    };
    return { node, cursor: encodeCursor(row) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * An actor filter names someone the caller can see acting: a user with at least one entry in
 * the caller's scope. Anyone else (another company's people included) is NOT_FOUND, so the
 * filter cannot be used to learn who exists elsewhere.
 */
async function assertActorVisible(db: Db, scope: Prisma.AuditLogWhereInput, actorId: string) {
  const seen = isUuid(actorId)
    ? await db.auditLog.findFirst({ where: { ...scope, actorId }, select: { id: true } })
    : null;
  if (!seen) throw new NotFoundError('User');
}
