// The sandbox as an OAuth2 provider (RFC 6749 section 4.1 with PKCE, RFC 7636): a consent page at
// GET /<company>/<service>/oauth/authorize listing the scopes asked for, with Approve and Deny.
// The form carries the request signed (a "consent" token), so the decision cannot be replayed
// with other parameters. Approve redirects with a code (signed, 2 minutes, single use, bound to
// the client, redirect URI, scopes and PKCE challenge) that the token endpoint exchanges; Deny
// with error=access_denied. Errors about the client or the redirect URI are shown, not
// redirected (section 4.1.2.1). Any http(s) redirect URI is accepted: this is a local demo
// provider, not a registry of clients.
import { randomBytes } from 'node:crypto';
import { serviceCredentials } from './credentials.ts';
import { sameSecret, signToken, verifyToken } from './tokens.ts';

/** The scopes the sandbox knows; anything else is invalid_scope. */
const SCOPES: Record<string, string> = {
  read: 'Read your data',
  write: 'Create and change your data',
  offline_access: 'Stay connected when you are not there (a refresh token)',
};

const CODE_LIFETIME_MS = 120_000;
const CONSENT_LIFETIME_MS = 600_000;

export type AuthorizeAnswer = { kind: 'page'; status: number; html: string } | { kind: 'redirect'; location: string };

interface AuthorizeContext {
  secret: string;
  company: string;
  service: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(status: number, title: string, body: string): AuthorizeAnswer {
  return {
    kind: 'page',
    status,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`,
  };
}

function redirectTo(redirectUri: string, params: Record<string, string | undefined>): AuthorizeAnswer {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { kind: 'redirect', location: url.toString() };
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** GET: checks the request and shows the consent page. */
export function showConsent(query: URLSearchParams, ctx: AuthorizeContext): AuthorizeAnswer {
  const { clientId } = serviceCredentials(ctx.secret, ctx.company, ctx.service);
  const client = query.get('client_id') ?? '';
  if (!sameSecret(client, clientId))
    return page(
      400,
      'Unknown client',
      '<h1>Unknown client</h1><p>This application is not registered with the sandbox.</p>',
    );
  const redirectUri = httpUrl(query.get('redirect_uri'));
  if (!redirectUri)
    return page(
      400,
      'Invalid redirect URI',
      '<h1>Invalid redirect URI</h1><p>redirect_uri must be an http(s) URL.</p>',
    );
  const state = query.get('state') ?? undefined;
  if (query.get('response_type') !== 'code')
    return redirectTo(redirectUri, { error: 'unsupported_response_type', state });
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (challenge && (method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)))
    return redirectTo(redirectUri, {
      error: 'invalid_request',
      error_description: 'Only S256 PKCE is supported.',
      state,
    });
  const scopes = (query.get('scope') ?? 'read').split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((s) => !SCOPES[s]);
  if (unknown.length > 0 || scopes.length === 0) return redirectTo(redirectUri, { error: 'invalid_scope', state });
  const consent = signToken(ctx.secret, {
    typ: 'consent',
    c: ctx.company,
    s: ctx.service,
    cid: client,
    jti: randomBytes(9).toString('base64url'),
    ep: 0,
    exp: Date.now() + CONSENT_LIFETIME_MS,
    scope: scopes.join(' '),
    ru: redirectUri,
    ...(challenge ? { cc: challenge } : {}),
    ...(state !== undefined ? { st: state } : {}),
  });
  const items = scopes.map((s) => `<li><code>${escapeHtml(s)}</code>: ${escapeHtml(SCOPES[s]!)}</li>`).join('');
  const where = `${ctx.company}/${ctx.service}`;
  return page(
    200,
    `Authorize access to ${where}`,
    `<h1>Authorize access to the sandbox ${escapeHtml(where)} API</h1>` +
      `<p>An application (client <code>${escapeHtml(client)}</code>) asks for:</p><ul aria-label="Requested scopes">${items}</ul>` +
      `<p>You will be sent back to <code>${escapeHtml(new URL(redirectUri).origin)}</code>.</p>` +
      `<form method="post"><input type="hidden" name="consent" value="${escapeHtml(consent)}">` +
      '<button type="submit" name="decision" value="approve">Approve</button> ' +
      '<button type="submit" name="decision" value="deny">Deny</button></form>',
  );
}

/** POST: the decision on a consent page. */
export function decideConsent(raw: Buffer, ctx: AuthorizeContext): AuthorizeAnswer {
  const form = new URLSearchParams(raw.toString('utf8'));
  const consent = verifyToken(ctx.secret, form.get('consent') ?? '', 'consent');
  if (
    !consent ||
    consent.c !== ctx.company ||
    consent.s !== ctx.service ||
    !consent.ru ||
    (consent.exp ?? 0) <= Date.now()
  )
    return page(400, 'Expired', '<h1>This consent page expired</h1><p>Start the connection again.</p>');
  const state = consent.st;
  if (form.get('decision') !== 'approve')
    return redirectTo(consent.ru, { error: 'access_denied', error_description: 'The user denied access.', state });
  const code = signToken(ctx.secret, {
    typ: 'code',
    c: ctx.company,
    s: ctx.service,
    cid: consent.cid,
    jti: randomBytes(12).toString('base64url'),
    ep: 0,
    exp: Date.now() + CODE_LIFETIME_MS,
    scope: consent.scope ?? 'read',
    ru: consent.ru,
    ...(consent.cc ? { cc: consent.cc } : {}),
  });
  return redirectTo(consent.ru, { code, state });
}
