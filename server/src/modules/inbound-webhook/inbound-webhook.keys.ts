// Inbound webhook secrets are sealed by the vault like credentials and outgoing webhook secrets,
// so key rotation must re-seal them and the start-up key check must count them: otherwise
// removing an old key would make every inbound webhook of those endpoints fail (500).
// vault/rotation.ts and vault/key-check.ts call these (one line each), as for every sealed column.
import type { Db } from '../../db/client.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import type { KeyRing } from '../../vault/keyring.ts';
import { Vault } from '../../vault/vault.ts';

const BATCH = 100;

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

/** Re-seals every inbound secret under the primary key; compare-and-set on the old ciphertext, like the credentials. */
export async function rotateInboundWebhookSecrets(db: Db, ring: KeyRing): Promise<InboundRotation> {
  const vault = new Vault(ring);
  const primary = ring.primary.id;
  const result: InboundRotation = { rotated: 0, skipped: 0, failed: [] };
  // One keyset-paginated pass by endpoint id.
  for (let after: string | undefined; ; ) {
    const rows = await db.inboundWebhookSecret.findMany({
      where: { secretKeyId: { not: primary }, ...(after === undefined ? {} : { endpointId: { gt: after } }) },
      select: { endpointId: true, companyId: true, secretCiphertext: true, secretKeyId: true, updatedAt: true },
      orderBy: { endpointId: 'asc' },
      take: BATCH,
    });
    if (rows.length === 0) return result;
    after = rows[rows.length - 1]!.endpointId;
    for (const row of rows) {
      const sealRow = { id: row.endpointId, companyId: row.companyId };
      try {
        const sealed = vault.sealWebhookSecret(sealRow, vault.openWebhookSecret({ ...sealRow, secretCiphertext: row.secretCiphertext }));
        const { count } = await db.inboundWebhookSecret.updateMany({
          where: { endpointId: row.endpointId, secretCiphertext: row.secretCiphertext },
          data: { ...sealed, updatedAt: row.updatedAt },
        });
        if (count === 1) result.rotated++;
        else result.skipped++;
      } catch (error) {
        if (!(error instanceof VaultDecryptError)) throw error;
        result.failed.push({ endpointId: row.endpointId, keyId: row.secretKeyId });
      }
    }
    if (rows.length < BATCH) return result;
  }
}
