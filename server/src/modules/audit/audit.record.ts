// Writes audit rows. Called inside the same transaction as the change it records, so a change
// without its audit row (or the reverse) cannot happen. Never pass a secret in `details`.
// The database does the rest (docs/decisions/0008-audit-hash-chain.md): a trigger links the row
// into its company's hash chain under a per-chain lock, which works the same with a transaction
// client or the plain client (then the insert is its own transaction), and other triggers
// refuse any UPDATE, DELETE or TRUNCATE of audit_logs.
import type { Principal } from '../../auth/principal.ts';
import type { Prisma } from '../../db/client.ts';

export interface Actor {
  userId: string | null;
  email: string | null;
  requestId: string | null;
  /** The personal access token the request was made with; absent for a session. */
  accessTokenId?: string;
  /** Where the request came in when it was not GraphQL. */
  channel?: 'mcp';
}

/** Who a request acts as, for its audit rows. */
export function actorOf(principal: Principal | null, requestId: string | null, channel?: Actor['channel']): Actor {
  return {
    userId: principal?.userId ?? null,
    email: principal?.email ?? null,
    requestId,
    ...(principal?.token ? { accessTokenId: principal.token.id } : {}),
    ...(channel ? { channel } : {}),
  };
}

export interface AuditEntry {
  companyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
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
      ...detailsWithVia(entry.details, actor),
    },
  });
}

/**
 * The row's details, with `via` naming the access token and the channel when the request had
 * them: the row then says which token (revocable on its own) or which client made the change.
 */
function detailsWithVia(
  details: Prisma.InputJsonObject | undefined,
  { accessTokenId, channel }: Actor,
): { details?: Prisma.InputJsonObject } {
  if (!accessTokenId && !channel) return details === undefined ? {} : { details };
  return {
    details: { ...details, via: { ...(accessTokenId ? { accessTokenId } : {}), ...(channel ? { channel } : {}) } },
  };
}
