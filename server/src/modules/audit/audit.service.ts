// Writes audit rows. Called inside the same transaction as the change it records, so a change
// without its audit row (or the reverse) cannot happen. Never pass a secret in `details`.
import type { Prisma } from '../../db/client.ts';

export interface Actor {
  userId: string | null;
  email: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  companyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

export async function recordAudit(db: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      actorEmail: actor.email,
      requestId: actor.requestId,
      companyId: entry.companyId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
    },
  });
}
