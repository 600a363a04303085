// Key rotation re-seals inbound webhook secrets under the new key (still bound to their endpoint
// and company), the count by key id follows, and a secret whose key is gone is reported, untouched.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openTestDb } from '../../../test/database.ts';
import type { Db } from '../../db/client.ts';
import { VaultDecryptError } from '../../vault/envelope.ts';
import { KeyRing } from '../../vault/keyring.ts';
import { Vault } from '../../vault/vault.ts';
import { generateWebhookSecret } from '../webhook/webhook.signing.ts';
import { inboundSecretKeyIds, pendingInboundSecrets, rotateInboundWebhookSecrets } from './inbound-webhook.keys.ts';

const A = { id: 'in-a', key: randomBytes(32) };
const B = { id: 'in-b', key: randomBytes(32) };
let testDb: { db: Db; close(): Promise<void> };

beforeAll(async () => {
  testDb = await openTestDb(inject('template'));
});
afterAll(() => testDb?.close());

it('re-seals under the primary key, still bound to the same endpoint and company', async () => {
  const { db } = testDb;
  const [one, two] = await db.apiEndpoint.findMany({ orderBy: { id: 'asc' }, take: 2 });
  const old = new Vault(new KeyRing([A]));
  const secrets = [generateWebhookSecret(), generateWebhookSecret()];
  for (const [i, endpoint] of [one!, two!].entries()) {
    await db.inboundWebhookSecret.create({
      data: {
        endpointId: endpoint.id,
        companyId: endpoint.companyId,
        ...old.sealWebhookSecret({ id: endpoint.id, companyId: endpoint.companyId }, secrets[i]!),
      },
    });
  }
  expect((await inboundSecretKeyIds(db)).get('in-a')).toBe(2);
  const ring = new KeyRing([B, A]);
  expect(await pendingInboundSecrets(db, ring)).toBe(2);

  const result = await rotateInboundWebhookSecrets(db, ring);
  expect(result).toEqual({ rotated: 2, skipped: 0, failed: [] });
  expect(await inboundSecretKeyIds(db)).toEqual(new Map([['in-b', 2]]));
  const fresh = new Vault(new KeyRing([B]));
  const row = await db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: one!.id } });
  expect(
    fresh.openWebhookSecret({ id: one!.id, companyId: one!.companyId, secretCiphertext: row.secretCiphertext }),
  ).toBe(secrets[0]);
  // Bound to its endpoint: the same sealed text does not open as the other endpoint's.
  expect(() =>
    fresh.openWebhookSecret({ id: two!.id, companyId: two!.companyId, secretCiphertext: row.secretCiphertext }),
  ).toThrow(VaultDecryptError);
  expect(await pendingInboundSecrets(db, ring)).toBe(0);
});

it('reports a secret whose key is gone as failed, and leaves it as it was', async () => {
  const { db } = testDb;
  const endpoint = await db.apiEndpoint.findFirstOrThrow({
    where: { inboundWebhookSecret: null },
    orderBy: { id: 'asc' },
  });
  const lost = { id: 'in-lost', key: randomBytes(32) };
  const sealed = new Vault(new KeyRing([lost])).sealWebhookSecret(
    { id: endpoint.id, companyId: endpoint.companyId },
    generateWebhookSecret(),
  );
  await db.inboundWebhookSecret.create({ data: { endpointId: endpoint.id, companyId: endpoint.companyId, ...sealed } });
  const result = await rotateInboundWebhookSecrets(db, new KeyRing([B]));
  expect(result.failed).toEqual([{ endpointId: endpoint.id, keyId: 'in-lost' }]);
  expect(
    (await db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: endpoint.id } })).secretCiphertext,
  ).toBe(sealed.secretCiphertext);
});
