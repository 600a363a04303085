// The envelope: what seals must open only with the same key and the same row, and any change to
// the stored text must fail authentication.
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { VaultDecryptError, isLegacySeal, keyIdOf, seal, unseal, type SealContext } from './envelope.ts';
import { KeyRing, generateKeySpec, parseKeyRing } from './keyring.ts';
import { Vault } from './vault.ts';

const keyA = { id: 'A', key: randomBytes(32) };
const keyB = { id: 'B', key: randomBytes(32) };
const ring = new KeyRing([keyA]);

const ctx: SealContext = {
  purpose: 'credential',
  credentialId: '11111111-1111-4111-8111-111111111111',
  companyId: '22222222-2222-4222-8222-222222222222',
  roleId: '33333333-3333-4333-8333-333333333333',
  endpointId: '44444444-4444-4444-8444-444444444444',
  origin: 'https://api.example.test',
};
const SECRET = 'sk_live_marker_5f2b9c0e';

/** Replaces part `index` (0 version, 1 key id, 2 iv, 3 tag, 4 ciphertext) of a sealed value. */
function withPart(sealed: string, index: number, change: (bytes: Buffer) => Buffer): string {
  const parts = sealed.split('.');
  parts[index] = change(Buffer.from(parts[index]!, 'base64url')).toString('base64url');
  return parts.join('.');
}
/** A value as the vault sealed it before origins were bound (format v1: no origin in the associated data). */
function legacySeal(plaintext: string, c: SealContext): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyA.key, iv, { authTagLength: 16 });
  cipher.setAAD(
    Buffer.from(
      JSON.stringify(['tessera/vault', 'v1', 'A', c.purpose, c.credentialId, c.companyId, c.roleId, c.endpointId]),
      'utf8',
    ),
  );
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    'A',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

function flipFirstBit(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[0] = copy[0]! ^ 0x01;
  return copy;
}

function expectDecryptError(fn: () => unknown, reason?: VaultDecryptError['reason']): VaultDecryptError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultDecryptError);
    const e = error as VaultDecryptError;
    if (reason) expect(e.reason).toBe(reason);
    expect(e.message).not.toContain(SECRET);
    expect(e.message).not.toContain(keyA.key.toString('base64'));
    return e;
  }
  throw new Error('expected a VaultDecryptError');
}

describe('seal / unseal', () => {
  it('round-trips, and records the format version and the key id', () => {
    const { sealed, keyId } = seal(ring, SECRET, ctx);
    expect(keyId).toBe('A');
    expect(sealed).toMatch(/^v2\.A\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(keyIdOf(sealed)).toBe('A');
    expect(unseal(ring, sealed, ctx)).toBe(SECRET);
    expect(unseal(ring, seal(ring, '', ctx).sealed, ctx)).toBe('');
    expect(unseal(ring, seal(ring, 'ünïcødé ✓', ctx).sealed, ctx)).toBe('ünïcødé ✓');
  });

  it('never contains the plaintext, in any encoding', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url'));
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  it('fails on a tampered ciphertext', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(ring, withPart(sealed, 4, flipFirstBit), ctx), 'authentication');
    expectDecryptError(
      () =>
        unseal(
          ring,
          withPart(sealed, 4, (b) => b.subarray(0, b.length - 1)),
          ctx,
        ),
      'authentication',
    );
    expectDecryptError(
      () =>
        unseal(
          ring,
          withPart(sealed, 4, (b) => Buffer.concat([b, Buffer.from([0])])),
          ctx,
        ),
      'authentication',
    );
  });

  it('fails on a tampered tag, and on a truncated one', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(ring, withPart(sealed, 3, flipFirstBit), ctx), 'authentication');
    expectDecryptError(
      () =>
        unseal(
          ring,
          withPart(sealed, 3, (b) => b.subarray(0, 12)),
          ctx,
        ),
      'malformed',
    );
  });

  it('fails on a tampered IV', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(ring, withPart(sealed, 2, flipFirstBit), ctx), 'authentication');
  });

  it('rejects non-canonical encodings and malformed values', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(ring, `${sealed}=`, ctx), 'malformed');
    expectDecryptError(() => unseal(ring, sealed.replace(/^v2\./, 'v3.'), ctx), 'malformed');
    expectDecryptError(() => unseal(ring, sealed.split('.').slice(0, 4).join('.'), ctx), 'malformed');
    expectDecryptError(() => unseal(ring, 'not sealed at all', ctx), 'malformed');
    expect(() => keyIdOf('garbage')).toThrow(VaultDecryptError);
  });

  it('fails for a value moved to another row, company, role, endpoint or origin', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    const moves: Partial<SealContext>[] = [
      { credentialId: '11111111-1111-4111-8111-999999999999' },
      { companyId: '22222222-2222-4222-8222-999999999999' },
      { roleId: '33333333-3333-4333-8333-999999999999' },
      { roleId: null },
      { endpointId: '44444444-4444-4444-8444-999999999999' },
      // the origin the secret was entered for: another one stored beside it, or none
      { origin: 'https://attacker.example.test' },
      { origin: 'https://api.example.test:8443' },
      { origin: 'http://api.example.test' },
      { origin: null },
    ];
    for (const move of moves) expectDecryptError(() => unseal(ring, sealed, { ...ctx, ...move }), 'authentication');
    // and a company-wide (role null) value does not open as a role's
    const shared = seal(ring, SECRET, { ...ctx, roleId: null }).sealed;
    expect(unseal(ring, shared, { ...ctx, roleId: null })).toBe(SECRET);
    expectDecryptError(() => unseal(ring, shared, ctx), 'authentication');
  });

  it('fails when the purpose is swapped (secret column vs cached token column)', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(ring, sealed, { ...ctx, purpose: 'credential-token' }), 'authentication');
  });

  it('fails when the key id in the stored text is changed, or unknown', () => {
    const both = new KeyRing([keyA, keyB]);
    const { sealed } = seal(both, SECRET, ctx);
    const e = expectDecryptError(() => unseal(both, sealed.replace(/^v2\.A\./, 'v2.B.'), ctx), 'authentication');
    expect(e.message).toBe('A stored secret could not be decrypted (key id B).');
    const unknown = expectDecryptError(() => unseal(new KeyRing([keyB]), sealed, ctx), 'unknown-key');
    expect(unknown.keyId).toBe('A');
    expect(unknown.message).toContain('key id A');
  });

  it('fails under the same id with other key material', () => {
    const { sealed } = seal(ring, SECRET, ctx);
    expectDecryptError(() => unseal(new KeyRing([{ id: 'A', key: randomBytes(32) }]), sealed, ctx), 'authentication');
  });

  it('uses a fresh IV for every write: 10,000 encryptions, 10,000 distinct IVs', () => {
    const ivs = new Set<string>();
    const sealedValues = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { sealed } = seal(ring, SECRET, ctx);
      ivs.add(sealed.split('.')[2]!);
      sealedValues.add(sealed);
    }
    expect(ivs.size).toBe(10_000);
    expect(sealedValues.size).toBe(10_000);
  });

  it('encrypts with the first key of the ring and opens with any', () => {
    const old = seal(new KeyRing([keyA]), SECRET, ctx).sealed;
    const rotated = new KeyRing([keyB, keyA]);
    expect(seal(rotated, SECRET, ctx).keyId).toBe('B');
    expect(unseal(rotated, old, ctx)).toBe(SECRET);
  });

  it('opens a value sealed before origins were bound (v1) with the v1 associated data, whatever origin is stored, and never writes v1', () => {
    const legacy = legacySeal(SECRET, ctx);
    expect(isLegacySeal(legacy)).toBe(true);
    expect(unseal(ring, legacy, { ...ctx, origin: null })).toBe(SECRET);
    // the row is still bound: moved to another credential, it fails
    expectDecryptError(
      () => unseal(ring, legacy, { ...ctx, origin: null, credentialId: '11111111-1111-4111-8111-999999999999' }),
      'authentication',
    );
    // a v2 value relabelled v1 (to drop the origin from what is checked) fails
    const current = seal(ring, SECRET, ctx).sealed;
    expect(isLegacySeal(current)).toBe(false);
    expectDecryptError(() => unseal(ring, current.replace(/^v2\./, 'v1.'), ctx), 'authentication');
  });

  it('refuses an incomplete context instead of sealing to it', () => {
    expect(() => seal(ring, SECRET, { ...ctx, origin: null })).toThrow(TypeError);
    expect(() => seal(ring, SECRET, { ...ctx, origin: '' })).toThrow(TypeError);
    expect(() => seal(ring, SECRET, { ...ctx, companyId: '' })).toThrow(TypeError);
    expect(() => seal(ring, SECRET, { ...ctx, purpose: 'other' as never })).toThrow(TypeError);
  });
});

describe('Vault', () => {
  const vault = new Vault(new KeyRing([keyA]));
  const row = {
    id: ctx.credentialId,
    companyId: ctx.companyId,
    roleId: null,
    endpointId: ctx.endpointId,
    origin: ctx.origin,
  };

  it('seals JSON secrets and tokens bound to the row, each in its own purpose', () => {
    const secret = { clientId: 'cid', clientSecret: SECRET };
    const sealed = vault.sealCredentialSecret(row, secret);
    expect(sealed.keyId).toBe('A');
    expect(vault.openCredentialSecret({ ...row, ciphertext: sealed.ciphertext })).toEqual(secret);
    const token = vault.sealToken(row, { accessToken: 'at-marker' });
    expect(token.tokenKeyId).toBe('A');
    expect(vault.openToken({ ...row, tokenCiphertext: token.tokenCiphertext })).toEqual({ accessToken: 'at-marker' });
    expect(vault.openToken({ ...row, tokenCiphertext: null })).toBeNull();
    expect(() => vault.openToken({ ...row, tokenCiphertext: sealed.ciphertext })).toThrow(VaultDecryptError);
    expect(() => vault.openCredentialSecret({ ...row, ciphertext: token.tokenCiphertext })).toThrow(VaultDecryptError);
    expect(() => vault.openCredentialSecret({ ...row, companyId: ctx.roleId!, ciphertext: sealed.ciphertext })).toThrow(
      VaultDecryptError,
    );
    expect(() =>
      vault.openCredentialSecret({ ...row, origin: 'https://attacker.example.test', ciphertext: sealed.ciphertext }),
    ).toThrow(VaultDecryptError);
    expect(() =>
      vault.openToken({ ...row, origin: 'https://attacker.example.test', tokenCiphertext: token.tokenCiphertext }),
    ).toThrow(VaultDecryptError);
  });
});

describe('key ring', () => {
  const b64 = (bytes: Buffer) => bytes.toString('base64');

  it('parses comma and whitespace separated id:base64 entries, first = primary', () => {
    const r = parseKeyRing(`new:${b64(keyB.key)}, old:${b64(keyA.key)}\n  older_1:${keyA.key.toString('base64url')}`);
    expect(r.ids()).toEqual(['new', 'old', 'older_1']);
    expect(r.primary.id).toBe('new');
    expect(r.get('old')!.key.equals(keyA.key)).toBe(true);
    expect(r.get('older_1')!.key.equals(keyA.key)).toBe(true);
    expect(r.get('missing')).toBeUndefined();
  });

  it('never shows key bytes when the ring or a key is logged or serialized', () => {
    const r = new KeyRing([keyA, keyB]);
    for (const text of [JSON.stringify(r), JSON.stringify(r.primary), JSON.stringify(r.get('B'))]) {
      expect(text).not.toContain(b64(keyA.key));
      expect(text).not.toMatch(/"data":\[/);
    }
    expect(JSON.stringify(r)).toBe('{"primary":"A","ids":["A","B"]}');
  });

  it('reports errors by entry and id without echoing key material', () => {
    const material = b64(randomBytes(32));
    const short = b64(randomBytes(16));
    const cases: [string, RegExp][] = [
      ['', /holds no key/],
      [material, /entry 1 has no key id/],
      [`ok:${b64(keyA.key)},${material}`, /entry 2 has no key id/],
      [`bad.id!:${material}`, /entry 1: the key id must be/],
      [`${'x'.repeat(33)}:${material}`, /entry 1: the key id must be/],
      [`a:${material},a:${b64(keyB.key)}`, /entry 2: key id "a" is listed twice/],
      [`a:${short}`, /entry 1 \(key id "a"\): the key must decode to exactly 32 bytes, got 16/],
      [`a:${material.slice(0, 20)}*${material.slice(21)}`, /entry 1 \(key id "a"\): the key is not valid base64/],
    ];
    for (const [spec, message] of cases) {
      let caught: unknown;
      try {
        parseKeyRing(spec);
      } catch (error) {
        caught = error;
      }
      expect(caught, spec).toBeInstanceOf(ConfigError);
      const text = (caught as Error).message;
      expect(text).toMatch(message);
      expect(text).toContain('TESSERA_ENCRYPTION_KEYS');
      for (const secret of [material, short, b64(keyA.key), b64(keyB.key), material.slice(0, 12), short.slice(0, 12)]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('generates entries that parse to a 32-byte key', () => {
    const spec = generateKeySpec();
    expect(spec).toMatch(/^key-\d{8}-[0-9a-f]{4}:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyRing(spec).primary.key.length).toBe(32);
    expect(generateKeySpec('mine').startsWith('mine:')).toBe(true);
    expect(generateKeySpec()).not.toBe(generateKeySpec());
    expect(() => generateKeySpec('no.dots')).toThrow(ConfigError);
  });

  it('rejects rings built from bad keys', () => {
    expect(() => new KeyRing([])).toThrow(ConfigError);
    expect(() => new KeyRing([{ id: 'A', key: randomBytes(31) }])).toThrow(/exactly 32 bytes/);
    expect(() => new KeyRing([keyA, { id: 'A', key: randomBytes(32) }])).toThrow(/listed twice/);
  });
});
