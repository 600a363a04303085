// The dashboard widgets of the demo world's APIs (sandbox/), as data: the seed (seed.ts) stores
// them as DashboardWidget rows of every demo company whose endpoints have the operation, like an
// administrator would in the Dashboard settings. Each expression is JSONata over the operation's
// answer, with the functions of modules/dashboard/widget.functions.ts ($list, $groupBy, …).
// ROLE_TOPICS says which widgets each demo role sees first.
import { HUBSPOT_DEAL_STAGES } from './deal-stages.ts';

export interface DemoWidget {
  operationKey: string;
  key: string;
  title: string;
  kind: 'STAT' | 'DELTA' | 'BAR' | 'LINE' | 'PIE' | 'DONUT' | 'TABLE' | 'LIST';
  format: 'CURRENCY' | 'PERCENT' | 'COUNT' | 'DURATION' | null;
  unit: string | null;
  topic: string;
  params?: Record<string, unknown>;
  fanOut?: DemoFanOut;
  expression: string;
  colours?: Record<string, 'GOOD' | 'BAD' | 'NEUTRAL'>;
}

/** For an operation whose required parameter names an item of another list (pulls of a repo). */
interface DemoFanOut {
  from: string;
  param: string;
  key: string;
  label: string;
  recency: string;
  max: number;
  noun: string;
}

const json = (value: unknown) => JSON.stringify(value);
/** The caption of a list's first page only, or null. */
const NOTE_OR_NULL = '$trim($l.note) ? $trim($l.note) : null';

const SALESFORCE_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];

interface PipelineShape {
  operationKey: string;
  amount: string;
  stage: string;
  closedFlag: string;
  order: readonly string[];
  rename?: Record<string, string>;
  noun: [string, string];
}

/** Open deals: closed by their boolean flag or, lacking one, by a stage that starts with "closed". */
const openRows = (s: PipelineShape) => `$l := $list($);
  $rows := $numbers($l.items, ${json(s.amount)});
  $open := $filter($rows, function($r) {
    $not($type($lookup($r, ${json(s.closedFlag)})) = "boolean"
      ? $lookup($r, ${json(s.closedFlag)})
      : $substring($lowercase($text($lookup($r, ${json(s.stage)}))), 0, 6) = "closed")
  });`;

function pipeline(s: PipelineShape): DemoWidget[] {
  return [
    {
      operationKey: s.operationKey,
      key: 'open_pipeline',
      title: 'Open pipeline',
      kind: 'STAT',
      format: 'CURRENCY',
      unit: 'USD',
      topic: 'sales',
      params: { limit: 100 },
      expression: `(
  ${openRows(s)}
  {
    "value": $total($open, ${json(s.amount)}),
    "caption": $plural($count($open), "open ${s.noun[0]}", "open ${s.noun[1]}") & $l.note
  }
)`,
    },
    {
      operationKey: s.operationKey,
      key: 'pipeline_by_stage',
      title: 'Open pipeline by stage',
      kind: 'BAR',
      format: 'CURRENCY',
      unit: 'USD',
      topic: 'sales',
      params: { limit: 100 },
      expression: `(
  ${openRows(s)}
  $series := $groupBy($open, ${json(s.stage)}, ${json(s.amount)}, ${json(s.order)}, ${json(s.rename ?? {})});
  { "value": $total($series, "value"), "series": $series, "caption": ${NOTE_OR_NULL} }
)`,
    },
  ];
}

const countPie = (
  operationKey: string,
  key: string,
  title: string,
  kind: DemoWidget['kind'],
  topic: string,
  order: string[],
  caption: string,
  colours: DemoWidget['colours'],
): DemoWidget => ({
  operationKey,
  key,
  title,
  kind,
  format: 'COUNT',
  unit: 'count',
  topic,
  params: { limit: 100 },
  colours,
  expression: `(
  $l := $list($);
  $series := $humanizeLabels($groupBy($l.items, "status", null, ${json(order)}));
  { "value": $count($l.items), "series": $series, "caption": ${caption} }
)`,
});

const PARENTS = 5;
const REPOSITORIES: DemoFanOut = {
  from: 'listRepositories',
  param: 'repo',
  key: 'name',
  label: 'name',
  recency: 'pushed_at',
  max: PARENTS,
  noun: 'repositories',
};
const PROJECTS: DemoFanOut = {
  from: 'listProjects',
  param: 'projectId',
  key: 'id',
  label: 'name',
  recency: 'last_activity_at',
  max: PARENTS,
  noun: 'projects',
};

/** In the order widgets of the same topic are shown. */
export const DEMO_WIDGETS: DemoWidget[] = [
  ...pipeline({
    operationKey: 'listOpportunities',
    amount: 'amount',
    stage: 'stage',
    closedFlag: 'isClosed',
    order: SALESFORCE_STAGES,
    noun: ['opportunity', 'opportunities'],
  }),
  ...pipeline({
    operationKey: 'listDeals',
    amount: 'amount',
    stage: 'dealstage',
    closedFlag: 'hs_is_closed',
    order: Object.keys(HUBSPOT_DEAL_STAGES),
    rename: { ...HUBSPOT_DEAL_STAGES },
    noun: ['deal', 'deals'],
  }),
  {
    operationKey: 'getCashBalance',
    key: 'cash_total',
    title: 'Cash',
    kind: 'STAT',
    format: 'CURRENCY',
    unit: 'USD',
    topic: 'finance',
    expression: `(
  $doc := $object($);
  $accounts := $objects($arrayAt($doc, "accounts"));
  $cash := $num($doc.total) ?? ($count($accounts) > 0 ? $total($accounts, "balance") : null);
  $cash = null ? $error("total") : {
    "value": $cash,
    "caption": "Across " & $plural($count($accounts), "account"),
    "unit": $text($doc.currency) ?? "USD"
  }
)`,
  },
  {
    operationKey: 'getCashBalance',
    key: 'cash_by_account',
    title: 'Cash by account',
    kind: 'BAR',
    format: 'CURRENCY',
    unit: 'USD',
    topic: 'finance',
    expression: `(
  $doc := $object($);
  $series := $groupBy($arrayAt($doc, "accounts", true), ["name", "id"], "balance");
  { "value": $total($series, "value"), "series": $series, "caption": null, "unit": $text($doc.currency) ?? "USD" }
)`,
  },
  {
    operationKey: 'listInvoices',
    key: 'outstanding',
    title: 'Outstanding invoices',
    kind: 'STAT',
    format: 'CURRENCY',
    unit: 'USD',
    topic: 'finance',
    params: { limit: 100 },
    expression: `(
  $l := $list($);
  $unpaid := $whereNot($l.items, "status", ["paid", "void", "cancelled"]);
  $overdue := $where($unpaid, "status", ["overdue"]);
  {
    "value": $total($unpaid, "amount"),
    "caption": $plural($count($unpaid), "unpaid invoice") & ", " & $count($overdue) & " overdue" & $l.note
  }
)`,
  },
  {
    operationKey: 'listInvoices',
    key: 'invoices_by_status',
    title: 'Invoices by status',
    kind: 'PIE',
    format: 'COUNT',
    unit: 'count',
    topic: 'finance',
    params: { limit: 100 },
    colours: { open: 'NEUTRAL', overdue: 'BAD', paid: 'GOOD' },
    expression: `(
  $l := $list($);
  $series := $groupBy($l.items, "status", null, ["open", "overdue", "paid"], {"open": "Open", "overdue": "Overdue", "paid": "Paid"});
  { "value": $count($l.items), "series": $series, "caption": ${NOTE_OR_NULL} }
)`,
  },
  {
    operationKey: 'listPayments',
    key: 'payments_by_month',
    title: 'Payments received by month',
    kind: 'LINE',
    format: 'CURRENCY',
    unit: 'USD',
    topic: 'finance',
    params: { limit: 100 },
    expression: `(
  $l := $list($);
  $series := $byMonth($l.items, ["receivedAt", "date", "createdAt"], "amount");
  { "value": $total($series, "value"), "series": $series, "caption": $plural($count($l.items), "payment") & $l.note }
)`,
  },
  {
    operationKey: 'getHeadcount',
    key: 'headcount',
    title: 'Headcount',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'people',
    topic: 'hr',
    expression: `(
  $doc := $object($);
  $people := $num($doc.total);
  $departments := $count($filter($arrayAt($doc, "departments"), function($d) { ($num($d.headcount) ?? 0) > 0 }));
  $exists($people) = false ? $error("total") : {
    "value": $people,
    "caption": $departments > 0 ? "In " & $plural($departments, "department") : null
  }
)`,
  },
  {
    operationKey: 'getHeadcount',
    key: 'headcount_by_department',
    title: 'Headcount by department',
    kind: 'BAR',
    format: 'COUNT',
    unit: 'people',
    topic: 'hr',
    expression: `(
  $doc := $object($);
  $series := [$filter($groupBy($arrayAt($doc, "departments", true), "department", "headcount"), function($p) { $p.value > 0 })];
  { "value": $total($series, "value"), "series": $series, "caption": null }
)`,
  },
  {
    operationKey: 'listOpenPositions',
    key: 'open_positions',
    title: 'Open positions',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'count',
    topic: 'hr',
    params: { limit: 100 },
    expression: `(
  $l := $list($);
  $top := $groupBy($l.items, "department")[0];
  {
    "value": $l.total,
    "caption": ($top ? "Most in " & $top.label & " (" & $top.value & ")" : "None open") & $l.note
  }
)`,
  },
  {
    operationKey: 'listIncidents',
    key: 'open_incidents',
    title: 'Open incidents',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'count',
    topic: 'operations',
    params: { limit: 100 },
    expression: `(
  $l := $list($);
  $open := $whereNot($l.items, "status", ["resolved", "closed"]);
  {
    "value": $count($open),
    "caption": $count($where($open, "severity", ["high", "critical"])) & " high severity" & $l.note
  }
)`,
  },
  {
    operationKey: 'listIncidents',
    key: 'incidents_by_severity',
    title: 'Open incidents by severity',
    kind: 'PIE',
    format: 'COUNT',
    unit: 'count',
    topic: 'operations',
    params: { limit: 100 },
    colours: { critical: 'BAD', high: 'BAD', medium: 'NEUTRAL', low: 'NEUTRAL' },
    expression: `(
  $l := $list($);
  $open := $whereNot($l.items, "status", ["resolved", "closed"]);
  $series := $groupBy($open, "severity", null, ["critical", "high", "medium", "low"], {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low"});
  { "value": $count($open), "series": $series, "caption": ${NOTE_OR_NULL} }
)`,
  },
  countPie(
    'listShipments',
    'shipments_by_status',
    'Shipments by status',
    'PIE',
    'operations',
    ['delayed', 'in_transit', 'delivered'],
    '$count($where($l.items, "status", ["delayed"])) & " delayed" & $l.note',
    { delayed: 'BAD', 'in transit': 'NEUTRAL', delivered: 'GOOD' },
  ),
  countPie(
    'listOrders',
    'orders_by_status',
    'Orders by status',
    'BAR',
    'operations',
    ['pending', 'shipped', 'delivered'],
    NOTE_OR_NULL,
    { pending: 'NEUTRAL', shipped: 'NEUTRAL', delivered: 'GOOD' },
  ),
  {
    operationKey: 'listPullRequests',
    key: 'open_pull_requests',
    title: 'Open pull requests',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'count',
    topic: 'code',
    params: { state: 'open', limit: 100 },
    fanOut: REPOSITORIES,
    expression: `(
  $g := $fanOut($);
  $open := $where($g.rows, "state", ["open"]);
  $waiting := $count($filter($open, function($r) { $r.review_decision = "REVIEW_REQUIRED" }));
  { "value": $count($open), "caption": $waiting & " waiting for review, " & $g.scope }
)`,
  },
  {
    operationKey: 'listPullRequests',
    key: 'pull_requests_by_repo',
    title: 'Open pull requests by repository',
    kind: 'BAR',
    format: 'COUNT',
    unit: 'count',
    topic: 'code',
    params: { state: 'open', limit: 100 },
    fanOut: REPOSITORIES,
    expression: `(
  $g := $fanOut($);
  $series := $groupBy($where($g.rows, "state", ["open"]), "__group");
  { "value": $total($series, "value"), "series": $series, "caption": $humanize($g.scope) }
)`,
  },
  {
    operationKey: 'listIssues',
    key: 'open_issues',
    title: 'Open issues',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'count',
    topic: 'code',
    params: { state: 'open', limit: 100 },
    fanOut: REPOSITORIES,
    expression: `(
  $g := $fanOut($);
  $open := $where($g.rows, "state", ["open"]);
  { "value": $count($open), "caption": $plural($count($whereHas($open, "labels", "bug")), "bug") & ", " & $g.scope }
)`,
  },
  {
    operationKey: 'listMergeRequests',
    key: 'open_merge_requests',
    title: 'Open merge requests',
    kind: 'STAT',
    format: 'COUNT',
    unit: 'count',
    topic: 'code',
    params: { state: 'opened', limit: 100 },
    fanOut: PROJECTS,
    expression: `(
  $g := $fanOut($);
  $open := $where($g.rows, "state", ["opened"]);
  $waiting := $count($filter($open, function($r) {
    ($r.draft ? false : true) and ($num($r.approvals_given) ?? 0) < ($num($r.approvals_required) ?? 0)
  }));
  { "value": $count($open), "caption": $waiting & " waiting for approval, " & $g.scope }
)`,
  },
  {
    operationKey: 'listPipelines',
    key: 'pipelines_by_status',
    title: 'Pipelines by status',
    kind: 'PIE',
    format: 'COUNT',
    unit: 'count',
    topic: 'code',
    params: { limit: 100 },
    fanOut: PROJECTS,
    colours: { failed: 'BAD', running: 'NEUTRAL', success: 'GOOD' },
    expression: `(
  $g := $fanOut($);
  $series := $humanizeLabels($groupBy($g.rows, "status", null, ["failed", "running", "success"]));
  {
    "value": $count($g.rows),
    "series": $series,
    "caption": $count($where($g.rows, "status", ["failed"])) & " failed, " & $g.scope
  }
)`,
  },
];

/** Which topics each demo role sees first; roles not listed see the widgets' own order. */
export const ROLE_TOPICS: Record<string, string[]> = {
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

/**
 * Where a widget stands for a role (lowest first), or null when the role does not place it: its
 * topic's place among the role's topics, then the widget's own place.
 */
export function demoRolePosition(roleKey: string, widgetIndex: number): number | null {
  const topic = ROLE_TOPICS[roleKey]?.indexOf(DEMO_WIDGETS[widgetIndex]!.topic) ?? -1;
  return topic === -1 ? null : topic * 1000 + widgetIndex;
}
