// How an endpoint's API authenticates, and which credentials fit it. An endpoint declares a list
// of schemes (an OpenAPI document's `security` alternatives, or the "Authentication" setting of
// the Endpoints page); any one of them is enough, an empty list means the API needs none, and no
// declaration at all (null, endpoints older than this setting) accepts every kind. The credential
// form offers exactly the kinds that fit, and createCredential refuses the others.
import { z } from 'zod';
import { BadInputError } from '../../lib/errors.ts';
import { httpUrlSchema } from '../../lib/validate.ts';
import { CredentialKind } from '../../vault/credential-kinds.ts';

export enum EndpointAuthType {
  API_KEY = 'API_KEY',
  HTTP_BEARER = 'HTTP_BEARER',
  HTTP_BASIC = 'HTTP_BASIC',
  OAUTH2 = 'OAUTH2',
  OPEN_ID_CONNECT = 'OPEN_ID_CONNECT',
}

/** The OAuth2 grant flows an OpenAPI document names (OpenAPI 3 `flows` keys). */
const OAUTH_FLOWS = ['authorizationCode', 'clientCredentials', 'implicit', 'password'] as const;

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'must be a valid HTTP header name');
const queryParam = z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/, 'must be a valid query parameter name');
const scope = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\s]+$/, 'must not contain spaces');

const apiKeyScheme = z
  .object({
    type: z.literal(EndpointAuthType.API_KEY),
    apiKeyIn: z.enum(['header', 'query'], { message: 'must be "header" or "query"' }),
    apiKeyName: z.string(),
  })
  .superRefine((s, ctx) => {
    const ok = (s.apiKeyIn === 'header' ? headerName : queryParam).safeParse(s.apiKeyName).success;
    if (!ok) ctx.addIssue({ code: 'custom', path: ['apiKeyName'], message: `must be a valid ${s.apiKeyIn} name` });
  });

const oauth2Scheme = z.object({
  type: z.literal(EndpointAuthType.OAUTH2),
  flows: z.array(z.enum(OAUTH_FLOWS)).max(4).default([]),
  authorizationUrl: httpUrlSchema.nullish(),
  tokenUrl: httpUrlSchema.nullish(),
  scopes: z.array(scope).max(200).default([]),
});

const schemeSchema = z.discriminatedUnion('type', [
  apiKeyScheme,
  z.object({ type: z.literal(EndpointAuthType.HTTP_BEARER) }),
  z.object({ type: z.literal(EndpointAuthType.HTTP_BASIC) }),
  oauth2Scheme,
  z.object({ type: z.literal(EndpointAuthType.OPEN_ID_CONNECT), openIdConnectUrl: httpUrlSchema }),
]);

/** What the `auth` column holds; `endpointAuthSchema` validates what an administrator or an import gives. */
export const endpointAuthSchema = z.object({
  schemes: z.array(z.preprocess(dropNulls, schemeSchema)).max(10, 'must have at most 10 schemes'),
});

export type EndpointAuthScheme = z.infer<typeof schemeSchema>;
export type EndpointAuth = z.infer<typeof endpointAuthSchema>;

/** GraphQL inputs carry every field of every type, unused ones null: dropped before the union picks a branch. */
function dropNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

/** The stored value, read defensively: anything unreadable counts as "not declared". */
export function readEndpointAuth(stored: unknown): EndpointAuth | null {
  if (stored === null || stored === undefined) return null;
  const parsed = endpointAuthSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

const ALL_KINDS = Object.values(CredentialKind);

function kindsOf(scheme: EndpointAuthScheme): CredentialKind[] {
  switch (scheme.type) {
    case EndpointAuthType.API_KEY:
      return [CredentialKind.API_KEY];
    case EndpointAuthType.HTTP_BEARER:
      return [CredentialKind.BEARER];
    case EndpointAuthType.HTTP_BASIC:
      return [CredentialKind.BASIC];
    case EndpointAuthType.OAUTH2: {
      // A person's consent (authorization code and the older implicit/password flows) ends in a
      // refresh token; client credentials are the app's own. No flow named: either may do.
      const flows = scheme.flows.length ? scheme.flows : OAUTH_FLOWS;
      const kinds: CredentialKind[] = [];
      if (flows.some((f) => f !== 'clientCredentials')) kinds.push(CredentialKind.OAUTH2_REFRESH_TOKEN);
      if (flows.includes('clientCredentials')) kinds.push(CredentialKind.OAUTH2_CLIENT_CREDENTIALS);
      return kinds;
    }
    case EndpointAuthType.OPEN_ID_CONNECT:
      return [CredentialKind.OAUTH2_REFRESH_TOKEN, CredentialKind.OAUTH2_CLIENT_CREDENTIALS];
  }
}

/** The credential kinds that fit the declaration, in the order the form offers them; null: every kind. */
export function credentialKindsFor(auth: EndpointAuth | null): CredentialKind[] {
  if (!auth) return ALL_KINDS;
  const kinds = new Set(auth.schemes.flatMap(kindsOf));
  return ALL_KINDS.filter((k) => kinds.has(k));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KIND_WORDS: Record<CredentialKind, string> = {
  API_KEY: 'an API key',
  BEARER: 'a bearer token',
  BASIC: 'a username and password',
  OAUTH2_CLIENT_CREDENTIALS: 'OAuth2 client credentials',
  OAUTH2_REFRESH_TOKEN: 'an OAuth2 refresh token',
};

/** "an X-API-Key header", "an api_key query parameter". */
const placementWords = (s: { apiKeyIn: string; apiKeyName: string }) =>
  s.apiKeyIn === 'header' ? `an ${s.apiKeyName} header` : `an ${s.apiKeyName} query parameter`;

/**
 * The secret a credential of `kind` for this endpoint stores: refused (BAD_USER_INPUT, field
 * "input.kind" or "input.secret") when the endpoint's declared auth says otherwise; an API key
 * without a placement gets the declared one, so "Add credential" needs only the key.
 */
export function fitSecretToAuth(auth: EndpointAuth | null, kind: CredentialKind, secret: unknown): unknown {
  if (!auth) return secret;
  const kinds = credentialKindsFor(auth);
  if (kinds.length === 0)
    throw new BadInputError('This endpoint declares no authentication: it needs no credential.', 'input.kind');
  if (!kinds.includes(kind))
    throw new BadInputError(
      `This endpoint's API does not accept ${KIND_WORDS[kind]}; it takes ${kinds.map((k) => KIND_WORDS[k]).join(' or ')}.`,
      'input.kind',
    );
  // Only a well-formed placement is compared; anything else is prepareSecret's to refuse.
  if (kind !== CredentialKind.API_KEY || !isRecord(secret) || (secret.headerName && secret.queryParam)) return secret;
  const declared = auth.schemes.filter((s) => s.type === EndpointAuthType.API_KEY);
  const given =
    typeof secret.headerName === 'string'
      ? { apiKeyIn: 'header', apiKeyName: secret.headerName }
      : typeof secret.queryParam === 'string'
        ? { apiKeyIn: 'query', apiKeyName: secret.queryParam }
        : null;
  if (!given) {
    const first = declared[0]!;
    return {
      ...secret,
      ...(first.apiKeyIn === 'header' ? { headerName: first.apiKeyName } : { queryParam: first.apiKeyName }),
    };
  }
  // Header names are case-insensitive (RFC 9110), query parameter names are not.
  const same = (s: (typeof declared)[number]) =>
    s.apiKeyIn === given.apiKeyIn &&
    (s.apiKeyIn === 'header'
      ? s.apiKeyName.toLowerCase() === given.apiKeyName.toLowerCase()
      : s.apiKeyName === given.apiKeyName);
  if (!declared.some(same))
    throw new BadInputError(
      `This endpoint's API takes its key as ${declared.map(placementWords).join(' or ')}, not as ${placementWords(given)}.`,
      'input.secret',
    );
  return secret;
}
