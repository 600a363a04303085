// The product's main story, across pages and people, as the issue tells it: a Data Admin
// grants Developer at Acme READ on the Finance API and gives that role a credential; the
// developer then sees Finance API's metrics on the dashboard and its tool in the assistant.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCredential } from '../../server/src/sandbox/credentials.ts';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('from a grant to a developer using it (Chromium)', () => {
  const app = useE2eApp();

  const main = (page: Page) => page.locator('main');
  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  it('admin grants and provides a credential; the developer sees Finance metrics and its tool', async () => {
    // Before: the developer's Acme dashboard has no finance card.
    const dev = await app.newPage();
    await app.signIn(dev, 'dev@demo.test');
    await dev.getByRole('banner').getByLabel('Company').selectOption({ label: 'Acme Corp' });
    await main(dev).getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => main(dev).locator('article').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await main(dev).textContent()).not.toMatch(/cash/i);

    // The Data Admin: Access → by role Developer, Acme Corp, Finance API → Read.
    const admin = await app.newPage();
    await app.signIn(admin, 'admin@demo.test');
    await nav(admin, 'Access').click();
    await main(admin).getByLabel('Role', { exact: true }).selectOption({ label: 'Developer' });
    await main(admin).getByLabel('In company').selectOption({ label: 'Acme Corp' });
    const finance = main(admin).getByRole('group', { name: 'Finance API', exact: true });
    await finance.getByText('Read', { exact: true }).click();
    await expect.poll(() => finance.getByRole('status').textContent()).toContain('Saved');
    await app.screenshot(admin, 'journey-1-granted');

    // Credentials → a key for Developers on the Finance API, tested.
    await admin.getByRole('banner').getByLabel('Company').selectOption({ label: 'Acme Corp' });
    await nav(admin, 'Credentials').click();
    await main(admin).getByRole('heading', { name: 'Credentials at Acme Corp', level: 1 }).waitFor();
    await main(admin).getByRole('button', { name: 'Add credential', exact: true }).click();
    const form = main(admin).getByRole('form', { name: 'Add credential' });
    await form.getByLabel('API', { exact: true }).selectOption({ label: 'Finance API' });
    await form.getByLabel('Used by').selectOption({ label: 'Developer' });
    await form.getByLabel('Name', { exact: true }).fill('Finance key for developers');
    // Finance API declares an X-API-Key header: the form offers exactly that kind.
    await form.getByLabel('Kind').selectOption({ label: 'API key' });
    const { apiKey } = demoCredential(app.server.sandboxSecret, 'acme', 'finance', 'API_KEY', app.server.sandbox.url)
      .secret as { apiKey: string };
    await form.getByLabel('API key', { exact: true }).fill(apiKey);
    await form.getByRole('button', { name: 'Save credential' }).click();
    const item = main(admin).getByRole('article', { name: 'Finance key for developers', exact: true });
    await item.getByRole('button', { name: 'Test Finance key for developers' }).click();
    await expect.poll(() => item.getByRole('status').textContent()).toMatch(/^ok · HTTP 200/);
    await app.screenshot(admin, 'journey-2-credential-tested');

    // The developer: Finance API's numbers on the dashboard, now readable through the API too...
    await dev.reload();
    await expect.poll(() => main(dev).textContent(), { timeout: 15_000 }).toMatch(/cash/i);
    const cashCard = main(dev).locator('article').filter({ hasText: /cash/i }).first();
    const cash = await app.server.gql<{ readOperation: { data: { total?: number } } }>(
      'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "getCashBalance") { data } }',
      { c: await companyId('acme'), e: await endpointId('acme', 'finance-api') },
      await app.server.login('dev@demo.test'),
    );
    expect(cash.errors).toBeUndefined();
    expect(await cashCard.textContent()).toMatch(/\d/);
    expect(await cashCard.textContent()).not.toMatch(/credential/i);
    await app.screenshot(dev, 'journey-3-developer-dashboard');

    // ...and its tool in the assistant: asked for the cash balance, the trace shows the call.
    await nav(dev, 'Assistant').click();
    const composer = main(dev).getByRole('textbox').first();
    await composer.fill('What is our cash balance?');
    await composer.press('Enter');
    await expect.poll(() => main(dev).textContent(), { timeout: 20_000 }).toMatch(/finance-api · getCashBalance/);
    await app.screenshot(dev, 'journey-4-developer-assistant');
    expect(app.pageErrors(dev)).toEqual([]);
    expect(app.pageErrors(admin)).toEqual([]);
  });

  const companyId = async (slug: string) => (await app.server.db.company.findUniqueOrThrow({ where: { slug } })).id;
  const endpointId = async (company: string, slug: string) =>
    (await app.server.db.apiEndpoint.findFirstOrThrow({ where: { slug, company: { slug: company } } })).id;
});

if (!hasChromium) console.warn(SKIP_REASON);
