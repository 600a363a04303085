// The analytics page's arithmetic, kept pure so it is tested without a browser: the date
// range of a preset, sorting the table by any column, and how the figures read.

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const DAY_MS = 86_400_000;

/**
 * The last `days` UTC days, today included: the server counts whole UTC days, so the range
 * runs from a UTC midnight to the midnight after today (exclusive).
 */
export function presetRange(days: number, now: number = Date.now()): { from: string; to: string } {
  const to = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** The figures of one row, as the server sends them. */
export interface UsageFigures {
  key: string;
  label: string;
  calls: number;
  errors: number;
  errorRate: number;
  p50Ms?: number | null;
  p95Ms?: number | null;
  cacheHitRate: number;
  rateLimited: number;
}

export type SortColumn =
  | 'label'
  | 'calls'
  | 'errors'
  | 'errorRate'
  | 'p50Ms'
  | 'p95Ms'
  | 'cacheHitRate'
  | 'rateLimited';
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

/** The table's columns in order; `numeric` columns are right-aligned and start descending. */
export const COLUMNS: readonly { column: SortColumn; title: string; numeric: boolean }[] = [
  { column: 'label', title: 'Name', numeric: false },
  { column: 'calls', title: 'Calls', numeric: true },
  { column: 'errors', title: 'Errors', numeric: true },
  { column: 'errorRate', title: 'Error rate', numeric: true },
  { column: 'p50Ms', title: 'p50', numeric: true },
  { column: 'p95Ms', title: 'p95', numeric: true },
  { column: 'cacheHitRate', title: 'Cache hits', numeric: true },
  { column: 'rateLimited', title: 'Rate limited', numeric: true },
];

/**
 * The rows sorted by `sort`; a row without a latency (no calls) goes last either way, and
 * ties keep the server's order, so a re-sort never shuffles equal rows.
 */
export function sortRows<T extends UsageFigures>(rows: readonly T[], { column, descending }: Sort): T[] {
  const direction = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column] ?? null;
      const y = b.row[column] ?? null;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
      return order === 0 ? a.index - b.index : order * direction;
    })
    .map(({ row }) => row);
}

/** Clicking a column's header: the same column flips, another starts in its natural order. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: COLUMNS.find((c) => c.column === column)?.numeric ?? false };
}

/** 0.256 → "25.6%"; 0 → "0%"; 1 → "100%". */
export function formatRate(rate: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** 12.345 → "12 ms"; 0.4 → "0.4 ms"; 1834 → "1.83 s"; none → "–". */
export function formatMs(ms: number | null | undefined, locale?: string): string {
  if (ms === null || ms === undefined) return '–';
  if (ms >= 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(ms / 1000)} s`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: ms < 10 ? 1 : 0 }).format(ms)} ms`;
}

/** "2026-11-29" → "Nov 29" (the day as the server counted it: UTC). */
export function formatDay(isoDate: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
