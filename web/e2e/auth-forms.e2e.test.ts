// Forms that follow an API's declared authentication, and the Endpoints page's Authentication
// and Parameters settings, in a real browser as the Data Admin.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)(
  'Credential forms follow the API; Authentication and Parameters settings (Chromium)',
  () => {
    const app = useE2eApp();
    const main = (page: Page) => page.locator('main');
    const endpointRow = (slug: string) =>
      app.server.db.apiEndpoint.findFirstOrThrow({
        where: { slug, company: { slug: 'acme' } },
        include: { operations: true },
      });

    it('"Add credential" on Finance API asks for exactly an X-API-Key', async () => {
      const page = await app.newPage();
      await app.openPage(page, 'Credentials', { company: 'Acme Corp', heading: 'Credentials at Acme Corp' });
      await main(page).getByRole('button', { name: 'Add credential', exact: true }).click();
      const form = main(page).getByRole('form', { name: 'Add credential' });
      await form.getByLabel('API', { exact: true }).selectOption({ label: 'Finance API' });
      expect(await form.getByLabel('Kind').locator('option').allTextContents()).toEqual(['API key']);
      const header = form.getByLabel('Header name');
      expect(await header.inputValue()).toBe('X-API-Key');
      expect(await header.getAttribute('readonly')).not.toBeNull();
      expect(await form.getByLabel('Query parameter instead').count()).toBe(0);
      expect(await form.textContent()).toContain('This API takes its key in the X-API-Key header.');
      // Another API, another form: GitLab at Globex would take a query parameter; GitHub here offers its two kinds.
      await form.getByLabel('API', { exact: true }).selectOption({ label: 'GitHub API' });
      expect(await form.getByLabel('Kind').locator('option').allTextContents()).toEqual([
        'Bearer token',
        'OAuth2 client credentials',
      ]);
      await form.getByLabel('Kind').selectOption({ label: 'OAuth2 client credentials' });
      expect(await form.getByLabel('Token URL').inputValue()).toBe(`${app.server.sandbox.url}/acme/github/oauth/token`);
      expect(await form.getByLabel('Scope').inputValue()).toBe('repo read:org');

      await form.getByLabel('API', { exact: true }).selectOption({ label: 'Finance API' });
      await form.getByLabel('Used by').selectOption({ label: 'CFO' });
      await form.getByLabel('Name', { exact: true }).fill('Finance key for the CFO');
      await form.getByLabel('API key', { exact: true }).fill('fin-key-0123456789');
      await form.getByRole('button', { name: 'Save credential' }).click();
      await main(page).getByRole('article', { name: 'Finance key for the CFO', exact: true }).waitFor();
      const stored = await app.server.db.apiCredential.findFirstOrThrow({ where: { name: 'Finance key for the CFO' } });
      expect(stored).toMatchObject({ kind: 'API_KEY', settings: { headerName: 'X-API-Key' } });
      expect(app.pageErrors(page)).toEqual([]);
    });

    it('an administrator changes the Authentication and the test operation, then edits parameters with a live form', async () => {
      const page = await app.newPage();
      await app.openPage(page, 'Endpoints', { company: 'Acme Corp', heading: 'Endpoints at Acme Corp' });
      await main(page)
        .getByRole('list', { name: 'Endpoints' })
        .getByRole('button', { name: /HR API/ })
        .click();
      const card = main(page).getByRole('article', { name: 'HR API' });
      await card.getByRole('button', { name: 'Change the authentication of HR API' }).click();
      const auth = card.getByRole('form', { name: 'Authentication of HR API' });
      await auth.getByLabel('How the API authenticates').selectOption({ label: 'API key' });
      await auth.getByLabel('Name', { exact: true }).fill('X-HR-Key');
      await auth.getByLabel('Test with').selectOption({ label: 'GET getHeadcount' });
      await auth.getByRole('button', { name: 'Save authentication' }).click();
      await expect.poll(() => card.locator('.ep-auth').textContent()).toContain('API key in the X-HR-Key header');
      expect(await endpointRow('hr-api')).toMatchObject({
        testOperationKey: 'getHeadcount',
        auth: { schemes: [{ type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'X-HR-Key' }] },
      });

      await card.getByRole('button', { name: 'Parameters of listEmployees' }).click();
      const editor = card.getByRole('form', { name: 'Parameters of listEmployees' });
      const text = editor.getByLabel('JSON Schema');
      await text.fill('{\n  "type": "object",\n  "properties": {,}\n}');
      await expect.poll(() => editor.locator('.field-error').textContent()).toMatch(/^Line 3, column 18: /);
      const schema = {
        type: 'object',
        required: ['department'],
        properties: {
          department: { type: 'string', enum: ['Sales', 'Engineering'], description: 'Which department.' },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
        },
      };
      await text.fill(JSON.stringify(schema, null, 2));
      const preview = editor.getByRole('region', { name: 'Preview of the generated form' });
      await expect
        .poll(() =>
          preview
            .getByLabel(/Department/)
            .locator('option')
            .allTextContents(),
        )
        .toEqual(['Choose…', 'Sales', 'Engineering']);
      // A pattern RE2 cannot run parses, but the server's compiler refuses it, and says so here.
      await text.fill(JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '(a)\\1' } } }));
      await editor.getByRole('button', { name: 'Save parameters' }).click();
      await expect.poll(() => editor.locator('.field-error').textContent()).toMatch(/paramsSchema/);
      await text.fill(JSON.stringify(schema, null, 2));
      await editor.getByRole('button', { name: 'Save parameters' }).click();
      await expect
        .poll(() => card.getByRole('status').allTextContents())
        .toContain('Saved the parameters of listEmployees.');
      const row = await endpointRow('hr-api');
      expect(row.operations.find((o) => o.key === 'listEmployees')!.paramsSchema).toEqual(schema);
      await app.screenshot(page, 'endpoint-auth-and-parameters');
      expect(app.pageErrors(page)).toEqual([]);
    });
  },
);

if (!hasChromium) console.warn(SKIP_REASON);
