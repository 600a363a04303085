// Key rotation re-seals identity providers' client secrets under the new key, still bound to
// their company and issuer; the key check counts them; a secret never opens for another issuer.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openTestDb } from '../../../test/database.ts';
import type { Db } from '../../db/client.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import { KeyRing } from '../../vault/keyring.ts';
import { Vault } from '../../vault/vault.ts';
import { identityProviderSecretTable } from './identity-provider.keys.ts';

const A = { id: 'idp-a', key: randomBytes(32) };
const B = { id: 'idp-b', key: randomBytes(32) };
let testDb: { db: Db; close(): Promise<void> };

beforeAll(async () => {
  testDb = await openTestDb(inject('template'));
});
afterAll(() => testDb?.close());

it('re-seals under the primary key, bound to the company and the issuer', async () => {
  const { db } = testDb;
  const companies = await db.company.findMany({ orderBy: { id: 'asc' }, take: 2 });
  const old = new Vault(new KeyRing([A]));
  for (const [i, company] of companies.entries()) {
    const issuerUrl = `https://idp${i}.example.com`;
    await db.identityProvider.create({
      data: {
        companyId: company.id,
        issuerUrl,
        clientId: 'tessera',
        ...old.sealClientSecret({ companyId: company.id, issuerUrl }, `secret-${i}`),
      },
    });
  }
  expect((await identityProviderSecretTable.keyIdCounts(db)).get('idp-a')).toBe(2);
  const ring = new KeyRing([B, A]);
  expect(await identityProviderSecretTable.pending(db, ring)).toBe(2);

  expect(await identityProviderSecretTable.rotate(db, ring)).toEqual({ rotated: 2, skipped: 0, failed: [] });
  expect(await identityProviderSecretTable.pending(db, ring)).toBe(0);
  const vault = new Vault(new KeyRing([B]));
  for (const [i, company] of companies.entries()) {
    const row = await db.identityProvider.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(row.secretKeyId).toBe('idp-b');
    expect(vault.openClientSecret({ ...row, secretCiphertext: row.secretCiphertext! })).toBe(`secret-${i}`);
    // Bound to the issuer's origin: the same sealed value does not open for another issuer.
    expect(() =>
      vault.openClientSecret({
        ...row,
        issuerUrl: 'https://evil.example.com',
        secretCiphertext: row.secretCiphertext!,
      }),
    ).toThrow(VaultDecryptError);
  }
});
