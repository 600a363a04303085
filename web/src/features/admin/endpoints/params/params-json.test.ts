import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseSchemaText, schemaText } from './params-json.ts';

describe('the parameter schema text', () => {
  it('parses an object, and empty text as no schema', () => {
    expect(parseSchemaText('{"type":"object"}')).toEqual({ schema: { type: 'object' }, error: null });
    expect(parseSchemaText('  ')).toEqual({ schema: null, error: null });
    expect(parseSchemaText(schemaText({ a: 1 }))).toEqual({ schema: { a: 1 }, error: null });
  });

  it('says where a syntax error is', () => {
    const text = '{\n  "type": "object",\n  "properties": {,}\n}';
    const parsed = parseSchemaText(text);
    expect(parsed.error).toMatchObject({ line: 3, column: 18 });
    expect(parsed.error!.message).toMatch(/^Line 3, column 18: /);
  });

  it('refuses what is not an object', () => {
    expect(parseSchemaText('[1]').error!.message).toMatch(/JSON object/);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
