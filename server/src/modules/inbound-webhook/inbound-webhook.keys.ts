// Inbound webhook secrets are sealed by the vault like credentials and outgoing webhook secrets,
// so key rotation must re-seal them and the start-up key check must count them: otherwise
// removing an old key would make every inbound webhook of those endpoints fail (500).
// The vault reaches them through inboundWebhookSecretTable, registered with the other sealed-secret
// tables at start (modules/sealed-secret-tables.ts).
import type { Db } from '../../db/client.ts';
import type { KeyRing } from '../../vault/keyring.ts';
import { resealWebhookSecrets } from '../../vault/reseal-webhook-secrets.ts';
import type { SealedSecretTable } from '../../vault/sealed-tables.ts';

/** Key id → how many inbound webhook secrets it still seals. */
export async function inboundSecretKeyIds(db: Db): Promise<Map<string, number>> {
  const groups = await db.inboundWebhookSecret.groupBy({ by: ['secretKeyId'], _count: { _all: true } });
  return new Map(groups.map((g) => [g.secretKeyId, g._count._all]));
}

/** Secrets not under the ring's primary key yet. */
export function pendingInboundSecrets(db: Db, ring: KeyRing): Promise<number> {
  return db.inboundWebhookSecret.count({ where: { secretKeyId: { not: ring.primary.id } } });
}

export interface InboundRotation {
  rotated: number;
  /** Rotated by someone else between read and write (a new secret): left as it is. */
  skipped: number;
  failed: { endpointId: string; keyId: string }[];
}

/** Re-seals every inbound secret under the primary key (vault/reseal-webhook-secrets.ts); keyed by endpoint. */
export async function rotateInboundWebhookSecrets(db: Db, ring: KeyRing): Promise<InboundRotation> {
  const { rotated, skipped, failed } = await resealWebhookSecrets(ring, {
    page: async ({ after, primaryKeyId, take }) =>
      (
        await db.inboundWebhookSecret.findMany({
          where: { secretKeyId: { not: primaryKeyId }, ...(after === undefined ? {} : { endpointId: { gt: after } }) },
          select: { endpointId: true, companyId: true, secretCiphertext: true, secretKeyId: true, updatedAt: true },
          orderBy: { endpointId: 'asc' },
          take,
        })
      ).map(({ endpointId, ...row }) => ({ id: endpointId, ...row })),
    replace: async (row, sealed) =>
      (
        await db.inboundWebhookSecret.updateMany({
          where: { endpointId: row.id, secretCiphertext: row.secretCiphertext },
          data: { ...sealed, updatedAt: row.updatedAt },
        })
      ).count,
  });
  return { rotated, skipped, failed: failed.map(({ id, keyId }) => ({ endpointId: id, keyId })) };
}

/** inbound_webhook_secrets as the vault's key check and rotation see it (failures by endpoint id). */
export const inboundWebhookSecretTable: SealedSecretTable = {
  column: 'inboundWebhookSecret',
  keyIdCounts: inboundSecretKeyIds,
  pending: pendingInboundSecrets,
  rotate: async (db, ring) => {
    const { rotated, skipped, failed } = await rotateInboundWebhookSecrets(db, ring);
    return { rotated, skipped, failed: failed.map(({ endpointId, keyId }) => ({ id: endpointId, keyId })) };
  },
};
