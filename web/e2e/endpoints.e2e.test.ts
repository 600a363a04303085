// Admin → Endpoints in a real browser, as a Data Admin at Acme Corp: add an endpoint with its
// first operation (slug and key suggested), edit it, add/edit/delete operations, and delete it
// through the confirmation. The database is checked after each step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('Admin → Endpoints (Chromium)', () => {
  const app = useE2eApp();

  const main = (page: Page) => page.locator('main');
  const list = (page: Page) => main(page).getByRole('list', { name: 'Endpoints' });
  const stored = (slug: string) =>
    app.server.db.apiEndpoint.findFirst({
      where: { slug, company: { slug: 'acme' } },
      include: { operations: { orderBy: { key: 'asc' } } },
    });

  const openEndpoints = (page: Page) =>
    app.openPage(page, 'Endpoints', { company: 'Acme Corp', heading: 'Endpoints at Acme Corp' });

  it('lists the company’s endpoints with slug, base URL and operation count', async () => {
    const page = await app.newPage();
    await openEndpoints(page);
    await expect
      .poll(() => list(page).locator('.ep-name').allTextContents())
      .toEqual(['Finance API', 'GitHub API', 'HR API', 'Sales API']);
    const github = list(page).getByRole('button', { name: /GitHub API/ });
    const count = (await stored('github-api'))!.operations.length;
    expect(await github.textContent()).toContain(`github-api · ${count} operations`);
    await github.click();
    await main(page).getByRole('article', { name: 'GitHub API' }).waitFor();
    expect(await main(page).getByRole('article', { name: 'GitHub API' }).locator('tbody tr').count()).toBe(count);
    await app.screenshot(page, 'endpoints-list');
  });

  it('creates an endpoint with an operation, edits both, deletes the operation and the endpoint', async () => {
    const page = await app.newPage();
    await openEndpoints(page);

    // Create: the slug follows the name, the key follows method and path.
    await main(page).getByRole('button', { name: 'Add endpoint' }).click();
    const form = main(page).getByRole('form', { name: 'Add endpoint' });
    await form.getByLabel('Name').fill('Inventory API');
    expect(await form.getByLabel('Slug').inputValue()).toBe('inventory-api');
    await form.getByLabel('Base URL').fill('not a url');
    await form.getByLabel('Description').first().fill('Stock levels per warehouse.');
    await form.getByRole('button', { name: 'Add an operation' }).click();
    const op = form.getByRole('group', { name: 'Operation 1' });
    await op.getByLabel('Method').selectOption('GET');
    await op.getByLabel('Path').fill('/items/{id}');
    expect(await op.getByLabel('Key').inputValue()).toBe('getItemsById');
    await op.getByLabel('Description').fill('One item');
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    // A wrong base URL is said next to it, with focus there, and nothing is saved.
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(['Enter a full http(s) address without a user name or password.']);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      await form.getByLabel('Base URL').getAttribute('id'),
    );
    expect(await stored('inventory-api')).toBeNull();
    await app.screenshot(page, 'endpoints-create-error');

    await form.getByLabel('Base URL').fill('https://inventory.example.com/v1/');
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    const detail = main(page).getByRole('article', { name: 'Inventory API' });
    await detail.waitFor();
    await expect.poll(() => main(page).locator('.notice').textContent()).toContain('Added Inventory API');
    expect(await list(page).locator('.ep-name').allTextContents()).toContain('Inventory API');
    expect(await detail.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('getItemsById')]);
    expect(await stored('inventory-api')).toMatchObject({
      name: 'Inventory API',
      baseUrl: 'https://inventory.example.com/v1',
      description: 'Stock levels per warehouse.',
      operations: [
        expect.objectContaining({ key: 'getItemsById', method: 'GET', path: '/items/{id}', description: 'One item' }),
      ],
    });
    await app.screenshot(page, 'endpoints-created');

    // Edit the endpoint.
    await detail.getByRole('button', { name: 'Edit Inventory API' }).click();
    const edit = detail.getByRole('form', { name: 'Edit Inventory API' });
    await edit.getByLabel('Name').fill('Stock API');
    await edit.getByLabel('Description').fill('Stock levels and reservations.');
    await edit.getByLabel('Base URL').fill('https://stock.example.com/v2');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const renamed = main(page).getByRole('article', { name: 'Stock API' });
    await renamed.waitFor();
    await expect.poll(() => list(page).locator('.ep-name').allTextContents()).toContain('Stock API');
    expect(await renamed.textContent()).toContain('https://stock.example.com/v2');
    expect(await stored('inventory-api')).toMatchObject({
      name: 'Stock API',
      description: 'Stock levels and reservations.',
      baseUrl: 'https://stock.example.com/v2',
    });

    // Add a second operation, then edit it.
    await renamed.getByRole('button', { name: 'Add operation' }).click();
    const add = renamed.getByRole('form', { name: 'Add operation' });
    await add.getByLabel('Method').selectOption('POST');
    await add.getByLabel('Path').fill('/reservations');
    expect(await add.getByLabel('Key').inputValue()).toBe('createReservations');
    await add.getByRole('button', { name: 'Add operation' }).click();
    await expect
      .poll(() => renamed.locator('tbody .op-key').allTextContents())
      .toEqual(['createReservations', 'getItemsById']);

    await renamed.getByRole('button', { name: 'Edit operation createReservations' }).click();
    const editOp = renamed.getByRole('form', { name: 'Edit createReservations' });
    await editOp.getByLabel('Key').fill('reserveItems');
    await editOp.getByLabel('Description').fill('Hold items for an order');
    await editOp.getByRole('button', { name: 'Save operation' }).click();
    await expect
      .poll(() => renamed.locator('tbody .op-key').allTextContents())
      .toEqual(['reserveItems', 'getItemsById']);
    expect((await stored('inventory-api'))!.operations.map((o) => [o.key, o.method, o.path, o.description])).toEqual([
      ['getItemsById', 'GET', '/items/{id}', 'One item'],
      ['reserveItems', 'POST', '/reservations', 'Hold items for an order'],
    ]);
    await app.screenshot(page, 'endpoints-edited');

    // Delete an operation, through the confirmation.
    await renamed.getByRole('button', { name: 'Delete operation getItemsById' }).click();
    const opDialog = page.getByRole('dialog', { name: 'Delete operation getItemsById?' });
    await opDialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => renamed.locator('tbody .op-key').allTextContents()).toEqual(['reserveItems']);
    expect((await stored('inventory-api'))!.operations.map((o) => o.key)).toEqual(['reserveItems']);

    // Delete the endpoint: the dialog says what goes with it.
    await renamed.getByRole('button', { name: 'Delete Stock API' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Stock API?' });
    expect(await dialog.textContent()).toContain('every role’s access to it and all its credentials');
    await app.screenshot(page, 'endpoints-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect.poll(() => main(page).locator('.notice').textContent()).toBe('Deleted Stock API.');
    expect(await list(page).locator('.ep-name').allTextContents()).not.toContain('Stock API');
    expect(await stored('inventory-api')).toBeNull();
    await app.screenshot(page, 'endpoints-deleted');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a slug the company already uses is refused next to the Slug field', async () => {
    const page = await app.newPage();
    await openEndpoints(page);
    await main(page).getByRole('button', { name: 'Add endpoint' }).click();
    const form = main(page).getByRole('form', { name: 'Add endpoint' });
    await form.getByLabel('Name').fill('GitHub Mirror');
    await form.getByLabel('Slug').fill('github-api');
    await form.getByLabel('Name').fill('GitHub Mirror API');
    expect(await form.getByLabel('Slug').inputValue()).toBe('github-api');
    await form.getByLabel('Base URL').fill('https://mirror.example.com');
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(['This company already has an endpoint with slug "github-api".']);
    expect(await form.getByLabel('Slug').getAttribute('aria-invalid')).toBe('true');
    expect(await app.server.db.apiEndpoint.count({ where: { name: 'GitHub Mirror API' } })).toBe(0);
    await app.screenshot(page, 'endpoints-slug-taken');
  });

  it('is usable at phone width: nothing wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await openEndpoints(page);
    await list(page)
      .getByRole('button', { name: /GitHub API/ })
      .click();
    await main(page).getByRole('article', { name: 'GitHub API' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'endpoints-phone');
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
