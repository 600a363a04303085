// The dashboard catalog of the demo world's APIs (sandbox/): which numbers a dashboard shows for
// which of their operations, and which topics each demo role sees first. Given to the dashboards by
// the composition root (tessera.ts) when the demo runs; modules/dashboard/dashboard.catalog.ts
// says what an entry is. New entries make new cards.
import type { CatalogEntry, DashboardCatalog, Topic } from '../modules/dashboard/dashboard.catalog.ts';
import {
  all,
  closedBy,
  continuousMonths,
  countWidget,
  field,
  groupBy,
  groupedCount,
  groupedRows,
  humanize,
  is,
  isNot,
  listOf,
  monthOf,
  num,
  objectOf,
  partialNote,
  pipelineWidgets,
  plural,
  scope,
  ShapeError,
  sum,
  text,
  type Row,
} from '../modules/dashboard/dashboard.derive.ts';
import { HUBSPOT_DEAL_STAGES } from './deal-stages.ts';

const MAX_PARENTS = 5;

const SALESFORCE_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];

// ---- The catalog -------------------------------------------------------------------------

const ENTRIES: CatalogEntry[] = [
  {
    operationKey: 'listOpportunities',
    topic: 'sales',
    params: { limit: 100 },
    widgets: pipelineWidgets({
      amount: 'amount',
      stage: 'stage',
      isClosed: closedBy('isClosed', 'stage'),
      order: SALESFORCE_STAGES,
      noun: ['opportunity', 'opportunities'],
    }),
  },
  {
    operationKey: 'listDeals',
    topic: 'sales',
    params: { limit: 100 },
    widgets: pipelineWidgets({
      amount: 'amount',
      stage: 'dealstage',
      isClosed: closedBy('hs_is_closed', 'dealstage'),
      order: Object.keys(HUBSPOT_DEAL_STAGES),
      rename: HUBSPOT_DEAL_STAGES,
      noun: ['deal', 'deals'],
    }),
  },
  {
    operationKey: 'getCashBalance',
    topic: 'finance',
    widgets: [
      {
        metric: 'cash_total',
        title: 'Cash',
        kind: 'STAT',
        unit: 'USD',
        derive(payload) {
          const doc = objectOf(payload);
          const accounts = Array.isArray(doc.accounts)
            ? doc.accounts.filter((a): a is Row => typeof a === 'object' && a !== null)
            : [];
          const total = num(doc.total) ?? (accounts.length ? sum(accounts.map((a) => num(a.balance))) : null);
          if (total === null) throw new ShapeError('total');
          return {
            value: total,
            series: [],
            caption: `Across ${plural(accounts.length, 'account')}`,
            unit: text(doc.currency) ?? 'USD',
          };
        },
      },
      {
        metric: 'cash_by_account',
        title: 'Cash by account',
        kind: 'BAR',
        unit: 'USD',
        derive(payload) {
          const doc = objectOf(payload);
          if (!Array.isArray(doc.accounts)) throw new ShapeError('accounts');
          const series = groupBy(
            doc.accounts as Row[],
            (a) => text(a.name) ?? text(a.id),
            (a) => num(a.balance),
          );
          return { value: sum(series.map((p) => p.value)), series, caption: null, unit: text(doc.currency) ?? 'USD' };
        },
      },
    ],
  },
  {
    operationKey: 'listInvoices',
    topic: 'finance',
    params: { limit: 100 },
    widgets: [
      {
        metric: 'outstanding',
        title: 'Outstanding invoices',
        kind: 'STAT',
        unit: 'USD',
        derive(payload) {
          const list = listOf(payload);
          const unpaid = list.items.filter(isNot('status', 'paid', 'void', 'cancelled'));
          const overdue = unpaid.filter(is('status', 'overdue'));
          return {
            value: sum(unpaid.map((i) => num(i.amount))),
            series: [],
            caption: `${plural(unpaid.length, 'unpaid invoice')}, ${overdue.length} overdue${partialNote(list)}`,
          };
        },
      },
      {
        metric: 'invoices_by_status',
        title: 'Invoices by status',
        kind: 'PIE',
        unit: 'count',
        derive(payload) {
          const list = listOf(payload);
          const series = groupBy(list.items, field('status'), undefined, {
            order: ['open', 'overdue', 'paid'],
            rename: { open: 'Open', overdue: 'Overdue', paid: 'Paid' },
          });
          return { value: list.items.length, series, caption: partialNote(list).trim() || null };
        },
      },
    ],
  },
  {
    operationKey: 'listPayments',
    topic: 'finance',
    params: { limit: 100 },
    widgets: [
      {
        metric: 'payments_by_month',
        title: 'Payments received by month',
        kind: 'LINE',
        unit: 'USD',
        derive(payload) {
          const list = listOf(payload);
          const month = (p: Row) => monthOf(p.receivedAt ?? p.date ?? p.createdAt);
          // A month without payments is a 0 on the line, not a month that never happened.
          const series = continuousMonths(
            groupBy(
              list.items.filter((p) => month(p) !== null),
              month,
              (p) => num(p.amount),
            ),
          );
          return {
            value: sum(series.map((p) => p.value)),
            series,
            caption: `${plural(list.items.length, 'payment')}${partialNote(list)}`,
          };
        },
      },
    ],
  },
  {
    operationKey: 'getHeadcount',
    topic: 'hr',
    widgets: [
      {
        metric: 'headcount',
        title: 'Headcount',
        kind: 'STAT',
        unit: 'people',
        derive(payload) {
          const doc = objectOf(payload);
          const total = num(doc.total);
          if (total === null) throw new ShapeError('total');
          const departments = Array.isArray(doc.departments)
            ? (doc.departments as Row[]).filter((d) => (num(d.headcount) ?? 0) > 0).length
            : 0;
          return { value: total, series: [], caption: departments ? `In ${plural(departments, 'department')}` : null };
        },
      },
      {
        metric: 'headcount_by_department',
        title: 'Headcount by department',
        kind: 'BAR',
        unit: 'people',
        derive(payload) {
          const doc = objectOf(payload);
          if (!Array.isArray(doc.departments)) throw new ShapeError('departments');
          const series = groupBy(doc.departments as Row[], field('department'), (d) => num(d.headcount)).filter(
            (p) => p.value > 0,
          );
          return { value: sum(series.map((p) => p.value)), series, caption: null };
        },
      },
    ],
  },
  {
    operationKey: 'listOpenPositions',
    topic: 'hr',
    params: { limit: 100 },
    widgets: [
      countWidget('open_positions', 'Open positions', all, (rows, list) => {
        const top = groupBy(rows, field('department'))[0];
        return `${top ? `Most in ${top.label} (${top.value})` : 'None open'}${partialNote(list)}`;
      }),
    ],
  },
  {
    operationKey: 'listIncidents',
    topic: 'operations',
    params: { limit: 100 },
    widgets: [
      countWidget(
        'open_incidents',
        'Open incidents',
        isNot('status', 'resolved', 'closed'),
        (rows, list) => `${rows.filter(is('severity', 'high', 'critical')).length} high severity${partialNote(list)}`,
      ),
      {
        metric: 'incidents_by_severity',
        title: 'Open incidents by severity',
        kind: 'PIE',
        unit: 'count',
        derive(payload) {
          const list = listOf(payload);
          const rows = list.items.filter(isNot('status', 'resolved', 'closed'));
          const series = groupBy(rows, field('severity'), undefined, {
            order: ['critical', 'high', 'medium', 'low'],
            rename: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
          });
          return { value: rows.length, series, caption: partialNote(list).trim() || null };
        },
      },
    ],
  },
  {
    operationKey: 'listShipments',
    topic: 'operations',
    params: { limit: 100 },
    widgets: [
      {
        metric: 'shipments_by_status',
        title: 'Shipments by status',
        kind: 'PIE',
        unit: 'count',
        derive(payload) {
          const list = listOf(payload);
          const series = groupBy(list.items, field('status'), undefined, {
            order: ['delayed', 'in_transit', 'delivered'],
          }).map((p) => ({ ...p, label: humanize(p.label) }));
          const delayed = list.items.filter(is('status', 'delayed')).length;
          return { value: list.items.length, series, caption: `${delayed} delayed${partialNote(list)}` };
        },
      },
    ],
  },
  {
    operationKey: 'listOrders',
    topic: 'operations',
    params: { limit: 100 },
    widgets: [
      {
        metric: 'orders_by_status',
        title: 'Orders by status',
        kind: 'BAR',
        unit: 'count',
        derive(payload) {
          const list = listOf(payload);
          const series = groupBy(list.items, field('status'), undefined, {
            order: ['pending', 'shipped', 'delivered'],
          }).map((p) => ({ ...p, label: humanize(p.label) }));
          return { value: list.items.length, series, caption: partialNote(list).trim() || null };
        },
      },
    ],
  },
  {
    operationKey: 'listPullRequests',
    topic: 'code',
    params: { state: 'open', limit: 100 },
    fanOut: {
      from: 'listRepositories',
      param: 'repo',
      key: 'name',
      label: 'name',
      recency: 'pushed_at',
      max: MAX_PARENTS,
      noun: 'repositories',
    },
    widgets: [
      groupedCount(
        'open_pull_requests',
        'Open pull requests',
        is('state', 'open'),
        (rows) => `${rows.filter((r) => r.review_decision === 'REVIEW_REQUIRED').length} waiting for review`,
      ),
      {
        metric: 'pull_requests_by_repo',
        title: 'Open pull requests by repository',
        kind: 'BAR',
        unit: 'count',
        derive(payload) {
          const { rows, partial, grouped } = groupedRows(payload);
          const series = groupBy(rows.filter(is('state', 'open')), (r) => text(r.__group));
          return { value: sum(series.map((p) => p.value)), series, caption: humanize(scope(grouped, partial)) };
        },
      },
    ],
  },
  {
    operationKey: 'listIssues',
    topic: 'code',
    params: { state: 'open', limit: 100 },
    fanOut: {
      from: 'listRepositories',
      param: 'repo',
      key: 'name',
      label: 'name',
      recency: 'pushed_at',
      max: MAX_PARENTS,
      noun: 'repositories',
    },
    widgets: [
      groupedCount('open_issues', 'Open issues', is('state', 'open'), (rows) =>
        plural(rows.filter((r) => Array.isArray(r.labels) && r.labels.includes('bug')).length, 'bug'),
      ),
    ],
  },
  {
    operationKey: 'listMergeRequests',
    topic: 'code',
    params: { state: 'opened', limit: 100 },
    fanOut: {
      from: 'listProjects',
      param: 'projectId',
      key: 'id',
      label: 'name',
      recency: 'last_activity_at',
      max: MAX_PARENTS,
      noun: 'projects',
    },
    widgets: [
      groupedCount('open_merge_requests', 'Open merge requests', is('state', 'opened'), (rows) => {
        const waiting = rows.filter(
          (r) => !r.draft && (num(r.approvals_given) ?? 0) < (num(r.approvals_required) ?? 0),
        ).length;
        return `${waiting} waiting for approval`;
      }),
    ],
  },
  {
    operationKey: 'listPipelines',
    topic: 'code',
    params: { limit: 100 },
    fanOut: {
      from: 'listProjects',
      param: 'projectId',
      key: 'id',
      label: 'name',
      recency: 'last_activity_at',
      max: MAX_PARENTS,
      noun: 'projects',
    },
    widgets: [
      {
        metric: 'pipelines_by_status',
        title: 'Pipelines by status',
        kind: 'PIE',
        unit: 'count',
        derive(payload) {
          const { rows, partial, grouped } = groupedRows(payload);
          const series = groupBy(rows, field('status'), undefined, { order: ['failed', 'running', 'success'] }).map(
            (p) => ({ ...p, label: humanize(p.label) }),
          );
          const failed = rows.filter(is('status', 'failed')).length;
          return { value: rows.length, series, caption: `${failed} failed, ${scope(grouped, partial)}` };
        },
      },
    ],
  },
];

/** Which topics each demo role sees first; roles not listed see the catalog's own order. */
const ROLE_TOPICS: Record<string, Topic[]> = {
  ceo: ['sales', 'finance', 'operations', 'hr', 'code'],
  cfo: ['finance', 'sales', 'hr', 'operations', 'code'],
  finance_analyst: ['finance', 'sales'],
  accountant: ['finance'],
  coo: ['operations', 'finance', 'hr'],
  operations_manager: ['operations'],
  cto: ['code', 'operations'],
  developer: ['code'],
  devops_engineer: ['code', 'operations'],
  product_manager: ['code', 'sales'],
  sales_manager: ['sales'],
  sales_rep: ['sales'],
  customer_success_manager: ['sales', 'operations'],
  hr_manager: ['hr'],
  recruiter: ['hr'],
};

export const DEMO_DASHBOARD_CATALOG: DashboardCatalog = { entries: ENTRIES, roleTopics: ROLE_TOPICS };
