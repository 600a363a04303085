// OpenAPI schemas → plain JSON Schema the gateway's Ajv (draft-07, no format plugins) compiles:
// local $refs inlined (depth- and cycle-limited), OpenAPI-only keywords translated or dropped.
import { BadInputError } from '../../lib/errors.ts';
import { isObject } from './openapi.document.ts';

/** Beyond this nesting of $refs a schema is cut to "any value": the model needs no more. */
const MAX_REF_DEPTH = 8;

/** Why one operation is left out (an external or dangling $ref, an unusable body): reported, the rest imported. */
export class SkipOperation extends Error {}

export interface RefContext {
  doc: Record<string, unknown>;
  /** Notes for the report (recursive schemas cut), deduplicated by the caller. */
  notes: Set<string>;
  /** Schema parts one operation may still expand to: $refs used twice in each of 8 levels would otherwise blow up. */
  budget: number;
  /** Schema parts the whole document may still expand to: the import's work stays bounded (see DOCUMENT_BUDGET). */
  documentBudget: number;
}

export const SCHEMA_BUDGET = 5000;
/**
 * All operations together: 100 operations that each inline one 400-property schema are 40,000
 * parts; 500 operations of 5,000 would be 2.5 million, minutes of work and hundreds of MB.
 */
export const DOCUMENT_BUDGET = 100_000;

/** Follows a local JSON pointer ("#/components/schemas/Pet"). */
function lookupRef(ctx: RefContext, ref: string): unknown {
  if (!ref.startsWith('#/'))
    throw new SkipOperation(
      `external reference "${ref.slice(0, 200)}" (only #/components/... references are supported)`,
    );
  let node: unknown = ctx.doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) && !Array.isArray(node))
      throw new SkipOperation(`reference "${ref.slice(0, 200)}" points nowhere`);
    // Own properties only: "#/__proto__" or "#/constructor" point nowhere.
    node = Object.hasOwn(node as object, part) ? (node as Record<string, unknown>)[part] : undefined;
    if (node === undefined) throw new SkipOperation(`reference "${ref.slice(0, 200)}" points nowhere`);
  }
  return node;
}

/** A component (parameter, request body, path item) that may itself be a $ref. */
export function deref(ctx: RefContext, value: unknown, depth = 0): unknown {
  if (isObject(value) && typeof value.$ref === 'string') {
    if (depth >= MAX_REF_DEPTH) throw new SkipOperation(`reference chain "${value.$ref.slice(0, 200)}" is too deep`);
    return deref(ctx, lookupRef(ctx, value.$ref), depth + 1);
  }
  return value;
}

// Annotations Ajv does not need and OpenAPI-only keywords it would trip on.
const DROPPED = new Set([
  'xml',
  'externalDocs',
  'example',
  'examples',
  'discriminator',
  'format',
  'nullable',
  '$schema',
  '$id',
  '$anchor',
  '$comment',
]);
// Formats the JSON type already says enough about.
const NUMERIC_FORMATS = new Set(['int32', 'int64', 'float', 'double']);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'additionalItems',
];

/** Deeper inline nesting is cut too: it would only exhaust the stack (here, or in Ajv). */
const MAX_SCHEMA_DEPTH = 32;

/** Translates one schema; `stack` holds the $refs being expanded (cycle detection). */
export function toJsonSchema(
  ctx: RefContext,
  schema: unknown,
  stack: string[] = [],
  depth = 0,
): Record<string, unknown> | boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema)) return {};
  if (!spendBudget(ctx, depth)) return {};
  const sub = (v: unknown, refs = stack) => toJsonSchema(ctx, v, refs, depth + 1);
  if (typeof schema.$ref === 'string') return inlineRef(ctx, schema, schema.$ref, stack, sub);
  const out = translateKeywords(schema, sub);
  applyOpenApiKeywords(schema, out);
  return out;
}

type Translate = (schema: unknown, refs?: string[]) => Record<string, unknown> | boolean;

/**
 * Counts one schema part against the operation's and the document's budgets (refusing past
 * them); false when the schema is nested too deep and is cut to "any value" there.
 */
function spendBudget(ctx: RefContext, depth: number): boolean {
  if (--ctx.documentBudget < 0) {
    throw new BadInputError(
      `The document's schemas expand to more than ${DOCUMENT_BUDGET} parts once their $refs are inlined; it is too large or too complex to import. Split it into several documents.`,
      'document',
    );
  }
  if (--ctx.budget < 0)
    throw new SkipOperation(`its schemas expand to more than ${SCHEMA_BUDGET} parts once their $refs are inlined`);
  if (depth > MAX_SCHEMA_DEPTH) {
    ctx.notes.add(`a schema nested deeper than ${MAX_SCHEMA_DEPTH} levels is cut to "any value" there`);
    return false;
  }
  return true;
}

/** A $ref replaced by its target (translated); a recursive or too deep one is cut to "any value". */
function inlineRef(
  ctx: RefContext,
  schema: Record<string, unknown>,
  ref: string,
  stack: string[],
  sub: Translate,
): Record<string, unknown> | boolean {
  if (stack.includes(ref) || stack.length >= MAX_REF_DEPTH) {
    ctx.notes.add(
      `schema ${ref} is recursive or nested deeper than ${MAX_REF_DEPTH} levels; it is cut to "any value" there`,
    );
    return {};
  }
  const target = sub(lookupRef(ctx, ref), [...stack, ref]);
  // 3.1 allows siblings next to $ref (a description, say); they refine the target.
  const { $ref: _ref, ...siblings } = schema;
  const extra = sub(siblings);
  return typeof target === 'object' && typeof extra === 'object' ? { ...target, ...extra } : target;
}

/** The schema's keywords, annotations and OpenAPI-only ones dropped, subschemas translated. */
function translateKeywords(schema: Record<string, unknown>, sub: Translate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    out[key] = translateKeyword(key, value, sub);
  }
  return out;
}

function translateKeyword(key: string, value: unknown, sub: Translate): unknown {
  if (SCHEMA_MAPS.includes(key) && isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
  if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) return value.map((v) => sub(v));
  if (SCHEMA_SINGLES.includes(key) && (isObject(value) || typeof value === 'boolean')) return sub(value);
  if (key === 'items' && Array.isArray(value)) return value.map((v) => sub(v));
  return value;
}

/** OpenAPI 3.0's own meanings (nullable, boolean exclusive bounds, formats) in JSON Schema terms. */
function applyOpenApiKeywords(schema: Record<string, unknown>, out: Record<string, unknown>): void {
  // OpenAPI 3.0: `nullable: true` is a type union in JSON Schema.
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // OpenAPI 3.0 (draft-04 style): boolean exclusive bounds qualify minimum/maximum.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  // The gateway's Ajv has no format plugins; the format still tells the model what to send.
  if (typeof schema.format === 'string' && !NUMERIC_FORMATS.has(schema.format)) {
    const note = `Format: ${schema.format}.`;
    out.description = typeof out.description === 'string' && out.description ? `${out.description} (${note})` : note;
  }
}
