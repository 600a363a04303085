// Admin → People in a real browser: find cfo@demo.test, give them a role at Globex, see it
// take effect, revoke it after confirming; create a person with the form's own checks; and
// a company admin who only sees their own company's people.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Admin → People (Chromium)', () => {
  const app = useE2eApp();

  const main = (page: Page) => page.locator('main');
  const detail = (page: Page) => main(page).getByRole('article');
  const membershipsOf = async (email: string) =>
    (
      await app.server.db.userCompanyAccess.findMany({
        where: { user: { email } },
        select: { company: { select: { slug: true } }, role: { select: { key: true } } },
      })
    )
      .map((m) => `${m.company.slug}:${m.role.key}`)
      .sort();

  const openPeople = (page: Page, email = 'admin@demo.test') => app.openPage(page, 'People', { as: email });

  it('grants cfo@demo.test a role at Globex, then revokes it after confirming', async () => {
    const page = await app.newPage();
    await openPeople(page);
    await main(page).getByLabel('Search people').fill('cfo');
    const list = main(page).getByRole('list', { name: 'People' });
    await expect.poll(() => list.getByRole('button').count()).toBe(1);
    await list.getByRole('button', { name: /Frankie CFO/ }).click();
    await detail(page).getByRole('heading', { name: 'Frankie CFO' }).waitFor();
    expect(await detail(page).textContent()).toContain('Acme Corp');

    await detail(page).getByLabel('Company', { exact: true }).selectOption({ label: 'Globex' });
    await detail(page).getByLabel('Role', { exact: true }).selectOption({ label: 'Finance Analyst' });
    await detail(page).getByRole('button', { name: 'Grant' }).click();
    await expect
      .poll(() => detail(page).getByRole('status').textContent())
      .toBe('Granted: Frankie CFO is now Finance Analyst at Globex.');
    expect(await membershipsOf('cfo@demo.test')).toEqual(['acme:cfo', 'globex:finance_analyst']);
    const globex = detail(page).getByRole('listitem').filter({ hasText: 'Globex' }).first();
    expect(await globex.textContent()).toContain('Finance Analyst');
    // The role they hold there is no longer offered again.
    await detail(page).getByLabel('Company', { exact: true }).selectOption({ label: 'Globex' });
    expect(await detail(page).getByLabel('Role', { exact: true }).locator('option').allTextContents()).not.toContain(
      'Finance Analyst',
    );
    await app.screenshot(page, 'people-granted');

    // Revoking asks first; Cancel changes nothing.
    await detail(page).getByRole('button', { name: 'Revoke Finance Analyst at Globex' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Finance Analyst at Globex?' });
    await dialog.waitFor();
    await app.screenshot(page, 'people-revoke-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await membershipsOf('cfo@demo.test')).toEqual(['acme:cfo', 'globex:finance_analyst']);

    await detail(page).getByRole('button', { name: 'Revoke Finance Analyst at Globex' }).click();
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect
      .poll(() => detail(page).getByRole('status').textContent())
      .toBe('Revoked: Frankie CFO is no longer Finance Analyst at Globex.');
    expect(await membershipsOf('cfo@demo.test')).toEqual(['acme:cfo']);
    const access = detail(page).getByRole('list', { name: 'Company access' });
    await expect.poll(() => access.getByRole('listitem').filter({ hasText: 'Globex' }).count()).toBe(0);
    expect(await access.getByRole('listitem').filter({ hasText: 'Acme Corp' }).count()).toBeGreaterThan(0);
    await page.reload();
    await detail(page).getByRole('heading', { name: 'Frankie CFO' }).waitFor();
    expect(await detail(page).getByRole('listitem').filter({ hasText: 'Finance Analyst' }).count()).toBe(0);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('creates a person: mistakes are shown next to their fields, then the new person is selected', async () => {
    const page = await app.newPage();
    await openPeople(page);
    await main(page).getByRole('button', { name: 'Create user' }).click();
    const form = main(page).getByRole('form', { name: 'Create user' });
    await form.getByLabel('Name').fill('Pat Lee');
    await form.getByLabel('Email').fill('pat');
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect
      .poll(() => form.getByText('This is not an email address (like name@company.com).').isVisible())
      .toBe(true);
    expect(await form.getByText('The password must be at least 12 characters (5 so far).').isVisible()).toBe(true);
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot(page, 'people-create-invalid');

    // An email already in use: the server's answer appears next to the email field.
    await form.getByLabel('Email').fill('ceo@demo.test');
    await form.getByLabel('First password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => form.getByText('A user with this email already exists.').isVisible()).toBe(true);

    await form.getByLabel('Email').fill('pat@demo.test');
    await form.getByRole('button', { name: 'Create user' }).click();
    await detail(page).getByRole('heading', { name: 'Pat Lee' }).waitFor();
    expect(await main(page).getByRole('status').filter({ hasText: 'can now sign in' }).textContent()).toContain(
      'pat@demo.test',
    );
    expect(await membershipsOf('pat@demo.test')).toEqual([]);
    await app.screenshot(page, 'people-created');
  });

  it('a company admin sees only the people of their company, and cannot create users', async () => {
    const page = await app.newPage();
    await openPeople(page, 'companyadmin@demo.test');
    const list = main(page).getByRole('list', { name: 'People' });
    await list.getByRole('button').first().waitFor();
    const names = await list.getByRole('button').allTextContents();
    expect(names.some((n) => n.includes('Frankie CFO'))).toBe(false);
    expect(names.some((n) => n.includes('Casey CEO'))).toBe(true);
    expect(await main(page).getByRole('button', { name: 'Create user' }).count()).toBe(0);
  });

  it('is usable at phone width: nothing wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.signIn(page, 'admin@demo.test');
    await page.getByRole('link', { name: 'People' }).click();
    await main(page)
      .getByRole('list', { name: 'People' })
      .getByRole('button', { name: /Casey CEO/ })
      .click();
    await detail(page).getByRole('heading', { name: 'Casey CEO' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'people-phone');
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
