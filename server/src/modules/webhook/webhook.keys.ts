// Webhook subscriptions' signing secrets are sealed by the vault like credentials, so key rotation
// must re-seal them and the start-up key check must count them: otherwise removing an old key would
// silently break signing. The vault reaches them through webhookSecretTable, registered with the
// other sealed-secret tables at start (modules/sealed-secret-tables.ts).
import type { Db } from '../../db/client.ts';
import type { KeyRing } from '../../vault/keyring.ts';
import { resealWebhookSecrets } from '../../vault/reseal-webhook-secrets.ts';
import type { SealedSecretTable } from '../../vault/sealed-tables.ts';

export const webhookSecretTable: SealedSecretTable = {
  column: 'webhookSecret',
  keyIdCounts: async (db: Db) => {
    const groups = await db.webhookSubscription.groupBy({ by: ['secretKeyId'], _count: { _all: true } });
    return new Map(groups.map((g) => [g.secretKeyId, g._count._all]));
  },
  pending: (db: Db, ring: KeyRing) =>
    db.webhookSubscription.count({ where: { secretKeyId: { not: ring.primary.id } } }),
  rotate: (db: Db, ring: KeyRing) =>
    resealWebhookSecrets(ring, {
      page: ({ after, primaryKeyId, take }) =>
        db.webhookSubscription.findMany({
          where: { secretKeyId: { not: primaryKeyId }, ...(after === undefined ? {} : { id: { gt: after } }) },
          select: { id: true, companyId: true, secretCiphertext: true, secretKeyId: true, updatedAt: true },
          orderBy: { id: 'asc' },
          take,
        }),
      replace: async (row, sealed) =>
        (
          await db.webhookSubscription.updateMany({
            where: { id: row.id, secretCiphertext: row.secretCiphertext },
            data: { ...sealed, updatedAt: row.updatedAt },
          })
        ).count,
    }),
};
