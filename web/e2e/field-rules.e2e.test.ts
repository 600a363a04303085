// Admin → Access → Response fields in a real browser: the demo rule (the developer does not see
// Acme's bank details) is listed, "not in effect" until the developer may read Finance API; a
// malformed path is refused under the textarea and nothing is stored; a good rule is saved, then
// deleted; and the panel fits a phone screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Admin → Access → Response fields (Chromium)', () => {
  const app = useE2eApp();

  const panel = (page: Page) => page.locator('main').getByRole('region', { name: /^Response fields for/ });
  const rulesOf = (role: string) =>
    app.server.db.operationFieldRule.findMany({ where: { role: { key: role } }, include: { operation: true } });

  /** As app.openPage, with the link's exact name ("Access tokens" is another link). */
  async function openAccess(page: Page) {
    await app.signIn(page, 'admin@demo.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access', exact: true }).click();
    await page.locator('main').getByRole('heading', { name: 'Access', level: 1 }).waitFor();
  }

  async function open(page: Page, role: string) {
    await openAccess(page);
    await page.locator('main').getByLabel('Role', { exact: true }).selectOption({ label: role });
    await page.locator('main').getByLabel('In company').selectOption({ label: 'Acme Corp' });
    await panel(page).waitFor();
  }

  it("lists the developer's demo rule; refuses a bad path in place; saves and deletes a rule", async () => {
    const page = await app.newPage();
    await open(page, 'Developer');
    await expect
      .poll(() => panel(page).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('Finance API · getCashBalance')]);
    expect(await panel(page).getByRole('listitem').textContent()).toContain(
      'Hides accounts[].accountNumber, accounts[].bank',
    );
    // The developer may not use Finance API yet: the rule says it is not in effect, until they may.
    expect(await panel(page).getByRole('listitem').textContent()).toContain(
      'Not in effect yet: Developer cannot use Finance API.',
    );
    const finance = page.locator('main').getByRole('group', { name: 'Finance API', exact: true });
    await finance.getByText('Read', { exact: true }).click();
    await expect.poll(() => finance.getByRole('status').textContent()).toContain('Saved');
    await expect.poll(() => panel(page).getByRole('listitem').textContent()).not.toContain('Not in effect');

    await panel(page).getByLabel('Operation', { exact: true }).selectOption({ label: 'GET listPayments' });
    await panel(page).getByLabel('Rule', { exact: true }).selectOption({ label: 'Hide these fields' });
    const paths = panel(page).getByLabel('Paths, one per line');
    await paths.fill('data[].customer\ndata..method');
    await panel(page).getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => paths.getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page).locator('.field-error').textContent()).toMatch(
      /Path 2 \("data\.\.method"\) has an empty segment/,
    );
    expect((await rulesOf('developer')).map((r) => r.operation.key)).toEqual(['getCashBalance']);
    await app.screenshot(page, 'field-rules-bad-path');

    await paths.fill('data[].customer\n\n  data[].method  ');
    await panel(page).getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => panel(page).getByRole('status').last().textContent()).toContain('Saved');
    expect(await paths.getAttribute('aria-invalid')).toBeNull();
    const saved = (await rulesOf('developer')).find((r) => r.operation.key === 'listPayments');
    expect(saved).toMatchObject({ mode: 'REMOVE', paths: ['data[].customer', 'data[].method'] });
    await expect.poll(() => panel(page).getByRole('listitem').count()).toBe(2);

    await panel(page).getByRole('button', { name: 'Delete rule' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => panel(page).getByRole('status').last().textContent()).toContain('Deleted');
    expect((await rulesOf('developer')).map((r) => r.operation.key)).toEqual(['getCashBalance']);
    await expect.poll(() => panel(page).getByRole('listitem').count()).toBe(1);

    // Edit: the existing rule's mode and paths come back into the form.
    await panel(page).getByRole('button', { name: 'Edit the rule on Finance API · getCashBalance' }).click();
    expect(await paths.inputValue()).toBe('accounts[].accountNumber\naccounts[].bank');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await openAccess(page);
    await page.locator('main').getByLabel('Role', { exact: true }).selectOption({ label: 'Developer' });
    await panel(page).getByRole('listitem').first().waitFor();
    await panel(page)
      .getByLabel('Operation', { exact: true })
      .selectOption({ label: 'GET getCashBalance (has a rule)' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'field-rules-phone');
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
