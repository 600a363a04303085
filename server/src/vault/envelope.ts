// Sealing one secret: AES-256-GCM under the ring's primary key, a fresh random 12-byte IV per
// write, and additional authenticated data that binds the ciphertext to the row it belongs to.
// A sealed value copied into another credential, company, role or endpoint (or from the secret
// column into the token column) fails authentication instead of decrypting.
//
// Stored form: v2.<keyId>.<iv>.<tag>.<ciphertext>, each binary part base64url without padding.
// v2 adds the origin the secret may be sent to (scheme://host:port) to the associated data, so a
// ciphertext whose stored origin is changed, or copied to a row of another origin, fails to
// open. v1 values (sealed before origins were bound) still open with the v1 associated data; the
// start-up seals them again as v2 (credential-origins.ts), and nothing writes v1 any more.
// Random 96-bit IVs keep the chance of a repeat negligible well past any realistic number of
// writes per key (NIST's bound is 2^32 per key); rotation resets the count.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_ID_PATTERN, type KeyRing } from './keyring.ts';

const FORMAT_VERSION = 'v2';
/** Still opened (the format before origins were bound); never written. */
const LEGACY_FORMAT_VERSION = 'v1';
type FormatVersion = typeof FORMAT_VERSION | typeof LEGACY_FORMAT_VERSION;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD_LABEL = 'tessera/vault';
const B64URL = /^[A-Za-z0-9_-]*$/;

// 'webhook-secret': a webhook subscription's signing secret; its subscription id fills both
// credentialId and endpointId (there is no endpoint), and the purpose keeps it from passing for a credential.
export type SealPurpose = 'credential' | 'credential-token' | 'webhook-secret' | 'idp-client-secret';

export interface SealContext {
  purpose: SealPurpose;
  credentialId: string;
  companyId: string;
  roleId: string | null;
  endpointId: string;
  /**
   * The origin the secret belongs to (a credential's API origin); null for secrets that go to
   * no upstream origin (a webhook's signing secret). Not part of v1 values' associated data.
   */
  origin: string | null;
}

export type VaultDecryptReason = 'malformed' | 'unknown-key' | 'authentication';

/** A stored secret that could not be opened. The message names at most the key id. */
export class VaultDecryptError extends Error {
  override name = 'VaultDecryptError';
  constructor(
    readonly reason: VaultDecryptReason,
    readonly keyId: string | undefined,
  ) {
    super(
      reason === 'malformed'
        ? 'A stored secret could not be decrypted (unrecognized format).'
        : reason === 'unknown-key'
          ? `A stored secret could not be decrypted (key id ${keyId} is not among the configured encryption keys).`
          : `A stored secret could not be decrypted (key id ${keyId}).`,
    );
  }
}

function checkContext(context: SealContext): void {
  if (
    context.purpose !== 'credential' &&
    context.purpose !== 'credential-token' &&
    context.purpose !== 'webhook-secret' &&
    context.purpose !== 'idp-client-secret'
  )
    throw new TypeError('SealContext.purpose is invalid');
  for (const field of ['credentialId', 'companyId', 'endpointId'] as const) {
    if (typeof context[field] !== 'string' || context[field] === '')
      throw new TypeError(`SealContext.${field} is required`);
  }
  if (context.roleId !== null && (typeof context.roleId !== 'string' || context.roleId === '')) {
    throw new TypeError('SealContext.roleId must be a non-empty string or null');
  }
  if (context.origin !== null && (typeof context.origin !== 'string' || context.origin === ''))
    throw new TypeError('SealContext.origin must be a non-empty string or null');
}

/**
 * The AAD: a JSON array, so the encoding is unambiguous (no field can spill into the next, and
 * a null role differs from any role id). The version and key id are bound too, so neither can be
 * swapped in the stored text.
 */
function aad(version: FormatVersion, keyId: string, c: SealContext): Buffer {
  const fields = [AAD_LABEL, version, keyId, c.purpose, c.credentialId, c.companyId, c.roleId, c.endpointId];
  return Buffer.from(JSON.stringify(version === LEGACY_FORMAT_VERSION ? fields : [...fields, c.origin]), 'utf8');
}

export function seal(ring: KeyRing, plaintext: string, context: SealContext): { sealed: string; keyId: string } {
  if (typeof plaintext !== 'string') throw new TypeError('seal() takes a string');
  checkContext(context);
  // A credential's secrets are always bound to an origin: sealing one without is a bug, not a choice.
  if (context.purpose !== 'webhook-secret' && context.origin === null)
    throw new TypeError('SealContext.origin is required for a credential');
  const { id: keyId, key } = ring.primary;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(FORMAT_VERSION, keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  const parts = [
    FORMAT_VERSION,
    keyId,
    iv.toString('base64url'),
    tag.toString('base64url'),
    ciphertext.toString('base64url'),
  ];
  return { sealed: parts.join('.'), keyId };
}

interface Parsed {
  version: FormatVersion;
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Strict base64url: rejects text that only decodes "close enough", so the stored form is not malleable. */
function decodePart(text: string): Buffer | undefined {
  if (!B64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

function parse(sealed: unknown): Parsed {
  if (typeof sealed !== 'string') throw new VaultDecryptError('malformed', undefined);
  const parts = sealed.split('.');
  if (parts.length !== 5 || (parts[0] !== FORMAT_VERSION && parts[0] !== LEGACY_FORMAT_VERSION))
    throw new VaultDecryptError('malformed', undefined);
  const [version, keyId, ivText, tagText, ctText] = parts as [FormatVersion, string, string, string, string];
  if (!KEY_ID_PATTERN.test(keyId)) throw new VaultDecryptError('malformed', undefined);
  const iv = decodePart(ivText);
  const tag = decodePart(tagText);
  const ciphertext = decodePart(ctText);
  if (!iv || iv.length !== IV_BYTES || !tag || tag.length !== TAG_BYTES || !ciphertext)
    throw new VaultDecryptError('malformed', keyId);
  return { version, keyId, iv, tag, ciphertext };
}

/** True for a value sealed before origins were bound (v1): it should be sealed again. */
export function isLegacySeal(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_FORMAT_VERSION}.`);
}

/** The id of the key a sealed value was written under (without decrypting it). */
export function keyIdOf(sealed: string): string {
  return parse(sealed).keyId;
}

export function unseal(ring: KeyRing, sealed: string, context: SealContext): string {
  checkContext(context);
  const { version, keyId, iv, tag, ciphertext } = parse(sealed);
  const key = ring.get(keyId);
  if (!key) throw new VaultDecryptError('unknown-key', keyId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(version, keyId, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // OpenSSL's reason adds nothing an operator can act on; keep the message uniform.
    throw new VaultDecryptError('authentication', keyId);
  }
}
