// The start-up check that the configured keys can still open what is stored. At first use of a
// key id its fingerprint (an HMAC under the key, which reveals nothing about it) is recorded in
// `encryption_keys`; later starts compare. Starting anyway with a wrong key would make every
// credential fail at call time, and new secrets written under it would mix two key materials
// under one id, so the server refuses and says which key and what to do.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { VaultDecryptError } from './envelope.ts';
import type { KeyRing, VaultKey } from './keyring.ts';
import { sealedSecretTables } from './sealed-tables.ts';
import { Vault } from './vault.ts';

const FINGERPRINT_LABEL = 'tessera/vault/key-fingerprint/v1';
const WHERE_KEYS = 'TESSERA_ENCRYPTION_KEYS (or, in the embedded mode, the DATA_DIR/encryption-keys file)';

export class VaultKeyError extends Error {
  override name = 'VaultKeyError';
  constructor(
    message: string,
    readonly keyIds: string[],
  ) {
    super(message);
  }
}

export function fingerprint(key: VaultKey): string {
  return createHmac('sha256', key.key).update(FINGERPRINT_LABEL).digest('hex');
}

function sameFingerprint(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function quoteList(ids: string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

function mismatchError(ids: string[]): VaultKeyError {
  const many = ids.length > 1;
  return new VaultKeyError(
    `Encryption key${many ? 's' : ''} ${quoteList(ids)} ${many ? 'do' : 'does'} not match: the key material configured for ` +
      `${many ? 'these ids' : 'this id'} differs from the key that encrypted the stored secrets. Restore the original ` +
      `${many ? 'entries' : 'entry'} in ${WHERE_KEYS}. To change keys, do not replace one: add a new key first in the list, ` +
      'run `pnpm tessera keys rotate`, and remove the old key once `pnpm tessera keys status` shows it holds no secrets.',
    ids,
  );
}

/** Key ids that sealed values still reference, with how many each (credentials and the registered tables). */
export async function referencedKeyIds(db: Db): Promise<Map<string, number>> {
  const [secrets, tokens, tables] = await Promise.all([
    db.apiCredential.groupBy({ by: ['keyId'], _count: { _all: true } }),
    db.apiCredential.groupBy({
      by: ['tokenKeyId'],
      where: { tokenKeyId: { not: null }, tokenCiphertext: { not: null } },
      _count: { _all: true },
    }),
    Promise.all(sealedSecretTables().map((table) => table.keyIdCounts(db))),
  ]);
  const counts = new Map<string, number>();
  for (const table of tables) for (const [keyId, n] of table) counts.set(keyId, (counts.get(keyId) ?? 0) + n);
  for (const g of secrets) counts.set(g.keyId, (counts.get(g.keyId) ?? 0) + g._count._all);
  for (const g of tokens)
    if (g.tokenKeyId !== null) counts.set(g.tokenKeyId, (counts.get(g.tokenKeyId) ?? 0) + g._count._all);
  return counts;
}

/**
 * A key id without a recorded fingerprint but with stored secrets (a database from before
 * fingerprints, or a wiped `encryption_keys` table): open one of its secrets before trusting it.
 */
async function sampleDecrypts(db: Db, ring: KeyRing, keyId: string): Promise<boolean> {
  const vault = new Vault(ring);
  const row = await db.apiCredential.findFirst({
    where: { keyId },
    select: { id: true, companyId: true, roleId: true, endpointId: true, origin: true, ciphertext: true },
  });
  try {
    if (row) {
      vault.openCredentialSecret(row);
      return true;
    }
    const tokenRow = await db.apiCredential.findFirst({
      where: { tokenKeyId: keyId, tokenCiphertext: { not: null } },
      select: { id: true, companyId: true, roleId: true, endpointId: true, origin: true, tokenCiphertext: true },
    });
    if (tokenRow) vault.openToken(tokenRow);
    return true;
  } catch (error) {
    if (error instanceof VaultDecryptError) return false;
    throw error;
  }
}

/**
 * Refuses a key ring that cannot open what is stored (throws VaultKeyError), and records the
 * fingerprints of keys seen for the first time. Run it at start, before anything is sealed.
 */
export async function verifyKeyRing(db: Db, ring: KeyRing): Promise<void> {
  const ids = ring.ids();
  const recorded = await db.encryptionKey.findMany({ where: { keyId: { in: ids } } });
  const recordedIds = new Set(recorded.map((r) => r.keyId));

  // (a) Same id, different bytes.
  const mismatched = recorded
    .filter((r) => !sameFingerprint(r.fingerprint, fingerprint(ring.get(r.keyId)!)))
    .map((r) => r.keyId);
  if (mismatched.length > 0) throw mismatchError(mismatched);

  // (b) Secrets under an id the ring no longer has.
  const referenced = await referencedKeyIds(db);
  const missing = [...referenced.keys()].filter((id) => !ring.get(id)).sort();
  if (missing.length > 0) {
    const many = missing.length > 1;
    const counts = missing.map((id) => `${referenced.get(id)} under "${id}"`).join(', ');
    throw new VaultKeyError(
      `Encryption key${many ? 's' : ''} ${quoteList(missing)} ${many ? 'are' : 'is'} missing: stored secrets are still encrypted with ` +
        `${many ? 'them' : 'it'} (${counts}). Add the ${many ? 'entries' : 'entry'} back to ${WHERE_KEYS}, after the primary key; ` +
        '`pnpm tessera keys rotate` needs it to re-encrypt those secrets under the primary key, after which it can be removed.',
      missing,
    );
  }

  // Keys seen for the first time that already have secrets: prove them before recording them.
  const unproven = ids.filter((id) => !recordedIds.has(id) && referenced.has(id));
  const failing: string[] = [];
  for (const id of unproven) if (!(await sampleDecrypts(db, ring, id))) failing.push(id);
  if (failing.length > 0) throw mismatchError(failing);

  // (c) Record the new keys. Two instances starting at once may race: skipDuplicates keeps the
  // first record, and the re-read below catches a second instance with different material.
  const fresh = ids.filter((id) => !recordedIds.has(id));
  if (fresh.length === 0) return;
  await db.encryptionKey.createMany({
    data: fresh.map((keyId) => ({ keyId, fingerprint: fingerprint(ring.get(keyId)!) })),
    skipDuplicates: true,
  });
  const stored = await db.encryptionKey.findMany({ where: { keyId: { in: fresh } } });
  const raced = stored
    .filter((r) => !sameFingerprint(r.fingerprint, fingerprint(ring.get(r.keyId)!)))
    .map((r) => r.keyId);
  if (raced.length > 0) throw mismatchError(raced);
}
