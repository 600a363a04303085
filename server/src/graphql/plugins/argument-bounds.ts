// Bounds on what a client may pass as an argument, checked once before any resolver runs, for
// every argument of every Query and Mutation field: JSON values (paramsSchema, params, body,
// secret, settings) at most MAX_JSON_DEPTH levels deep and MAX_JSON_VALUES values in all, and
// DateTime values within years 0001-9999. Past these, code further in used to fail as
// INTERNAL_SERVER_ERROR (issue 16, item 9): JSON.stringify and every recursive walk overflow the
// stack near 5,000 levels (a 10,000-level paramsSchema, deep readOperation params under Redis),
// and year 0000 is valid RFC 3339 that PostgreSQL cannot store (usageStats). Answered as
// BAD_USER_INPUT naming the argument. Runs after the shield (schema.ts), like storable-text.
import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import { BadInputError } from '../errors.ts';

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

const guard: IMiddlewareFunction = (resolve, root, args: Record<string, unknown>, context, info: GraphQLResolveInfo) => {
  for (const [name, value] of Object.entries(args ?? {})) {
    const problem = argumentProblem(value, name);
    if (problem) throw new BadInputError(problem, name);
  }
  return resolve(root, args, context, info);
};

/** For applyMiddleware: the bounds on every root field that takes arguments from a client. */
export const argumentBoundsMiddleware = { Query: guard, Mutation: guard };
