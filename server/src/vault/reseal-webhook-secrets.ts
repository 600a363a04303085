// Key rotation for the secrets sealed as webhook secrets (outgoing subscriptions' signing
// secrets, inbound webhooks' verification secrets): one keyset-paginated pass over the rows not
// under the primary key, each re-sealed with compare-and-set on its old ciphertext, so a secret
// replaced meanwhile is left as it is. The tables differ only in how a page is read and a row
// written; the caller says that.
import { VaultDecryptError } from './envelope.ts';
import type { KeyRing } from './keyring.ts';
import { Vault } from './vault.ts';

/** A row sealed with Vault.sealWebhookSecret (its id and company are the seal's context). */
interface WebhookSecretRow {
  id: string;
  companyId: string;
  secretCiphertext: string;
  secretKeyId: string;
  updatedAt: Date;
}

export interface WebhookSecretTable {
  /** Up to `take` rows not sealed by `primaryKeyId`, by id, after `after`. */
  page(options: { after: string | undefined; primaryKeyId: string; take: number }): Promise<WebhookSecretRow[]>;
  /** Writes the new seal where the row still holds `row.secretCiphertext` (keeping updatedAt); the rows written. */
  replace(row: WebhookSecretRow, sealed: { secretCiphertext: string; secretKeyId: string }): Promise<number>;
}

export interface ResealOutcome {
  rotated: number;
  /** Replaced by someone else between read and write: left as it is. */
  skipped: number;
  failed: { id: string; keyId: string }[];
}

const PAGE = 100;

/** How the table's secrets are sealed: as webhook secrets unless the table says otherwise (a client secret). */
export interface SecretCodec {
  open(vault: Vault, row: WebhookSecretRow): string;
  seal(vault: Vault, row: WebhookSecretRow, secret: string): { secretCiphertext: string; secretKeyId: string };
}

const webhookCodec: SecretCodec = {
  open: (vault, row) => vault.openWebhookSecret(row),
  seal: (vault, row, secret) => vault.sealWebhookSecret(row, secret),
};

export async function resealWebhookSecrets(
  ring: KeyRing,
  table: WebhookSecretTable,
  codec: SecretCodec = webhookCodec,
): Promise<ResealOutcome> {
  const vault = new Vault(ring);
  const outcome: ResealOutcome = { rotated: 0, skipped: 0, failed: [] };
  for (let after: string | undefined; ; ) {
    const rows = await table.page({ after, primaryKeyId: ring.primary.id, take: PAGE });
    for (const row of rows) {
      try {
        const count = await table.replace(row, codec.seal(vault, row, codec.open(vault, row)));
        if (count === 1) outcome.rotated++;
        else outcome.skipped++;
      } catch (error) {
        if (!(error instanceof VaultDecryptError)) throw error;
        outcome.failed.push({ id: row.id, keyId: row.secretKeyId });
      }
    }
    if (rows.length < PAGE) return outcome;
    after = rows[rows.length - 1]!.id;
  }
}
