// The kinds of credential the vault seals and the gateway sends, and the secret each holds,
// validated and split into what is sealed (everything secret), what admins may see (settings), and
// the hint (at most the last 4 characters of the main secret, and only when the secret is long
// enough that 4 characters reveal little). Here, below the credential module, because the gateway
// and its OAuth2 token manager read the same shapes; the module names the enum in the GraphQL
// schema (credential.types.ts).
import { z } from 'zod';
import { httpUrlSchema, parseInput } from '../lib/validate.ts';

export enum CredentialKind {
  API_KEY = 'API_KEY',
  BEARER = 'BEARER',
  BASIC = 'BASIC',
  OAUTH2_CLIENT_CREDENTIALS = 'OAUTH2_CLIENT_CREDENTIALS',
  OAUTH2_REFRESH_TOKEN = 'OAUTH2_REFRESH_TOKEN',
}

const secretText = z.string().min(1, 'must not be empty').max(8192, 'must be at most 8192 characters');
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'must be a valid HTTP header name');
const queryParam = z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/, 'must be a valid query parameter name');
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

const apiKey = z
  .object({ apiKey: secretText, headerName: headerName.optional(), queryParam: queryParam.optional() })
  .strict()
  .refine((s) => !(s.headerName && s.queryParam), 'must name either headerName or queryParam, not both');
const bearer = z.object({ token: secretText }).strict();
const basic = z
  .object({
    username: z
      .string()
      .min(1, 'must not be empty')
      .max(256)
      .regex(/^[^:]*$/, 'must not contain ":"'),
    password: secretText,
  })
  .strict();
const clientCredentials = z
  .object({
    clientId: z.string().min(1).max(512),
    clientSecret: secretText,
    tokenUrl: httpUrlSchema,
    scope: z.string().max(1024).optional(),
  })
  .strict();
const refreshToken = z
  .object({
    accessToken: z.string().max(8192).optional(),
    refreshToken: secretText,
    expiresAt: isoDate.optional(),
    tokenUrl: httpUrlSchema,
    clientId: z.string().min(1).max(512),
    clientSecret: secretText.optional(),
    scope: z.string().max(1024).optional(),
    /** How the client authenticates at tokenUrl; default client_secret_post (oauth-client-auth.ts). */
    tokenAuthMethod: z.enum(['client_secret_post', 'client_secret_basic']).optional(),
  })
  .strict();

export type ApiKeySecret = z.infer<typeof apiKey>;
export type BearerSecret = z.infer<typeof bearer>;
export type BasicSecret = z.infer<typeof basic>;
export type ClientCredentialsSecret = z.infer<typeof clientCredentials>;
export type RefreshTokenSecret = z.infer<typeof refreshToken>;
type CredentialSecret = ApiKeySecret | BearerSecret | BasicSecret | ClientCredentialsSecret | RefreshTokenSecret;

/** Non-secret settings an admin may see again. */
interface CredentialSettings {
  headerName?: string;
  queryParam?: string;
  tokenUrl?: string;
  scope?: string;
}

export interface PreparedSecret {
  secret: CredentialSecret;
  settings: CredentialSettings;
  hint: string | null;
  /** A refresh-token credential's access token, to seed the token cache. */
  initialToken?: { accessToken: string; expiresAt: Date };
}

const DEFAULT_API_KEY_HEADER = 'X-API-Key';

/** Shows the last 4 characters only of secrets of 12 characters or more. */
function hintOf(secret: string): string | null {
  return secret.length >= 12 ? secret.slice(-4) : null;
}

const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function prepareSecret(kind: CredentialKind, input: unknown): PreparedSecret {
  switch (kind) {
    case CredentialKind.API_KEY: {
      const s = parseInput(apiKey, input, 'secret');
      const placement = s.queryParam
        ? { queryParam: s.queryParam }
        : { headerName: s.headerName ?? DEFAULT_API_KEY_HEADER };
      return { secret: { apiKey: s.apiKey, ...placement }, settings: placement, hint: hintOf(s.apiKey) };
    }
    case CredentialKind.BEARER: {
      const s = parseInput(bearer, input, 'secret');
      return { secret: s, settings: {}, hint: hintOf(s.token) };
    }
    case CredentialKind.BASIC: {
      const s = parseInput(basic, input, 'secret');
      return { secret: s, settings: {}, hint: hintOf(s.password) };
    }
    case CredentialKind.OAUTH2_CLIENT_CREDENTIALS: {
      const s = parseInput(clientCredentials, input, 'secret');
      return {
        secret: compact(s),
        settings: compact({ tokenUrl: s.tokenUrl, scope: s.scope }),
        hint: hintOf(s.clientSecret),
      };
    }
    case CredentialKind.OAUTH2_REFRESH_TOKEN: {
      const s = parseInput(refreshToken, input, 'secret');
      const { accessToken, expiresAt, ...kept } = s;
      const initialToken = accessToken && expiresAt ? { accessToken, expiresAt: new Date(expiresAt) } : undefined;
      return {
        secret: compact(kept),
        settings: compact({ tokenUrl: s.tokenUrl, scope: s.scope }),
        hint: hintOf(s.refreshToken),
        ...(initialToken ? { initialToken } : {}),
      };
    }
  }
}

export function isOAuthKind(kind: string): boolean {
  return kind === CredentialKind.OAUTH2_CLIENT_CREDENTIALS || kind === CredentialKind.OAUTH2_REFRESH_TOKEN;
}
