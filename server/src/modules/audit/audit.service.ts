// Writes audit rows. Called inside the same transaction as the change it records, so a change
// without its audit row (or the reverse) cannot happen. Never pass a secret in `details`.
// The database does the rest (docs/decisions/0008-audit-hash-chain.md): a trigger links the row
// into its company's hash chain under a per-chain lock, which works the same with a transaction
// client or the plain client (then the insert is its own transaction), and other triggers
// refuse any UPDATE, DELETE or TRUNCATE of audit_logs.
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
  // createMany: an INSERT without RETURNING. Row security lets any request write a platform row
  // (a sign-in has no company) but only platform administrators read one back.
  await db.auditLog.createMany({
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
