// Admin → Endpoints → Import OpenAPI in a real browser, as the Data Admin at Acme Corp: choose
// the Petstore file, preview (nothing saved), import; a Swagger 2.0 document is refused inside
// the dialog. At phone width, so the dialog is checked where it is tightest.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../server/src/modules/openapi/fixtures/${name}`, import.meta.url));

describe.skipIf(!hasChromium)('Admin → Endpoints → Import OpenAPI (Chromium)', () => {
  const app = useE2eApp();
  const stored = () =>
    app.server.db.apiEndpoint.findFirst({
      where: { slug: 'swagger-petstore', company: { slug: 'acme' } },
      include: { operations: { orderBy: { key: 'asc' } } },
    });

  it('previews, then imports a document; refuses Swagger 2.0 with the reason', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.openPage(page, 'Endpoints', { company: 'Acme Corp', heading: 'Endpoints at Acme Corp' });
    const main = page.locator('main');
    await main.getByRole('button', { name: 'Import OpenAPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an OpenAPI document' });
    await dialog.waitFor();

    await dialog.getByLabel('Choose a file').setInputFiles(fixture('petstore-3.0.yaml'));
    await expect.poll(() => dialog.getByLabel('…or paste the document').inputValue()).toContain('Swagger Petstore');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.locator('.ep-import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Creates the endpoint Swagger Petstore (swagger-petstore)');
    expect(await preview.textContent()).toContain('New operations (3): listPets, createPets, showPetById');
    expect(await stored()).toBeNull();
    // The dialog fits the phone's width.
    expect((await dialog.boundingBox())!.width).toBeLessThanOrEqual(390);
    await app.screenshot(page, 'openapi-import-preview');

    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => main.locator('.notice').textContent())
      .toContain('Imported Swagger Petstore: 3 new operations.');
    expect(await dialog.isVisible()).toBe(false);
    expect((await stored())!.operations.map((o) => o.key)).toEqual(['createPets', 'listPets', 'showPetById']);
    await main.getByRole('article', { name: 'Swagger Petstore' }).waitFor();

    await main.getByRole('button', { name: 'Import OpenAPI' }).click();
    await dialog.getByLabel('…or paste the document').fill(readFileSync(fixture('swagger-2.0-petstore.json'), 'utf8'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Convert it to OpenAPI 3 first');
    await app.screenshot(page, 'openapi-import-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(app.pageErrors(page)).toEqual([]);
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
