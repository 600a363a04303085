import { describe, expect, it } from 'vitest';
import { checkTokenForm, formatExpiry } from './token-status.ts';

describe('checkTokenForm', () => {
  it.each([
    ['ok', '30', {}],
    ['', '30', { name: 'Give it a name, e.g. “CI reports”.' }],
    ['   ', '30', { name: 'Give it a name, e.g. “CI reports”.' }],
    ['ok', '0', { expiresInDays: 'Between 1 and 365 days.' }],
    ['ok', '366', { expiresInDays: 'Between 1 and 365 days.' }],
    ['ok', '1.5', { expiresInDays: 'Between 1 and 365 days.' }],
    ['ok', '', { expiresInDays: 'Between 1 and 365 days.' }],
    ['ok', '365', {}],
  ])('%j, %j days', (name, days, expected) => {
    expect(checkTokenForm(name, days)).toEqual(expected);
  });
});

describe('formatExpiry', () => {
  const now = new Date('2026-11-29T00:00:00Z');
  it('words near and far dates', () => {
    expect(formatExpiry('2026-12-02T00:00:00Z', now)).toBe('in 3 days');
    expect(formatExpiry('2026-11-29T10:00:00Z', now)).toBe('within a day');
    expect(formatExpiry('2027-01-30T00:00:00Z', now)).toBe('on 2027-01-30');
    expect(formatExpiry('2026-11-01T00:00:00Z', now)).toBe('2026-11-01');
  });
});
