// Admin → Credentials in a real browser, as a Data Admin who has never seen the page: add a
// bearer token for Developers on Acme's GitHub API, test it (ok, HTTP 200), add a wrong one
// (failing, HTTP 401), fix it with "Replace secret", and delete one through the confirmation.
// The token the sandbox accepts is derived here the way the sandbox derives it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCredential } from '../../server/src/sandbox/credentials.ts';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Admin → Credentials (Chromium)', () => {
  const app = useE2eApp();
  let goodToken: string;
  const wrongToken = 'sbx_tok_this-is-not-the-right-token-0000';

  beforeAll(() => {
    goodToken = (
      demoCredential(app.server.sandboxSecret, 'acme', 'github', 'BEARER', app.server.sandbox.url).secret as {
        token: string;
      }
    ).token;
  });

  const main = (page: Page) => page.locator('main');
  const credential = (page: Page, name: string) => main(page).getByRole('article', { name, exact: true });
  const storedNamed = (name: string) =>
    app.server.db.apiCredential.findMany({ where: { name, company: { slug: 'acme' } } });

  const openCredentials = (page: Page) =>
    app.openPage(page, 'Credentials', { company: 'Acme Corp', heading: 'Credentials at Acme Corp' });

  async function addBearer(page: Page, name: string, token: string) {
    await main(page).getByRole('button', { name: 'Add credential', exact: true }).click();
    const form = main(page).getByRole('form', { name: 'Add credential' });
    await form.getByLabel('API', { exact: true }).selectOption({ label: 'GitHub API' });
    await form.getByLabel('Used by').selectOption({ label: 'Developer' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption({ label: 'Bearer token' });
    await form.getByLabel('Token', { exact: true }).fill(token);
    await form.getByRole('button', { name: 'Save credential' }).click();
    await credential(page, name).waitFor();
    expect(await form.count()).toBe(0);
  }

  it('adds a bearer token for Developers on the GitHub API and tests it: ok, HTTP 200', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    // Every API of Acme has its section, grouped by role inside.
    for (const api of ['Finance API', 'GitHub API', 'HR API', 'Sales API'])
      await main(page).getByRole('heading', { name: api, level: 2 }).waitFor();

    await main(page).getByRole('button', { name: 'Add credential', exact: true }).click();
    const form = main(page).getByRole('form', { name: 'Add credential' });
    await form.getByLabel('Kind').selectOption({ label: 'Bearer token' });
    const tokenInput = form.getByLabel('Token', { exact: true });
    expect(await tokenInput.getAttribute('type')).toBe('password');
    expect(await tokenInput.getAttribute('autocomplete')).toBe('new-password');
    // Nothing filled in: each problem is said next to its field, and nothing is saved.
    await form.getByRole('button', { name: 'Save credential' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Choose the API this credential is for.',
          'Choose a role, or “Shared by every role”.',
          'Enter the token.',
        ]),
      );
    await app.screenshot(page, 'credentials-form-errors');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await addBearer(page, 'GitHub token for developers', goodToken);
    const item = credential(page, 'GitHub token for developers');
    expect(await item.textContent()).toContain('Bearer token');
    expect(await item.textContent()).toContain(`•••• ${goodToken.slice(-4)}`);
    expect(await item.getByText('Untested', { exact: true }).count()).toBe(1);
    // The Developer group of the GitHub API section holds it.
    const github = main(page).getByRole('region', { name: 'GitHub API' });
    expect(await github.getByRole('heading', { name: 'Developer', level: 3 }).count()).toBe(1);
    // Write-only: the secret is nowhere in the page once saved.
    expect(await page.content()).not.toContain(goodToken);
    await app.screenshot(page, 'credentials-added');

    await item.getByRole('button', { name: 'Test GitHub token for developers' }).click();
    await expect.poll(() => item.getByRole('status').textContent()).toMatch(/^ok · HTTP 200 · \d+ ms · Connected/);
    await expect.poll(() => item.locator('.cred-status').textContent()).toBe('OK');
    expect(await item.textContent()).not.toContain('Last tested never');
    const [stored] = await storedNamed('GitHub token for developers');
    expect(stored).toMatchObject({ kind: 'BEARER', status: 'ok' });
    expect(await page.content()).not.toContain(goodToken);
    await app.screenshot(page, 'credentials-test-ok');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a wrong token tests as failing with HTTP 401; Replace secret fixes it', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    await addBearer(page, 'Wrong GitHub token', wrongToken);
    const item = credential(page, 'Wrong GitHub token');

    await item.getByRole('button', { name: 'Test Wrong GitHub token' }).click();
    await expect
      .poll(() => item.getByRole('status').textContent())
      .toMatch(/^failed · HTTP 401 · \d+ ms · .*refused this credential/);
    await expect.poll(() => item.locator('.cred-status').textContent()).toBe('Failing');
    expect(await item.textContent()).toContain('Replace the secret, then test again.');
    expect((await storedNamed('Wrong GitHub token'))[0]?.status).toBe('failing');
    await app.screenshot(page, 'credentials-test-failing');

    await item.getByRole('button', { name: 'Replace secret of Wrong GitHub token' }).click();
    const replace = item.getByRole('form', { name: /Replace the secret/ });
    await replace.getByRole('button', { name: 'Replace secret' }).click();
    await expect.poll(() => replace.locator('.field-error').textContent()).toBe('Enter the token.');
    await app.screenshot(page, 'credentials-replace-secret');
    await replace.getByLabel('Token', { exact: true }).fill(goodToken);
    await replace.getByRole('button', { name: 'Replace secret' }).click();
    await expect.poll(() => item.getByRole('status').textContent()).toContain('Secret replaced');
    await expect.poll(() => item.locator('.cred-status').textContent()).toBe('Untested');
    expect(await page.content()).not.toContain(goodToken);
    await item.getByRole('button', { name: 'Test Wrong GitHub token' }).click();
    await expect.poll(() => item.getByRole('status').textContent()).toMatch(/^ok · HTTP 200/);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a name already used for the role is refused next to the Name field', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    await addBearer(page, 'Twice', wrongToken);
    await main(page).getByRole('button', { name: 'Add credential', exact: true }).click();
    const form = main(page).getByRole('form', { name: 'Add credential' });
    await form.getByLabel('API', { exact: true }).selectOption({ label: 'GitHub API' });
    await form.getByLabel('Used by').selectOption({ label: 'Developer' });
    await form.getByLabel('Name').fill('Twice');
    await form.getByLabel('Token', { exact: true }).fill(wrongToken);
    await form.getByRole('button', { name: 'Save credential' }).click();
    const nameHint = form.locator(`[id="${await form.getByLabel('Name').getAttribute('aria-describedby')}"]`);
    await expect
      .poll(() => nameHint.textContent())
      .toBe('A credential named "Twice" already exists for this role and company.');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await storedNamed('Twice')).toHaveLength(1);
    await app.screenshot(page, 'credentials-name-taken');
  });

  it('deletes a credential after the confirmation dialog; Cancel keeps it', async () => {
    const page = await app.newPage();
    await openCredentials(page);
    await addBearer(page, 'To be deleted', wrongToken);
    const item = credential(page, 'To be deleted');

    await item.getByRole('button', { name: 'Delete To be deleted' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “To be deleted”?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('cannot be undone');
    await app.screenshot(page, 'credentials-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedNamed('To be deleted')).toHaveLength(1);

    await item.getByRole('button', { name: 'Delete To be deleted' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(() => main(page).getByRole('status').first().textContent()).toBe('Deleted “To be deleted”.');
    expect(await storedNamed('To be deleted')).toHaveLength(0);
    await app.screenshot(page, 'credentials-deleted');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a credential whose API moved to another origin shows it, sends nothing, and is confirmed for the new address through a dialog naming it', async () => {
    const admin = await app.server.login('admin@demo.test');
    const github = (
      await app.server.db.apiEndpoint.findFirstOrThrow({ where: { slug: 'github-api', company: { slug: 'acme' } } })
    ).id;
    const move = async (url: string) =>
      expect(
        (
          await app.server.gql(
            'mutation ($id: ID!, $url: String!) { updateEndpoint(id: $id, input: { baseUrl: $url }) { id } }',
            { id: github, url },
            admin,
          )
        ).errors,
      ).toBeUndefined();
    const sandbox = new URL(app.server.sandbox.url);
    const elsewhere = `http://localhost:${sandbox.port}`;
    const page = await app.newPage();
    await openCredentials(page);
    await addBearer(page, 'Moving token', goodToken);
    await move(`${elsewhere}/acme/github`);
    try {
      await page.reload();
      const item = credential(page, 'Moving token');
      await expect.poll(() => item.locator('.cred-status').textContent()).toBe('API moved');
      expect(await item.locator('.cred-origin').textContent()).toBe(
        `Entered for ${sandbox.origin}; GitHub API now points at ${elsewhere}.`,
      );
      await item.getByRole('button', { name: 'Test Moving token' }).click();
      await expect
        .poll(() => item.getByRole('status').textContent())
        .toMatch(new RegExp(`^failed · \\d+ ms · This credential was entered for ${sandbox.origin}`));
      await app.screenshot(page, 'credentials-origin-changed');

      await item.getByRole('button', { name: `Confirm Moving token for ${elsewhere}` }).click();
      const dialog = page.getByRole('dialog', { name: `Send “Moving token” to ${elsewhere}?` });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(`From now on Tessera sends it to ${elsewhere}`);
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(() => item.locator('.cred-status').textContent()).toBe('Untested');
      await expect.poll(() => item.getByRole('status').textContent()).toContain(`Confirmed for ${elsewhere}`);
      expect(await item.locator('.cred-origin').count()).toBe(0);
      expect((await storedNamed('Moving token'))[0]).toMatchObject({ origin: elsewhere, statusReason: null });
      expect(app.pageErrors(page)).toEqual([]);
    } finally {
      await move(`${app.server.sandbox.url}/acme/github`);
    }
  });

  it('is usable at phone width: nothing wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await openCredentials(page);
    await main(page).getByRole('button', { name: 'Add credential', exact: true }).click();
    await main(page)
      .getByRole('form', { name: 'Add credential' })
      .getByLabel('Kind')
      .selectOption({ label: 'OAuth2 refresh token' });
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'credentials-phone');
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
