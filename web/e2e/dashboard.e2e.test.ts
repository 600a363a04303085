// The dashboard in a real browser: the CEO's cards for Acme (pipeline, cash) with the server's
// numbers, Globex's HR and Operations cards after switching company, one failing API costing
// only its own cards until Refresh, the empty state that says why, and phone width.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldIds, type WorldIds } from '../../server/test/world.ts';
import { hasChromium, SKIP_REASON, useE2eApp } from './harness.ts';

interface ServerWidget {
  title: string;
  value: number | null;
  unit: string | null;
  error: string | null;
}

const money = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);

describe.skipIf(!hasChromium)('dashboard (Chromium)', () => {
  const app = useE2eApp();
  let ids: WorldIds;

  /** What the server says the widgets are for this person and company, to compare the page with. */
  async function serverWidgets(email: string, company: string): Promise<ServerWidget[]> {
    const token = await app.server.login(email);
    const res = await app.server.gql<{ dashboard: { widgets: ServerWidget[] } }>(
      'query ($companyId: ID!) { dashboard(companyId: $companyId) { widgets { title value unit error } } }',
      { companyId: ids.company[company] },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.dashboard.widgets;
  }

  const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });
  const cardValue = (page: Page, title: string) => card(page, title).locator('.widget-value').textContent();

  beforeAll(async () => {
    ids = await worldIds(app.server.db);
  });

  it("the CEO sees Acme's pipeline and cash, then Globex's HR and Operations after switching company", async () => {
    const page = await app.newPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await card(page, 'Open pipeline').locator('.widget-value').waitFor();

    const acme = await serverWidgets('ceo@demo.test', 'acme');
    const pipeline = acme.find((w) => w.title === 'Open pipeline')!;
    const cash = acme.find((w) => w.title === 'Cash')!;
    expect(await cardValue(page, 'Open pipeline')).toBe(money(pipeline.value!));
    expect(await cardValue(page, 'Cash')).toBe(money(cash.value!));
    expect(await cardValue(page, 'Cash')).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    // The CEO's most relevant card comes first.
    expect(await page.locator('.widget-grid-stats h3').first().textContent()).toBe('Open pipeline');
    // Charts carry their numbers as a table for screen readers.
    const stages = page.getByRole('table', { name: 'Open pipeline by stage' });
    expect(await stages.getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.locator('.dashboard-updated').textContent()).toMatch(/^Updated \d{1,2}:\d{2}:\d{2}/);
    expect(await page.getByRole('article', { name: /pull requests/i }).count()).toBe(0);
    await app.screenshot(page, 'dashboard-acme-ceo');

    // Globex answers slowly: the cards wait as fixed-size placeholders.
    app.server.sandbox.knobs.setLatency(1500, { company: 'globex' });
    await page.getByLabel('Company').selectOption({ label: 'Globex' });
    await expect.poll(() => page.locator('.widget-placeholder').count()).toBe(6);
    await app.screenshot(page, 'dashboard-globex-loading');
    await card(page, 'Headcount').locator('.widget-value').waitFor({ timeout: 15_000 });
    app.server.sandbox.knobs.setLatency(null, { company: 'globex' });

    const globex = await serverWidgets('ceo@demo.test', 'globex');
    expect(await cardValue(page, 'Headcount')).toBe(`${globex.find((w) => w.title === 'Headcount')!.value} people`);
    expect(await cardValue(page, 'Open incidents')).toBe(
      String(globex.find((w) => w.title === 'Open incidents')!.value),
    );
    await page.getByRole('table', { name: 'Headcount by department' }).waitFor({ state: 'attached' });
    await page.getByRole('table', { name: 'Shipments by status' }).waitFor({ state: 'attached' });
    expect(await card(page, 'Open pipeline').count()).toBe(0);
    expect(await card(page, 'Cash').count()).toBe(0);
    expect(await page.locator('.widget-placeholder').count()).toBe(0);
    await app.screenshot(page, 'dashboard-globex-ceo');
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('a failing API puts a sentence on its own cards only, and Refresh brings the numbers back', async () => {
    // No cached answer may hide the failure.
    await app.server.db.apiEndpoint.update({
      where: { id: ids.endpoint['acme/finance-api'] },
      data: { cacheTtlSeconds: 0 },
    });
    app.server.sandbox.knobs.failNext(100, 503, { company: 'acme', service: 'finance' });
    const page = await app.newPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.getByLabel('Company').selectOption({ label: 'Acme Corp' });
    await card(page, 'Cash').locator('.widget-error').waitFor();
    expect(await card(page, 'Cash').locator('.widget-error').textContent()).toContain(
      'Finance API answered HTTP 503. Try refreshing in a moment.',
    );
    expect(await cardValue(page, 'Open pipeline')).toMatch(/^\$[\d,]+$/);
    await app.screenshot(page, 'dashboard-upstream-error');

    app.server.sandbox.reset();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await card(page, 'Cash').locator('.widget-value').waitFor();
    expect(await cardValue(page, 'Cash')).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Dashboard updated at' }).count()).toBe(1);
    expect(app.pageErrors(page)).toEqual([]);
  });

  it('someone whose role may read nothing is told why, and who can change it', async () => {
    const page = await app.newPage();
    await app.signIn(page, 'cfo@demo.test');
    await page.getByRole('heading', { name: 'Nothing to show yet' }).waitFor();
    expect(await page.locator('.dashboard-empty').textContent()).toContain(
      'Your role at Acme Corp (CFO) cannot read any API yet',
    );
    expect(await page.locator('.dashboard-empty').textContent()).toContain('Ask a Data Admin');
    await app.screenshot(page, 'dashboard-empty');
  });

  it('a developer sees pull requests, and at phone width nothing is wider than the screen', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await app.signIn(page, 'dev@demo.test');
    await page.getByLabel('Company').selectOption({ label: 'Acme Corp' });
    await card(page, 'Open pull requests').locator('.widget-value').waitFor();
    expect(Number(await cardValue(page, 'Open pull requests'))).toBeGreaterThan(0);
    expect(await card(page, 'Cash').count()).toBe(0);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot(page, 'dashboard-developer-phone');
    expect(app.pageErrors(page)).toEqual([]);
  });
});

if (!hasChromium) console.warn(SKIP_REASON);
