// The vault as the credential service and the gateway use it: JSON values in, sealed text out,
// each bound to its credential row. The row must already have its final id (generate it before
// sealing, e.g. with randomUUID) because the id is part of what the seal authenticates. So is the
// row's origin (the API origin the secret was entered for): a secret sealed for one origin does
// not open with another origin stored beside it (docs/decisions/0019-credential-origin.md).
import { seal, unseal, type SealContext, type SealPurpose } from './envelope.ts';
import type { KeyRing } from './keyring.ts';

export interface CredentialRowRef {
  id: string;
  companyId: string;
  roleId: string | null;
  endpointId: string;
  /** Null only on rows sealed before origins were bound (they open, v1; sealing needs one). */
  origin: string | null;
}

export function sealContext(row: CredentialRowRef, purpose: SealPurpose): SealContext {
  return {
    purpose,
    credentialId: row.id,
    companyId: row.companyId,
    roleId: row.roleId,
    endpointId: row.endpointId,
    origin: row.origin,
  };
}

function webhookContext(row: { id: string; companyId: string }): SealContext {
  return {
    purpose: 'webhook-secret',
    credentialId: row.id,
    companyId: row.companyId,
    roleId: null,
    endpointId: row.id,
    origin: null,
  };
}

function clientSecretContext(row: { companyId: string; issuerUrl: string }): SealContext {
  return {
    purpose: 'idp-client-secret',
    credentialId: row.companyId,
    companyId: row.companyId,
    roleId: null,
    endpointId: row.companyId,
    origin: new URL(row.issuerUrl).origin,
  };
}

function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('The vault stores JSON values only');
  return text;
}

export class Vault {
  constructor(readonly ring: KeyRing) {}

  sealCredentialSecret(row: CredentialRowRef, secret: unknown): { ciphertext: string; keyId: string } {
    const { sealed, keyId } = seal(this.ring, toJson(secret), sealContext(row, 'credential'));
    return { ciphertext: sealed, keyId };
  }

  /** Throws VaultDecryptError when the value is not this row's, or its key is missing. */
  openCredentialSecret<T>(row: CredentialRowRef & { ciphertext: string }): T {
    return JSON.parse(unseal(this.ring, row.ciphertext, sealContext(row, 'credential'))) as T;
  }

  sealToken(row: CredentialRowRef, token: unknown): { tokenCiphertext: string; tokenKeyId: string } {
    const { sealed, keyId } = seal(this.ring, toJson(token), sealContext(row, 'credential-token'));
    return { tokenCiphertext: sealed, tokenKeyId: keyId };
  }

  /** A webhook subscription's `whsec_` secret, bound to the subscription row. */
  sealWebhookSecret(
    row: { id: string; companyId: string },
    secret: string,
  ): { secretCiphertext: string; secretKeyId: string } {
    const { sealed, keyId } = seal(this.ring, toJson(secret), webhookContext(row));
    return { secretCiphertext: sealed, secretKeyId: keyId };
  }

  openWebhookSecret(row: { id: string; companyId: string; secretCiphertext: string }): string {
    return JSON.parse(unseal(this.ring, row.secretCiphertext, webhookContext(row))) as string;
  }

  /**
   * A company's OpenID Connect client secret, bound to the company and to the issuer's origin
   * (the only place it is sent): sealed under its own purpose, so it opens as nothing else.
   */
  sealClientSecret(
    row: { companyId: string; issuerUrl: string },
    secret: string,
  ): { secretCiphertext: string; secretKeyId: string } {
    const { sealed, keyId } = seal(this.ring, toJson(secret), clientSecretContext(row));
    return { secretCiphertext: sealed, secretKeyId: keyId };
  }

  openClientSecret(row: { companyId: string; issuerUrl: string; secretCiphertext: string }): string {
    return JSON.parse(unseal(this.ring, row.secretCiphertext, clientSecretContext(row))) as string;
  }

  /** The cached token, or null when none is stored. */
  openToken<T>(row: CredentialRowRef & { tokenCiphertext: string | null }): T | null {
    if (row.tokenCiphertext === null) return null;
    return JSON.parse(unseal(this.ring, row.tokenCiphertext, sealContext(row, 'credential-token'))) as T;
  }
}
