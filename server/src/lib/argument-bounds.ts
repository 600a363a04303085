// How deep and how large a client's JSON (and how far off a date) may be, wherever it comes in:
// GraphQL arguments (graphql/plugins/argument-bounds.ts), and the parameters and body of every
// gateway call, whoever makes it (GraphQL, the assistant's model, an MCP client). Past these,
// recursive code (JSON.stringify, Ajv, cache keys) overflows the stack near 5,000 levels, and
// PostgreSQL cannot store year 0000 (issue 16, item 9).

/** Deeper than any JSON Schema or request body an API needs; far below the stack's limit. */
export const MAX_JSON_DEPTH = 64;
/** Values (objects, arrays, scalars) in one argument; the 2 MB body cap bounds the bytes. */
export const MAX_JSON_VALUES = 100_000;
/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the four-digit years RFC 3339 and PostgreSQL agree on. */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** What is wrong with `value` (an argument called `name`), or null. Iterative: any depth is safe to walk. */
export function argumentProblem(value: unknown, name: string): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let values = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    values += 1;
    if (values > MAX_JSON_VALUES) return `${name} has more than ${MAX_JSON_VALUES} values.`;
    if (v instanceof Date) {
      const time = v.getTime();
      if (!(time >= EARLIEST && time <= LATEST)) return `${name} must be a time between years 0001 and 9999.`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `${name} is nested more than ${MAX_JSON_DEPTH} levels deep.`;
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push([item, depth + 1]);
  }
  return null;
}
