// The hostile-value generator of the mutation and query fuzzer: a seeded PRNG (a failure reproduces from
// its seed), the places ("slots") of a mutation's variables where a value can go, found by
// walking the schema through input objects and lists, and per GraphQL type a pool of values
// an attacker or a broken client would send.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { canonicalJson } from '../../src/lib/canonical-json.ts';

/** JSON text of any value, however deep (JSON.stringify overflows the stack near 5,000 levels). */
export const jsonText = (value: unknown): string => canonicalJson(value);

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items of `pool`, chosen by `random`; all of them when the pool is smaller. */
export function sample<T>(pool: readonly T[], count: number, random: () => number): T[] {
  const copy = [...pool];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/** One place in a mutation's variables: `['input', 'operations', 0, 'path']`. */
export interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every argument, every field of input objects (recursively) and the first item of lists. */
export function slotsOf(field: GraphQLField<unknown, unknown>): Slot[] {
  const out: Slot[] = [];
  const walk = (path: (string | number)[], type: GraphQLInputType, depth: number) => {
    out.push({ path, type });
    if (depth > 4) return;
    const inner = getNullableType(type);
    if (isListType(inner)) walk([...path, 0], inner.ofType, depth + 1);
    else if (isInputObjectType(inner))
      for (const f of Object.values(inner.getFields())) walk([...path, f.name], f.type, depth + 1);
  };
  for (const arg of field.args) walk([arg.name], arg.type, 0);
  return out;
}

/** A printable name of a value, short enough for a test title. */
export function describeValue(label: string, value: unknown): string {
  return `${label} (${value === undefined ? 0 : jsonText(value).length} chars of JSON)`;
}

export interface Hostile {
  label: string;
  value: unknown;
}

const MB = 1024 * 1024;
/** Right-to-left override and mark, zero-width joiner, emoji, combining marks, NUL, a lone surrogate. */
const UNICODE_SOUP = '\u202e\u200f\u200d👩‍👩‍👧‍👦\u0301\u0000\ud800ﷺ𝕳𝖊𝖑𝖑𝖔 مرحبا 你好 ';

function nested(depth: number): unknown {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Hostile strings: for String, and (as wrong or malformed values) for ID, enums and JSON. */
export const HOSTILE_STRINGS: Hostile[] = [
  // Over the 1 MB body cap (a clean 413), and just under it, so a resolver sees it.
  { label: '1 MB string', value: 'x'.repeat(MB) },
  { label: '900 kB string', value: 'y'.repeat(900_000) },
  {
    label: '10k chars of unicode soup',
    value: UNICODE_SOUP.repeat(Math.ceil(10_000 / UNICODE_SOUP.length)).slice(0, 10_000),
  },
  { label: 'empty string', value: '' },
  { label: 'whitespace', value: ' \t\n\u00a0\u2003 ' },
  { label: 'NUL in the middle', value: 'fuzz\u0000value' },
  { label: 'lone surrogate', value: 'a\udc00b' },
  { label: 'SQL injection', value: "'; DROP TABLE users; --" },
  { label: 'SQL tautology', value: "' OR '1'='1" },
  { label: 'JSON fragment', value: '{"$where":1}' },
  { label: 'prototype keys', value: '__proto__' },
  { label: 'constructor', value: 'constructor' },
  { label: 'path traversal', value: '../../../../etc/passwd' },
  { label: 'format string', value: '%s%s%n%x{0}${7*7}{{7*7}}' },
  { label: 'HTML', value: '<script>alert(1)</script>' },
  { label: 'CRLF header injection', value: 'a\r\nX-Injected: 1' },
  { label: 'RTL and emoji', value: '\u202eevil\u202c 🦄🦄🦄' },
];

/** Wrong-typed values for a scalar or enum slot (GraphQL must refuse them as bad input). */
const WRONG_TYPES: Hostile[] = [
  { label: 'object instead of a scalar', value: { id: 1, $ne: null } },
  { label: 'array instead of a scalar', value: ['a', 'b'] },
  { label: 'boolean instead of a scalar', value: true },
  { label: 'float', value: 1.5 },
];

const NUMBERS: Hostile[] = [
  { label: 'negative', value: -1 },
  { label: 'zero', value: 0 },
  { label: 'Int min', value: -2147483648 },
  { label: 'Int max', value: 2147483647 },
  { label: '2^31 (over Int)', value: 2 ** 31 },
  { label: '2^53+1', value: 2 ** 53 + 1 },
  { label: '-1e308', value: -1e308 },
  { label: '"NaN" string', value: 'NaN' },
  { label: '"Infinity" string', value: 'Infinity' },
  { label: 'numeric string', value: '12' },
  { label: 'fraction', value: 0.000001 },
];

const MALFORMED_IDS: Hostile[] = [
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'unknown v4 UUID', value: 'ffffffff-ffff-4fff-bfff-ffffffffffff' },
  { label: 'short id', value: 'abc' },
  { label: 'UUID with a tail', value: '00000000-0000-4000-8000-000000000000; DROP TABLE users' },
  { label: 'integer id', value: 12345 },
  { label: 'negative integer id', value: -1 },
  { label: 'UUID in braces', value: '{00000000-0000-4000-8000-000000000000}' },
];

/** DateTime edges: valid RFC 3339 that no database year holds (0000, 10000 in UTC), the last valid second, and malformed ones. */
const DATES: Hostile[] = [
  { label: 'not a date', value: 'not a date' },
  { label: 'month 13', value: '2024-13-45T99:99:99Z' },
  { label: 'February 30', value: '2024-02-30T00:00:00Z' },
  { label: 'year 0000', value: '0000-01-01T00:00:00Z' },
  { label: 'year 0000 at the end', value: '0000-12-31T23:59:59Z' },
  { label: 'last second of 9999', value: '9999-12-31T23:59:59Z' },
  { label: '9999-12-31 at -23:59 (year 10000 in UTC)', value: '9999-12-31T23:59:59-23:59' },
  { label: 'year 10000', value: '10000-01-01T00:00:00Z' },
  { label: 'year -271821', value: '-271821-04-20T00:00:00Z' },
  { label: 'bare -271821', value: '-271821' },
  { label: 'year 275760+ (far future)', value: '+275761-01-01T00:00:00Z' },
  { label: 'epoch number', value: 0 },
  { label: 'far-future epoch number', value: 8.64e15 + 1 },
];

const HOSTILE_JSON: Hostile[] = [
  // JSON.parse makes "__proto__" an own key, as a request body does; an object literal would not.
  { label: 'JSON __proto__ key', value: JSON.parse('{"__proto__":{"isPlatformAdmin":true,"polluted":1}}') },
  { label: 'JSON constructor.prototype', value: JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') },
  { label: 'JSON $where', value: { $where: 1, $ne: null } },
  { label: 'JSON nested 1000 deep', value: nested(1000) },
  // Deeper than JSON.stringify, recursive walks and the stack reach (issue 16, item 9); and the
  // bound's edges (graphql/plugins/argument-bounds.ts: 64 levels).
  { label: 'JSON nested 10,000 deep', value: nested(10_000) },
  { label: 'JSON nested 64 deep', value: nested(63) },
  { label: 'JSON nested 65 deep', value: nested(64) },
  { label: 'JSON array of 100k', value: Array.from({ length: 100_000 }, (_, i) => i) },
  { label: 'JSON 900 kB string value', value: { v: 'x'.repeat(900_000) } },
  { label: 'JSON string', value: 'just a string' },
  { label: 'JSON number', value: -1 },
  { label: 'JSON empty object', value: {} },
  { label: 'JSON empty array', value: [] },
  { label: 'JSON unicode keys', value: { '\u0000': 1, '\u202e': 2, '👩‍👩‍👧‍👦': 3, 'a\udc00': 4 } },
];

/**
 * The pool of hostile values for a slot of `type`. Values GraphQL itself must refuse (wrong
 * types, null for non-null) are in the pool too: their answer must still be a clean code.
 */
export function hostilePool(type: GraphQLInputType): Hostile[] {
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  const nulls: Hostile[] = [{ label: isNonNullType(type) ? 'null for non-null' : 'null', value: null }];
  if (isListType(nullable)) {
    return [
      ...nulls,
      { label: 'empty list', value: [] },
      { label: 'list of 10k nulls', value: Array.from({ length: 10_000 }, () => null) },
      { label: 'string instead of a list', value: 'x' },
    ];
  }
  if (isInputObjectType(nullable)) {
    return [
      ...nulls,
      { label: 'empty object', value: {} },
      { label: 'string instead of an object', value: "'; DROP TABLE users; --" },
      { label: 'unknown field', value: { __proto__x: 1 } },
    ];
  }
  if (isEnumType(named)) {
    return [
      ...nulls,
      { label: 'unknown enum value', value: 'NOT_A_VALUE' },
      { label: 'lowercase enum value', value: named.getValues()[0]!.name.toLowerCase() },
      ...HOSTILE_STRINGS.slice(0, 3),
      ...WRONG_TYPES.slice(0, 2),
    ];
  }
  switch (named.name) {
    case 'String':
      return [...nulls, ...HOSTILE_STRINGS, ...WRONG_TYPES, { label: 'number for String', value: 42 }];
    case 'ID':
      return [...nulls, ...MALFORMED_IDS, ...HOSTILE_STRINGS, ...WRONG_TYPES];
    case 'Int':
    case 'Float':
      return [...nulls, ...NUMBERS, ...WRONG_TYPES.slice(0, 3)];
    case 'Boolean':
      return [
        ...nulls,
        { label: 'string "true"', value: 'true' },
        { label: 'number 1', value: 1 },
        ...WRONG_TYPES.slice(0, 2),
      ];
    case 'JSON':
      return [...nulls, ...HOSTILE_JSON, ...HOSTILE_STRINGS.slice(0, 3)];
    case 'DateTime':
      return [...nulls, ...DATES, ...HOSTILE_STRINGS.slice(0, 2)];
    default:
      return [...nulls, ...HOSTILE_STRINGS.slice(0, 4), ...WRONG_TYPES];
  }
}

/** Characters drawn by the generator: plain, quoting and control, bidi, astral, and the two unstorables. */
const ALPHABETS = [
  'abcXYZ019 -_.',
  `'"\\\`;%$#{}[]<>()*|&`,
  '\u0000\u0001\u0007\b\t\n\r\u001b\u007f',
  '\u202e\u202d\u200f\u200b\u200d\ufeff',
  'é漢字مرحبا',
  '\ud800\udfff',
];

function randomString(random: () => number): string {
  const length = [0, 1, 2, 8, 64, 255, 256, 1000, 5000][Math.floor(random() * 9)]!;
  let out = '';
  while (out.length < length) {
    const pick = random();
    if (pick < 0.05)
      out += String.fromCodePoint(0x1f300 + Math.floor(random() * 0x300)); // an emoji
    else {
      const alphabet = ALPHABETS[Math.floor(random() * ALPHABETS.length)]!;
      out += alphabet[Math.floor(random() * alphabet.length)];
    }
  }
  return out;
}

function randomJson(random: () => number, depth = 0): unknown {
  const pick = random();
  if (depth > 6 || pick < 0.3)
    return [null, true, -0, 2 ** 53 + 1, -1e308, randomString(random)][Math.floor(random() * 6)];
  if (pick < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i -= 1)
    out[randomString(random).slice(0, 20)] = randomJson(random, depth + 1);
  return out;
}

/** Values made up by the seeded generator for a leaf slot: a different run per seed. */
export function generatedValue(type: GraphQLInputType, random: () => number): Hostile | null {
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  if (isListType(nullable) || isInputObjectType(nullable)) return null;
  switch (named.name) {
    case 'Int':
    case 'Float': {
      const edges = [0, 1, -1, 2 ** 31, 2 ** 53, 86_400, 10_000];
      const value =
        edges[Math.floor(random() * edges.length)]! * (random() < 0.5 ? -1 : 1) + Math.floor(random() * 3) - 1;
      return { label: `generated number ${value}`, value };
    }
    case 'Boolean':
      return null;
    case 'JSON': {
      const value = randomJson(random);
      return { label: 'generated JSON', value };
    }
    default: {
      const value = randomString(random);
      return { label: `generated string of ${value.length}`, value };
    }
  }
}

/** `vars` with the value at `path` replaced (copies along the path; the rest is shared). */
export function withValue(vars: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(vars) && vars.length ? [...vars] : [undefined];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const obj = vars && typeof vars === 'object' && !Array.isArray(vars) ? { ...(vars as Record<string, unknown>) } : {};
  obj[head] = withValue(obj[head], rest, value);
  return obj;
}
