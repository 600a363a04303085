// The one place Tessera turns a JSON Schema (an operation's paramsSchema, typed in by a company
// administrator or imported from an OpenAPI document) into a validator. The gateway's request
// builder, createEndpoint/createOperation/updateOperation and the OpenAPI import all use it, so
// what is accepted when saved is what compiles when called.
//
// Two kinds of user-sized work are bounded here:
// - patterns run on a linear-time engine (linear-regexp.ts): no pattern can backtrack;
// - compiling is refused beyond MAX_SCHEMA_NODES nodes or MAX_SCHEMA_NESTING levels: Ajv's
//   compile time grows faster than the schema (about 0.1 s for 400 properties, 0.45 s for 990 on
//   a busy 2-core machine). Beyond INLINE_COMPILE_NODES the gateway compiles in the offload
//   worker (params-schema.standalone.ts), so a first call never holds the event loop for it.
import { Ajv, type ValidateFunction } from 'ajv';
import { BadInputError } from '../errors.ts';
import { linearRegExp, UnsupportedPatternError, withPatternBudget } from './linear-regexp.ts';

/** Objects and arrays in one schema; 1,000 covers request bodies of a few hundred fields. */
export const MAX_SCHEMA_NODES = 1000;
/**
 * Nesting of objects and arrays (a subschema under `properties` is two levels down); Ajv's compile
 * recurses with it. The OpenAPI import cuts schemas at 32 levels, about 70 of these.
 */
export const MAX_SCHEMA_NESTING = 100;

/** Why a schema cannot be used, in words for the person who wrote it (no "params schema" prefix). */
export class SchemaRefusedError extends Error {}

/**
 * Up to this many objects and arrays, a schema compiles on the event loop (a few ms); larger ones
 * compile in the offload worker (the gateway: params-schema.standalone.ts; saving: the endpoint
 * service). Measured on a busy 2-core machine: 100 properties ≈ 10 ms, 400 ≈ 70 ms, 990 ≈ 450 ms.
 */
export const INLINE_COMPILE_NODES = 100;

/** Draft-07 (Ajv's default), no format plugins (formats are ignored), no coercion, defaults filled in. */
const AJV_OPTIONS = {
  allErrors: false,
  strict: false,
  coerceTypes: false,
  useDefaults: true,
  addUsedSchema: false,
} as const;

/**
 * The one instance that checks schemas against the draft-07 meta-schema: its meta validator is
 * compiled once, instead of once per schema (15–40 ms each time). It only ever validates; it
 * never compiles or keeps a user's schema.
 */
const metaAjv = new Ajv({ ...AJV_OPTIONS, code: { regExp: linearRegExp } });

/**
 * A new instance per schema (about 1 ms without the meta-schema): a schema's $id or a cached
 * compile never reaches another company's schema, and nothing accumulates in a shared instance.
 * `source`: the instance also keeps the generated code, for standaloneCode (the offload worker).
 */
function newAjv({ source = false } = {}): Ajv {
  return new Ajv({ ...AJV_OPTIONS, validateSchema: false, code: { regExp: linearRegExp, source, esm: false } });
}

const DRAFT_07 = new Set(['http://json-schema.org/draft-07/schema', 'http://json-schema.org/draft-07/schema#']);

/** Throws what Ajv's own check throws ("schema is invalid: data/type must be …") when the schema breaks its meta-schema. */
function assertValidAgainstMeta(schema: object): void {
  const declared = (schema as { $schema?: unknown }).$schema;
  // Any other $schema is looked up, and remembered, by the instance that checks: a new one then, as before.
  const shared = declared === undefined || (typeof declared === 'string' && DRAFT_07.has(declared));
  (shared ? metaAjv : new Ajv({ ...AJV_OPTIONS, code: { regExp: linearRegExp } })).validateSchema(schema, true);
}

/** The schema's count of objects and arrays; SchemaRefusedError beyond the limits (iterative: any depth is safe to measure). */
export function measureSchema(schema: unknown): number {
  // An $async schema's validator answers a Promise, which a synchronous check would take for
  // "valid" (Ajv allows $async only at the root, or refuses the schema).
  if (typeof schema === 'object' && schema !== null && Object.hasOwn(schema, '$async'))
    throw new SchemaRefusedError('uses "$async", which parameter schemas may not');
  let nodes = 0;
  const stack: [unknown, number][] = [[schema, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (++nodes > MAX_SCHEMA_NODES)
      throw new SchemaRefusedError(
        `has more than ${MAX_SCHEMA_NODES} objects and arrays; split the operation or simplify its schema`,
      );
    if (depth > MAX_SCHEMA_NESTING) throw new SchemaRefusedError(`is nested deeper than ${MAX_SCHEMA_NESTING} levels`);
    for (const inner of Object.values(value))
      if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
  return nodes;
}

export interface CompiledSchema {
  validate: ValidateFunction;
  /** measureSchema's count: what a cache of validators weighs it by. */
  nodes: number;
}

/**
 * Checks and compiles with a new instance (newAjv), turning every failure into SchemaRefusedError:
 * `compile` gets the instance and the schema once it is known to be valid.
 */
export function withParamsSchema<T>(
  schema: object,
  compile: (ajv: Ajv, schema: object) => T,
  options?: { source?: boolean },
): T & { nodes: number } {
  const nodes = measureSchema(schema);
  try {
    assertValidAgainstMeta(schema);
    return { ...withPatternBudget(() => compile(newAjv(options), schema)), nodes };
  } catch (error) {
    if (error instanceof UnsupportedPatternError) throw new SchemaRefusedError(error.message);
    const message = String((error as Error)?.message ?? error).slice(0, 200);
    throw new SchemaRefusedError(`is not a valid JSON Schema (${message})`);
  }
}

/** The validator of a parameter schema, or SchemaRefusedError saying what to fix. */
export function compileParamsSchema(schema: object): CompiledSchema {
  return withParamsSchema(schema, (ajv, valid) => ({ validate: ajv.compile(valid) }));
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
