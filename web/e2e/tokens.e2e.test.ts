// Access tokens in a real browser, as the CEO: make a read-only token for Acme Corp, see it
// once (copy it), use it from a script, lose sight of it for good, then revoke it through the
// confirmation and watch the script be refused. Then the same page at phone width.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Access tokens (Chromium)', () => {
  const app = useE2eApp();
  const main = (page: Page) => page.locator('main');
  const me = (token: string) =>
    fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    }).then(
      (r) =>
        r.json() as Promise<{ data?: { me: { email: string } } | null; errors?: { extensions?: { code?: string } }[] }>,
    );

  it('creates a token shown once, which works until it is revoked', async () => {
    const page = await app.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.openPage(page, 'Access tokens', { as: 'ceo@demo.test', company: 'Acme Corp' });
    await main(page).getByText('You have no token for Acme Corp yet.').waitFor();

    await main(page).getByRole('button', { name: 'New token' }).click();
    const form = main(page).getByRole('form', { name: 'New token for Acme Corp' });
    // Nothing named, a lifetime out of range: said next to each field, nothing made.
    await form.getByLabel('Expires after (days)').fill('400');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(['Give it a name, e.g. “CI reports”.', 'Between 1 and 365 days.']);
    expect(await app.server.db.accessToken.count()).toBe(0);

    await form.getByLabel('Name').fill('Weekly report');
    await form.getByLabel('Expires after (days)').fill('7');
    await form.getByLabel('Read-only').check();
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = main(page).getByLabel('The new token');
    const token = (await shown.textContent())!;
    expect(token).toMatch(/^tsr_pat_[A-Za-z0-9_-]{43}$/);
    expect(await main(page).getByRole('alert').textContent()).toContain('shown only this once');
    await main(page).getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => main(page).getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await app.screenshot(page, 'tokens-created');

    expect((await me(token)).data?.me.email).toBe('ceo@demo.test');
    const item = main(page).getByRole('article', { name: 'Weekly report' });
    expect(await item.textContent()).toContain('read-only');
    expect(await item.textContent()).toContain('Active');

    await main(page).getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await item.waitFor();
    expect(await page.content()).not.toContain(token);
    await expect.poll(async () => (await item.textContent()) ?? '').not.toContain('Last used never');

    await item.getByRole('button', { name: 'Revoke Weekly report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Weekly report”?' });
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect.poll(() => item.textContent()).toContain('Revoked');
    expect(await item.getByRole('button', { name: 'Revoke Weekly report' }).count()).toBe(0);
    expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await app.screenshot(page, 'tokens-revoked');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('is usable at phone width: nothing wider than the screen, the token included', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.signIn(page, 'dev@demo.test');
    await page.goto('/tokens');
    await main(page).getByRole('heading', { name: 'Access tokens', level: 1 }).waitFor();
    await main(page).getByRole('button', { name: 'New token' }).click();
    await main(page).getByLabel('Name').fill('Phone');
    await main(page).getByRole('button', { name: 'Create token' }).click();
    await main(page).getByLabel('The new token').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'tokens-phone');
  });
});
