// My APIs → "Try" in a real browser, as the CEO of Acme: a read runs at once and shows its
// answer (status, duration, cached or not, the JSON as a tree); a write shows the exact request
// and reaches the API only after the second press.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('My APIs → Try an operation (Chromium)', () => {
  const app = useE2eApp();
  const main = (page: Page) => page.locator('main');
  const openMyApis = (page: Page) =>
    app.openPage(page, 'My APIs', {
      as: 'ceo@demo.test',
      company: 'Acme Corp',
      heading: 'APIs you can use at Acme Corp',
    });
  /** Calls in the call log (written in batches: flushed first). */
  const calls = async (operationKey: string) => {
    await app.server.tessera.callLog.flush();
    return app.server.db.upstreamCall.count({ where: { operationKey } });
  };

  it('runs a read at once: enum choices, the answer with its facts and a tree, then from the cache', async () => {
    const page = await openPageAsCeo();
    // The dashboard the CEO lands on reads invoices too: counted from here.
    const before = await calls('listInvoices');
    await main(page).getByRole('button', { name: 'Try listInvoices' }).click();
    const form = main(page).getByRole('form', { name: 'Parameters of listInvoices' });
    const status = form.getByLabel('Status');
    expect(await status.locator('option').allTextContents()).toEqual(['(none)', 'open', 'paid', 'overdue']);
    await status.selectOption({ label: 'open' });
    await form.getByLabel('Limit').fill('500');
    await form.getByRole('button', { name: 'Send' }).click();
    // Checked before sending: the schema says at most 100.
    await expect.poll(() => form.locator('.field-error').allTextContents()).toEqual(['At most 100.']);
    expect(await calls('listInvoices')).toBe(before);
    await form.getByLabel('Limit').fill('5');
    await form.getByRole('button', { name: 'Send' }).click();

    const facts = main(page).locator('.console-facts');
    await expect.poll(() => facts.textContent()).toMatch(/HTTP 200.*\d+ ms.*not cached/);
    const tree = main(page).getByRole('region', { name: 'Answer' });
    expect(await tree.locator('summary').first().textContent()).toMatch(/\{\d+ fields?\}|\[\d+ items?\]/);
    expect(await tree.textContent()).toContain('"open"');
    expect(await tree.textContent()).not.toContain('"paid"');
    await app.screenshot(page, 'console-read');

    await form.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => facts.textContent()).toMatch(/from the cache/);
    expect(await calls('listInvoices')).toBe(before + 2);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('shows a write exactly and sends it only on the second press', async () => {
    const ceo = await app.server.login('ceo@demo.test');
    const ids = await app.server.db.apiEndpoint.findFirstOrThrow({
      where: { slug: 'sales-api', company: { slug: 'acme' } },
      select: { id: true, companyId: true },
    });
    const listed = await app.server.gql<{ readOperation: { data: { data: { id: string }[] } } }>(
      'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listOpportunities", params: { limit: 1 }) { data } }',
      { c: ids.companyId, e: ids.id },
      ceo,
    );
    const id = listed.data!.readOperation.data.data[0]!.id;

    const page = await openPageAsCeo();
    await main(page).getByRole('button', { name: 'Try updateOpportunity' }).click();
    const form = main(page).getByRole('form', { name: 'Parameters of updateOpportunity' });
    await form.getByLabel('Id').fill(id);
    await form.getByLabel('Amount').fill('123456');
    await form.getByRole('button', { name: 'Review request' }).click();

    const confirm = main(page).getByRole('alertdialog');
    const request = await confirm.locator('pre').textContent();
    expect(request).toContain(`PATCH /opportunities/${id}`);
    expect(JSON.parse(request!.slice(request!.indexOf('{')))).toEqual({ amount: 123456 });
    expect(await calls('updateOpportunity')).toBe(0); // nothing sent yet
    await app.screenshot(page, 'console-write-confirm');

    await confirm.getByRole('button', { name: 'Send this request' }).click();
    const facts = main(page).locator('.console-facts');
    await expect.poll(() => facts.textContent()).toMatch(/HTTP 20\d/);
    expect(await main(page).getByRole('region', { name: 'Answer' }).textContent()).toContain('123456');
    expect(await calls('updateOpportunity')).toBe(1);
    // Through the gateway like any write: audited with the person who sent it.
    const audited = await app.server.db.auditLog.findFirstOrThrow({
      where: { action: 'upstream.write', companyId: ids.companyId },
      orderBy: { id: 'desc' },
    });
    expect(audited.actorEmail).toBe('ceo@demo.test');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it("Preview as: an administrator runs a read as the role would, with the role's own answer", async () => {
    const page = await app.newPage();
    await app.openPage(page, 'Access');
    await main(page).getByLabel('Role', { exact: true }).selectOption({ label: 'Developer' });
    await main(page).getByLabel('In company').selectOption({ label: 'Acme Corp' });
    const panel = main(page).getByRole('complementary');
    await panel.getByRole('button', { name: 'Try github-api__listRepositories as Developer' }).click();
    const form = panel.getByRole('form', { name: 'Parameters of listRepositories' });
    await form.getByLabel('Limit').fill('2');
    await form.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => panel.locator('.console-facts').textContent()).toMatch(/HTTP 200/);
    await app.server.tessera.callLog.flush();
    const call = await app.server.db.upstreamCall.findFirstOrThrow({
      where: { operationKey: 'listRepositories', source: 'preview' },
    });
    const [admin, developer] = await Promise.all([
      app.server.db.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } }),
      app.server.db.role.findUniqueOrThrow({ where: { key: 'developer' } }),
    ]);
    expect(call).toMatchObject({ userId: admin.id, roleId: developer.id });
    await app.screenshot(page, 'console-preview-as');
    expect(app.pageErrors(page)).toEqual([]);
  });

  async function openPageAsCeo() {
    const page = await app.newPage();
    await openMyApis(page);
    return page;
  }
});

if (!hasChromium) console.warn(SKIP_REASON);
