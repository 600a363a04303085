// Key rotation against a real database: a crash half way, then a second run that finishes; a
// ring without the old key opening everything afterwards; concurrent writers never overwritten.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestDb } from '../../test/database.ts';
import type { Db } from '../db/client.ts';
import { keyIdOf } from './envelope.ts';
import { KeyRing } from './keyring.ts';
import { keyStatus, rotateSecrets } from './rotation.ts';
import { Vault } from './vault.ts';
import { registerSealedSecretTables } from '../modules/sealed-secret-tables.ts';

// What the composition root does at start: the vault counts and rotates the modules' sealed tables too.
registerSealedSecretTables();

const A = { id: 'rot-a', key: randomBytes(32) };
const B = { id: 'rot-b', key: randomBytes(32) };
const onlyA = new KeyRing([A]);
const rotating = new KeyRing([B, A]);
const onlyB = new KeyRing([B]);

let testDb: { db: Db; close(): Promise<void> };
let db: Db;
let endpoint: { id: string; companyId: string };
let roleId: string;

interface Row {
  id: string;
  companyId: string;
  roleId: string | null;
  endpointId: string;
  origin: string;
}

/** Inserts a credential sealed under `ring`, with a cached token when `token` is given. */
async function insertCredential(ring: KeyRing, n: number, token?: string): Promise<Row> {
  const vault = new Vault(ring);
  const row: Row = {
    id: randomUUID(),
    companyId: endpoint.companyId,
    roleId: n % 2 === 0 ? roleId : null,
    endpointId: endpoint.id,
    origin: 'http://127.0.0.1:4010',
  };
  await db.apiCredential.create({
    data: {
      ...row,
      name: `rotation-${n}-${row.id}`,
      kind: token ? 'OAUTH2_CLIENT_CREDENTIALS' : 'API_KEY',
      ...vault.sealCredentialSecret(row, { apiKey: `secret-${n}` }),
      ...(token ? vault.sealToken(row, { accessToken: token }) : {}),
    },
  });
  return row;
}

/** keyStatus for this file's keys (other keys may be recorded in the table). */
async function status() {
  return (await keyStatus(db)).filter((s) => s.keyId.startsWith('rot-'));
}

async function read(id: string) {
  return db.apiCredential.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  testDb = await openTestDb(inject('template'));
  db = testDb.db;
  endpoint = (await db.apiEndpoint.findFirst({ select: { id: true, companyId: true } }))!;
  roleId = (await db.role.findFirst({ select: { id: true } }))!.id;
});
afterAll(() => testDb?.close());
beforeEach(async () => {
  // Rotation is table-wide: start each case from no credentials (the seed's are under another key).
  await db.apiCredential.deleteMany();
});

describe('rotateSecrets', () => {
  it('resumes after a crash in the middle and leaves every secret readable', async () => {
    const rows: Row[] = [];
    for (let n = 0; n < 7; n++) rows.push(await insertCredential(onlyA, n, n % 3 === 0 ? `token-${n}` : undefined));
    // 7 secrets + 3 tokens (n = 0, 3, 6)
    expect(await status()).toEqual([{ keyId: 'rot-a', secrets: 10 }]);

    const progress: [number, number][] = [];
    await expect(
      rotateSecrets(db, rotating, {
        batchSize: 2,
        onProgress: (done, total) => progress.push([done, total]),
        hooks: {
          beforeBatch: (i) => {
            if (i === 2) throw new Error('simulated crash');
          },
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(progress.at(-1)![1]).toBe(10);
    expect(progress.length).toBe(2);

    // Half way: the first two batches (4 rows) are on B, the rest still on A; all still open.
    const sorted = [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
    const after = await Promise.all(sorted.map((r) => read(r.id)));
    expect(after.map((r) => r.keyId)).toEqual(['rot-b', 'rot-b', 'rot-b', 'rot-b', 'rot-a', 'rot-a', 'rot-a']);
    expect(after.filter((r) => r.tokenKeyId !== null).every((r) => r.tokenKeyId === r.keyId)).toBe(true);
    for (const r of after) {
      expect(keyIdOf(r.ciphertext)).toBe(r.keyId);
      if (r.tokenCiphertext) expect(keyIdOf(r.tokenCiphertext)).toBe(r.tokenKeyId);
    }
    const mid = new Vault(rotating);
    for (const r of after) {
      const n = Number(r.name.split('-')[1]);
      expect(mid.openCredentialSecret(r)).toEqual({ apiKey: `secret-${n}` });
      expect(mid.openToken(r)).toEqual(n % 3 === 0 ? { accessToken: `token-${n}` } : null);
    }
    const midStatus = await status();
    expect(midStatus.reduce((sum, s) => sum + s.secrets, 0)).toBe(10);
    expect(midStatus.find((s) => s.keyId === 'rot-a')!.secrets).toBeGreaterThan(0);
    expect(midStatus.find((s) => s.keyId === 'rot-b')!.secrets).toBeGreaterThan(0);

    // Run again: finishes the rest only.
    const rest = await rotateSecrets(db, rotating, { batchSize: 2 });
    expect(rest.rotated).toBe(midStatus.find((s) => s.keyId === 'rot-a')!.secrets);
    expect(rest.skipped).toBe(0);
    expect(rest.failed).toEqual([]);
    expect(await status()).toEqual([{ keyId: 'rot-b', secrets: 10 }]);
    expect((await rotateSecrets(db, rotating)).rotated).toBe(0);

    // The old key can go: a ring with B alone opens everything.
    const final = new Vault(onlyB);
    for (const r of await db.apiCredential.findMany()) {
      const n = Number(r.name.split('-')[1]);
      expect(r.keyId).toBe('rot-b');
      expect(final.openCredentialSecret(r)).toEqual({ apiKey: `secret-${n}` });
      expect(final.openToken(r)).toEqual(n % 3 === 0 ? { accessToken: `token-${n}` } : null);
    }
  });

  it('keeps each row bound to itself: a rotated value moved to another row still fails', async () => {
    const one = await insertCredential(onlyA, 1);
    const two = await insertCredential(onlyA, 3);
    await rotateSecrets(db, rotating);
    const [r1, r2] = [await read(one.id), await read(two.id)];
    expect(() => new Vault(onlyB).openCredentialSecret({ ...r2, ciphertext: r1.ciphertext })).toThrow(
      /could not be decrypted \(key id rot-b\)/,
    );
  });

  it('does not change updatedAt: rotation is not an edit of the credential', async () => {
    const row = await insertCredential(onlyA, 1);
    const before = await read(row.id);
    await rotateSecrets(db, rotating);
    const after = await read(row.id);
    expect(after.keyId).toBe('rot-b');
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
  });

  it('never overwrites a secret or token written concurrently', async () => {
    const movedOn = await insertCredential(onlyA, 0, 'token-old'); // a writer with the new ring re-seals it under B
    const rewritten = await insertCredential(onlyA, 2); // an instance still on the old ring writes a new secret under A
    const untouched = await insertCredential(onlyA, 4);

    const result = await rotateSecrets(db, rotating, {
      hooks: {
        afterSelect: async () => {
          await db.apiCredential.update({
            where: { id: movedOn.id },
            data: {
              ...new Vault(rotating).sealCredentialSecret(movedOn, { apiKey: 'new-b' }),
              ...new Vault(onlyA).sealToken(movedOn, { accessToken: 'token-new' }),
            },
          });
          await db.apiCredential.update({
            where: { id: rewritten.id },
            data: new Vault(onlyA).sealCredentialSecret(rewritten, { apiKey: 'new-a' }),
          });
        },
      },
    });
    // movedOn's secret and token and rewritten's secret were changed under the rotation's feet.
    expect(result).toEqual({ rotated: 1, skipped: 3, failed: [] });

    const vault = new Vault(rotating);
    const m = await read(movedOn.id);
    expect(vault.openCredentialSecret(m)).toEqual({ apiKey: 'new-b' });
    expect(vault.openToken(m)).toEqual({ accessToken: 'token-new' });
    const r = await read(rewritten.id);
    expect(r.keyId).toBe('rot-a');
    expect(vault.openCredentialSecret(r)).toEqual({ apiKey: 'new-a' });
    expect(vault.openCredentialSecret(await read(untouched.id))).toEqual({ apiKey: 'secret-4' });

    // What was skipped is picked up by the next run.
    expect(await rotateSecrets(db, rotating)).toEqual({ rotated: 2, skipped: 0, failed: [] });
    expect(await status()).toEqual([{ keyId: 'rot-b', secrets: 4 }]);
    expect(new Vault(onlyB).openCredentialSecret(await read(rewritten.id))).toEqual({ apiKey: 'new-a' });
    expect(new Vault(onlyB).openToken(await read(movedOn.id))).toEqual({ accessToken: 'token-new' });
  });

  it('reports a secret it cannot open and carries on with the rest', async () => {
    const good = await insertCredential(onlyA, 1);
    const bad = await insertCredential(onlyA, 3);
    // A value copied from another row: sealed under A, but not for this row.
    await db.apiCredential.update({ where: { id: bad.id }, data: { ciphertext: (await read(good.id)).ciphertext } });
    const result = await rotateSecrets(db, rotating);
    expect(result.rotated).toBe(1);
    expect(result.failed).toEqual([{ credentialId: bad.id, column: 'ciphertext', keyId: 'rot-a' }]);
    expect((await read(bad.id)).keyId).toBe('rot-a');
  });

  it('counts secrets per key id, including recorded keys that hold none', async () => {
    await insertCredential(onlyA, 1, 'tok');
    await insertCredential(rotating, 2);
    await db.encryptionKey.upsert({
      where: { keyId: 'rot-empty' },
      create: { keyId: 'rot-empty', fingerprint: 'x' },
      update: {},
    });
    expect(await status()).toEqual([
      { keyId: 'rot-a', secrets: 2 },
      { keyId: 'rot-b', secrets: 1 },
      { keyId: 'rot-empty', secrets: 0 },
    ]);
    await db.encryptionKey.delete({ where: { keyId: 'rot-empty' } });
  });

  it('refuses a nonsensical batch size', async () => {
    await expect(rotateSecrets(db, rotating, { batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
