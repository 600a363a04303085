// Inbound webhooks of an endpoint: the signing secret (rotated by a company administrator,
// sealed by the vault like the outgoing webhooks' secrets, returned once) and the receipts that
// make each webhook-id count once.
import type { Db } from '../../db/client.ts';
import type { Vault } from '../../vault/vault.ts';
import { recordAudit, type Actor } from '../audit/audit.record.ts';
import { getEndpointOrThrow } from '../endpoint/endpoint.service.ts';
import { generateWebhookSecret } from '../webhook/webhook.signing.ts';

/**
 * How long a received webhook-id is remembered. Well past the timestamp tolerance: providers
 * retry a failed delivery with the same id and a fresh timestamp for hours or days (Svix: ~1 day).
 */
const RECEIPT_RETENTION_MS = 7 * 24 * 3600 * 1000;

const inboundWebhookPath = (endpointId: string) => `/webhooks/${endpointId}`;

/**
 * The seal is bound to the endpoint and its company (the vault's webhook-secret purpose, with the
 * endpoint id as the row id), so a sealed value copied to another endpoint or company fails to open.
 */
const sealRow = (endpointId: string, companyId: string) => ({ id: endpointId, companyId });

export async function rotateInboundWebhookSecret(
  db: Db,
  vault: Vault,
  actor: Actor,
  { companyId, endpointId }: { companyId: string; endpointId: string },
) {
  await getEndpointOrThrow(db, { companyId, endpointId });
  const secret = generateWebhookSecret();
  const sealed = vault.sealWebhookSecret(sealRow(endpointId, companyId), secret);
  const rotatedAt = new Date();
  await db.$transaction(async (tx) => {
    const previous = await tx.inboundWebhookSecret.findUnique({ where: { endpointId }, select: { endpointId: true } });
    await tx.inboundWebhookSecret.upsert({
      where: { endpointId },
      create: { endpointId, companyId, ...sealed },
      update: sealed,
    });
    // Never the secret: only whether one was replaced (the old one stops verifying now).
    await recordAudit(tx, actor, {
      companyId,
      action: 'inbound_webhook.rotate',
      targetType: 'endpoint',
      targetId: endpointId,
      details: { replaced: previous !== null },
    });
  });
  return { endpointId, secret, path: inboundWebhookPath(endpointId), rotatedAt };
}

export interface InboundTarget {
  endpointId: string;
  companyId: string;
  endpointSlug: string;
  secret: string;
}

/** The endpoint and its opened secret, or null when either is missing (the route answers both alike). */
export async function findInboundTarget(
  db: Db,
  vault: Vault,
  { endpointId }: { endpointId: string },
): Promise<InboundTarget | null> {
  const row = await db.inboundWebhookSecret.findUnique({
    where: { endpointId },
    include: { endpoint: { select: { slug: true } } },
  });
  if (!row) return null;
  const secret = vault.openWebhookSecret({
    ...sealRow(row.endpointId, row.companyId),
    secretCiphertext: row.secretCiphertext,
  });
  return { endpointId: row.endpointId, companyId: row.companyId, endpointSlug: row.endpoint.slug, secret };
}

export interface Receipt {
  companyId: string;
  endpointId: string;
  webhookId: string;
  eventType: string;
  receivedAt: Date;
}

/**
 * Records a receipt once per (endpoint, webhook-id) and runs `effects` for a new one, in one
 * transaction: if the effects fail, the receipt is rolled back and the provider's retry is
 * processed as new; a concurrent second delivery of the same id waits on the unique index and
 * then finds the first. Old receipts of the endpoint are pruned here, so no timer is needed.
 */
export async function recordReceipt(
  db: Db,
  receipt: Receipt,
  effects: () => Promise<void>,
): Promise<{ duplicate: boolean }> {
  const { companyId, endpointId, receivedAt } = receipt;
  return db.$transaction(async (tx) => {
    // skipDuplicates: INSERT ... ON CONFLICT DO NOTHING.
    const { count } = await tx.inboundWebhookEvent.createMany({ data: [receipt], skipDuplicates: true });
    if (count === 0) return { duplicate: true };
    await tx.inboundWebhookSecret.updateMany({
      where: { endpointId, companyId },
      data: { lastReceivedAt: receivedAt },
    });
    await tx.inboundWebhookEvent.deleteMany({
      where: { endpointId, companyId, receivedAt: { lt: new Date(receivedAt.getTime() - RECEIPT_RETENTION_MS) } },
    });
    await effects();
    return { duplicate: false };
  });
}

const EVENT_TYPE = /^[A-Za-z0-9_.:/-]{1,100}$/;

/** The payload's `type` when it is a plain name ("invoice.paid"), else "unknown": nothing else of the body is kept. */
export function eventTypeOf(body: Buffer): string {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const type = parsed !== null && typeof parsed === 'object' ? (parsed as { type?: unknown }).type : undefined;
    return typeof type === 'string' && EVENT_TYPE.test(type) ? type : 'unknown';
  } catch {
    return 'unknown';
  }
}
