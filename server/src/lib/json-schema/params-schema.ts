// The one place Tessera turns a JSON Schema (an operation's paramsSchema, typed in by a company
// administrator or imported from an OpenAPI document) into a validator. The gateway's request
// builder, createEndpoint/createOperation/updateOperation and the OpenAPI import all use it, so
// what is accepted when saved is what compiles when called.
//
// Two kinds of user-sized work are bounded here:
// - patterns run on a linear-time engine (linear-regexp.ts): no pattern can backtrack;
// - compiling is refused beyond MAX_SCHEMA_NODES nodes or MAX_SCHEMA_NESTING levels: Ajv's
//   compile time grows faster than the schema (about 0.2 s for 400 properties, 2 s for 1,500 on
//   a busy 2-core machine), and it runs on the event loop the first time an operation is called.
import { Ajv, type ValidateFunction } from 'ajv';
import { BadInputError } from '../../graphql/errors.ts';
import { linearRegExp, UnsupportedPatternError } from './linear-regexp.ts';

/** Objects and arrays in one schema; 1,000 covers request bodies of a few hundred fields. */
export const MAX_SCHEMA_NODES = 1000;
/**
 * Nesting of objects and arrays (a subschema under `properties` is two levels down); Ajv's compile
 * recurses with it. The OpenAPI import cuts schemas at 32 levels, about 70 of these.
 */
export const MAX_SCHEMA_NESTING = 100;

/** Why a schema cannot be used, in words for the person who wrote it (no "params schema" prefix). */
export class SchemaRefusedError extends Error {}

/** Draft-07 (Ajv's default), no format plugins (formats are ignored), no coercion, defaults filled in. */
function newAjv(): Ajv {
  // One instance per schema (0.5 ms): a schema's $id or a cached compile never reaches another
  // company's schema, and nothing accumulates in a shared instance.
  return new Ajv({
    allErrors: false,
    strict: false,
    coerceTypes: false,
    useDefaults: true,
    addUsedSchema: false,
    code: { regExp: linearRegExp },
  });
}

/** The schema's count of objects and arrays; SchemaRefusedError beyond the limits (iterative: any depth is safe to measure). */
export function measureSchema(schema: unknown): number {
  let nodes = 0;
  const stack: [unknown, number][] = [[schema, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (++nodes > MAX_SCHEMA_NODES) throw new SchemaRefusedError(`has more than ${MAX_SCHEMA_NODES} objects and arrays; split the operation or simplify its schema`);
    if (depth > MAX_SCHEMA_NESTING) throw new SchemaRefusedError(`is nested deeper than ${MAX_SCHEMA_NESTING} levels`);
    for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
  return nodes;
}

export interface CompiledSchema {
  validate: ValidateFunction;
  /** measureSchema's count: what a cache of validators weighs it by. */
  nodes: number;
}

/** The validator of a parameter schema, or SchemaRefusedError saying what to fix. */
export function compileParamsSchema(schema: object): CompiledSchema {
  const nodes = measureSchema(schema);
  try {
    return { validate: newAjv().compile(schema), nodes };
  } catch (error) {
    if (error instanceof UnsupportedPatternError) throw new SchemaRefusedError(error.message);
    const message = String((error as Error)?.message ?? error).slice(0, 200);
    throw new SchemaRefusedError(`is not a valid JSON Schema (${message})`);
  }
}

/** For the services that save a schema: BAD_USER_INPUT naming the field when it cannot be used. */
export function assertUsableParamsSchema(schema: unknown, field: string): void {
  if (!schema || typeof schema !== 'object') return;
  try {
    compileParamsSchema(schema);
  } catch (error) {
    if (error instanceof SchemaRefusedError) throw new BadInputError(`${field} ${error.message}.`, field);
    throw error;
  }
}
