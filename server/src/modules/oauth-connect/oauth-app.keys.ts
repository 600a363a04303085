// The OAuth apps' client secrets are sealed like webhook secrets (bound to the row's id and
// company), so key rotation must re-seal them and the start-up key check must count them:
// registered with the vault's other sealed tables (modules/sealed-secret-tables.ts).
import type { Db } from '../../db/client.ts';
import type { KeyRing } from '../../vault/keyring.ts';
import { resealWebhookSecrets } from '../../vault/reseal-webhook-secrets.ts';
import type { SealedSecretTable } from '../../vault/sealed-tables.ts';

export const oauthAppSecretTable: SealedSecretTable = {
  column: 'oauthAppClientSecret',
  keyIdCounts: async (db: Db) => {
    const groups = await db.oAuthApp.groupBy({ by: ['secretKeyId'], _count: { _all: true } });
    return new Map(groups.map((g) => [g.secretKeyId, g._count._all]));
  },
  pending: (db: Db, ring: KeyRing) => db.oAuthApp.count({ where: { secretKeyId: { not: ring.primary.id } } }),
  rotate: (db: Db, ring: KeyRing) =>
    resealWebhookSecrets(ring, {
      page: ({ after, primaryKeyId, take }) =>
        db.oAuthApp.findMany({
          where: { secretKeyId: { not: primaryKeyId }, ...(after === undefined ? {} : { id: { gt: after } }) },
          select: { id: true, companyId: true, secretCiphertext: true, secretKeyId: true, updatedAt: true },
          orderBy: { id: 'asc' },
          take,
        }),
      replace: async (row, sealed) =>
        (
          await db.oAuthApp.updateMany({
            where: { id: row.id, secretCiphertext: row.secretCiphertext },
            data: { ...sealed, updatedAt: row.updatedAt },
          })
        ).count,
    }),
};
