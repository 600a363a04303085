// The sandbox as an OAuth2 provider over real HTTP: the consent page, Approve and Deny, codes
// that are single-use, bound to their redirect URI and PKCE challenge, and refresh token
// revocation (RFC 7009). Tessera's side of the flow is tested in modules/oauth-connect.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyClientAuth } from '../gateway/oauth-client-auth.ts';
import { serviceCredentials } from './credentials.ts';
import { startSandbox, type RunningSandbox } from './sandbox.ts';

const SECRET = 'sandbox-authorize-test-secret';
const REDIRECT = 'http://127.0.0.1:9/oauth/callback';
const VERIFIER = 'v'.repeat(43);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
let sandbox: RunningSandbox;
const client = serviceCredentials(SECRET, 'acme', 'salesforce');
const base = () => `${sandbox.url}/acme/salesforce/oauth`;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, secret: SECRET });
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

function authorizeUrl(params: Record<string, string> = {}) {
  const url = new URL(`${base()}/authorize`);
  const all = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: REDIRECT,
    scope: 'read offline_access',
    state: 'st-1',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.toString();
}

async function decide(url: string, decision: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(url);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const consent = /name="consent" value="([^"]+)"/.exec(html)![1]!;
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent, decision }).toString(),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function token(form: Record<string, string>, basic = false) {
  const body = new URLSearchParams(form);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  applyClientAuth(basic ? 'client_secret_basic' : 'client_secret_post', client, body, headers);
  const res = await fetch(`${base()}/token`, { method: 'POST', headers, body: body.toString() });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('sandbox authorization endpoint', () => {
  it('lists the scopes, and Approve gives a code the token endpoint exchanges once, with PKCE', async () => {
    const page = await (await fetch(authorizeUrl())).text();
    expect(page).toContain('<code>read</code>');
    expect(page).toContain('<code>offline_access</code>');
    const back = await decide(authorizeUrl(), 'approve');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code')!;
    const grant = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };

    expect((await token({ ...grant, code_verifier: 'w'.repeat(43) })).body.error).toBe('invalid_grant');
    expect((await token({ ...grant, redirect_uri: 'http://127.0.0.1:9/other' })).body.error).toBe('invalid_grant');
    const ok = await token({ ...grant, code_verifier: VERIFIER }, true);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', scope: 'read offline_access' });
    expect(ok.body.refresh_token).toMatch(/^sbx_rt\./);
    expect((await token({ ...grant, code_verifier: VERIFIER })).body.error).toBe('invalid_grant');

    const api = await fetch(`${sandbox.url}/acme/salesforce/accounts`, {
      headers: { authorization: `Bearer ${ok.body.access_token}` },
    });
    expect(api.status).toBe(200);
  });

  it('Deny, unknown scopes and plain PKCE go back to the client as OAuth errors; a wrong client is shown', async () => {
    expect(Object.fromEntries((await decide(authorizeUrl(), 'deny')).searchParams)).toMatchObject({
      error: 'access_denied',
      state: 'st-1',
    });
    const scoped = await fetch(authorizeUrl({ scope: 'read admin' }), { redirect: 'manual' });
    expect(new URL(scoped.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
    const plain = await fetch(authorizeUrl({ code_challenge_method: 'plain' }), { redirect: 'manual' });
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    const stranger = await fetch(authorizeUrl({ client_id: 'someone-else' }), { redirect: 'manual' });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('Unknown client');
  });

  it('a consent form cannot be replayed with changed parameters, and a revoked refresh token is refused', async () => {
    const tampered = await fetch(`${base()}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent: 'sbx_cf.e30.x', decision: 'approve' }).toString(),
    });
    expect(tampered.status).toBe(400);

    const code = (await decide(authorizeUrl(), 'approve')).searchParams.get('code')!;
    const tokens = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    const revoke = new URLSearchParams({ token: tokens.body.refresh_token! });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    applyClientAuth('client_secret_post', client, revoke, headers);
    const revoked = await fetch(`${base()}/revoke`, { method: 'POST', headers, body: revoke.toString() });
    expect(revoked.status).toBe(200);
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token! });
    expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});
