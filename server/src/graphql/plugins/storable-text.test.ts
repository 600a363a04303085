// The guard the fuzzer asked for (plugins/storable-text.ts): what it refuses and what it must not.
import { describe, expect, it } from 'vitest';
import { findUnstorable } from './storable-text.ts';

describe('findUnstorable', () => {
  it('accepts real-world text: emoji (surrogate pairs), right-to-left marks, accents, CJK, control characters other than NUL', () => {
    expect(
      findUnstorable(
        { name: 'Ünïcode 👩‍👩‍👧‍👦 \u202eشركة\u202c 漢字 \t\n\u0001', list: ['🦄'], n: 1, d: new Date(0) },
        'input',
      ),
    ).toBeNull();
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['two high surrogates', '\ud800\ud800\udc00'],
  ])('refuses %s, naming where it is', (_label, bad) => {
    expect(findUnstorable(bad, 'name')).toBe('name');
    expect(findUnstorable({ secret: { list: ['ok', bad] } }, 'input')).toBe('input.secret.list[1]');
    expect(findUnstorable({ [bad]: 1 }, 'body')).toBe('body');
  });

  it('walks JSON nested far deeper than a recursive walk could', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorable(deep, 'body')).toMatch(/^body(\[0\])+$/);
  });
});
