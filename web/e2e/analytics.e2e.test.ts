// The analytics page in a real browser: after a few reads through GraphQL (one of them from
// the cache), a platform admin sees the totals, both charts and the table; the table sorts;
// "All companies" adds the company tab; a phone-sized screen still works.
import { beforeAll, describe, expect, it } from 'vitest';
import { worldIds, type WorldIds } from '../../server/test/world.ts';
import { hasChromium, useE2eApp } from './harness.ts';

const READ = `query ($c: ID!, $e: ID!, $o: String!) { readOperation(companyId: $c, endpointId: $e, operation: $o) { status } }`;

describe.skipIf(!hasChromium)('analytics page (Chromium)', () => {
  const app = useE2eApp();
  let ids: WorldIds;

  beforeAll(async () => {
    ids = await worldIds(app.server.db);
    const ceo = await app.server.login('ceo@demo.test');
    const dev = await app.server.login('dev@demo.test');
    await app.server.db.apiEndpoint.update({
      where: { id: ids.endpoint['acme/sales-api'] },
      data: { cacheTtlSeconds: 300 },
    });
    const calls: [string, string, string, string][] = [
      [ceo, 'acme', 'sales-api', 'listAccounts'],
      [ceo, 'acme', 'sales-api', 'listAccounts'],
      [ceo, 'acme', 'finance-api', 'getCashBalance'],
      [dev, 'acme', 'github-api', 'listRepositories'],
      [dev, 'globex', 'gitlab-api', 'listProjects'],
    ];
    for (const [token, company, endpoint, operation] of calls) {
      const res = await app.server.gql(
        READ,
        { c: ids.company[company], e: ids.endpoint[`${company}/${endpoint}`], o: operation },
        token,
      );
      expect(res.errors).toBeUndefined();
    }
    await app.server.tessera.callLog.flush();
  });

  it("shows a company's totals, charts and a sortable table", async () => {
    const page = await app.newPage();
    await app.openPage(page, 'Analytics', { company: 'Acme Corp' });
    const totals = page.getByRole('definition');
    await totals.first().waitFor();
    // The dashboard's own widgets may have called the APIs too: at least our four Acme calls.
    const calls = Number((await totals.first().textContent())!.replace(/\D/g, ''));
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.analytics-chart figcaption').allTextContents()).toEqual([
      'Calls and failures per day',
      'Latency per endpoint (p50 and p95)',
    ]);
    // Recharts draws once its container has been measured.
    await expect.poll(() => page.locator('.analytics-chart-drawing .recharts-wrapper').count()).toBe(2);

    const table = page.getByRole('region', { name: 'Usage by endpoint' });
    const names = () => table.locator('tbody th').allTextContents();
    await expect.poll(names).toEqual(expect.arrayContaining(['Sales API', 'Finance API', 'GitHub API']));
    await table.getByRole('button', { name: 'Endpoint' }).click();
    const sorted = await names();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    expect(await table.locator('th[aria-sort]').textContent()).toContain('Endpoint');

    await page.getByRole('tab', { name: 'By day' }).click();
    const days = page.getByRole('region', { name: 'Usage by day' });
    // The tab's query answers after the click: wait for its rows rather than count at once.
    await expect.poll(() => days.locator('tbody tr').count()).toBe(30);
    await app.screenshot(page, 'analytics-company');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('shows every company to a platform admin, and fits a phone', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.openPage(page, 'Analytics');
    await page.getByLabel('Companies').selectOption({ label: 'All companies' });
    await page.getByRole('tab', { name: 'By company' }).click();
    const table = page.getByRole('region', { name: 'Usage by company' });
    await expect
      .poll(() => table.locator('tbody th').allTextContents())
      .toEqual(expect.arrayContaining(['Acme Corp', 'Globex']));
    // Another period keeps the tab.
    await page.getByRole('button', { name: '7 days' }).click();
    await expect.poll(() => page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => table.locator('tbody th').allTextContents())
      .toEqual(expect.arrayContaining(['Acme Corp', 'Globex']));
    expect(await page.getByRole('tab', { name: 'By company' }).getAttribute('aria-selected')).toBe('true');
    await app.screenshot(page, 'analytics-phone');
    // Nothing wider than the screen but the table's own scrolling box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('says so when a company made no calls, to its company admin (who has no company choice)', async () => {
    await app.server.db.upstreamCall.deleteMany({ where: { companyId: ids.company.globex } });
    const page = await app.newPage();
    await app.openPage(page, 'Analytics', { as: 'companyadmin@demo.test' });
    await expect
      .poll(() => page.locator('.analytics .empty').textContent())
      .toMatch(/^No calls to any API of Globex in the last 30 days\./);
    expect(await page.getByLabel('Companies').count()).toBe(0);
    expect(await page.locator('.analytics-chart').count()).toBe(0);
    expect(app.pageErrors(page)).toEqual([]);
  });
});
