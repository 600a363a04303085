// The answer, computed from the data: one short section per tool (counts, sums, top items,
// breakdowns), recognised by the shape of the data, with a generic summary for anything else.
// Upstream text is only ever quoted (titles, names), never phrased as the planner's own words.
import type { Item } from './results.ts';
import type { Outcome } from './tasks.ts';
import {
  breakdown as breakdownOf,
  countBy,
  humanize as humanizeOf,
  label,
  money,
  plural,
  quote,
  stem,
  sum,
  tokens,
  type Labels,
} from './text.ts';

export const SIGNATURE = '— answered by the offline planner (no AI model is configured)';

interface Context {
  o: Outcome;
  items: Item[];
  /** The question's stemmed words ("failed", "open", "overdue"). */
  focus: Set<string>;
  /** "from Sales API". */
  from: string;
  /** humanize() and breakdown() with the vocabulary's labels (stage ids and the like). */
  humanize: (value: unknown) => string;
  breakdown: (counts: Map<string, number>, order?: readonly string[]) => string;
}

type Composer = { matches(c: Context): boolean; lines(c: Context): string[] };

const num = (item: Item, field: string) =>
  typeof item[field] === 'number' && Number.isFinite(item[field]) ? (item[field] as number) : undefined;
const str = (item: Item, field: string) => (typeof item[field] === 'string' ? (item[field] as string) : undefined);
const has = (items: Item[], ...fields: string[]) => items.length > 0 && items.some((i) => fields.some((f) => f in i));
const currency = (items: Item[]) => str(items[0] ?? {}, 'currency') ?? 'USD';
const day = (value: unknown) => (typeof value === 'string' ? label(value.slice(0, 10)) : undefined);
const nameOf = (item: Item) =>
  item.name ??
  item.title ??
  item.dealname ??
  (item.firstname || item.lastname ? `${String(item.firstname ?? '')} ${String(item.lastname ?? '')}` : undefined) ??
  item.customer ??
  item.id;
const singular = (resource: string) => resource.replace(/\S+$/, (w) => stem(w));
const count = (n: number, resource: string) => plural(n, singular(resource), resource);
const byAmount = (field: string) => (a: Item, b: Item) => (num(b, field) ?? 0) - (num(a, field) ?? 0);

const pipeline: Composer = {
  matches: ({ items }) => has(items, 'amount') && has(items, 'stage', 'dealstage'),
  lines({ o, items, from, humanize, breakdown }) {
    const stage = (i: Item) => str(i, 'stage') ?? str(i, 'dealstage') ?? 'unknown';
    const closed = (i: Item) =>
      typeof i.isClosed === 'boolean'
        ? i.isClosed
        : typeof i.hs_is_closed === 'boolean'
          ? i.hs_is_closed
          : /closed/i.test(stage(i));
    const won = (i: Item) =>
      typeof i.isWon === 'boolean'
        ? i.isWon
        : typeof i.hs_is_closed_won === 'boolean'
          ? i.hs_is_closed_won
          : /won/i.test(stage(i));
    const open = items.filter((i) => !closed(i)).sort(byAmount('amount'));
    const cur = currency(items);
    const openTotal = sum(open.map((i) => num(i, 'amount') ?? 0));
    const lines = [
      `Sales pipeline ${from}: ${count(open.length, `open ${o.tool.resource}`)} worth ${money(openTotal, cur)} in total.`,
    ];
    if (open.length > 0) {
      lines.push(`Largest open ${o.tool.resource}:`);
      open.slice(0, 3).forEach((i, n) => {
        const closes = day(i.closeDate ?? i.closedate);
        lines.push(
          `${n + 1}. ${quote(nameOf(i))} — ${money(num(i, 'amount') ?? 0, cur)} (${humanize(stage(i))}${closes ? `, closing ${closes}` : ''})`,
        );
      });
      lines.push(`Open by stage: ${breakdown(countBy(open, stage))}.`);
    }
    const wins = items.filter((i) => closed(i) && won(i));
    const losses = items.filter((i) => closed(i) && !won(i));
    if (wins.length + losses.length > 0)
      lines.push(
        `Closed: ${wins.length} won (${money(sum(wins.map((i) => num(i, 'amount') ?? 0)), cur)}), ${losses.length} lost.`,
      );
    return lines;
  },
};

const cashBalance: Composer = {
  matches: ({ o }) => !!o.doc && typeof o.doc.total === 'number' && Array.isArray(o.doc.accounts),
  lines({ o, from }) {
    const doc = o.doc!;
    const cur = typeof doc.currency === 'string' ? doc.currency : 'USD';
    const asOf = day(doc.asOf);
    const lines = [`Cash balance ${from}: ${money(doc.total as number, cur)} in total${asOf ? ` as of ${asOf}` : ''}.`];
    for (const account of (doc.accounts as unknown[]).filter((a): a is Item => typeof a === 'object' && a !== null)) {
      const bank = str(account, 'bank');
      lines.push(
        `- ${label(account.name ?? account.id)}${bank ? ` (${label(bank)})` : ''}: ${money(num(account, 'balance') ?? 0, str(account, 'currency') ?? cur)}`,
      );
    }
    if (typeof doc.openReceivables === 'number') {
      const overdue =
        typeof doc.overdueReceivables === 'number' ? `, of which ${money(doc.overdueReceivables, cur)} overdue` : '';
      lines.push(`Open receivables: ${money(doc.openReceivables, cur)}${overdue}.`);
    }
    return lines;
  },
};

const headcount: Composer = {
  matches: ({ o }) => !!o.doc && typeof o.doc.total === 'number' && Array.isArray(o.doc.departments),
  lines({ o, from, breakdown }) {
    const doc = o.doc!;
    const departments = (doc.departments as unknown[]).filter((d): d is Item => typeof d === 'object' && d !== null);
    const lines = [`Headcount ${from}: ${plural(doc.total as number, 'employee')}.`];
    const counts = new Map(
      departments.map((d) => [String(d.department ?? d.name ?? '?'), num(d, 'headcount') ?? num(d, 'count') ?? 0]),
    );
    if (counts.size > 0) lines.push(`By department: ${breakdown(counts)}.`);
    const onLeave = sum(departments.map((d) => num(d, 'onLeave') ?? 0));
    if (onLeave > 0) lines.push(`On leave: ${onLeave}.`);
    if (typeof doc.openPositions === 'number') lines.push(`Open positions: ${doc.openPositions}.`);
    return lines;
  },
};

const invoices: Composer = {
  matches: ({ items }) => has(items, 'amount') && has(items, 'status') && has(items, 'dueDate', 'due_date'),
  lines({ o, items, from, breakdown }) {
    const cur = currency(items);
    const total = (list: Item[]) => money(sum(list.map((i) => num(i, 'amount') ?? 0)), cur);
    const status = (i: Item) => str(i, 'status') ?? 'unknown';
    const overdue = items.filter((i) => status(i) === 'overdue').sort(byAmount('amount'));
    const open = items.filter((i) => status(i) === 'open');
    const lines = [
      `Invoices ${from}: ${plural(o.total ?? items.length, 'invoice')} — ${breakdown(countBy(items, status))}.`,
    ];
    lines.push(`Overdue: ${plural(overdue.length, 'invoice')}, ${total(overdue)}.`);
    if (open.length > 0) lines.push(`Open (not yet due): ${plural(open.length, 'invoice')}, ${total(open)}.`);
    if (overdue.length > 0) lines.push('Largest overdue:');
    for (const i of overdue.slice(0, 3))
      lines.push(
        `- ${label(i.id)} ${quote(i.customer ?? nameOf(i))}: ${money(num(i, 'amount') ?? 0, cur)}, due ${day(i.dueDate ?? i.due_date) ?? '?'}`,
      );
    return lines;
  },
};

const pullRequests: Composer = {
  matches: ({ items, o }) =>
    has(items, 'requested_reviewers', 'review_decision') ||
    (o.tool.resourceWords.includes('pull') && has(items, 'state')),
  lines({ o, items, from, breakdown }) {
    const open = items.filter((i) => i.state === 'open');
    const reviewers = (i: Item) =>
      Array.isArray(i.requested_reviewers)
        ? i.requested_reviewers.map((r) => label(typeof r === 'object' && r ? ((r as Item).login ?? '?') : r))
        : [];
    const waiting = open.filter(
      (i) => i.draft !== true && (i.review_decision === 'REVIEW_REQUIRED' || reviewers(i).length > 0),
    );
    const drafts = open.filter((i) => i.draft === true).length;
    const lines = [
      `Pull requests ${from}: ${waiting.length} open, non-draft pull ${waiting.length === 1 ? 'request waits' : 'requests wait'} for review (of ${plural(open.length, 'open pull request')}).`,
    ];
    for (const i of waiting.slice(0, 10)) {
      const where = o.parentOf.get(i) ?? label(i.repo ?? '');
      const who = reviewers(i);
      lines.push(
        `- ${where}#${label(i.number ?? i.id)} ${quote(i.title)} by ${label(i.user ?? '?')}${who.length ? ` — reviewers: ${who.join(', ')}` : ''}`,
      );
    }
    const others = countBy(
      open.filter((i) => !waiting.includes(i) && i.draft !== true),
      (i) => i.review_decision ?? 'no review',
    );
    if (drafts > 0 || others.size > 0)
      lines.push(`Other open: ${[drafts > 0 ? `draft ${drafts}` : '', breakdown(others)].filter(Boolean).join(', ')}.`);
    return lines;
  },
};

const mergeRequests: Composer = {
  matches: ({ items }) => has(items, 'approvals_required', 'detailed_merge_status'),
  lines({ o, items, from, breakdown }) {
    const open = items.filter((i) => i.state === 'opened' || i.state === 'open');
    const waiting = open.filter(
      (i) => i.draft !== true && (num(i, 'approvals_given') ?? 0) < (num(i, 'approvals_required') ?? 1),
    );
    const lines = [
      `Merge requests ${from}: ${waiting.length} open, non-draft merge ${waiting.length === 1 ? 'request waits' : 'requests wait'} for approval (of ${plural(open.length, 'open merge request')}; ${breakdown(countBy(items, (i) => i.state))} in total).`,
    ];
    for (const i of waiting.slice(0, 10)) {
      lines.push(
        `- ${o.parentOf.get(i) ?? ''}!${label(i.iid ?? i.id)} ${quote(i.title)} by ${label(i.author ?? '?')} — approvals ${num(i, 'approvals_given') ?? 0}/${num(i, 'approvals_required') ?? '?'}`,
      );
    }
    return lines;
  },
};

const ciPipelines: Composer = {
  matches: ({ items, o }) =>
    o.tool.resourceWords.includes('pipeline') && has(items, 'status') && has(items, 'ref', 'sha'),
  lines({ o, items, from, breakdown }) {
    const counts = countBy(items, (i) => i.status);
    const failed = items.filter((i) => i.status === 'failed');
    counts.delete('failed');
    const others = breakdown(counts, ['running', 'pending', 'success']);
    const lines = [
      `CI pipelines ${from}: ${failed.length} failed of ${plural(items.length, 'pipeline')}${others ? ` (${others})` : ''}.`,
    ];
    for (const i of failed.slice(0, 10))
      lines.push(
        `- ${o.parentOf.get(i) ?? ''} #${label(i.iid ?? i.id)} on ${label(i.ref ?? '?')} (${day(i.created_at) ?? ''})`,
      );
    return lines;
  },
};

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];
const incidents: Composer = {
  matches: ({ items }) => has(items, 'severity') && has(items, 'status'),
  lines({ o, items, from, humanize, breakdown }) {
    const resolved = (i: Item) => /^(resolved|closed|done|mitigated)$/i.test(String(i.status));
    const unresolved = items.filter((i) => !resolved(i));
    unresolved.sort((a, b) => SEVERITY_ORDER.indexOf(String(a.severity)) - SEVERITY_ORDER.indexOf(String(b.severity)));
    if (unresolved.length === 0)
      return [
        `Incidents ${from}: no open incidents; all ${plural(items.length, o.tool.resource === 'incidents' ? 'incident' : 'item')} are resolved.`,
      ];
    const lines = [
      `Incidents ${from}: ${unresolved.length} open (${breakdown(countBy(unresolved, (i) => i.status))}) of ${plural(o.total ?? items.length, 'incident')} in total.`,
    ];
    lines.push(
      `Open by severity: ${breakdown(
        countBy(unresolved, (i) => i.severity),
        SEVERITY_ORDER,
      )}.`,
    );
    for (const i of unresolved.slice(0, 8)) {
      lines.push(
        `- ${label(i.id)} [${humanize(i.severity)}] ${quote(i.title)} — ${humanize(i.status)}${i.owner ? `, owner ${label(i.owner)}` : ''}${day(i.reportedAt) ? `, reported ${day(i.reportedAt)}` : ''}`,
      );
    }
    return lines;
  },
};

const MONEY_FIELDS = ['amount', 'total', 'value', 'balance', 'price'];
const GROUP_FIELDS = [
  'status',
  'stage',
  'dealstage',
  'state',
  'severity',
  'department',
  'lifecyclestage',
  'type',
  'industry',
  'language',
  'carrier',
  'method',
];

/** "10 pending orders", "5 employees on leave", "14 open positions" (not "open open positions"). */
function focusedCount(n: number, value: string, resource: string): string {
  const noun = n === 1 ? singular(resource) : resource;
  if (tokens(resource).includes(stem(value.toLowerCase()))) return `${n} ${noun}`;
  return value.includes(' ') ? `${n} ${noun} ${value.toLowerCase()}` : `${n} ${value} ${noun}`;
}

/** Any list: count, money sum and top items, breakdown, and a count for a value the question names. */
const generic: Composer = {
  matches: ({ items }) => items.length > 0,
  lines({ o, items, focus, from, humanize, breakdown }) {
    const resource = o.tool.resource;
    const heading = `${resource[0]!.toUpperCase()}${resource.slice(1)} ${from}`;
    const totalCount = o.total ?? items.length;
    const group = GROUP_FIELDS.find((f) => {
      const values = new Set(items.map((i) => i[f]).filter((v) => typeof v === 'string'));
      return values.size >= 1 && values.size <= 12 && items.every((i) => typeof i[f] === 'string' || i[f] == null);
    });
    const counts = group ? countBy(items, (i) => i[group]) : undefined;
    const focused = counts ? [...counts.keys()].find((value) => tokens(value).some((t) => focus.has(t))) : undefined;
    const lines = [
      focused
        ? `${heading}: ${focusedCount(counts!.get(focused)!, humanize(focused), resource)} (of ${totalCount} in total).`
        : `${heading}: ${count(totalCount, resource)} in total.`,
    ];
    const scoped = focused ? items.filter((i) => i[group!] === focused) : items;
    const field = MONEY_FIELDS.find((f) => items.some((i) => num(i, f) !== undefined));
    if (field) {
      lines.push(
        `Total ${field === 'total' ? 'value' : field}: ${money(sum(scoped.map((i) => num(i, field) ?? 0)), currency(items))}.`,
      );
      const top = [...scoped].sort(byAmount(field)).slice(0, 3);
      lines.push(
        `Largest: ${top.map((i) => `${quote(nameOf(i), 60)} ${money(num(i, field) ?? 0, currency(items))}`).join('; ')}.`,
      );
    } else {
      for (const i of scoped.slice(0, 5))
        lines.push(`- ${quote(nameOf(i))}${group && i[group] ? ` (${humanize(i[group])})` : ''}`);
    }
    if (counts && counts.size > 1) lines.push(`By ${humanize(group)}: ${breakdown(counts)}.`);
    return lines;
  },
};

/** A single object (a get* result): its plain fields. */
function docLines(o: Outcome, from: string, humanize: Context['humanize']): string[] {
  const fields = Object.entries(o.doc!).filter(
    ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  );
  const shown = fields
    .slice(0, 10)
    .map(
      ([k, v]) =>
        `- ${humanize(k)}: ${typeof v === 'number' && /amount|balance|total|revenue|price/i.test(k) ? money(v) : quote(v, 60)}`,
    );
  return [`${o.tool.resource[0]!.toUpperCase()}${o.tool.resource.slice(1)} ${from}:`, ...shown];
}

const COMPOSERS = [
  cashBalance,
  headcount,
  pipeline,
  invoices,
  pullRequests,
  mergeRequests,
  ciPipelines,
  incidents,
  generic,
];

function section(o: Outcome, question: string, labels: Labels = {}): string {
  const from = `from ${o.tool.source}`;
  const lines: string[] = [];
  const items = o.items ?? [];
  const context: Context = {
    o,
    items,
    focus: new Set(tokens(question)),
    from,
    humanize: (value) => humanizeOf(value, labels),
    breakdown: (counts, order) => breakdownOf(counts, order, labels),
  };
  const composer = COMPOSERS.find((c) => c.matches(context));
  if (composer) {
    const [headline, ...rest] = composer.lines(context);
    lines.push(headline!, ...(o.scope ? [o.scope] : []), ...rest);
  } else if (o.doc) lines.push(...docLines(o, from, context.humanize));
  else if (o.errors.length === 0)
    lines.push(`${o.tool.resource[0]!.toUpperCase()}${o.tool.resource.slice(1)} ${from}: none found.`);
  lines.push(...o.errors, ...o.notes);
  return lines.join('\n');
}

export function composeAnswer(question: string, outcomes: Outcome[], labels: Labels = {}): string {
  return `${outcomes.map((o) => section(o, question, labels)).join('\n\n')}\n\n${SIGNATURE}`;
}
