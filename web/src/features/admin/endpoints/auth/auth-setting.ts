// The "Authentication" setting of an endpoint made by hand: the declared scheme in words, the
// form's values, and the `auth` input of updateEndpoint (endpoint.auth.ts on the server checks
// it again). The form edits one scheme; an imported endpoint may declare several, shown as such.
// Kept free of React so it is unit-tested.
import type { DeclaredAuth, DeclaredScheme } from '../../credentials/auth-form.ts';

export type AuthChoice = 'NONE' | 'API_KEY' | 'HTTP_BEARER' | 'HTTP_BASIC' | 'OAUTH2' | 'OPEN_ID_CONNECT';

export const AUTH_CHOICES: { value: AuthChoice; label: string }[] = [
  { value: 'API_KEY', label: 'API key' },
  { value: 'HTTP_BEARER', label: 'Bearer token' },
  { value: 'HTTP_BASIC', label: 'Username and password (HTTP Basic)' },
  { value: 'OAUTH2', label: 'OAuth2' },
  { value: 'OPEN_ID_CONNECT', label: 'OpenID Connect' },
  { value: 'NONE', label: 'None: the API needs no credential' },
];

export interface AuthValues {
  type: AuthChoice | '';
  apiKeyIn: 'header' | 'query';
  apiKeyName: string;
  flow: 'authorizationCode' | 'clientCredentials' | '';
  authorizationUrl: string;
  tokenUrl: string;
  scopes: string;
  openIdConnectUrl: string;
}

export type AuthField = Exclude<keyof AuthValues, 'apiKeyIn' | 'flow'>;

export interface AuthSchemeInput {
  type: Exclude<AuthChoice, 'NONE'>;
  apiKeyIn?: string;
  apiKeyName?: string;
  flows?: string[];
  authorizationUrl?: string;
  tokenUrl?: string;
  scopes?: string[];
  openIdConnectUrl?: string;
}

/** One scheme in words: "API key in the X-API-Key header", "OAuth2 (client credentials), tokens from auth.example.com". */
function describeScheme(s: DeclaredScheme): string {
  switch (s.type) {
    case 'API_KEY':
      return `API key in the ${s.apiKeyName} ${s.apiKeyIn === 'query' ? 'query parameter' : 'header'}`;
    case 'HTTP_BEARER':
      return 'Bearer token';
    case 'HTTP_BASIC':
      return 'Username and password (HTTP Basic)';
    case 'OAUTH2': {
      const flows = (s.flows ?? []).map((f) =>
        f === 'clientCredentials' ? 'client credentials' : f === 'authorizationCode' ? 'authorization code' : f,
      );
      return `OAuth2${flows.length ? ` (${flows.join(', ')})` : ''}${s.tokenUrl ? `, tokens from ${hostOf(s.tokenUrl)}` : ''}`;
    }
    case 'OPEN_ID_CONNECT':
      return `OpenID Connect (${s.openIdConnectUrl ? hostOf(s.openIdConnectUrl) : 'no discovery URL'})`;
    default:
      return s.type;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The setting in one sentence; null auth: not declared. */
export function describeAuth(auth: DeclaredAuth | null | undefined): string {
  if (!auth) return 'Not declared: every kind of credential is accepted.';
  if (auth.schemes.length === 0) return 'None: the API needs no credential.';
  return auth.schemes.map(describeScheme).join(', or ');
}

export function valuesOfAuth(auth: DeclaredAuth | null | undefined): AuthValues {
  const s = auth?.schemes[0];
  const flow = s?.flows?.find((f) => f === 'authorizationCode' || f === 'clientCredentials');
  return {
    type: auth ? ((s?.type as AuthChoice | undefined) ?? 'NONE') : '',
    apiKeyIn: s?.apiKeyIn === 'query' ? 'query' : 'header',
    apiKeyName: s?.apiKeyName ?? '',
    flow: (flow as AuthValues['flow'] | undefined) ?? '',
    authorizationUrl: s?.authorizationUrl ?? '',
    tokenUrl: s?.tokenUrl ?? '',
    scopes: (s?.scopes ?? []).join(' '),
    openIdConnectUrl: s?.openIdConnectUrl ?? '',
  };
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const QUERY_PARAM = /^[A-Za-z0-9._~-]{1,64}$/;

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The form's values as updateEndpoint's `auth`, or the problems by field. */
export function authInput(values: AuthValues): {
  input: { schemes: AuthSchemeInput[] } | null;
  errors: Partial<Record<AuthField, string>>;
} {
  const errors: Partial<Record<AuthField, string>> = {};
  const t = (v: string) => v.trim();
  let scheme: AuthSchemeInput | null = null;
  switch (values.type) {
    case '':
      errors.type = 'Choose how the API authenticates.';
      break;
    case 'NONE':
      return { input: { schemes: [] }, errors };
    case 'API_KEY': {
      const name = t(values.apiKeyName);
      if (!name)
        errors.apiKeyName = `Enter the ${values.apiKeyIn === 'query' ? 'query parameter' : 'header'} name, e.g. ${values.apiKeyIn === 'query' ? 'api_key' : 'X-API-Key'}.`;
      else if (!(values.apiKeyIn === 'query' ? QUERY_PARAM : HEADER_NAME).test(name))
        errors.apiKeyName =
          values.apiKeyIn === 'query'
            ? 'Letters, digits, ".", "_", "~" and "-" only.'
            : 'A header name has only letters, digits and - (e.g. X-API-Key).';
      scheme = { type: 'API_KEY', apiKeyIn: values.apiKeyIn, apiKeyName: name };
      break;
    }
    case 'HTTP_BEARER':
    case 'HTTP_BASIC':
      scheme = { type: values.type };
      break;
    case 'OAUTH2': {
      for (const key of ['authorizationUrl', 'tokenUrl'] as const)
        if (t(values[key]) && !httpUrl(t(values[key]))) errors[key] = 'Enter a full http(s) address.';
      if (values.flow === 'authorizationCode' && !t(values.authorizationUrl))
        errors.authorizationUrl = 'The authorization-code flow starts at this address.';
      if (values.flow && !t(values.tokenUrl)) errors.tokenUrl = 'Enter where tokens are issued.';
      const scopes = t(values.scopes) ? t(values.scopes).split(/\s+/) : [];
      scheme = {
        type: 'OAUTH2',
        flows: values.flow ? [values.flow] : [],
        ...(t(values.authorizationUrl) ? { authorizationUrl: t(values.authorizationUrl) } : {}),
        ...(t(values.tokenUrl) ? { tokenUrl: t(values.tokenUrl) } : {}),
        scopes,
      };
      break;
    }
    case 'OPEN_ID_CONNECT':
      if (!httpUrl(t(values.openIdConnectUrl)))
        errors.openIdConnectUrl =
          'Enter the discovery address, e.g. https://id.example.com/.well-known/openid-configuration.';
      scheme = { type: 'OPEN_ID_CONNECT', openIdConnectUrl: t(values.openIdConnectUrl) };
      break;
  }
  if (Object.keys(errors).length > 0 || !scheme) return { input: null, errors };
  return { input: { schemes: [scheme] }, errors };
}
