// The tables outside the vault's own credential rows that hold secrets the vault sealed (webhook
// signing secrets, inbound webhooks' verification secrets). The vault knows no module: each module
// that stores such a secret describes its table here, and the composition root registers them all
// (modules/sealed-secret-tables.ts) before the start-up key check or a rotation runs. Key rotation
// re-seals what they hold and the key check counts it; a table left out would keep its secrets under
// an old key, and removing that key would break them, so asking before any was registered throws.
import type { Db } from '../db/client.ts';
import type { KeyRing } from './keyring.ts';
import type { ResealOutcome } from './reseal-webhook-secrets.ts';

export interface SealedSecretTable {
  /** How a rotation failure names the column, e.g. "webhookSecret". */
  column: string;
  /** Key id → how many of the table's secrets it still seals. */
  keyIdCounts(db: Db): Promise<Map<string, number>>;
  /** How many of its secrets are not sealed under the ring's primary key yet. */
  pending(db: Db, ring: KeyRing): Promise<number>;
  /** Re-seals every secret not under the primary key (with resealWebhookSecrets); failures by row id. */
  rotate(db: Db, ring: KeyRing): Promise<ResealOutcome>;
}

const tables: SealedSecretTable[] = [];

/** Adds a table; registering the same column again is a no-op (every start registers). */
export function registerSealedSecretTable(table: SealedSecretTable): void {
  if (!tables.some((t) => t.column === table.column)) tables.push(table);
}

/** The registered tables, in registration order. */
export function sealedSecretTables(): readonly SealedSecretTable[] {
  if (tables.length === 0)
    throw new Error(
      'No sealed-secret tables are registered: call registerSealedSecretTables() (modules/sealed-secret-tables.ts) at start.',
    );
  return tables;
}
