// The pure pieces the dashboard catalog is written with: widget types, payload readers and the
// shapes of widget most operations share. Upstream payloads are untrusted: anything not shaped
// as expected throws a ShapeError, which the dashboard turns into that one widget's error
// instead of showing a wrong number.

export interface Point {
  label: string;
  value: number;
}

export interface Metric {
  /** The headline number (a STAT's value; a chart's total). null: nothing sensible to show. */
  value: number | null;
  series: Point[];
  caption: string | null;
  /** Overrides the widget's unit, e.g. the currency the answer names. */
  unit?: string;
}

export type Row = Record<string, unknown>;

export class ShapeError extends Error {}

type WidgetKind = 'STAT' | 'BAR' | 'LINE' | 'PIE';

export interface WidgetSpec {
  /** Stable within the operation: the widget id ends in `<endpoint slug>__<operation key>__<metric>`. */
  metric: string;
  title: string;
  kind: WidgetKind;
  unit: string | null;
  derive(payload: unknown): Metric;
}

/** What a fan-out entry's widgets derive from: one answer per parent visited. */
export interface Grouped {
  parents: number;
  noun: string;
  groups: { label: string; payload: unknown }[];
}

/** A list answer: `{ data: [...], total?, hasMore? }` (the demo APIs) or a bare array. */
export interface ListOf {
  items: Row[];
  /** How many exist upstream, when it says so; else the items seen. */
  total: number;
  /** Only the first page was seen: sums and counts cover `items` only. */
  partial: boolean;
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

export function listOf(payload: unknown): ListOf {
  const data = Array.isArray(payload) ? payload : isRow(payload) ? payload.data : undefined;
  if (!Array.isArray(data) || !data.every(isRow)) throw new ShapeError('expected a list');
  const total =
    isRow(payload) && typeof payload.total === 'number' && payload.total >= data.length ? payload.total : data.length;
  const partial = total > data.length || (isRow(payload) && payload.hasMore === true);
  return { items: data, total, partial };
}

export function objectOf(payload: unknown): Row {
  if (!isRow(payload)) throw new ShapeError('expected an object');
  return payload;
}

/** A finite number, also from a numeric string (HubSpot sends amounts as strings); else null. */
export function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export const sum = (values: readonly (number | null)[]) => round2(values.reduce<number>((acc, v) => acc + (v ?? 0), 0));

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Groups rows by a label and sums `amountOf` (1 per row for counts). Labels listed in `order`
 * come first in that order, the others after, largest first; `rename` makes labels readable.
 */
export function groupBy(
  rows: readonly Row[],
  labelOf: (row: Row) => string | null,
  amountOf: (row: Row) => number | null = () => 1,
  { order = [], rename = {} }: { order?: readonly string[]; rename?: Record<string, string> } = {},
): Point[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const label = labelOf(row) ?? 'Unknown';
    totals.set(label, (totals.get(label) ?? 0) + (amountOf(row) ?? 0));
  }
  const rank = (label: string) => {
    const i = order.findIndex((o) => o.toLowerCase() === label.toLowerCase());
    return i === -1 ? order.length : i;
  };
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y - x || a.localeCompare(b))
    .map(([label, value]) => ({ label: rename[label.toLowerCase()] ?? label, value: round2(value) }));
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "…" appended to a caption when only the first page of a list was seen. */
export function partialNote(list: ListOf): string {
  return list.partial ? ` (first ${list.items.length} of ${list.total})` : '';
}

/** "in_transit" → "In transit". */
export function humanize(label: string): string {
  const spaced = label.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Every month from the first to the last of `points` (labels "YYYY-MM"), the missing ones at 0. */
export function continuousMonths(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.label.localeCompare(b.label));
  if (sorted.length < 2) return sorted;
  const values = new Map(sorted.map((p) => [p.label, p.value]));
  const [fromYear, fromMonth] = sorted[0]!.label.split('-').map(Number) as [number, number];
  const last = sorted[sorted.length - 1]!.label;
  const out: Point[] = [];
  for (let i = 0; out.length === 0 || out[out.length - 1]!.label < last; i++) {
    const date = new Date(Date.UTC(fromYear, fromMonth - 1 + i, 1));
    const label = date.toISOString().slice(0, 7);
    out.push({ label, value: values.get(label) ?? 0 });
  }
  return out;
}

/** "2026-03-14T…" → "2026-03"; null for anything that is not an ISO date. */
export function monthOf(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : null;
}

// ---- Widget shapes the catalog is made of ----------------------------------------------

interface PipelineShape {
  amount: string;
  stage: string;
  isClosed: (row: Row) => boolean;
  order: readonly string[];
  rename?: Record<string, string>;
  /** Singular and plural: ['opportunity', 'opportunities']. */
  noun: [string, string];
}

export function pipelineWidgets(shape: PipelineShape): WidgetSpec[] {
  const open = (payload: unknown): { list: ListOf; rows: Row[] } => {
    const list = listOf(payload);
    if (
      list.items.some(
        (row) => num(row[shape.amount]) === null && row[shape.amount] !== null && row[shape.amount] !== undefined,
      )
    )
      throw new ShapeError('amount');
    return { list, rows: list.items.filter((row) => !shape.isClosed(row)) };
  };
  return [
    {
      metric: 'open_pipeline',
      title: 'Open pipeline',
      kind: 'STAT',
      unit: 'USD',
      derive(payload) {
        const { list, rows } = open(payload);
        return {
          value: sum(rows.map((r) => num(r[shape.amount]))),
          series: [],
          caption: `${plural(rows.length, `open ${shape.noun[0]}`, `open ${shape.noun[1]}`)}${partialNote(list)}`,
        };
      },
    },
    {
      metric: 'pipeline_by_stage',
      title: 'Open pipeline by stage',
      kind: 'BAR',
      unit: 'USD',
      derive(payload) {
        const { list, rows } = open(payload);
        const series = groupBy(
          rows,
          (r) => text(r[shape.stage]),
          (r) => num(r[shape.amount]),
          { order: shape.order, ...(shape.rename ? { rename: shape.rename } : {}) },
        );
        return { value: sum(series.map((p) => p.value)), series, caption: partialNote(list).trim() || null };
      },
    },
  ];
}

export const closedBy = (flag: string, stage: string) => (row: Row) =>
  typeof row[flag] === 'boolean' ? (row[flag] as boolean) : (text(row[stage]) ?? '').toLowerCase().startsWith('closed');

/** A count card over a list: how many rows pass `keep`, with a caption from them. */
export function countWidget(
  metric: string,
  title: string,
  keep: (row: Row) => boolean,
  caption: (rows: Row[], list: ListOf) => string | null,
): WidgetSpec {
  return {
    metric,
    title,
    kind: 'STAT',
    unit: 'count',
    derive(payload) {
      const list = listOf(payload);
      const rows = list.items.filter(keep);
      // With no filter the list's own total is exact even when only its first page was seen.
      return { value: keep === all ? list.total : rows.length, series: [], caption: caption(rows, list) };
    },
  };
}

export const all = () => true;
export const field = (name: string) => (row: Row) => text(row[name]);
export const isNot =
  (name: string, ...values: string[]) =>
  (row: Row) =>
    !values.includes((text(row[name]) ?? '').toLowerCase());
export const is =
  (name: string, ...values: string[]) =>
  (row: Row) =>
    values.includes((text(row[name]) ?? '').toLowerCase());

/** The rows of every group of a fan-out, each tagged with its group's label. */
export function groupedRows(payload: unknown): {
  rows: (Row & { __group: string })[];
  partial: boolean;
  grouped: Grouped;
} {
  const grouped = payload as Grouped;
  if (!grouped || !Array.isArray(grouped.groups)) throw new ShapeError('expected grouped lists');
  const rows: (Row & { __group: string })[] = [];
  let partial = false;
  for (const group of grouped.groups) {
    const list = listOf(group.payload);
    partial ||= list.partial;
    for (const row of list.items) rows.push({ ...row, __group: group.label });
  }
  return { rows, partial, grouped };
}

const singular = (noun: string) => (noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, ''));

/** "in 3 repositories", "in the 5 most recently active of 9 projects". */
export function scope(grouped: Grouped, partial: boolean): string {
  const seen = grouped.groups.length;
  const where =
    seen < grouped.parents
      ? `in the ${seen} most recently active of ${grouped.parents} ${grouped.noun}`
      : `in ${plural(seen, singular(grouped.noun), grouped.noun)}`;
  return partial ? `${where}, first page of each` : where;
}

export function groupedCount(
  metric: string,
  title: string,
  keep: (row: Row) => boolean,
  extra: (rows: Row[]) => string | null = () => null,
): WidgetSpec {
  return {
    metric,
    title,
    kind: 'STAT',
    unit: 'count',
    derive(payload) {
      const { rows, partial, grouped } = groupedRows(payload);
      const kept = rows.filter(keep);
      const more = extra(kept);
      return { value: kept.length, series: [], caption: `${more ? `${more}, ` : ''}${scope(grouped, partial)}` };
    },
  };
}
