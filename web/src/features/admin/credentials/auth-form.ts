// The credential form follows the API's declared auth (ApiEndpoint.auth): only the kinds that
// fit are offered, and what the declaration already says (where an API key goes, the OAuth2
// token URL and scopes) is filled in. Kept free of React so it is unit-tested.
import { KINDS, type CredentialKind } from './credential-kinds.ts';

export interface DeclaredScheme {
  type: string;
  apiKeyIn?: string | null;
  apiKeyName?: string | null;
  flows?: readonly string[];
  authorizationUrl?: string | null;
  tokenUrl?: string | null;
  scopes?: readonly string[];
  openIdConnectUrl?: string | null;
}

export interface DeclaredAuth {
  credentialKinds: readonly CredentialKind[];
  schemes: readonly DeclaredScheme[];
}

export interface KindPrefill {
  /** Visible field values to start from. */
  defaults: Record<string, string>;
  /** Fields the declaration decides: shown, not editable. */
  fixed: string[];
  /** One sentence on what the API declared, or null. */
  note: string | null;
}

/** The kinds to offer, in the form's usual order; no declaration: every kind. */
export function offeredKinds(auth: DeclaredAuth | null | undefined): CredentialKind[] {
  const all = KINDS.map((k) => k.kind);
  return auth ? all.filter((k) => auth.credentialKinds.includes(k)) : all;
}

const NOTHING: KindPrefill = { defaults: {}, fixed: [], note: null };

export function kindPrefill(auth: DeclaredAuth | null | undefined, kind: CredentialKind): KindPrefill {
  if (!auth) return NOTHING;
  if (kind === 'API_KEY') {
    const keys = auth.schemes.filter((s) => s.type === 'API_KEY' && s.apiKeyName);
    if (keys.length !== 1) return NOTHING;
    const { apiKeyIn, apiKeyName } = keys[0]!;
    const inQuery = apiKeyIn === 'query';
    return {
      defaults: inQuery ? { queryParam: apiKeyName! } : { headerName: apiKeyName! },
      fixed: ['headerName', 'queryParam'],
      note: inQuery
        ? `This API takes its key in the ${apiKeyName} query parameter.`
        : `This API takes its key in the ${apiKeyName} header.`,
    };
  }
  if (kind === 'OAUTH2_CLIENT_CREDENTIALS' || kind === 'OAUTH2_REFRESH_TOKEN') {
    const wanted = kind === 'OAUTH2_CLIENT_CREDENTIALS' ? 'clientCredentials' : 'authorizationCode';
    const oauth = auth.schemes.filter((s) => s.type === 'OAUTH2');
    const scheme = oauth.find((s) => s.flows?.includes(wanted)) ?? oauth[0];
    if (scheme) {
      const defaults: Record<string, string> = {};
      if (scheme.tokenUrl) defaults.tokenUrl = scheme.tokenUrl;
      if (scheme.scopes?.length) defaults.scope = scheme.scopes.join(' ');
      return {
        defaults,
        fixed: [],
        note: scheme.tokenUrl ? `This API issues its tokens at ${scheme.tokenUrl}.` : null,
      };
    }
    const oidc = auth.schemes.find((s) => s.type === 'OPEN_ID_CONNECT');
    if (oidc?.openIdConnectUrl)
      return {
        ...NOTHING,
        note: `This API signs in with OpenID Connect; its token URL is in ${oidc.openIdConnectUrl}.`,
      };
  }
  return NOTHING;
}
