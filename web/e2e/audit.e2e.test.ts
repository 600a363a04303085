// The audit log page in a real browser: a permission changed over GraphQL shows up as a row
// with who, what and the request id; filters, "Load more", every company for a platform
// admin, one company for a company admin, and a phone-sized screen.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldIds, type WorldIds } from '../../server/test/world.ts';
import { hasChromium, useE2eApp } from './harness.ts';

const SET_ACCESS = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;

/** Through the navigation, as a person would (and without reloading the app). */
async function openAuditLog(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
}

describe.skipIf(!hasChromium)('audit log page (Chromium)', () => {
  const app = useE2eApp();
  let ids: WorldIds;
  let requestId: string;

  beforeAll(async () => {
    ids = await worldIds(app.server.db);
    const admin = await app.server.login('admin@demo.test');
    const res = await app.server.gql(
      SET_ACCESS,
      {
        roleId: ids.role.cfo,
        companyId: ids.company.acme,
        endpointId: ids.endpoint['acme/finance-api'],
        access: 'READ',
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const row = await app.server.db.auditLog.findFirstOrThrow({
      where: { action: 'permission.set' },
      orderBy: { id: 'desc' },
    });
    requestId = row.requestId!;
    expect(requestId).toBeTruthy();
  });

  it('shows a permission change with who made it, and its details on request', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'admin@demo.test');
    await openAuditLog(page);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent())
      .toMatch(/for Acme Corp/);

    const row = page.locator('.audit-table tbody tr').first();
    expect(await row.locator('.audit-action').textContent()).toBe('Access changed');
    expect(await row.textContent()).toContain('no access → read');
    expect(await row.textContent()).toContain('Dana Admin');
    expect(await row.locator('time').textContent()).toBe('just now');

    await row.getByText('Show').click();
    expect(await row.locator('.audit-details dl').textContent()).toContain(requestId);
    expect(await row.locator('.audit-details pre').textContent()).toContain('"to": "READ"');
    await app.screenshot(page, 'audit-permission-change');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('filters by action, and says so when nothing matches', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'admin@demo.test');
    await openAuditLog(page);
    await page.locator('.audit-table').waitFor();
    await page.getByLabel('Action').selectOption({ label: 'Credential deleted' });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'No entries' }).textContent())
      .toBe('No entries for Acme Corp match these filters.');
    await page.getByLabel('Action').selectOption({ label: 'Access changed' });
    await expect.poll(() => page.locator('.audit-table .audit-action').allTextContents()).toEqual(['Access changed']);

    // A reversed range is explained, not sent.
    await page.getByLabel('From').fill('2030-01-05');
    await page.getByLabel('To').fill('2030-01-02');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The “to” date is before the “from” date.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('.audit-table').waitFor();
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('loads older entries fifty at a time, and every company for a platform admin', async () => {
    const base = Date.now() - 3_600_000;
    await app.server.db.auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        companyId: ids.company.globex,
        action: 'endpoint.update',
        targetType: 'endpoint',
        createdAt: new Date(base - i * 60_000),
        details: { slug: `old-${i}` },
      })),
    });
    const page = await app.newPage();
    await app.signIn(page, 'admin@demo.test');
    const total = await app.server.db.auditLog.count();
    expect(total).toBeGreaterThan(50);
    await openAuditLog(page);
    await page.getByLabel('Companies').selectOption({ label: 'All companies' });
    await page.getByRole('columnheader', { name: 'Company' }).waitFor();
    await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(Math.min(total, 100));
    expect(await page.locator('.audit-table tbody tr').last().textContent()).toContain('Globex');
    expect(await page.locator('.audit-table').textContent()).toContain('Platform-wide');
    await app.screenshot(page, 'audit-all-companies');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a company admin sees their company only, readable on a phone', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.signIn(page, 'companyadmin@demo.test');
    await openAuditLog(page);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent())
      .toMatch(/for Globex/);
    expect(await page.getByLabel('Companies').count()).toBe(0);
    const companies = await page.locator('.audit-table tbody tr').allTextContents();
    expect(companies.some((text) => text.includes('Access changed'))).toBe(false);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await app.screenshot(page, 'audit-phone');
    expect(app.pageErrors(page)).toEqual([]);
  });
});
