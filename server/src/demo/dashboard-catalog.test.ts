// The demo dashboard catalog's derivations against payloads the real sandbox generators produce,
// with the expected numbers computed independently from the generators' own collections.
import { describe, expect, it } from 'vitest';
import { API_TEMPLATES } from './apis.ts';
import { handleApi } from '../sandbox/routes.ts';
import { Store } from '../sandbox/store.ts';
import { catalogEntry as entryOf } from '../modules/dashboard/dashboard.catalog.ts';
import { listOf, ShapeError, type Grouped, type Metric, type Row } from '../modules/dashboard/dashboard.derive.ts';
import { topicOrder as orderOf } from '../modules/dashboard/dashboard.order.ts';
import { DEMO_DASHBOARD_CATALOG } from './dashboard-catalog.ts';

const CATALOG = DEMO_DASHBOARD_CATALOG.entries;
const catalogEntry = (operationKey: string) => entryOf(DEMO_DASHBOARD_CATALOG, operationKey);
const topicOrder = (roleKeys: readonly string[]) => orderOf(DEMO_DASHBOARD_CATALOG, roleKeys);

const store = new Store();

function get(company: string, service: string, path: string): unknown {
  const url = new URL(path, 'http://sandbox');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const res = handleApi(store, { company, service, method: 'GET', segments, query: url.searchParams, body: {} });
  expect(res.status).toBe(200);
  return res.body;
}

const rows = (company: string, service: string, collection: string) =>
  store.collections(company, service)[collection] as Row[];
const total = (items: Row[], field = 'amount') =>
  Math.round(items.reduce((s, i) => s + (i[field] as number), 0) * 100) / 100;

function derive(operationKey: string, metric: string, payload: unknown): Metric {
  const spec = catalogEntry(operationKey)?.widgets.find((w) => w.metric === metric);
  if (!spec) throw new Error(`no widget ${operationKey}/${metric}`);
  return spec.derive(payload);
}

/** What the dashboard hands a fan-out entry: the `max` most recently active parents' answers. */
function grouped(
  company: string,
  service: string,
  parentPath: string,
  childPath: (key: string) => string,
  operationKey: string,
): Grouped {
  const fan = catalogEntry(operationKey)!.fanOut!;
  const parents = listOf(get(company, service, parentPath));
  const picked = [...parents.items]
    .sort((a, b) => String(b[fan.recency]).localeCompare(String(a[fan.recency])))
    .slice(0, fan.max);
  return {
    parents: parents.total,
    noun: fan.noun,
    groups: picked.map((p) => ({
      label: String(p[fan.label]),
      payload: get(company, service, childPath(String(p[fan.key]))),
    })),
  };
}

describe('the catalog names real operations', () => {
  const gets = new Map<string, Set<string>>();
  for (const template of Object.values(API_TEMPLATES)) {
    gets.set(template.service, new Set(template.operations.filter((o) => o.method === 'GET').map((o) => o.key)));
  }
  it.each(CATALOG.map((e) => [e.operationKey, e] as const))(
    '%s is a GET operation of a demo API (and its fan-out source too)',
    (key, entry) => {
      const service = [...gets].find(([, keys]) => keys.has(key));
      expect(service, key).toBeDefined();
      if (entry.fanOut) expect(service![1].has(entry.fanOut.from)).toBe(true);
      expect(new Set(entry.widgets.map((w) => w.metric)).size).toBe(entry.widgets.length);
    },
  );
});

describe('sales', () => {
  it('listOpportunities: open pipeline is the sum of the opportunities not closed, by stage in Salesforce order', () => {
    const payload = get('acme', 'salesforce', '/opportunities?limit=100');
    const open = rows('acme', 'salesforce', 'opportunities').filter((o) => !o.isClosed);
    expect(open.length).toBeGreaterThan(0);
    const stat = derive('listOpportunities', 'open_pipeline', payload);
    expect(stat.value).toBe(total(open));
    expect(stat.caption).toBe(`${open.length} open opportunities`);
    const bar = derive('listOpportunities', 'pipeline_by_stage', payload);
    expect(bar.series.map((p) => p.label)).toEqual(
      ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Negotiation'].filter((s) =>
        open.some((o) => o.stage === s),
      ),
    );
    expect(bar.series.find((p) => p.label === 'Negotiation')?.value ?? 0).toBe(
      total(open.filter((o) => o.stage === 'Negotiation')),
    );
    expect(bar.value).toBe(stat.value);
  });

  it('listDeals: HubSpot deals, readable stage names, amounts given as strings still add up', () => {
    const payload = get('globex', 'hubspot', '/deals?limit=100') as { data: Row[] };
    const open = rows('globex', 'hubspot', 'deals').filter((d) => !d.hs_is_closed);
    expect(derive('listDeals', 'open_pipeline', payload).value).toBe(total(open));
    const stringly = { ...payload, data: payload.data.map((d) => ({ ...d, amount: String(d.amount) })) };
    expect(derive('listDeals', 'open_pipeline', stringly).value).toBe(total(open));
    const labels = derive('listDeals', 'pipeline_by_stage', payload).series.map((p) => p.label);
    expect(labels[0]).toBe('Appointment scheduled');
    expect(labels).not.toContain('Closed won');
  });

  it('an amount that is not a number is a shape error, not a wrong sum', () => {
    expect(() =>
      derive('listOpportunities', 'open_pipeline', { data: [{ amount: 'lots', stage: 'Proposal' }] }),
    ).toThrow(ShapeError);
  });
});

describe('finance', () => {
  it('getCashBalance: the total and each account', () => {
    const payload = get('acme', 'finance', '/cash-balance') as { total: number; accounts: Row[] };
    const stat = derive('getCashBalance', 'cash_total', payload);
    expect(stat.value).toBe(payload.total);
    expect(stat.value).toBe(total(rows('acme', 'finance', 'bankAccounts'), 'balance'));
    expect(stat).toMatchObject({ unit: 'USD', caption: 'Across 3 accounts' });
    const bar = derive('getCashBalance', 'cash_by_account', payload);
    expect(bar.series).toHaveLength(3);
    expect(bar.series.find((p) => p.label === 'Operating account')?.value).toBe(
      payload.accounts.find((a) => a.id === 'operating')!.balance,
    );
  });

  it('getCashBalance without a total or accounts is a shape error', () => {
    expect(() => derive('getCashBalance', 'cash_total', { hello: 'world' })).toThrow(ShapeError);
    expect(() => derive('getCashBalance', 'cash_by_account', [])).toThrow(ShapeError);
  });

  it('listInvoices: outstanding is every invoice not paid; the pie counts by status', () => {
    const payload = get('acme', 'finance', '/invoices?limit=100');
    const invoices = rows('acme', 'finance', 'invoices');
    const unpaid = invoices.filter((i) => i.status !== 'paid');
    const stat = derive('listInvoices', 'outstanding', payload);
    expect(stat.value).toBe(total(unpaid));
    expect(stat.caption).toBe(
      `${unpaid.length} unpaid invoices, ${invoices.filter((i) => i.status === 'overdue').length} overdue`,
    );
    const pie = derive('listInvoices', 'invoices_by_status', payload);
    expect(pie.value).toBe(invoices.length);
    expect(pie.series.reduce((s, p) => s + p.value, 0)).toBe(invoices.length);
  });

  it('listPayments: a line of months in order, summing to every payment', () => {
    const line = derive('listPayments', 'payments_by_month', get('acme', 'finance', '/payments?limit=100'));
    const payments = rows('acme', 'finance', 'payments');
    expect(line.value).toBe(total(payments));
    const months = [...new Set(payments.map((p) => String(p.receivedAt).slice(0, 7)))].sort();
    expect(line.series[0]!.label).toBe(months[0]);
    expect(line.series.at(-1)!.label).toBe(months.at(-1));
    expect(line.series.filter((p) => p.value > 0).map((p) => p.label)).toEqual(months);
  });

  it('a month without payments is on the line at 0', () => {
    const line = derive('listPayments', 'payments_by_month', {
      data: [
        { amount: 100, receivedAt: '2025-11-03T10:00:00Z' },
        { amount: 50, receivedAt: '2026-02-20T10:00:00Z' },
        { amount: 25, receivedAt: '2026-02-21T10:00:00Z' },
      ],
    });
    expect(line.series).toEqual([
      { label: '2025-11', value: 100 },
      { label: '2025-12', value: 0 },
      { label: '2026-01', value: 0 },
      { label: '2026-02', value: 75 },
    ]);
    expect(line.value).toBe(175);
  });

  it('a partial list says so in the caption', () => {
    const stat = derive('listInvoices', 'outstanding', get('acme', 'finance', '/invoices?limit=5&status=paid'));
    expect(stat.value).toBe(0);
    const all = derive('listInvoices', 'outstanding', {
      data: [{ amount: 10, status: 'open' }],
      total: 40,
      hasMore: true,
    });
    expect(all.caption).toBe('1 unpaid invoice, 0 overdue (first 1 of 40)');
  });
});

describe('HR and operations', () => {
  it('getHeadcount: total people and per department (departments without anyone left out)', () => {
    const payload = get('globex', 'hr', '/headcount');
    const employees = rows('globex', 'hr', 'employees');
    expect(derive('getHeadcount', 'headcount', payload)).toMatchObject({ value: employees.length });
    const bar = derive('getHeadcount', 'headcount_by_department', payload);
    expect(bar.value).toBe(employees.length);
    expect(bar.series.every((p) => p.value > 0)).toBe(true);
    expect(bar.series.find((p) => p.label === 'Engineering')?.value).toBe(
      employees.filter((e) => e.department === 'Engineering').length,
    );
  });

  it('listOpenPositions: how many are open, and where most are', () => {
    const positions = rows('globex', 'hr', 'positions');
    const stat = derive('listOpenPositions', 'open_positions', get('globex', 'hr', '/positions?limit=100'));
    expect(stat.value).toBe(positions.length);
    expect(stat.caption).toMatch(/^Most in \w+ \(\d+\)$/);
  });

  it('listIncidents: open ones, by severity, highest first', () => {
    const payload = get('globex', 'operations', '/incidents?limit=100');
    const open = rows('globex', 'operations', 'incidents').filter((i) => i.status !== 'resolved');
    expect(derive('listIncidents', 'open_incidents', payload).value).toBe(open.length);
    const pie = derive('listIncidents', 'incidents_by_severity', payload);
    expect(pie.series.reduce((s, p) => s + p.value, 0)).toBe(open.length);
    const order = ['High', 'Medium', 'Low'];
    expect(pie.series.map((p) => p.label)).toEqual(
      order.filter((l) => open.some((i) => i.severity === l.toLowerCase())),
    );
  });

  it('listShipments and listOrders: counts by status with readable labels', () => {
    const shipments = rows('globex', 'operations', 'shipments');
    const pie = derive('listShipments', 'shipments_by_status', get('globex', 'operations', '/shipments?limit=100'));
    expect(pie.value).toBe(shipments.length);
    expect(pie.series.find((p) => p.label === 'In transit')?.value ?? 0).toBe(
      shipments.filter((s) => s.status === 'in_transit').length,
    );
    const orders = derive('listOrders', 'orders_by_status', get('globex', 'operations', '/orders?limit=100'));
    expect(orders.series.reduce((s, p) => s + p.value, 0)).toBe(rows('globex', 'operations', 'orders').length);
  });
});

describe('code (fan-out over repositories and projects)', () => {
  it('listPullRequests: open pull requests of the most recently active repositories, and per repository', () => {
    const g = grouped(
      'acme',
      'github',
      '/repos?limit=100',
      (repo) => `/repos/${repo}/pulls?state=open&limit=100`,
      'listPullRequests',
    );
    const names = new Set(g.groups.map((x) => x.label));
    const open = rows('acme', 'github', 'pulls').filter((p) => p.state === 'open' && names.has(String(p.repo)));
    expect(g.groups).toHaveLength(5);
    const stat = derive('listPullRequests', 'open_pull_requests', g);
    expect(stat.value).toBe(open.length);
    expect(stat.caption).toBe(
      `${open.filter((p) => p.review_decision === 'REVIEW_REQUIRED').length} waiting for review, in the 5 most recently active of ${g.parents} repositories`,
    );
    const bar = derive('listPullRequests', 'pull_requests_by_repo', g);
    expect(bar.series.map((p) => p.label).sort()).toEqual([...new Set(open.map((p) => String(p.repo)))].sort());
  });

  it('listPipelines: pipelines of the most recently active projects by status', () => {
    const g = grouped(
      'globex',
      'gitlab',
      '/projects?limit=100',
      (id) => `/projects/${id}/pipelines?limit=100`,
      'listPipelines',
    );
    const ids = new Set(
      listOf(get('globex', 'gitlab', '/projects?limit=100'))
        .items.filter((p) => g.groups.some((x) => x.label === p.name))
        .map((p) => p.id),
    );
    const pipelines = rows('globex', 'gitlab', 'pipelines').filter((p) => ids.has(p.project_id));
    const pie = derive('listPipelines', 'pipelines_by_status', g);
    expect(pie.value).toBe(pipelines.length);
    expect(pie.series.find((p) => p.label === 'Failed')?.value ?? 0).toBe(
      pipelines.filter((p) => p.status === 'failed').length,
    );
    expect(pie.caption).toMatch(/^\d+ failed, in the 5 most recently active of \d+ projects$/);
  });

  it('a group that is not a list is a shape error', () => {
    expect(() =>
      derive('listPullRequests', 'open_pull_requests', {
        parents: 1,
        noun: 'repositories',
        groups: [{ label: 'x', payload: { nope: true } }],
      }),
    ).toThrow(ShapeError);
    expect(() => derive('listPullRequests', 'open_pull_requests', 'text')).toThrow(ShapeError);
  });

  it('fewer parents than the maximum: "in 2 repositories"', () => {
    const stat = derive('listIssues', 'open_issues', {
      parents: 2,
      noun: 'repositories',
      groups: [
        { label: 'a', payload: { data: [{ state: 'open', labels: ['bug'] }] } },
        { label: 'b', payload: { data: [] } },
      ],
    });
    expect(stat).toMatchObject({ value: 1, caption: '1 bug, in 2 repositories' });
  });
});

describe('widget order by role', () => {
  it('a CEO sees sales and finance first, a developer code, an HR manager HR; anyone else the catalog order', () => {
    expect(topicOrder(['ceo']).slice(0, 2)).toEqual(['sales', 'finance']);
    expect(topicOrder(['developer'])[0]).toBe('code');
    expect(topicOrder(['hr_manager'])[0]).toBe('hr');
    expect(topicOrder(['legal_counsel'])).toEqual([...new Set(CATALOG.map((e) => e.topic))]);
    expect(new Set(topicOrder(['cfo', 'developer'])).size).toBe(5);
  });
});
