// Webhook secrets are sealed by the vault like credentials, so key rotation must re-seal them and
// the key check must count them: otherwise removing an old key would silently break signing.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openTestDb } from '../../../test/database.ts';
import type { Db } from '../../db/client.ts';
import { referencedKeyIds } from '../../vault/key-check.ts';
import { KeyRing } from '../../vault/keyring.ts';
import { rotateSecrets } from '../../vault/rotation.ts';
import { Vault } from '../../vault/vault.ts';
import { generateWebhookSecret } from './webhook.signing.ts';
import { registerSealedSecretTables } from '../sealed-secret-tables.ts';

// What the composition root does at start: the vault counts and rotates the modules' sealed tables too.
registerSealedSecretTables();

const A = { id: 'wh-a', key: randomBytes(32) };
const B = { id: 'wh-b', key: randomBytes(32) };
let testDb: { db: Db; close(): Promise<void> };

beforeAll(async () => {
  testDb = await openTestDb(inject('template'));
});
afterAll(() => testDb?.close());

it('rotation re-seals webhook secrets under the new key, and the key check counts them', async () => {
  const { db } = testDb;
  const company = await db.company.findFirstOrThrow();
  const id = randomUUID();
  const secret = generateWebhookSecret();
  await db.webhookSubscription.create({
    data: {
      id,
      companyId: company.id,
      url: 'https://example.com/hook',
      events: ['permission.changed'],
      ...new Vault(new KeyRing([A])).sealWebhookSecret({ id, companyId: company.id }, secret),
    },
  });
  expect((await referencedKeyIds(db)).get('wh-a')).toBe(1);

  const result = await rotateSecrets(db, new KeyRing([B, A]));
  expect(result.failed).toEqual([]);
  const row = await db.webhookSubscription.findUniqueOrThrow({ where: { id } });
  expect(row.secretKeyId).toBe('wh-b');
  expect(new Vault(new KeyRing([B])).openWebhookSecret(row)).toBe(secret);
  expect((await referencedKeyIds(db)).get('wh-a')).toBeUndefined();
});
