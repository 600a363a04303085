// applyFieldRule and parseFieldPaths: the path syntax, ALLOW and REMOVE over objects, arrays
// (root, nested, of scalars), missing paths and non-JSON answers, and never a mutated input.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../lib/errors.ts';
import { applyFieldRule, parseFieldPaths } from './field-filter.ts';

const allow = (data: unknown, ...paths: string[]) => applyFieldRule(data, { mode: 'ALLOW', paths });
const remove = (data: unknown, ...paths: string[]) => applyFieldRule(data, { mode: 'REMOVE', paths });

const payments = {
  data: [
    { id: 'P1', amount: 10, customer: { name: 'Initech', email: 'ap@initech.test' } },
    { id: 'P2', amount: 20, customer: { name: 'Hooli', email: 'ap@hooli.test' } },
  ],
  total: 2,
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('parseFieldPaths', () => {
  it('accepts keys, dots and [] steps, trims, and drops duplicates', () => {
    expect(
      parseFieldPaths([
        ' balance ',
        'items[].customer.email',
        '[].amount',
        'matrix[][].x',
        'balance',
        'hs_object-id:v2',
      ]),
    ).toEqual({
      paths: ['balance', 'items[].customer.email', '[].amount', 'matrix[][].x', 'hs_object-id:v2'],
      keys: [['balance'], ['items', 'customer', 'email'], ['amount'], ['matrix', 'x'], ['hs_object-id:v2']],
    });
  });

  it.each([
    [[], /at least one path/],
    [[''], /Path 1 is empty/],
    [['ok', '   '], /Path 2 is empty/],
    [['a..b'], /empty segment/],
    [['.a'], /empty segment/],
    [['a.'], /empty segment/],
    [['a.[].b'], /empty segment/],
    [['a.*'], /wildcard/],
    [['a.**.b'], /wildcard/],
    [['a?'], /wildcard/],
    [['items[0].email'], /indexes and quotes are not supported/],
    [['a[]b'], /not a key/],
    [['a["b"]'], /not a key/],
    [['a b'], /whitespace/],
    [['[]'], /names no field/],
    [['x'.repeat(201)], /longer than 200 characters/],
    [Array.from({ length: 101 }, (_, i) => `f${i}`), /At most 100 paths/],
    [[42 as unknown as string], /Path 1 is empty/],
  ])('refuses %j', (paths, message) => {
    let error: unknown;
    try {
      parseFieldPaths(paths);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paths' });
    expect((error as Error).message).toMatch(message);
  });

  it('takes exactly 100 paths of 200 characters', () => {
    const paths = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(197)}`);
    expect(parseFieldPaths(paths).paths).toHaveLength(100);
  });
});

describe('applyFieldRule', () => {
  it('without a rule returns the very same data', () => {
    expect(applyFieldRule(payments, null)).toBe(payments);
  });

  it('REMOVE deletes a field from every element of an array of objects', () => {
    expect(remove(payments, 'data[].customer.email')).toEqual({
      data: [
        { id: 'P1', amount: 10, customer: { name: 'Initech' } },
        { id: 'P2', amount: 20, customer: { name: 'Hooli' } },
      ],
      total: 2,
    });
  });

  it('arrays are transparent: data.customer.email is the same path as data[].customer.email', () => {
    expect(remove(payments, 'data.customer.email')).toEqual(remove(payments, 'data[].customer.email'));
    expect(allow(payments, 'data.id')).toEqual(allow(payments, 'data[].id'));
  });

  it('a bare array answer: [].amount and amount reach every element', () => {
    const list = [{ id: 1, amount: 5 }, { id: 2, amount: 6 }, { id: 3 }];
    expect(remove(list, '[].amount')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(remove(list, 'amount')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(allow(list, '[].amount')).toEqual([{ amount: 5 }, { amount: 6 }, {}]);
  });

  it('nested arrays (arrays of arrays, arrays inside elements) are walked to the end', () => {
    const data = {
      matrix: [[{ x: 1, y: 2 }], [{ x: 3, y: 4 }, { x: 5 }]],
      orders: [
        {
          lines: [
            { sku: 'a', cost: 1 },
            { sku: 'b', cost: 2 },
          ],
        },
      ],
    };
    expect(remove(data, 'matrix[][].y', 'orders[].lines[].cost')).toEqual({
      matrix: [[{ x: 1 }], [{ x: 3 }, { x: 5 }]],
      orders: [{ lines: [{ sku: 'a' }, { sku: 'b' }] }],
    });
    expect(allow(data, 'orders[].lines[].sku')).toEqual({ orders: [{ lines: [{ sku: 'a' }, { sku: 'b' }] }] });
  });

  it('ALLOW of a nested field keeps the structure to it and leaves its siblings out', () => {
    expect(allow(payments, 'data[].customer.name')).toEqual({
      data: [{ customer: { name: 'Initech' } }, { customer: { name: 'Hooli' } }],
    });
    expect(allow({ a: { b: { c: 1, d: 2 }, e: 3 }, f: 4 }, 'a.b.c')).toEqual({ a: { b: { c: 1 } } });
  });

  it('ALLOW of a key keeps its whole value, a longer path under it changing nothing', () => {
    expect(allow(payments, 'total', 'data')).toEqual(payments);
    expect(allow(payments, 'data', 'data.id')).toEqual({ data: payments.data });
    expect(remove(payments, 'data', 'data.id')).toEqual({ total: 2 });
  });

  it('missing paths: REMOVE changes nothing, ALLOW keeps nothing of them', () => {
    expect(remove(payments, 'nope', 'data[].nope.deeper', 'total.deeper')).toEqual(payments);
    expect(allow(payments, 'nope')).toEqual({});
    expect(allow(payments, 'total.deeper')).toEqual({});
    expect(allow({ data: [] }, 'data[].id')).toEqual({ data: [] });
  });

  it('non-object answers: REMOVE passes them through, ALLOW keeps nothing (null)', () => {
    for (const data of ['plain text answer', 42, true, null]) {
      expect(remove(data, 'a.b')).toBe(data);
      expect(allow(data, 'a')).toBeNull();
    }
  });

  it('arrays of scalars: a listed array is kept whole; a path deeper than the scalars keeps none of them', () => {
    const data = { tags: ['x', 'y'], mixed: [{ a: 1 }, 'text', 2, null] };
    expect(allow(data, 'tags')).toEqual({ tags: ['x', 'y'] });
    expect(allow(data, 'tags.deeper')).toEqual({ tags: [] });
    expect(allow(data, 'mixed.a')).toEqual({ mixed: [{ a: 1 }] });
    expect(remove(data, 'mixed.a')).toEqual({ tags: ['x', 'y'], mixed: [{}, 'text', 2, null] });
  });

  it('never mutates its input (frozen input, unchanged afterwards), and never shares a changed object', () => {
    const frozen = deepFreeze(structuredClone(payments));
    const copy = structuredClone(payments);
    const removed = remove(frozen, 'data[].customer.email') as typeof payments;
    allow(frozen, 'data[].customer.name', 'total');
    expect(frozen).toEqual(copy);
    expect(removed.data[0]!.customer).not.toBe(frozen.data[0]!.customer);
    removed.data[0]!.customer.name = 'changed';
    expect(frozen.data[0]!.customer.name).toBe('Initech');
  });

  it('__proto__ in an answer is an ordinary key: kept or removed as data, never a prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "safe": 1}') as Record<string, unknown>;
    const kept = allow(data, '__proto__') as Record<string, unknown>;
    expect(Object.hasOwn(kept, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect((kept as { polluted?: unknown }).polluted).toBeUndefined();
    const removed = remove(data, 'safe') as Record<string, unknown>;
    expect(Object.hasOwn(removed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(removed)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a stored rule that does not parse, or has an unknown mode, fails instead of showing data', () => {
    expect(() => applyFieldRule(payments, { mode: 'REMOVE', paths: ['a..b'] })).toThrow(
      /stored field rule does not parse/,
    );
    expect(() => applyFieldRule(payments, { mode: 'REMOVE', paths: ['a..b'] })).not.toThrow(BadInputError);
    expect(() => applyFieldRule(payments, { mode: 'HIDE', paths: ['a'] })).toThrow(/unknown mode/);
  });
});
