// The credentials the sandbox accepts for one company+service. Every value is derived with
// HMAC-SHA256(secret, label), so nothing is stored and nothing secret is committed.
import { createHmac } from 'node:crypto';
import { signToken } from './tokens.ts';

export type CredentialKind = 'API_KEY' | 'BEARER' | 'BASIC' | 'OAUTH2_CLIENT_CREDENTIALS' | 'OAUTH2_REFRESH_TOKEN';

export interface ServiceCredentials {
  apiKey: string;
  bearerToken: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

const derive = (secret: string, label: string) => createHmac('sha256', secret).update(label).digest('hex');

export function serviceCredentials(secret: string, company: string, service: string): ServiceCredentials {
  const scope = `${company}/${service}`;
  return {
    apiKey: `sbx_key_${derive(secret, `api-key:${scope}`).slice(0, 40)}`,
    bearerToken: `sbx_tok_${derive(secret, `bearer:${scope}`).slice(0, 40)}`,
    username: `${company}-${service}-${derive(secret, `basic-user:${scope}`).slice(0, 6)}`,
    password: derive(secret, `basic-password:${scope}`).slice(0, 32),
    clientId: `${company}-${service}-client-${derive(secret, `client-id:${scope}`).slice(0, 8)}`,
    clientSecret: derive(secret, `client-secret:${scope}`).slice(0, 48),
  };
}

/** The refresh token a fresh OAUTH2_REFRESH_TOKEN credential starts with (valid until used once). */
function initialRefreshToken(secret: string, company: string, service: string): string {
  const { clientId } = serviceCredentials(secret, company, service);
  const jti = `initial-${derive(secret, `initial-refresh:${company}/${service}`).slice(0, 16)}`;
  return signToken(secret, { typ: 'refresh', c: company, s: service, cid: clientId, jti, ep: 0 });
}

function tokenUrl(sandboxUrl: string, company: string, service: string): string {
  return `${sandboxUrl.replace(/\/+$/, '')}/${company}/${service}/oauth/token`;
}

/** Tessera's CreateCredentialInput.secret for a credential of `kind` to company+service. */
export function demoCredential(
  secret: string,
  company: string,
  service: string,
  kind: CredentialKind,
  sandboxUrl: string,
): { secret: Record<string, unknown> } {
  const creds = serviceCredentials(secret, company, service);
  switch (kind) {
    case 'API_KEY':
      return { secret: { apiKey: creds.apiKey, headerName: 'X-API-Key' } };
    case 'BEARER':
      return { secret: { token: creds.bearerToken } };
    case 'BASIC':
      return { secret: { username: creds.username, password: creds.password } };
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return {
        secret: {
          clientId: creds.clientId,
          clientSecret: creds.clientSecret,
          tokenUrl: tokenUrl(sandboxUrl, company, service),
          scope: 'read write',
        },
      };
    case 'OAUTH2_REFRESH_TOKEN':
      return {
        secret: {
          accessToken: '',
          refreshToken: initialRefreshToken(secret, company, service),
          expiresAt: new Date(0).toISOString(),
          tokenUrl: tokenUrl(sandboxUrl, company, service),
          clientId: creds.clientId,
          clientSecret: creds.clientSecret,
        },
      };
  }
}
