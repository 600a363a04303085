// The outbox side of webhooks: code that changes something calls emitWebhookEvent with the
// transaction it changes it in, so a delivery row exists exactly when the change committed (a
// rolled-back change emits nothing, a committed one cannot lose its event to a crash). The
// dispatcher sends the rows later.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../db/client.ts';

export const WEBHOOK_EVENTS = [
  'permission.changed',
  'credential.failing',
  'credential.needs_reconnect',
  'action.pending',
  'action.executed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

type OutboxWriter = Pick<Prisma.TransactionClient, 'webhookSubscription' | 'webhookDelivery'>;

/**
 * One pending delivery per active subscription of the company that asked for `type`.
 * `data` is what receivers see: ids and states, never a secret.
 */
export async function emitWebhookEvent(
  tx: OutboxWriter,
  {
    companyId,
    type,
    data,
    now = new Date(),
  }: { companyId: string; type: WebhookEventType; data: Prisma.InputJsonObject; now?: Date },
): Promise<number> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { companyId, status: 'active', events: { has: type } },
    select: { id: true },
  });
  if (subscriptions.length === 0) return 0;
  const payload = { type, timestamp: now.toISOString(), data: { companyId, ...data } };
  await tx.webhookDelivery.createMany({
    data: subscriptions.map((s) => ({
      subscriptionId: s.id,
      messageId: `msg_${randomUUID()}`,
      eventType: type,
      payload,
    })),
  });
  return subscriptions.length;
}

/** credential.failing / credential.needs_reconnect when a credential's status moves into one of them. */
export function emitCredentialStatus(
  tx: OutboxWriter,
  {
    companyId,
    credentialId,
    endpointId,
    from,
    to,
  }: { companyId: string; credentialId: string; endpointId: string; from: string | null; to: string },
): Promise<number> {
  if (from === to || (to !== 'failing' && to !== 'needs_reconnect')) return Promise.resolve(0);
  const type = to === 'failing' ? 'credential.failing' : 'credential.needs_reconnect';
  return emitWebhookEvent(tx, { companyId, type, data: { credentialId, endpointId, from, to } });
}
