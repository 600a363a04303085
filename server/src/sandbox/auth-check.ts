// Does a request carry a credential for exactly this company+service? Any kind will do: API key
// (header or query), static bearer token, HTTP Basic, or an access token from our token endpoint.
import type { IncomingMessage } from 'node:http';
import { serviceCredentials, type CredentialKind } from './credentials.ts';
import type { Knobs } from './knobs.ts';
import { sameSecret, verifyToken } from './tokens.ts';

export type AuthResult = { ok: true; kind: CredentialKind } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export function checkCredential(
  req: IncomingMessage,
  query: URLSearchParams,
  secret: string,
  knobs: Knobs,
  company: string,
  service: string,
): AuthResult {
  const expected = serviceCredentials(secret, company, service);
  const apiKeys = [req.headers['x-api-key'], query.get('api_key')]
    .flat()
    .filter((v): v is string => typeof v === 'string');
  if (apiKeys.some((key) => sameSecret(key, expected.apiKey))) return { ok: true, kind: 'API_KEY' };

  const authorization = req.headers.authorization?.trim();
  if (!authorization) return { ok: false, reason: apiKeys.length > 0 ? 'invalid' : 'missing' };
  const [scheme = '', value = ''] = authorization.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') {
    if (sameSecret(value, expected.bearerToken)) return { ok: true, kind: 'BEARER' };
    const token = verifyToken(secret, value, 'access');
    if (!token || token.c !== company || token.s !== service) return { ok: false, reason: 'invalid' };
    if ((token.exp ?? 0) <= Date.now() || token.ep < knobs.accessEpoch(company, service))
      return { ok: false, reason: 'expired' };
    return { ok: true, kind: 'OAUTH2_CLIENT_CREDENTIALS' };
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (
      colon >= 0 &&
      sameSecret(decoded.slice(0, colon), expected.username) &&
      sameSecret(decoded.slice(colon + 1), expected.password)
    ) {
      return { ok: true, kind: 'BASIC' };
    }
  }
  return { ok: false, reason: 'invalid' };
}

/** The WWW-Authenticate challenge of a 401 (RFC 6750 error codes for bearer tokens). */
export function challenge(company: string, service: string, reason: 'missing' | 'invalid' | 'expired'): string {
  const realm = `realm="${company}/${service}"`;
  const error =
    reason === 'expired'
      ? ', error="invalid_token", error_description="The access token expired"'
      : reason === 'invalid'
        ? ', error="invalid_token"'
        : '';
  return `Bearer ${realm}${error}, Basic ${realm}`;
}
