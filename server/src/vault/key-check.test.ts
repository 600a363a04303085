// Where keys come from (environment, the embedded key file, refused in production) and the
// start-up check that refuses keys which can no longer open what is stored.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestDb } from '../../test/database.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createLogger } from '../lib/logger.ts';
import { VaultKeyError, fingerprint, verifyKeyRing } from './key-check.ts';
import { KeyRing, loadKeyRing, type VaultKey } from './keyring.ts';
import { Vault } from './vault.ts';
import { registerSealedSecretTables } from '../modules/sealed-secret-tables.ts';

// What the composition root does at start: the vault counts and rotates the modules' sealed tables too.
registerSealedSecretTables();

const A: VaultKey = { id: 'kc-a', key: randomBytes(32) };
const B: VaultKey = { id: 'kc-b', key: randomBytes(32) };
const b64 = (k: VaultKey) => k.key.toString('base64');

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

describe('verifyKeyRing', () => {
  let testDb: { db: Db; close(): Promise<void> };
  let db: Db;

  async function insertCredential(ring: KeyRing): Promise<string> {
    const endpoint = (await db.apiEndpoint.findFirst({ select: { id: true, companyId: true } }))!;
    const row = {
      id: randomUUID(),
      companyId: endpoint.companyId,
      roleId: null,
      endpointId: endpoint.id,
      origin: 'http://127.0.0.1:4010',
    };
    await db.apiCredential.create({
      data: {
        ...row,
        name: `key-check-${row.id}`,
        kind: 'BEARER',
        ...new Vault(ring).sealCredentialSecret(row, { token: 'kc-secret' }),
      },
    });
    return row.id;
  }

  async function refusal(ring: KeyRing): Promise<VaultKeyError> {
    const error = await verifyKeyRing(db, ring).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VaultKeyError);
    const message = (error as VaultKeyError).message;
    for (const k of [A, B]) {
      expect(message).not.toContain(b64(k));
      expect(message).not.toContain(k.key.toString('hex'));
      expect(message).not.toContain(fingerprint(k));
    }
    expect(message).not.toContain('kc-secret');
    return error as VaultKeyError;
  }

  beforeAll(async () => {
    testDb = await openTestDb(inject('template'));
    db = testDb.db;
  });
  afterAll(() => testDb?.close());
  beforeEach(async () => {
    // Each case starts from a database that has never seen a key or a credential.
    await db.apiCredential.deleteMany();
    await db.encryptionKey.deleteMany();
  });

  it('records the fingerprints at first start, then accepts the same ring', async () => {
    const ring = new KeyRing([A, B]);
    await verifyKeyRing(db, ring);
    const rows = await db.encryptionKey.findMany({ orderBy: { keyId: 'asc' } });
    expect(rows.map((r) => [r.keyId, r.fingerprint])).toEqual([
      ['kc-a', fingerprint(A)],
      ['kc-b', fingerprint(B)],
    ]);
    expect(fingerprint(A)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(A)).not.toBe(fingerprint(B));
    await insertCredential(ring);
    await verifyKeyRing(db, ring);
    await verifyKeyRing(db, new KeyRing([B, A])); // order (which key is primary) may change
    await verifyKeyRing(db, new KeyRing([{ id: 'kc-new', key: randomBytes(32) }, A, B])); // a new key is added
    expect((await db.encryptionKey.findMany()).map((r) => r.keyId).sort()).toEqual(['kc-a', 'kc-b', 'kc-new']);
  });

  it('refuses to start with a wrong key: same id, other bytes, naming the key', async () => {
    await verifyKeyRing(db, new KeyRing([A]));
    await insertCredential(new KeyRing([A]));
    const error = await refusal(new KeyRing([{ id: 'kc-a', key: randomBytes(32) }]));
    expect(error.keyIds).toEqual(['kc-a']);
    expect(error.message).toContain('"kc-a"');
    expect(error.message).toMatch(/differs from the key that encrypted the stored secrets/);
    expect(error.message).toContain('TESSERA_ENCRYPTION_KEYS');
    expect(error.message).toContain('encryption-keys');
    // and nothing was recorded for the wrong key
    expect((await db.encryptionKey.findUniqueOrThrow({ where: { keyId: 'kc-a' } })).fingerprint).toBe(fingerprint(A));
  });

  it('refuses a wrong key even when it is not the primary one', async () => {
    await verifyKeyRing(db, new KeyRing([B, A]));
    const error = await refusal(new KeyRing([B, { id: 'kc-a', key: randomBytes(32) }]));
    expect(error.keyIds).toEqual(['kc-a']);
  });

  it('refuses a ring that lacks a key id still in use, naming it', async () => {
    await verifyKeyRing(db, new KeyRing([A]));
    await insertCredential(new KeyRing([A]));
    await insertCredential(new KeyRing([A]));
    const error = await refusal(new KeyRing([B]));
    expect(error.keyIds).toEqual(['kc-a']);
    expect(error.message).toContain('"kc-a"');
    expect(error.message).toContain('2 under "kc-a"');
    expect(error.message).toMatch(/Add the entry back/);
    expect(error.message).toContain('pnpm tessera keys rotate');
  });

  it('counts cached OAuth tokens as secrets in use', async () => {
    const ring = new KeyRing([B, A]);
    const id = await insertCredential(new KeyRing([B]));
    const row = await db.apiCredential.findUniqueOrThrow({ where: { id } });
    await db.apiCredential.update({
      where: { id },
      data: new Vault(new KeyRing([A])).sealToken(row, { accessToken: 't' }),
    });
    await verifyKeyRing(db, ring);
    expect((await refusal(new KeyRing([B]))).keyIds).toEqual(['kc-a']);
  });

  it('accepts removing a key once no secret uses it', async () => {
    await verifyKeyRing(db, new KeyRing([B, A]));
    await insertCredential(new KeyRing([B]));
    await verifyKeyRing(db, new KeyRing([B]));
  });

  it('proves a key that has secrets but no recorded fingerprint by opening one', async () => {
    await insertCredential(new KeyRing([A]));
    const error = await refusal(new KeyRing([{ id: 'kc-a', key: randomBytes(32) }]));
    expect(error.keyIds).toEqual(['kc-a']);
    expect(await db.encryptionKey.count()).toBe(0);
    await verifyKeyRing(db, new KeyRing([A]));
    expect(await db.encryptionKey.count()).toBe(1);
  });
});

describe('loadKeyRing', () => {
  const dirs: string[] = [];
  function config(env: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-keys-'));
    dirs.push(dir);
    return loadConfig({ DATA_DIR: dir, ...env });
  }
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('reads TESSERA_ENCRYPTION_KEYS, first key primary, and writes no file', () => {
    const { logger, lines } = captureLogger();
    const c = config({ TESSERA_ENCRYPTION_KEYS: `kc-b:${b64(B)},kc-a:${b64(A)}`, NODE_ENV: 'production' });
    const ring = loadKeyRing(c, logger);
    expect(ring.ids()).toEqual(['kc-b', 'kc-a']);
    expect(ring.primary.key.equals(B.key)).toBe(true);
    expect(existsSync(join(c.dataDir, 'encryption-keys'))).toBe(false);
    expect(lines).toEqual([]);
  });

  it('reports a bad TESSERA_ENCRYPTION_KEYS without echoing it', () => {
    const { logger } = captureLogger();
    const bad = `kc-a:${randomBytes(31).toString('base64')}`;
    expect(() => loadKeyRing(config({ TESSERA_ENCRYPTION_KEYS: bad }), logger)).toThrow(ConfigError);
    try {
      loadKeyRing(config({ TESSERA_ENCRYPTION_KEYS: bad }), logger);
    } catch (error) {
      expect((error as Error).message).toMatch(/TESSERA_ENCRYPTION_KEYS entry 1 \(key id "kc-a"\)/);
      expect((error as Error).message).not.toContain(bad.slice(5));
    }
  });

  it('in the embedded mode, generates a key file once with mode 0600 and a warning, then reuses it', () => {
    const { logger, lines } = captureLogger();
    const c = config({ NODE_ENV: 'development' });
    const first = loadKeyRing(c, logger);
    const path = join(c.dataDir, 'encryption-keys');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.primary.id).toMatch(/^local-\d{8}$/);
    expect(readFileSync(path, 'utf8')).toMatch(/^local-\d{8}:[A-Za-z0-9+/]{43}=\n$/);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!.msg)).toContain('TESSERA_ENCRYPTION_KEYS');
    expect(JSON.stringify(lines)).not.toContain(first.primary.key.toString('base64'));

    const again = loadKeyRing(c, logger);
    expect(again.primary.id).toBe(first.primary.id);
    expect(again.primary.key.equals(first.primary.key)).toBe(true);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });

  it('uses every key of an edited key file, and warns when the file is readable by others', () => {
    const { logger, lines } = captureLogger();
    const c = config({ NODE_ENV: 'test' });
    const path = join(c.dataDir, 'encryption-keys');
    writeFileSync(path, `kc-b:${b64(B)}\nkc-a:${b64(A)}\n`, { mode: 0o644 });
    const ring = loadKeyRing(c, logger);
    expect(ring.ids()).toEqual(['kc-b', 'kc-a']);
    expect(lines.some((l) => l.level === 40 && String(l.msg).includes('chmod 600'))).toBe(true);
  });

  it('refuses production without TESSERA_ENCRYPTION_KEYS, and writes no key', () => {
    const { logger } = captureLogger();
    const c = config({ NODE_ENV: 'production' });
    expect(() => loadKeyRing(c, logger)).toThrow(ConfigError);
    expect(() => loadKeyRing(c, logger)).toThrow(/TESSERA_ENCRYPTION_KEYS is required when NODE_ENV=production/);
    expect(existsSync(join(c.dataDir, 'encryption-keys'))).toBe(false);
  });
});
