// OAuth Connect in a real browser against the sandbox as the provider: an administrator connects
// Acme's Sales API for the CEO (the sandbox's consent page, Approve, back on Credentials with the
// new credential), is told clearly when they Deny, and after the provider revokes the refresh
// token sees "needs reconnect" and reconnects: same credential, working again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serviceCredentials } from '../../server/src/sandbox/credentials.ts';
import { hasChromium, useE2eApp } from './harness.ts';

const CONNECTED_NAME = 'Sales API – CEO (Connect)';

describe.skipIf(!hasChromium)('OAuth Connect (Chromium)', () => {
  const app = useE2eApp();
  const main = (page: Page) => page.locator('main');
  const panel = (page: Page) => main(page).getByRole('region', { name: 'Connect with OAuth' });
  const credential = (page: Page, name: string) => main(page).getByRole('article', { name, exact: true });

  const openCredentials = (page: Page) =>
    app.openPage(page, 'Credentials', { company: 'Acme Corp', heading: 'Credentials at Acme Corp' });

  async function connectFor(page: Page, role: string) {
    await panel(page).getByLabel('API', { exact: true }).selectOption({ label: 'Sales API' });
    await panel(page).getByLabel('Used by').selectOption({ label: role });
    await panel(page).getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('heading', { name: /Authorize access to the sandbox acme\/salesforce API/ }).waitFor();
  }

  async function backOnCredentials(page: Page) {
    await main(page).getByRole('heading', { name: 'Credentials at Acme Corp', level: 1 }).waitFor();
    // The result is shown once and the address loses it.
    await expect.poll(() => new URL(page.url()).search).toBe('');
  }

  it('connects on Approve: the consent page lists the scopes, the credential appears, and it works', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    await expect
      .poll(() =>
        panel(page).getByRole('list', { name: 'OAuth apps' }).getByText('Sandbox – Sales API', { exact: true }).count(),
      )
      .toBe(1);
    await expect.poll(() => panel(page).getByText('/oauth/callback').count()).toBeGreaterThan(0);
    await connectFor(page, 'CEO');
    const scopes = page.getByRole('list', { name: 'Requested scopes' });
    for (const scope of ['read', 'write', 'offline_access']) await scopes.getByText(scope, { exact: true }).waitFor();
    await app.screenshot(page, 'connect-consent');
    await page.getByRole('button', { name: 'Approve' }).click();

    await backOnCredentials(page);
    await main(page).getByText('Connected: the new credential is below.').waitFor();
    const item = credential(page, CONNECTED_NAME);
    await item.waitFor();
    await item.getByRole('button', { name: `Test ${CONNECTED_NAME}` }).click();
    await expect.poll(() => item.getByText(/HTTP 200/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const rows = await app.server.db.apiCredential.findMany({ where: { name: CONNECTED_NAME } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('OAUTH2_REFRESH_TOKEN');
    await app.screenshot(page, 'connect-connected');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('says clearly that access was denied, and stores nothing', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    const before = await app.server.db.apiCredential.count();
    await connectFor(page, 'CFO');
    await page.getByRole('button', { name: 'Deny' }).click();
    await backOnCredentials(page);
    await main(page).getByRole('alert').getByText('Access was denied on the provider’s consent page.').waitFor();
    expect(await app.server.db.apiCredential.count()).toBe(before);
    await app.screenshot(page, 'connect-denied');
  });

  it('reconnects after the provider revoked the refresh token: same credential, working again', async () => {
    const page = await app.newPage();
    const [row] = await app.server.db.apiCredential.findMany({ where: { name: CONNECTED_NAME } });
    expect(row).toBeDefined();
    // The provider revokes every refresh token of the API and the access token has run out.
    app.server.sandbox.knobs.revokeRefreshTokens({ company: 'acme', service: 'salesforce' });
    app.server.sandbox.knobs.expireAccessTokens({ company: 'acme', service: 'salesforce' });
    await app.server.db.apiCredential.update({ where: { id: row!.id }, data: { tokenExpiresAt: new Date(0) } });

    await openCredentials(page);
    const item = credential(page, CONNECTED_NAME);
    await item.getByRole('button', { name: `Test ${CONNECTED_NAME}` }).click();
    await expect
      .poll(async () => (await app.server.db.apiCredential.findUniqueOrThrow({ where: { id: row!.id } })).status, {
        timeout: 15_000,
      })
      .toBe('needs_reconnect');
    await page.reload();
    await item.getByRole('button', { name: `Reconnect ${CONNECTED_NAME}` }).click();
    await page.getByRole('button', { name: 'Approve' }).click();

    await backOnCredentials(page);
    await main(page).getByText('Reconnected: the credential has new tokens').waitFor();
    const after = await app.server.db.apiCredential.findUniqueOrThrow({ where: { id: row!.id } });
    expect(after.status).toBe('untested');
    await item.getByRole('button', { name: `Test ${CONNECTED_NAME}` }).click();
    await expect.poll(() => item.getByText(/HTTP 200/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await app.server.db.apiCredential.count({ where: { name: CONNECTED_NAME } })).toBe(1);
    await app.screenshot(page, 'connect-reconnected');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('replaces the OAuth app’s client secret: sealed again, audited, never shown', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    const before = await app.server.db.oAuthApp.findFirstOrThrow({ where: { name: 'Sandbox – Sales API' } });
    const { clientSecret } = serviceCredentials(app.server.sandboxSecret, 'acme', 'salesforce');
    await panel(page).getByRole('button', { name: 'Replace secret of Sandbox – Sales API' }).click();
    const form = panel(page).getByRole('form', { name: 'New client secret for Sandbox – Sales API' });
    expect(await form.getByLabel('New client secret').getAttribute('type')).toBe('password');
    await form.getByLabel('New client secret').fill(clientSecret);
    await form.getByRole('button', { name: 'Replace secret' }).click();
    await form.waitFor({ state: 'detached' });
    const after = await app.server.db.oAuthApp.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.secretCiphertext).not.toBe(before.secretCiphertext);
    expect(await app.server.db.auditLog.count({ where: { action: 'oauth_app.rotate', targetId: before.id } })).toBe(1);
    expect(await page.content()).not.toContain(clientSecret);
    expect(app.pageErrors(page)).toEqual([]);
  });
});
