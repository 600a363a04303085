// Key rotation, online: every stored secret not sealed under the ring's primary key is opened
// and sealed again under it, a batch at a time. The work is selected by "key id != primary", so
// running it again after a crash simply continues. Each row is written with a compare-and-set
// on its old key id and ciphertext: a secret changed by someone else in the meantime (a new
// secret, a refreshed OAuth token) is left alone, never overwritten with the older value.
//
// A credential row's sealed columns are listed in SEALED_COLUMNS; the other tables holding sealed
// secrets are registered by their modules (sealed-tables.ts) and rotated after the credentials.
import type { Db } from '../db/client.ts';
import { VaultDecryptError, seal, unseal } from './envelope.ts';
import type { KeyRing } from './keyring.ts';
import { referencedKeyIds } from './key-check.ts';
import { sealedSecretTables } from './sealed-tables.ts';
import { sealContext } from './vault.ts';

export interface RotateOptions {
  /** Rows per batch (default 100). */
  batchSize?: number;
  /** After each batch: secrets handled so far (rotated, skipped or failed) and the total at start. */
  onProgress?: (done: number, total: number) => void;
  /** Points inside a pass where the caller may act (see RotationHooks). */
  hooks?: RotationHooks;
}

/**
 * Points between the steps of a pass, for a caller that must act there: pause, log, or (the
 * tests) crash before a batch or write a secret between a batch's read and its write, which is
 * how the resume-after-crash and compare-and-set promises are proved.
 */
interface RotationHooks {
  /** Before each batch is read; a throw here stops the pass as a crash would. */
  beforeBatch?: (batchIndex: number) => void | Promise<void>;
  /** After a batch is read and before it is written. */
  afterSelect?: (credentialIds: string[]) => void | Promise<void>;
}

export interface RotateResult {
  /** Secrets re-sealed under the primary key. */
  rotated: number;
  /** Secrets changed by someone else between read and write (left as they were). */
  skipped: number;
  /**
   * Secrets that could not be opened, by row id (a credential's, a subscription's, an endpoint's
   * for inbound webhook secrets) and column ("ciphertext", "tokenCiphertext", or a registered
   * table's column such as "webhookSecret"); never re-sealed.
   */
  failed: { credentialId: string; column: string; keyId: string }[];
}

const ROW_SELECT = {
  id: true,
  companyId: true,
  roleId: true,
  endpointId: true,
  origin: true,
  ciphertext: true,
  keyId: true,
  tokenCiphertext: true,
  tokenKeyId: true,
  updatedAt: true,
} as const;

/** Every sealed column of a credential row: a new secret column is one more line here. */
const SEALED_COLUMNS = [
  { value: 'ciphertext', keyId: 'keyId', purpose: 'credential' },
  { value: 'tokenCiphertext', keyId: 'tokenKeyId', purpose: 'credential-token' },
] as const;

function notPrimary(primary: string) {
  return {
    OR: [
      { keyId: { not: primary } },
      { AND: [{ tokenCiphertext: { not: null } }, { tokenKeyId: { not: null } }, { tokenKeyId: { not: primary } }] },
    ],
  };
}

/** How many secrets are not under the primary key yet. */
export async function pendingSecrets(db: Db, ring: KeyRing): Promise<number> {
  const primary = ring.primary.id;
  const [secrets, tokens, tables] = await Promise.all([
    db.apiCredential.count({ where: { keyId: { not: primary } } }),
    db.apiCredential.count({
      where: {
        AND: [{ tokenCiphertext: { not: null } }, { tokenKeyId: { not: null } }, { tokenKeyId: { not: primary } }],
      },
    }),
    Promise.all(sealedSecretTables().map((table) => table.pending(db, ring))),
  ]);
  return tables.reduce((sum, n) => sum + n, secrets + tokens);
}

export async function rotateSecrets(db: Db, ring: KeyRing, options: RotateOptions = {}): Promise<RotateResult> {
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const primary = ring.primary.id;
  const total = await pendingSecrets(db, ring);
  const result: RotateResult = { rotated: 0, skipped: 0, failed: [] };
  let done = 0;
  // Keyset pagination by id: one pass over the table, even when rows keep being written under an
  // old key by an instance that has not been given the new ring yet (run again for those).
  let after: string | undefined;
  for (let batchIndex = 0; ; batchIndex++) {
    await options.hooks?.beforeBatch?.(batchIndex);
    const rows = await db.apiCredential.findMany({
      where: { AND: [notPrimary(primary), ...(after === undefined ? [] : [{ id: { gt: after } }])] },
      select: ROW_SELECT,
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    await options.hooks?.afterSelect?.(rows.map((r) => r.id));

    for (const row of rows) {
      for (const column of SEALED_COLUMNS) {
        const sealedText = row[column.value];
        const keyId = row[column.keyId];
        if (sealedText === null || keyId === null || keyId === primary) continue;
        done++;
        // Not bound to an origin yet: the start-up binds it (credential-origins.ts) unless it cannot be opened.
        if (row.origin === null) {
          result.failed.push({ credentialId: row.id, column: column.value, keyId });
          continue;
        }
        try {
          const context = sealContext(row, column.purpose);
          const { sealed } = seal(ring, unseal(ring, sealedText, context), context);
          // Compare-and-set on the old ciphertext: a secret replaced meanwhile is left alone.
          const { count } = await db.apiCredential.updateMany({
            where: { id: row.id, [column.keyId]: keyId, [column.value]: sealedText },
            // Rotation is not a change of the credential: keep its updatedAt.
            data: { [column.value]: sealed, [column.keyId]: primary, updatedAt: row.updatedAt },
          });
          if (count === 1) result.rotated++;
          else result.skipped++;
        } catch (error) {
          if (!(error instanceof VaultDecryptError)) throw error;
          result.failed.push({ credentialId: row.id, column: column.value, keyId });
        }
      }
    }
    options.onProgress?.(done, Math.max(total, done)); // rows written meanwhile may add to the total
    if (rows.length < batchSize) break;
  }
  for (const table of sealedSecretTables()) {
    const outcome = await table.rotate(db, ring);
    result.rotated += outcome.rotated;
    result.skipped += outcome.skipped;
    result.failed.push(...outcome.failed.map(({ id, keyId }) => ({ credentialId: id, column: table.column, keyId })));
  }
  return result;
}

/** How many stored secrets each key id holds (both sealed columns), plus recorded keys holding none. */
export async function keyStatus(db: Db): Promise<{ keyId: string; secrets: number }[]> {
  const counts = await referencedKeyIds(db);
  for (const { keyId } of await db.encryptionKey.findMany({ select: { keyId: true } }))
    if (!counts.has(keyId)) counts.set(keyId, 0);
  return [...counts.entries()]
    .map(([keyId, secrets]) => ({ keyId, secrets }))
    .sort((a, b) => a.keyId.localeCompare(b.keyId));
}
