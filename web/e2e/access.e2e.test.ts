// Admin → Access in a real browser, as a Data Admin who has never seen the page: by role,
// Developer at Acme Corp, Finance API to Read; it says "Saved", stays Read after a reload, and
// the preview shows a finance tool. Then the person view, a failed save, and a phone screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Admin → Access (Chromium)', () => {
  const app = useE2eApp();

  const main = (page: Page) => page.locator('main');
  const row = (page: Page, name: string) => main(page).getByRole('group', { name, exact: true });
  const preview = (page: Page) => main(page).getByRole('complementary');

  const openAccess = (page: Page) => app.openPage(page, 'Access');

  it('by role: Developer at Acme Corp, Finance API to Read, saved, kept after reload, previewed', async () => {
    const page = await app.newPage();
    await openAccess(page);
    await main(page).getByLabel('Role', { exact: true }).selectOption({ label: 'Developer' });
    await main(page).getByLabel('In company').selectOption({ label: 'Acme Corp' });

    // Every API of Acme Corp, each with a None / Read / Write choice.
    for (const api of ['Finance API', 'GitHub API', 'HR API', 'Sales API']) await row(page, api).waitFor();
    expect(await row(page, 'GitHub API').getByRole('radio', { name: 'Read' }).isChecked()).toBe(true);
    expect(await row(page, 'Finance API').getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    await expect
      .poll(() => preview(page).getByRole('listitem').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('github-api__')]));
    expect((await preview(page).textContent()) ?? '').not.toContain('finance-api__');

    await row(page, 'Finance API').getByText('Read', { exact: true }).click();
    await expect.poll(() => row(page, 'Finance API').getByRole('status').textContent()).toContain('Saved');
    await expect.poll(() => preview(page).textContent()).toContain('finance-api__');
    await app.screenshot(page, 'access-role-saved');

    await page.reload();
    await row(page, 'Finance API').waitFor();
    expect(await main(page).getByLabel('Role', { exact: true }).locator('option:checked').textContent()).toBe(
      'Developer',
    );
    await expect.poll(() => row(page, 'Finance API').getByRole('radio', { name: 'Read' }).isChecked()).toBe(true);
    await expect.poll(() => preview(page).textContent()).toContain('finance-api__');
    expect(await preview(page).textContent()).not.toContain('Asks for confirmation');

    // The server agrees: the grant is stored.
    const grants = await app.server.db.roleApiPermission.findMany({
      where: { role: { key: 'developer' }, endpoint: { slug: 'finance-api', company: { slug: 'acme' } } },
    });
    expect(grants.map((g) => g.access)).toEqual(['READ']);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('keyboard: arrows change the level; Write makes the preview ask for confirmation; back to None', async () => {
    const page = await app.newPage();
    await openAccess(page);
    await main(page).getByLabel('Role', { exact: true }).selectOption({ label: 'CFO' });
    await main(page).getByLabel('In company').selectOption({ label: 'Acme Corp' });
    const hr = row(page, 'HR API');
    await hr.getByRole('radio', { name: 'None' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await hr.getByRole('radio', { name: 'Write' }).isChecked()).toBe(true);
    await expect.poll(() => hr.getByRole('status').textContent()).toContain('Saved');
    await expect.poll(() => preview(page).getByText('Asks for confirmation').count()).toBeGreaterThan(0);
    await app.screenshot(page, 'access-keyboard-write');
    await expect
      .poll(async () =>
        (
          await app.server.db.roleApiPermission.findMany({
            where: { role: { key: 'cfo' }, endpoint: { slug: 'hr-api', company: { slug: 'acme' } } },
          })
        ).map((g) => g.access),
      )
      .toEqual(['WRITE']);

    await hr.getByText('None', { exact: true }).click();
    await expect.poll(() => hr.getByRole('status').textContent()).toContain('Saved');
    await expect.poll(() => preview(page).textContent()).toContain('No tools');
  });

  it('a failed save goes back and says why next to the row', async () => {
    const page = await app.newPage();
    await openAccess(page);
    await main(page).getByLabel('Role', { exact: true }).selectOption({ label: 'CTO' });
    await main(page).getByLabel('In company').selectOption({ label: 'Acme Corp' });
    await row(page, 'Sales API').waitFor();
    // The endpoint disappears behind the page's back: the server answers NOT_FOUND.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== 'SetEndpointAccess') return route.fallback();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          errors: [{ message: 'Endpoint not found.', extensions: { code: 'NOT_FOUND' } }],
        }),
      });
    });
    await row(page, 'Sales API').getByText('Write', { exact: true }).click();
    await expect
      .poll(() => row(page, 'Sales API').getByRole('status').textContent())
      .toBe('Not saved: Endpoint not found.');
    expect(await row(page, 'Sales API').getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    await app.screenshot(page, 'access-save-failed');
  });

  it('by person: their roles, their effective access "via" a role, and a way to edit that role', async () => {
    const page = await app.newPage();
    await openAccess(page);
    await main(page).getByText('By person', { exact: true }).click();
    await expect.poll(() => main(page).getByRole('radio', { name: 'By person' }).isChecked()).toBe(true);
    await main(page).getByLabel('Person', { exact: true }).selectOption({ label: 'Casey CEO (ceo@demo.test)' });
    await main(page).getByLabel('In company').selectOption({ label: 'Acme Corp' });
    const table = main(page).getByRole('table');
    await table.waitFor();
    const sales = table.getByRole('row', { name: /Sales API/ });
    expect(await sales.textContent()).toContain('Write');
    expect(await sales.textContent()).toContain('via CEO');
    expect(await main(page).getByRole('listitem').filter({ hasText: 'Globex:' }).textContent()).toContain('CEO');
    await app.screenshot(page, 'access-person');

    await sales.getByRole('button', { name: /edit the CEO role/ }).click();
    await row(page, 'Sales API').waitFor();
    expect(await main(page).getByLabel('Role', { exact: true }).locator('option:checked').textContent()).toBe('CEO');
    expect(await row(page, 'Sales API').getByRole('radio', { name: 'Write' }).isChecked()).toBe(true);
  });

  it('is usable at phone width: nothing wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await openAccessAtPhone(page);
    await main(page).getByLabel('Role', { exact: true }).selectOption({ label: 'CEO' });
    await row(page, 'Sales API').waitFor();
    await preview(page).getByRole('listitem').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'access-phone');
  });

  async function openAccessAtPhone(page: Page) {
    await app.signIn(page, 'admin@demo.test');
    await page.getByRole('link', { name: 'Access', exact: true }).click();
    await main(page).getByRole('heading', { name: 'Access', level: 1 }).waitFor();
  }
});

if (!hasChromium) console.warn(SKIP_REASON);
