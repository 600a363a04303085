// Identity providers' client secrets are sealed by the vault (purpose idp-client-secret, bound to
// the company and the issuer's origin), so key rotation must re-seal them and the start-up key
// check must count them: registered with the other sealed-secret tables at start
// (modules/sealed-secret-tables.ts).
import type { Db } from '../../db/client.ts';
import type { KeyRing } from '../../vault/keyring.ts';
import { resealWebhookSecrets, type SecretCodec } from '../../vault/reseal-webhook-secrets.ts';
import type { SealedSecretTable } from '../../vault/sealed-tables.ts';

function rotate(db: Db, ring: KeyRing) {
  // The issuer is part of the seal: each page's rows leave theirs here for the codec.
  const issuers = new Map<string, string>();
  const issuerOf = (companyId: string) => issuers.get(companyId)!;
  const codec: SecretCodec = {
    open: (vault, row) =>
      vault.openClientSecret({
        companyId: row.companyId,
        issuerUrl: issuerOf(row.companyId),
        secretCiphertext: row.secretCiphertext,
      }),
    seal: (vault, row, secret) =>
      vault.sealClientSecret({ companyId: row.companyId, issuerUrl: issuerOf(row.companyId) }, secret),
  };
  return resealWebhookSecrets(
    ring,
    {
      page: async ({ after, primaryKeyId, take }) => {
        const rows = await db.identityProvider.findMany({
          where: {
            secretKeyId: { not: null },
            NOT: { secretKeyId: primaryKeyId },
            ...(after === undefined ? {} : { companyId: { gt: after } }),
          },
          select: { companyId: true, issuerUrl: true, secretCiphertext: true, secretKeyId: true, updatedAt: true },
          orderBy: { companyId: 'asc' },
          take,
        });
        for (const row of rows) issuers.set(row.companyId, row.issuerUrl);
        return rows.map((row) => ({
          id: row.companyId,
          companyId: row.companyId,
          secretCiphertext: row.secretCiphertext!,
          secretKeyId: row.secretKeyId!,
          updatedAt: row.updatedAt,
        }));
      },
      replace: async (row, sealed) =>
        (
          await db.identityProvider.updateMany({
            where: {
              companyId: row.companyId,
              secretCiphertext: row.secretCiphertext,
              issuerUrl: issuerOf(row.companyId),
            },
            data: { ...sealed, updatedAt: row.updatedAt },
          })
        ).count,
    },
    codec,
  );
}

export const identityProviderSecretTable: SealedSecretTable = {
  column: 'identityProviderClientSecret',
  keyIdCounts: async (db: Db) => {
    const groups = await db.identityProvider.groupBy({
      by: ['secretKeyId'],
      where: { secretKeyId: { not: null } },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [g.secretKeyId!, g._count._all]));
  },
  pending: (db, ring) =>
    db.identityProvider.count({ where: { secretKeyId: { not: null }, NOT: { secretKeyId: ring.primary.id } } }),
  rotate,
};
