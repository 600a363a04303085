// What the assistant's pending actions leave behind: an audit row and a webhook event, written in
// the transaction that changes the action. The assistant sits below the modules and knows none of
// them: the composition root (tessera.ts) connects the audit and webhook modules here with
// connectActionSinks(). Called before that, they throw: an action must never go unrecorded.
import type { Prisma } from '../db/client.ts';

/** Who acts (the audit module's Actor has this shape). */
export interface Actor {
  userId: string | null;
  email: string | null;
  requestId: string | null;
  accessTokenId?: string;
  channel?: 'mcp';
}

interface ActionAuditEntry {
  companyId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
}

interface ActionEvent {
  companyId: string;
  type: 'action.pending' | 'action.executed';
  data: Prisma.InputJsonObject;
}

export interface ActionSinks {
  recordAudit(db: Pick<Prisma.TransactionClient, 'auditLog'>, actor: Actor, entry: ActionAuditEntry): Promise<unknown>;
  emitWebhookEvent(tx: Prisma.TransactionClient, event: ActionEvent): Promise<unknown>;
}

let connected: ActionSinks | undefined;

export function connectActionSinks(sinks: ActionSinks): void {
  connected = sinks;
}

function sinks(): ActionSinks {
  if (!connected)
    throw new Error('The assistant action sinks are not connected: tessera.ts calls connectActionSinks() at start.');
  return connected;
}

export const recordAudit: ActionSinks['recordAudit'] = (db, actor, entry) => sinks().recordAudit(db, actor, entry);
export const emitWebhookEvent: ActionSinks['emitWebhookEvent'] = (tx, event) => sinks().emitWebhookEvent(tx, event);
