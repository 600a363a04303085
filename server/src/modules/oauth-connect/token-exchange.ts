// The authorization code exchanged at the provider's token URL (RFC 6749 section 4.1.3, with the
// PKCE verifier of RFC 7636), through the guarded upstream client: a token URL gets the SSRF guard,
// timeouts and size cap every upstream request gets. Errors come back as OAuth error codes only
// (never the provider's body, which could echo a secret).
import { applyClientAuth, type TokenAuthMethod } from '../../gateway/oauth-client-auth.ts';
import {
  jsonBody,
  UpstreamNetworkError,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../../gateway/upstream-client.ts';

export interface ExchangedTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number | null;
  scope: string | null;
}

export type ExchangeResult = { ok: true; tokens: ExchangedTokens } | { ok: false; reason: string };

const OAUTH_ERROR = /^[a-z_]{1,64}$/;

export async function exchangeCode(
  send: (req: UpstreamRequest) => Promise<UpstreamResponse>,
  request: {
    tokenUrl: string;
    code: string;
    redirectUri: string;
    codeVerifier: string | null;
    clientId: string;
    clientSecret: string;
    tokenAuthMethod: TokenAuthMethod;
  },
): Promise<ExchangeResult> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
  });
  if (request.codeVerifier) form.set('code_verifier', request.codeVerifier);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  applyClientAuth(request.tokenAuthMethod, request, form, headers);
  let res: UpstreamResponse;
  try {
    res = await send({
      method: 'POST',
      url: new URL(request.tokenUrl),
      headers,
      body: form.toString(),
      timeoutMs: 10_000,
      maxBytes: 64 * 1024,
    });
  } catch (error) {
    if (error instanceof UpstreamNetworkError) return { ok: false, reason: 'token_endpoint_unreachable' };
    throw error;
  }
  const body = jsonBody(res) as Record<string, unknown> | null;
  const accessToken = typeof body?.access_token === 'string' ? body.access_token : null;
  if (res.status >= 400 || !accessToken || body?.ok === false) {
    const error =
      typeof body?.error === 'string' && OAUTH_ERROR.test(body.error) ? body.error : 'token_exchange_failed';
    return { ok: false, reason: error };
  }
  const lifetime = Number(body?.expires_in);
  return {
    ok: true,
    tokens: {
      accessToken,
      refreshToken: typeof body?.refresh_token === 'string' && body.refresh_token ? body.refresh_token : null,
      expiresInSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : null,
      scope: typeof body?.scope === 'string' ? body.scope.slice(0, 1024) : null,
    },
  };
}
