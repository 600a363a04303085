import { describe, expect, it } from 'vitest';
import { formatCompact, formatLabel, formatTime, formatValue, isCurrency } from './format.ts';

describe('dashboard formatting', () => {
  it('money in its currency, whole amounts without cents', () => {
    expect(formatValue(8_673_000, 'USD', 'en-US')).toBe('$8,673,000');
    expect(formatValue(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatValue(1500, 'EUR', 'de-DE')).toBe('1.500\u00a0€');
  });

  it('people and counts', () => {
    expect(formatValue(40, 'people', 'en-US')).toBe('40 people');
    expect(formatValue(1, 'people', 'en-US')).toBe('1 person');
    expect(formatValue(12_345, 'count', 'en-US')).toBe('12,345');
    expect(formatValue(7, null, 'en-US')).toBe('7');
  });

  it('compact for axes', () => {
    expect(formatCompact(8_673_000, 'USD', 'en-US')).toBe('$8.7M');
    expect(formatCompact(1200, 'count', 'en-US')).toBe('1.2K');
  });

  it('only three capital letters are a currency', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('people')).toBe(false);
    expect(isCurrency(null)).toBe(false);
  });

  it('month labels read as months; other labels are left alone', () => {
    expect(formatLabel('2026-07', 'en-US')).toBe('Jul 2026');
    expect(formatLabel('Prospecting', 'en-US')).toBe('Prospecting');
  });

  it('times as hh:mm:ss', () => {
    expect(formatTime('2026-11-25T14:05:09Z', 'en-GB')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(formatTime('not a date', 'en-GB')).toBe('');
  });
});
