import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatMs,
  formatRate,
  nextSort,
  presetRange,
  sortRows,
  type UsageFigures,
} from './analytics-format.ts';

const row = (label: string, calls: number, p95Ms: number | null): UsageFigures => ({
  key: label,
  label,
  calls,
  errors: 0,
  errorRate: 0,
  p50Ms: p95Ms,
  p95Ms,
  cacheHitRate: 0,
  rateLimited: 0,
});

describe('date range presets', () => {
  it('covers the last n UTC days, today included, from midnight to the midnight after today', () => {
    const now = Date.parse('2026-11-29T15:42:10.123Z');
    expect(presetRange(7, now)).toEqual({ from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' });
    expect(presetRange(90, now).from).toBe('2026-09-01T00:00:00.000Z');
  });

  it('at exactly midnight, the new day is today', () => {
    expect(presetRange(1, Date.parse('2026-11-29T00:00:00.000Z'))).toEqual({
      from: '2026-11-29T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
  });
});

describe('sorting the table', () => {
  const rows = [row('Sales API', 3, 12), row('GitHub API', 9, null), row('Finance API', 3, 80), row('HR API', 1, 5)];

  it('by a number, largest first, ties in the order they came', () => {
    expect(sortRows(rows, { column: 'calls', descending: true }).map((r) => r.label)).toEqual([
      'GitHub API',
      'Sales API',
      'Finance API',
      'HR API',
    ]);
    expect(sortRows(rows, { column: 'calls', descending: false }).map((r) => r.label)).toEqual([
      'HR API',
      'Sales API',
      'Finance API',
      'GitHub API',
    ]);
  });

  it('by name, alphabetically', () => {
    expect(sortRows(rows, { column: 'label', descending: false }).map((r) => r.label)).toEqual([
      'Finance API',
      'GitHub API',
      'HR API',
      'Sales API',
    ]);
  });

  it('puts rows without a latency last in both directions', () => {
    expect(sortRows(rows, { column: 'p95Ms', descending: true }).map((r) => r.label)).toEqual([
      'Finance API',
      'Sales API',
      'HR API',
      'GitHub API',
    ]);
    expect(sortRows(rows, { column: 'p95Ms', descending: false }).map((r) => r.label)).toEqual([
      'HR API',
      'Sales API',
      'Finance API',
      'GitHub API',
    ]);
  });

  it('does not change the rows it was given', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'label', descending: false });
    expect(rows).toEqual(copy);
  });

  it('flips the same column, and starts a number column descending and the name ascending', () => {
    expect(nextSort({ column: 'calls', descending: true }, 'calls')).toEqual({ column: 'calls', descending: false });
    expect(nextSort({ column: 'calls', descending: true }, 'label')).toEqual({ column: 'label', descending: false });
    expect(nextSort({ column: 'label', descending: false }, 'errorRate')).toEqual({
      column: 'errorRate',
      descending: true,
    });
  });
});

describe('figures', () => {
  it('rates as percentages', () => {
    expect(formatRate(0, 'en-US')).toBe('0%');
    expect(formatRate(2 / 7, 'en-US')).toBe('28.6%');
    expect(formatRate(1, 'en-US')).toBe('100%');
  });

  it('durations in ms, seconds past one, a dash when there is none', () => {
    expect(formatMs(12.345, 'en-US')).toBe('12 ms');
    expect(formatMs(0.42, 'en-US')).toBe('0.4 ms');
    expect(formatMs(1834, 'en-US')).toBe('1.83 s');
    expect(formatMs(null)).toBe('–');
  });

  it('days as the server counted them (UTC)', () => {
    expect(formatDay('2026-11-29', 'en-US')).toBe('Nov 29');
    expect(formatDay('2027-01-01', 'en-US')).toBe('Jan 1');
    expect(formatDay('total')).toBe('total');
  });
});
