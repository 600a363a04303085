// How each credential kind is put on a request. Static kinds come straight from the sealed
// secret; OAuth2 kinds send the access token the token manager keeps fresh.
import type { ApiKeySecret, BasicSecret, BearerSecret } from '../vault/credential-kinds.ts';

export interface AuthMaterial {
  headers: Record<string, string>;
  query: Record<string, string>;
}

export function staticAuth(kind: string, secret: unknown): AuthMaterial {
  switch (kind) {
    case 'API_KEY': {
      const s = secret as ApiKeySecret;
      return s.queryParam
        ? { headers: {}, query: { [s.queryParam]: s.apiKey } }
        : { headers: { [s.headerName ?? 'X-API-Key']: s.apiKey }, query: {} };
    }
    case 'BEARER':
      return { headers: { authorization: `Bearer ${(secret as BearerSecret).token}` }, query: {} };
    case 'BASIC': {
      const s = secret as BasicSecret;
      return {
        headers: { authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}` },
        query: {},
      };
    }
    default:
      throw new Error(`not a static credential kind: ${kind}`);
  }
}

export function bearerAuth(accessToken: string): AuthMaterial {
  return { headers: { authorization: `Bearer ${accessToken}` }, query: {} };
}

export function withAuth(url: URL, auth: AuthMaterial): URL {
  const out = new URL(url);
  for (const [k, v] of Object.entries(auth.query)) out.searchParams.set(k, v);
  return out;
}
