import { describe, expect, it } from 'vitest';
import { pathsFromText, ruleSummary, textFromPaths } from './field-rules.ts';

describe('field rule paths in a textarea', () => {
  it('reads one path per line, trimmed, without blank lines', () => {
    expect(pathsFromText('  data[].customer.email \r\n\n   \nbalance\n')).toEqual(['data[].customer.email', 'balance']);
    expect(pathsFromText('')).toEqual([]);
  });

  it('writes the paths back one per line', () => {
    expect(textFromPaths(['a', 'b.c'])).toBe('a\nb.c');
    expect(pathsFromText(textFromPaths(['a', 'b.c']))).toEqual(['a', 'b.c']);
  });

  it('sums a rule up in words', () => {
    expect(ruleSummary('REMOVE', ['accounts[].bank', 'accounts[].accountNumber'])).toBe(
      'Hides accounts[].bank, accounts[].accountNumber',
    );
    expect(ruleSummary('ALLOW', ['total'])).toBe('Shows only total');
  });
});
