// The OpenID Connect relying party: discovery, the authorization request (code + PKCE S256 +
// state + nonce) and the callback, with openid-client (v6) for the protocol and jose for the ID
// token's signature against the provider's JWKS. It knows no company and no database: the
// sign-in flow (modules/identity-provider/sso-sign-in.ts) hands it a provider's settings and the
// values it stored for the attempt, and gets verified claims back or an SsoError saying why not.
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface ProviderSettings {
  issuerUrl: string;
  clientId: string;
  /** Null: a public client (PKCE alone). */
  clientSecret: string | null;
}

/** Why a sign-in was refused, in words a person can act on; `reason` goes in the audit row and the redirect. */
export class SsoError extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
  ) {
    super(message);
  }
}

export type SsoRefusal =
  | 'provider_unavailable'
  | 'bad_state'
  | 'provider_error'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired_token'
  | 'bad_nonce'
  | 'invalid_token'
  | 'code_rejected'
  | 'email_unverified'
  | 'email_missing'
  | 'domain_not_allowed'
  | 'no_account'
  | 'password_only'
  | 'other_company'
  | 'rate_limited';

const TIMEOUT_SECONDS = 10;

const loopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

interface Discovered {
  config: client.Configuration;
  jwks: ReturnType<typeof createRemoteJWKSet>;
  at: number;
}

/**
 * Providers' metadata and keys, kept a few minutes per (issuer, client, secret): every sign-in
 * would otherwise fetch the discovery document; a changed setting is a new entry. A provider that
 * is down is asked again on the next attempt (failures are not kept).
 */
export class OidcClient {
  private readonly cache = new Map<string, Discovered>();

  constructor(private readonly ttlMs = 5 * 60_000) {}

  private async discover(settings: ProviderSettings): Promise<Discovered> {
    const key = JSON.stringify([settings.issuerUrl, settings.clientId, settings.clientSecret]);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit;
    const issuer = new URL(settings.issuerUrl);
    let config: client.Configuration;
    try {
      config = await client.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret ?? undefined,
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        // http is accepted for loopback issuers only (the settings refuse any other http issuer).
        { timeout: TIMEOUT_SECONDS, ...(loopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}) },
      );
    } catch {
      throw new SsoError(
        'provider_unavailable',
        "Your company's identity provider could not be reached. Try again later, or sign in with your password if your company allows it.",
      );
    }
    const jwksUri = config.serverMetadata().jwks_uri;
    if (!jwksUri)
      throw new SsoError('provider_unavailable', "Your company's identity provider publishes no signing keys.");
    const entry = {
      config,
      jwks: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_SECONDS * 1000 }),
      at: Date.now(),
    };
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(key, entry);
    return entry;
  }

  /** The provider's authorization URL for a new attempt, and the secrets the callback needs. */
  async start(
    settings: ProviderSettings,
    redirectUri: string,
  ): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
    const { config } = await this.discover(settings);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the code and verifies the ID token: openid-client checks issuer, audience, expiry,
   * nonce and state on the token response; jose checks the signature against the provider's JWKS
   * with issuer and audience again (openid-client trusts a token that came straight from the
   * token endpoint without checking its signature, the relying party's choice the spec allows).
   */
  async finish(
    settings: ProviderSettings,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
  ): Promise<JWTPayload> {
    const { config, jwks } = await this.discover(settings);
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError)
      throw new SsoError(
        'provider_error',
        `Your identity provider refused the sign-in (${providerError.slice(0, 80)}).`,
      );
    let idToken: string | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(
        config,
        callbackUrl,
        {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: checks.redirectUri },
      );
      idToken = tokens.id_token;
    } catch (error) {
      throw refusalOf(error);
    }
    if (!idToken) throw new SsoError('invalid_token', 'Your identity provider sent no ID token.');
    try {
      const { payload } = await jwtVerify(idToken, jwks, {
        issuer: config.serverMetadata().issuer,
        audience: settings.clientId,
      });
      return payload;
    } catch (error) {
      throw refusalOf(error);
    }
  }
}

const CLAIM_REFUSALS: Record<string, [SsoRefusal, string]> = {
  iss: ['wrong_issuer', 'The ID token was issued by another provider than your company configured.'],
  aud: ['wrong_audience', 'The ID token was issued for another application, not this one.'],
  exp: ['expired_token', 'The ID token has expired. Sign in again.'],
  nonce: ['bad_nonce', 'The ID token does not belong to this sign-in attempt. Sign in again.'],
};

/** Turns openid-client's and jose's errors into a refusal; their text is never shown (it may quote tokens). */
function refusalOf(error: unknown): SsoError {
  if (error instanceof SsoError) return error;
  type Cause = { code?: string; claim?: string; error?: string; cause?: Cause };
  const e = error as Cause;
  // openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
  const claim = e.claim ?? e.cause?.claim ?? e.cause?.cause?.claim;
  if (claim && CLAIM_REFUSALS[claim]) {
    const [reason, message] = CLAIM_REFUSALS[claim];
    return new SsoError(reason, message);
  }
  if (e.code === 'ERR_JWT_EXPIRED' || e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')
    return new SsoError(...CLAIM_REFUSALS.exp!);
  const oauthError = e.error ?? e.cause?.error;
  if (oauthError === 'invalid_grant')
    return new SsoError('code_rejected', 'The sign-in code was already used or has expired. Sign in again.');
  if (
    e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    e.code === 'OAUTH_INVALID_RESPONSE' ||
    e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
  )
    return new SsoError('invalid_token', 'Your identity provider sent an answer that could not be verified.');
  if (e.code === 'OAUTH_TIMEOUT' || (error instanceof TypeError && /fetch/i.test(String(error.message))))
    return new SsoError(
      'provider_unavailable',
      "Your company's identity provider could not be reached. Try again later.",
    );
  return new SsoError('invalid_token', 'Your identity provider sent an answer that could not be verified.');
}
