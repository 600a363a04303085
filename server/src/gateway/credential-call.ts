// Sends one request with a credential applied: static kinds directly, OAuth2 kinds with a
// fresh access token and, when the API answers 401, once more with a renewed token. Nothing of
// the credential (secret, cached token, token request) is used unless the request goes to the
// origin the credential was entered or confirmed for (docs/decisions/0019-credential-origin.md).
import type { Vault } from '../vault/vault.ts';
import { bearerAuth, staticAuth, withAuth, type AuthMaterial } from './credential-auth.ts';
import type { OAuthTokens } from './oauth.ts';
import type { UpstreamRequest, UpstreamResponse } from './upstream-client.ts';
import { isOAuthKind } from '../vault/credential-kinds.ts';

export interface CredentialForCall {
  id: string;
  companyId: string;
  roleId: string | null;
  endpointId: string;
  kind: string;
  ciphertext: string;
  /** The origin the secret belongs to; null (a row not bound yet) is sent nowhere. */
  origin: string | null;
}

/** The request goes to another origin than the credential's: refused before anything is opened or sent. */
export class CredentialOriginError extends Error {
  constructor(
    readonly credentialOrigin: string | null,
    readonly requestOrigin: string,
  ) {
    super(
      `This credential was entered for ${credentialOrigin ?? 'another origin'}, and the endpoint now points at ${requestOrigin}: nothing is sent with it until an administrator confirms it for the new origin or replaces the secret.`,
    );
  }
}

export interface CredentialCallDeps {
  vault: Vault;
  oauth: OAuthTokens;
  /** The guarded upstream client's send: there is no unguarded default to fall back on. */
  send: (req: UpstreamRequest) => Promise<UpstreamResponse>;
}

export async function callWithCredential(
  deps: CredentialCallDeps,
  credential: CredentialForCall,
  req: UpstreamRequest,
): Promise<UpstreamResponse> {
  if (credential.origin === null || req.url.origin !== credential.origin)
    throw new CredentialOriginError(credential.origin, req.url.origin);
  const attempt = (auth: AuthMaterial) =>
    deps.send({ ...req, url: withAuth(req.url, auth), headers: { ...req.headers, ...auth.headers } });
  if (!isOAuthKind(credential.kind)) {
    return attempt(staticAuth(credential.kind, deps.vault.openCredentialSecret(credential)));
  }
  const token = await deps.oauth.accessToken(credential.id);
  const first = await attempt(bearerAuth(token));
  if (first.status !== 401) return first;
  return attempt(bearerAuth(await deps.oauth.accessToken(credential.id, { rejected: token })));
}
