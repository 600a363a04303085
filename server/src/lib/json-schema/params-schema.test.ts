// The shared schema compiler (issue 16, items 1 and 2): patterns and patternProperties run on
// RE2, patterns it cannot run are refused with a reason, and schemas beyond the size limits
// are refused before Ajv spends time on them.
import { describe, expect, it } from 'vitest';
import { toRe2Syntax } from './linear-regexp.ts';
import { compileParamsSchema, MAX_SCHEMA_NESTING, MAX_SCHEMA_NODES, SchemaRefusedError } from './params-schema.ts';
import { paramsSchemaSource, validatorFromSource } from './params-schema.standalone.ts';

const withPattern = (pattern: string) =>
  compileParamsSchema({ type: 'object', properties: { q: { type: 'string', pattern } } }).validate;

describe('compileParamsSchema', () => {
  // V8's backtracking engine needs about a minute for these inputs; the time limit fails it.
  it('runs exponential patterns in linear time (pattern and patternProperties)', { timeout: 5_000 }, () => {
    expect(withPattern('^(a+)+$')({ q: `${'a'.repeat(30)}!` })).toBe(false);
    expect(withPattern('^(a+)+$')({ q: 'aaaa' })).toBe(true);
    const keys = compileParamsSchema({
      type: 'object',
      patternProperties: { '^(a|aa)+$': { type: 'integer' } },
    }).validate;
    expect(keys({ [`${'a'.repeat(40)}!`]: 'not checked' })).toBe(true);
    expect(keys({ aaaa: 'not an integer' })).toBe(false);
  });

  it('keeps JSON Schema semantics: unanchored search, \\d, classes, \\uXXXX', () => {
    expect(withPattern('\\d{3}')({ q: 'abc123def' })).toBe(true);
    expect(withPattern('^[A-Z]{2}-\\d{3}$')({ q: 'AB-123' })).toBe(true);
    expect(withPattern('^[A-Z]{2}-\\d{3}$')({ q: 'ab-123' })).toBe(false);
    expect(withPattern('^\\u00e9t\\u{E9}$')({ q: 'été' })).toBe(true);
    expect(toRe2Syntax('\\\\u0041 \\u0041 \\u{1F600}')).toBe('\\\\u0041 \\x{0041} \\x{1F600}');
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?<n>a)\\k<n>', /backreferences/],
    ['(?=a)', /lookahead and lookbehind/],
    ['(?<!a)b', /lookahead and lookbehind/],
    ['(a{1000}){1000}', /not supported \(invalid repeat count/],
    ['x'.repeat(1001), /longer than 1000 characters/],
  ])('refuses %s, saying why', (pattern, why) => {
    expect(() => withPattern(pattern)).toThrow(SchemaRefusedError);
    expect(() => withPattern(pattern)).toThrow(why);
  });

  it('refuses schemas beyond the size and nesting limits before compiling them, whatever their depth', () => {
    const wide = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: MAX_SCHEMA_NODES }, (_, i) => [`p${i}`, { type: 'string' }])),
    };
    expect(() => compileParamsSchema(wide)).toThrow(`has more than ${MAX_SCHEMA_NODES} objects and arrays`);
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    expect(() => compileParamsSchema(deep)).toThrow(`is nested deeper than ${MAX_SCHEMA_NESTING} levels`);
  });

  it("one schema's $id never reaches another's compile (one Ajv per schema)", () => {
    const meta = { $id: 'http://json-schema.org/draft-07/schema', type: 'object' };
    compileParamsSchema(meta);
    compileParamsSchema(meta);
    compileParamsSchema({ $id: 'https://x.test/a', type: 'object' });
    expect(compileParamsSchema({ $id: 'https://x.test/a', type: 'string' }).validate('s')).toBe(true);
  });

  it('refuses $async schemas, whose validators answer a Promise that a check would take for "valid"', () => {
    expect(() => compileParamsSchema({ $async: true, type: 'object', properties: { q: { type: 'integer' } } })).toThrow(
      /\$async/,
    );
    // A property merely named "$async" is a parameter like any other.
    expect(
      compileParamsSchema({ type: 'object', properties: { $async: { type: 'boolean' } } }).validate({ $async: true }),
    ).toBe(true);
  });

  it("bounds what a pattern's program may cost: per pattern, and for all of a schema's patterns", () => {
    // Short texts, large programs: a repetition count is an instruction per step.
    expect(() => withPattern('^[a-z]{0,1000}$')).toThrow(/too complex \(\d+ steps; at most 1000\)/);
    expect(withPattern('^[a-z]{0,100}$')({ q: 'abc' })).toBe(true);
    const many = (n: number) => ({
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string', pattern: `^[a-z]{0,${300 + i}}$` }]),
      ),
    });
    expect(() => compileParamsSchema(many(40))).toThrow(/more than 20000 steps in all/);
    expect(compileParamsSchema(many(10)).validate({ f0: 'abc' })).toBe(true);
    // The budget is per schema: compiling one does not spend another's.
    expect(compileParamsSchema(many(10)).validate({ f9: 'x1' })).toBe(false);
  });

  it('runs each pattern of a schema with its own engine (not the first one for all)', () => {
    const validate = compileParamsSchema({
      type: 'object',
      properties: { q: { type: 'string', pattern: '^a$' }, r: { type: 'string', pattern: '^b$' } },
    }).validate;
    expect(validate({ q: 'a', r: 'b' })).toBe(true);
    expect(validate({ q: 'a', r: 'a' })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/r');
  });

  it("refuses a schema that breaks the draft-07 meta-schema, with Ajv's reason, whichever $schema it names", () => {
    for (const schema of [{ type: 'nope' }, { $schema: 'http://json-schema.org/draft-07/schema#', type: 'nope' }]) {
      expect(() => compileParamsSchema(schema)).toThrow(SchemaRefusedError);
      expect(() => compileParamsSchema(schema)).toThrow(
        'is not a valid JSON Schema (schema is invalid: data/type must be equal to one of the allowed values',
      );
    }
    expect(() => compileParamsSchema({ type: 'object', properties: { a: { minLength: -1 } } })).toThrow(
      'is not a valid JSON Schema (schema is invalid: data/properties/a/minLength must be >= 0)',
    );
    expect(() => compileParamsSchema({ $schema: 'https://x.test/unknown', type: 'object' })).toThrow(
      'is not a valid JSON Schema (no schema with key or ref "https://x.test/unknown")',
    );
    expect(compileParamsSchema({ type: 'object', properties: { a: { minLength: 1 } } }).validate({ a: 'x' })).toBe(
      true,
    );
  });
});

// Large schemas compile in the offload worker as Ajv standalone code (params-schema.standalone.ts):
// the main thread's validator must answer exactly as the one compiled in-process.
describe('validatorFromSource (standalone code from the worker)', () => {
  const schema = {
    type: 'object',
    required: ['name', 'address'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 3 },
      code: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' },
      other: { type: 'string', pattern: '^x+$' },
      kind: { enum: ['a', 'b', { deep: [1, 2] }] },
      limit: { type: 'integer', minimum: 1, default: 20 },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] },
      address: {
        type: 'object',
        required: ['city'],
        additionalProperties: false,
        properties: { city: { type: 'string' }, country: { type: 'string', default: 'FR' } },
      },
    },
  };
  const inputs: unknown[] = [
    { name: 'Al', address: { city: 'Lyon' } },
    { name: 'é😀x', address: { city: 'Lyon' } }, // 3 code points (4 UTF-16 units): ucs2length
    { name: 'é😀xy', address: { city: 'Lyon' } },
    { name: '', address: { city: 'Lyon' } },
    { name: 'Al', code: 'AB-123', other: 'xxx', address: { city: 'Lyon' } },
    { name: 'Al', code: 'ab-123', address: { city: 'Lyon' } },
    { name: 'Al', other: 'xy', address: { city: 'Lyon' } },
    { name: 'Al', kind: 'b', address: { city: 'Lyon' } },
    { name: 'Al', kind: { deep: [1, 2] }, address: { city: 'Lyon' } },
    { name: 'Al', kind: { deep: [2, 1] }, address: { city: 'Lyon' } },
    { name: 'Al', limit: 0, address: { city: 'Lyon' } },
    { name: 'Al', limit: '5', address: { city: 'Lyon' } },
    { name: 'Al', tags: ['a', 'a'], address: { city: 'Lyon' } },
    { name: 'Al', address: {} },
    { name: 'Al', address: { city: 'Lyon', zip: '1' } },
    { name: 'Al', address: { city: 'Lyon' }, extra: true },
    { address: { city: 'Lyon' } },
    'not an object',
  ];

  it('accepts, refuses and fills defaults exactly as the in-process validator, with the same first error', () => {
    const inProcess = compileParamsSchema(structuredClone(schema)).validate;
    const source = paramsSchemaSource(structuredClone(schema));
    // What the worker sends survives a structured clone (postMessage).
    const standalone = validatorFromSource(structuredClone(source)).validate;
    for (const input of inputs) {
      const [a, b] = [structuredClone(input), structuredClone(input)];
      const expected = inProcess(a);
      expect({ input, valid: standalone(b) }).toEqual({ input, valid: expected });
      expect(b).toEqual(a); // defaults filled alike (limit, tags, address.country)
      expect(standalone.errors?.[0] ?? null).toEqual(inProcess.errors?.[0] ?? null);
    }
    const filled: Record<string, unknown> = { name: 'Al', address: { city: 'Lyon' } };
    expect(standalone(filled)).toBe(true);
    expect(filled).toEqual({ name: 'Al', limit: 20, tags: [], address: { city: 'Lyon', country: 'FR' } });
  });

  it('is refused in the worker for the same reasons as in-process', () => {
    expect(() => paramsSchemaSource({ type: 'nope' })).toThrow(
      'is not a valid JSON Schema (schema is invalid: data/type must be equal to one of the allowed values',
    );
    expect(() =>
      paramsSchemaSource({ type: 'object', properties: { q: { type: 'string', pattern: '(a)\\1' } } }),
    ).toThrow(/backreferences/);
  });
});
