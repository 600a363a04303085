// Single sign-on in Chromium: the sign-in page asks for the email, sends an SSO domain to the
// company's identity provider (a real OpenID Connect provider on loopback), and the browser comes
// back signed in with a session like a password sign-in's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type RunningIdentityProvider } from '../../server/src/sandbox/identity-provider.ts';
import { hasChromium } from './browser.ts';
import { startE2e, type E2eApp } from './harness.ts';

let app: E2eApp;
let idp: RunningIdentityProvider;

describe.skipIf(!hasChromium)('single sign-on (Chromium)', () => {
  beforeAll(async () => {
    app = await startE2e();
    idp = await startIdentityProvider({
      clients: [
        {
          clientId: 'tessera',
          clientSecret: 'e2e-secret-0123456789',
          redirectUris: [`${app.baseUrl}/auth/sso/callback`],
        },
      ],
      people: [{ email: 'sam@sso-e2e.example', name: 'Sam', groups: ['engineers'] }],
    });
    const admin = await app.server.login('admin@demo.test');
    const ids = await app.server.db.company.findUniqueOrThrow({ where: { slug: 'acme' } });
    const role = await app.server.db.role.findUniqueOrThrow({ where: { key: 'developer' } });
    const configured = await app.server.gql(
      `mutation ($c: ID!, $i: IdentityProviderInput!) { configureIdentityProvider(companyId: $c, input: $i) { configured } }`,
      {
        c: ids.id,
        i: {
          issuerUrl: idp.issuer,
          clientId: 'tessera',
          clientSecret: 'e2e-secret-0123456789',
          allowedDomains: ['sso-e2e.example'],
          passwordSignInAllowed: false,
          justInTimeProvisioning: false,
          groupsClaim: 'groups',
          groupsOnly: false,
        },
      },
      admin,
    );
    expect(configured.errors).toBeUndefined();
    const mapped = await app.server.gql(
      `mutation ($c: ID!, $m: [GroupMappingInput!]!) { setIdentityProviderGroupMappings(companyId: $c, mappings: $m) { group } }`,
      { c: ids.id, m: [{ group: 'engineers', roleId: role.id }] },
      admin,
    );
    expect(mapped.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await idp?.stop();
    await app?.close();
  });

  it('signs in through the company provider from the email alone', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('sam@sso-e2e.example');
    const go = page.getByRole('button', { name: "Continue with your company's sign-in" });
    await go.waitFor();
    // Password sign-in is off for this company: no password field.
    expect(await page.getByLabel('Password').count()).toBe(0);
    await go.click();
    await page.getByLabel('Work email').fill('sam@sso-e2e.example');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Sign out', exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The token left the address bar; the session is Sam's, with the role the group gives.
    expect(page.url()).not.toContain('sso_token');
    const token = await page.evaluate(() => localStorage.getItem('tessera.token'));
    const me = await app.server.gql<{ me: { email: string } }>('{ me { email } }', {}, token);
    expect(me.data?.me.email).toBe('sam@sso-e2e.example');
    await app.screenshot(page, 'sso-signed-in');
  });

  it('a refusal comes back to the sign-in page with its reason', async () => {
    const page = await app.newPage();
    await page.goto('/auth/sso/callback?state=forged&code=nothing');
    await page.getByText(/not valid any more/).waitFor();
  });
});
