// The encryption keys: TESSERA_ENCRYPTION_KEYS (`id:base64` entries; the first one encrypts, all
// of them decrypt), or in the embedded mode a key generated once into DATA_DIR/encryption-keys.
// Errors name an entry by its position or id and never repeat key text: a mistyped entry may be
// mostly correct key material, and these messages end up in terminals and logs.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateLocalSecret } from '../lib/local-secret.ts';
import { inspect } from 'node:util';
import { ConfigError, type Config } from '../config.ts';
import type { Logger } from '../lib/logger.ts';

export interface VaultKey {
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const LOCAL_KEY_FILE = 'encryption-keys';

/** Standard or URL-safe base64, optionally padded: anything else is a typo, not a key. */
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

export class KeyRing {
  readonly primary: VaultKey;
  readonly #byId = new Map<string, VaultKey>();

  constructor(keys: VaultKey[]) {
    if (keys.length === 0) throw new ConfigError('The encryption key ring is empty: at least one key is required.');
    for (const [index, k] of keys.entries()) {
      if (!KEY_ID_PATTERN.test(k.id))
        throw new ConfigError(`Encryption key ${index + 1}: the key id must be 1-32 characters of A-Z a-z 0-9 _ -.`);
      if (this.#byId.has(k.id))
        throw new ConfigError(`Encryption key "${k.id}" is listed twice: key ids must be unique.`);
      if (!Buffer.isBuffer(k.key) || k.key.length !== KEY_BYTES) {
        throw new ConfigError(`Encryption key "${k.id}" must be exactly ${KEY_BYTES} bytes.`);
      }
      // A private copy, with the bytes non-enumerable: a ring or key that reaches a logger,
      // JSON.stringify or an error report shows its id only.
      const copy = { id: k.id } as VaultKey;
      Object.defineProperty(copy, 'key', { value: Buffer.from(k.key), enumerable: false });
      this.#byId.set(k.id, Object.freeze(copy));
    }
    this.primary = this.#byId.get(keys[0]!.id)!;
  }

  get(id: string): VaultKey | undefined {
    return this.#byId.get(id);
  }

  /** Every key id, the primary first. */
  ids(): string[] {
    return [...this.#byId.keys()];
  }

  toJSON(): { primary: string; ids: string[] } {
    return { primary: this.primary.id, ids: this.ids() };
  }

  [inspect.custom](): string {
    return `KeyRing { primary: ${this.primary.id}, ids: [${this.ids().join(', ')}] }`;
  }
}

/**
 * Parses `id:base64` entries separated by commas and/or whitespace. `source` names where the
 * text came from in error messages.
 */
export function parseKeyRing(spec: string, source = 'TESSERA_ENCRYPTION_KEYS'): KeyRing {
  const entries = spec.split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 0) {
    throw new ConfigError(
      `${source} holds no key. Expected a list of id:base64 entries, e.g. generated with \`pnpm tessera keys generate\`.`,
    );
  }
  const keys: VaultKey[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const at = `${source} entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0)
      throw new ConfigError(`${at} has no key id: expected id:base64 (e.g. "main:" followed by 32 bytes in base64).`);
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID_PATTERN.test(id))
      throw new ConfigError(`${at}: the key id must be 1-32 characters of A-Z a-z 0-9 _ -.`);
    if (seen.has(id)) throw new ConfigError(`${at}: key id "${id}" is listed twice; key ids must be unique.`);
    seen.add(id);
    if (!BASE64.test(material)) throw new ConfigError(`${at} (key id "${id}"): the key is not valid base64.`);
    const key = Buffer.from(material, material.includes('-') || material.includes('_') ? 'base64url' : 'base64');
    if (key.length !== KEY_BYTES) {
      throw new ConfigError(
        `${at} (key id "${id}"): the key must decode to exactly ${KEY_BYTES} bytes, got ${key.length}.`,
      );
    }
    keys.push({ id, key });
  }
  return new KeyRing(keys);
}

function today(): string {
  return new Date().toISOString().slice(0, 10).replaceAll('-', '');
}

/** A new `id:base64` entry with 32 random bytes; the default id is dated and unique. */
export function generateKeySpec(id = `key-${today()}-${randomBytes(2).toString('hex')}`): string {
  if (!KEY_ID_PATTERN.test(id)) throw new ConfigError('The key id must be 1-32 characters of A-Z a-z 0-9 _ -.');
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

/**
 * The configured key ring: TESSERA_ENCRYPTION_KEYS when set; in production nothing else is
 * accepted (a key on one instance's disk is lost with the disk and unknown to the others);
 * otherwise DATA_DIR/encryption-keys, generated on first use with mode 0600.
 */
export function loadKeyRing(config: Config, logger: Logger): KeyRing {
  if (config.encryptionKeys) return parseKeyRing(config.encryptionKeys);
  if (config.env === 'production') {
    throw new ConfigError(
      'TESSERA_ENCRYPTION_KEYS is required when NODE_ENV=production: a comma-separated list of id:base64 entries ' +
        '(32 random bytes each; the first one encrypts). Create one with `pnpm tessera keys generate` and keep it in your secret store.',
    );
  }
  const path = join(config.dataDir, LOCAL_KEY_FILE);
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077)
      logger.warn(
        { path, mode: mode.toString(8) },
        'the encryption key file is readable by other users; run chmod 600 on it',
      );
  }
  const local = loadOrCreateLocalSecret(config.dataDir, LOCAL_KEY_FILE, () => generateKeySpec(`local-${today()}`));
  if (!local.created) return parseKeyRing(local.value, path);
  const spec = local.value;
  const ring = parseKeyRing(spec, path);
  logger.warn(
    { path, keyId: ring.primary.id },
    'generated an encryption key into DATA_DIR/encryption-keys; back it up with the database, and set TESSERA_ENCRYPTION_KEYS in production',
  );
  return ring;
}
