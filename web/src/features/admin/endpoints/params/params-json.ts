// The parameter schema editor's text: parsed as JSON with the place of a syntax error (line and
// column, from the parser's position), and the server's refusal of a schema that parses but
// does not compile ("input.paramsSchema/properties/x must ...") put in words. Free of React.

export type SchemaText =
  | { schema: Record<string, unknown> | null; error: null }
  | { schema: null; error: { message: string; line: number | null; column: number | null } };

/** Line and column (1-based) of a character offset in the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Empty text: no schema (the operation takes any parameters). */
export function parseSchemaText(text: string): SchemaText {
  if (text.trim() === '') return { schema: null, error: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = position ? lineAndColumn(text, Number(position[1])) : null;
    // V8 adds "(line 3 column 5)" itself on some inputs: said once, by us.
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return {
      schema: null,
      error: {
        message: at ? `Line ${at.line}, column ${at.column}: ${reason}.` : `${reason}.`,
        line: at?.line ?? null,
        column: at?.column ?? null,
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      schema: null,
      error: {
        message: 'A parameter schema is a JSON object, e.g. {"type": "object", "properties": {}}.',
        line: 1,
        column: 1,
      },
    };
  return { schema: value as Record<string, unknown>, error: null };
}

/** How the editor shows a stored schema. */
export const schemaText = (schema: unknown): string =>
  schema === null || schema === undefined ? '' : JSON.stringify(schema, null, 2);
