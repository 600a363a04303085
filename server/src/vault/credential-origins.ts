// Start-up step: credentials stored before origins were bound (origin NULL, sealed as v1) are
// given the origin of their endpoint's base URL as it is now, and their sealed values are sealed
// again (v2) with that origin in the associated data. It runs on every start, costs one query
// when there is nothing to do, and is safe beside other instances: each row is written with a
// compare-and-set on its old values. A row that cannot be opened (its key is missing) keeps
// origin NULL, and the gateway sends nothing with it. See docs/decisions/0019-credential-origin.md.
import type { Db } from '../db/client.ts';
import { originOf } from '../lib/origin.ts';
import { VaultDecryptError, seal, unseal } from './envelope.ts';
import type { KeyRing } from './keyring.ts';
import { sealContext } from './vault.ts';

const BATCH = 100;

export interface BindResult {
  bound: number;
  /** Credentials left unbound: a sealed value could not be opened. */
  failed: string[];
}

export async function bindCredentialOrigins(db: Db, ring: KeyRing): Promise<BindResult> {
  const result: BindResult = { bound: 0, failed: [] };
  let after: string | undefined;
  for (;;) {
    const rows = await db.apiCredential.findMany({
      where: { origin: null, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: {
        id: true,
        companyId: true,
        roleId: true,
        endpointId: true,
        ciphertext: true,
        tokenCiphertext: true,
        updatedAt: true,
        endpoint: { select: { baseUrl: true } },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      const bound = { ...row, origin: originOf(row.endpoint.baseUrl) };
      try {
        const reseal = (sealed: string, purpose: 'credential' | 'credential-token') =>
          seal(ring, unseal(ring, sealed, sealContext({ ...row, origin: null }, purpose)), sealContext(bound, purpose));
        const secret = reseal(row.ciphertext, 'credential');
        const token = row.tokenCiphertext === null ? null : reseal(row.tokenCiphertext, 'credential-token');
        const { count } = await db.apiCredential.updateMany({
          where: { id: row.id, origin: null, ciphertext: row.ciphertext, tokenCiphertext: row.tokenCiphertext },
          // Binding is not a change of the credential: keep its updatedAt.
          data: {
            origin: bound.origin,
            ciphertext: secret.sealed,
            keyId: secret.keyId,
            ...(token ? { tokenCiphertext: token.sealed, tokenKeyId: token.keyId } : {}),
            updatedAt: row.updatedAt,
          },
        });
        result.bound += count;
      } catch (error) {
        if (!(error instanceof VaultDecryptError)) throw error;
        result.failed.push(row.id);
      }
    }
    if (rows.length < BATCH) return result;
    after = rows[rows.length - 1]!.id;
  }
}
