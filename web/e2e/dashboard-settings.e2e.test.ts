// Admin → Dashboard settings in a real browser: the Data Admin makes a widget on Acme's Finance
// API in the editor (preview as CEO, a suggested expression, its live result), and the CEO, whose
// role may read that operation, then sees it on their dashboard with the same number and opens
// the rows behind it from the card's title.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

const TITLE = 'Bank accounts (e2e)';

describe.skipIf(!hasChromium)('Admin → Dashboard settings (Chromium)', () => {
  const app = useE2eApp();
  const main = (page: Page) => page.locator('main');

  it('an admin creates a widget in the editor and a CEO sees it on their dashboard', async () => {
    const page = await app.newPage();
    await app.openPage(page, 'Dashboard settings', { company: 'Acme Corp' });
    await main(page).getByRole('button', { name: 'New widget' }).click();
    await main(page).getByLabel('Endpoint').selectOption({ label: 'Finance API' });
    await main(page).getByLabel('Operation', { exact: true }).selectOption('getCashBalance');
    await main(page).getByLabel('Preview as').selectOption({ label: 'CEO' });

    // The sample answer arrives as the CEO gets it; a suggestion writes the expression.
    await main(page).getByRole('button', { name: 'Count of the list' }).click({ timeout: 20_000 });
    expect(await main(page).getByLabel('Expression (JSONata)').inputValue()).toBe('$count(accounts)');
    const result = main(page).getByTestId('widget-result-value');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^\d+$/);
    const shown = Number(await result.textContent());
    expect(shown).toBeGreaterThan(0);

    // A broken expression says where, without saving anything.
    await main(page).getByLabel('Expression (JSONata)').fill('$count(accounts');
    await expect
      .poll(() => main(page).getByRole('region', { name: 'Result' }).textContent(), { timeout: 20_000 })
      .toMatch(/character/);
    // The list itself: the card counts it and keeps the rows behind the number.
    await main(page).getByLabel('Expression (JSONata)').fill('accounts');
    await expect
      .poll(() => main(page).getByRole('region', { name: 'Result' }).textContent(), { timeout: 20_000 })
      .toContain(`${shown} rows`);

    await main(page).getByRole('button', { name: 'Create widget' }).click();
    // No title yet: the problem shows at the field.
    await main(page).getByText('Give the widget a title.').waitFor();
    await main(page).getByLabel('Title').fill(TITLE);
    await main(page).getByRole('checkbox', { name: 'CEO' }).check();
    await main(page).getByRole('button', { name: 'Create widget' }).click();
    await main(page).getByText(`Saved “${TITLE}”.`).waitFor();
    await main(page)
      .getByRole('row', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) })
      .waitFor();
    const stored = await app.server.db.dashboardWidget.findFirstOrThrow({ where: { title: TITLE } });
    expect(stored).toMatchObject({
      operationKey: 'getCashBalance',
      key: 'bank_accounts_e2e',
      expression: 'accounts',
    });
    await app.screenshot(page, 'dashboard-settings-created');

    const ceo = await app.newPage();
    await app.signIn(ceo, 'ceo@demo.test');
    await ceo.getByLabel('Company').selectOption({ label: 'Acme Corp' });
    const card = ceo.getByRole('article', { name: TITLE, exact: true });
    await card.locator('.widget-value').waitFor({ timeout: 20_000 });
    expect(await card.locator('.widget-value').textContent()).toBe(String(shown));
    // A click on the card's title opens the rows behind it as a table.
    await card.getByRole('button', { name: TITLE }).click();
    const rows = ceo.getByRole('dialog', { name: TITLE });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(shown);
    expect(await rows.getByRole('columnheader').allTextContents()).toContain('bank');
    await app.screenshot(ceo, 'dashboard-settings-rows');
    await rows.getByRole('button', { name: 'Close' }).click();
    expect(app.pageErrors(page)).toEqual([]);
    expect(app.pageErrors(ceo)).toEqual([]);
  });

  it('editing a seeded widget keeps what the editor does not show, and a delete asks first', async () => {
    const acme = await app.server.db.company.findFirstOrThrow({ where: { slug: 'acme' } });
    const before = await app.server.db.dashboardWidget.findFirstOrThrow({
      where: { title: 'Invoices by status', companyId: acme.id },
    });
    const page = await app.newPage();
    await app.openPage(page, 'Dashboard settings', { company: 'Acme Corp' });
    await main(page).getByRole('button', { name: 'Edit Invoices by status' }).click();
    await main(page).getByLabel('Title').fill('Invoices by state');
    await main(page).getByRole('button', { name: 'Save widget' }).click();
    await main(page).getByText('Saved “Invoices by state”.').waitFor();
    const after = await app.server.db.dashboardWidget.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      title: 'Invoices by state',
      params: before.params,
      colours: before.colours,
      expression: before.expression,
    });
    expect(after.fanOut).toEqual(before.fanOut);

    await main(page).getByRole('button', { name: 'Delete Invoices by state' }).click();
    await page
      .getByRole('dialog', { name: 'Delete “Invoices by state”?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await main(page).getByText('Deleted “Invoices by state”.').waitFor();
    expect(await app.server.db.dashboardWidget.count({ where: { id: before.id } })).toBe(0);
    expect(app.pageErrors(page)).toEqual([]);
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
