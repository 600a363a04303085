// The functions a widget's expression may call besides JSONata's own ($sum, $count, $filter…):
// the shapes most business answers come in (a list with a total, a page of it, grouped rows)
// turned into numbers, labels and captions. They are generic (no API's field names) and pure;
// an answer not shaped as a function expects throws a ShapeError, which a card shows as "answered
// in a form this card does not understand" instead of a wrong number.

export type Row = Record<string, unknown>;

export interface Point {
  label: string;
  value: number;
}

export class ShapeError extends Error {}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSONata hands a one-item sequence over as the item itself and an empty one as undefined. */
const rowsOf = (value: unknown): Row[] =>
  value === undefined || value === null ? [] : ((Array.isArray(value) ? value : [value]) as Row[]);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A finite number, also from a numeric string (HubSpot sends amounts as strings); else undefined. */
function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A non-empty string (numbers as their text); else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

const sumOf = (values: readonly (number | undefined)[]) => round2(values.reduce<number>((acc, v) => acc + (v ?? 0), 0));

/** A list answer: `{ data: [...], total?, hasMore? }` or a bare array. */
export interface ListOf {
  items: Row[];
  /** How many exist upstream, when it says so; else the items seen. */
  total: number;
  /** Only the first page was seen: sums and counts cover `items` only. */
  partial: boolean;
  /** " (first 100 of 240)" when partial, else "": appended to captions. */
  note: string;
}

export function list(payload: unknown): ListOf {
  const data = Array.isArray(payload) ? payload : isRow(payload) ? payload.data : undefined;
  if (!Array.isArray(data) || !data.every(isRow)) throw new ShapeError('expected a list');
  const total =
    isRow(payload) && typeof payload.total === 'number' && payload.total >= data.length ? payload.total : data.length;
  const partial = total > data.length || (isRow(payload) && payload.hasMore === true);
  return { items: data, total, partial, note: partial ? ` (first ${data.length} of ${total})` : '' };
}

function object(payload: unknown): Row {
  if (!isRow(payload)) throw new ShapeError('expected an object');
  return payload;
}

/** The array at `field` of an object; [] when it is not one, unless `required` (then a ShapeError). */
function arrayAt(doc: unknown, field: string, required = false): unknown[] {
  const value = isRow(doc) ? doc[field] : undefined;
  if (Array.isArray(value)) return value;
  if (required) throw new ShapeError(`expected a list at ${field}`);
  return [];
}

/** Only the items that are objects. */
const objects = (values: unknown): Row[] => rowsOf(values).filter(isRow);

/** The rounded sum of a numeric field (numeric strings count; anything else is 0). */
const total = (rows: unknown, field: string) => sumOf(rowsOf(rows).map((r) => num(r?.[field])));

/** The rows, after checking that `field` is a number wherever it is present (else a ShapeError). */
function numbers(rows: unknown, field: string): Row[] {
  const all = rowsOf(rows);
  if (all.some((r) => num(r[field]) === undefined && r[field] !== null && r[field] !== undefined))
    throw new ShapeError(field);
  return all;
}

const lowerText = (row: Row, field: string) => (text(row?.[field]) ?? '').toLowerCase();

/** Rows whose `field`, lower-cased, is one of `values`. */
const where = (rows: unknown, field: string, values: unknown) =>
  rowsOf(rows).filter((r) => rowsOf(values).map(String).includes(lowerText(r, field)));

/** Rows whose `field`, lower-cased, is none of `values`. */
const whereNot = (rows: unknown, field: string, values: unknown) =>
  rowsOf(rows).filter((r) => !rowsOf(values).map(String).includes(lowerText(r, field)));

/** Rows whose `field` is a list holding `value` (labels, tags). */
const whereHas = (rows: unknown, field: string, value: unknown) =>
  rowsOf(rows).filter((r) => Array.isArray(r?.[field]) && (r[field] as unknown[]).includes(value));

/**
 * Groups rows by the first of `labels` (a field name or several) that has text, summing
 * `amount` (1 per row when absent: counts). Labels listed in `order` come first in that order,
 * the others after, largest first; `rename` (keys lower-case) makes labels readable.
 */
function groupBy(
  rows: unknown,
  labels: unknown,
  amount?: string | null,
  order: unknown = [],
  rename: unknown = {},
): Point[] {
  const fields = rowsOf(labels).map(String);
  const orderList = rowsOf(order).map(String);
  const renames = isRow(rename) ? rename : {};
  const totals = new Map<string, number>();
  for (const row of rowsOf(rows)) {
    const label = fields.map((f) => text(row?.[f])).find((t) => t !== undefined) ?? 'Unknown';
    totals.set(label, (totals.get(label) ?? 0) + (amount ? (num(row?.[amount]) ?? 0) : 1));
  }
  const rank = (label: string) => {
    const i = orderList.findIndex((o) => o.toLowerCase() === label.toLowerCase());
    return i === -1 ? orderList.length : i;
  };
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y - x || a.localeCompare(b))
    .map(([label, value]) => ({ label: text(renames[label.toLowerCase()]) ?? label, value: round2(value) }));
}

const plural = (n: number, one: string, many?: string) => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`;

/** "in_transit" → "In transit". */
function humanize(label: unknown): string {
  const spaced = String(label ?? '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The points with readable labels. */
const humanizeLabels = (points: unknown): Point[] =>
  rowsOf(points).map((p) => ({ label: humanize(p.label), value: p.value as number }));

/** "2026-03-14T…" → "2026-03"; undefined for anything that is not an ISO date. */
function monthOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : undefined;
}

/** Every month from the first to the last of `points` (labels "YYYY-MM"), the missing ones at 0. */
function continuousMonths(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.label.localeCompare(b.label));
  if (sorted.length < 2) return sorted;
  const values = new Map(sorted.map((p) => [p.label, p.value]));
  const [fromYear, fromMonth] = sorted[0]!.label.split('-').map(Number) as [number, number];
  const last = sorted[sorted.length - 1]!.label;
  const out: Point[] = [];
  // Bounded: a hostile answer could span thousands of years; a line of 600 months is already unreadable.
  for (let i = 0; (out.length === 0 || out[out.length - 1]!.label < last) && i < 600; i++) {
    const date = new Date(Date.UTC(fromYear, fromMonth - 1 + i, 1));
    const label = date.toISOString().slice(0, 7);
    out.push({ label, value: values.get(label) ?? 0 });
  }
  return out;
}

/**
 * Sums `amount` per month of the rows' date (the first of `dates` that is present, as in
 * `receivedAt ?? date`), rows without a date left out; a month without rows is a 0 on the line.
 */
function byMonth(rows: unknown, dates: unknown, amount?: string | null): Point[] {
  const fields = rowsOf(dates).map(String);
  const month = (r: Row) => monthOf(fields.map((f) => r?.[f]).find((v) => v !== null && v !== undefined));
  const dated = rowsOf(rows)
    .map((r) => ({ __month: month(r), __amount: amount ? r?.[amount] : 1 }))
    .filter((r) => r.__month !== undefined);
  return continuousMonths(groupBy(dated, '__month', '__amount'));
}

/** What the dashboard hands an expression of a fan-out widget: one answer per parent visited. */
export interface Grouped {
  parents: number;
  noun: string;
  groups: { label: string; payload: unknown }[];
}

const singular = (noun: string) => (noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, ''));

/** "in 3 repositories", "in the 5 most recently active of 9 projects" (", first page of each"). */
function scopeOf(grouped: Grouped, partial: boolean): string {
  const seen = grouped.groups.length;
  const whereText =
    seen < grouped.parents
      ? `in the ${seen} most recently active of ${grouped.parents} ${grouped.noun}`
      : `in ${plural(seen, singular(grouped.noun), grouped.noun)}`;
  return partial ? `${whereText}, first page of each` : whereText;
}

/** A fan-out's answers as one list of rows, each with its parent's label in `__group`, and the scope in words. */
function fanOut(payload: unknown): { rows: Row[]; partial: boolean; scope: string } {
  const grouped = payload as Grouped;
  if (!isRow(grouped) || !Array.isArray(grouped.groups)) throw new ShapeError('expected grouped lists');
  const rows: Row[] = [];
  let partial = false;
  for (const group of grouped.groups) {
    const page = list(group.payload);
    partial ||= page.partial;
    for (const row of page.items) rows.push({ ...row, __group: group.label });
  }
  return { rows, partial, scope: scopeOf(grouped, partial) };
}

/** Bound into every expression: `$list($)`, `$groupBy(rows, "status")`, … */
export const WIDGET_FUNCTIONS = {
  list,
  object,
  arrayAt,
  objects,
  total,
  numbers,
  where,
  whereNot,
  whereHas,
  groupBy,
  byMonth,
  plural,
  humanize,
  humanizeLabels,
  monthOf,
  num,
  text,
  fanOut,
} as const;
