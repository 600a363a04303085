// Turns an operation and the caller's parameters into an HTTP request: parameters validated
// against the operation's JSON Schema (BAD_USER_INPUT before anything is sent), path template
// filled, the rest as query string (GET, DELETE) or JSON body (POST, PUT, PATCH).
//
// Validators are compiled on an operation's first call and cached. A large schema (more than
// INLINE_COMPILE_NODES objects and arrays) would hold the event loop for up to half a second
// there, so callers await prepareValidator first: it compiles such a schema in the offload
// worker and caches the result, and buildRequest (synchronous) finds it ready.
import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { BadInputError } from '../lib/errors.ts';
import { argumentProblem } from '../lib/argument-bounds.ts';
import {
  compileParamsSchema,
  INLINE_COMPILE_NODES,
  measureSchema,
  SchemaRefusedError,
  type CompiledSchema,
} from '../lib/json-schema/params-schema.ts';
import { validatorFromSource } from '../lib/json-schema/params-schema.standalone.ts';
import { runOffloaded } from '../offload/offload.ts';

export interface OperationShape {
  id: string;
  key: string;
  method: string;
  path: string;
  paramsSchema: unknown;
  /** A new value (Date or ISO text) after every change: the compiled validator is cached per id and this. */
  updatedAt?: Date | string;
}

export interface BuiltRequest {
  method: string;
  url: URL;
  body?: string;
  /** The validated parameters, for cache keys and logs (never secrets). */
  params: Record<string, unknown>;
}

/**
 * Compiled validators by operation id and version, least recently used dropped first. Weighed by
 * schema size (objects and arrays), not by count: a compiled schema of 1,000 nodes holds far more
 * code than one of 5.
 */
const MAX_CACHED_NODES = 50_000;
const compiled = new Map<string, CompiledSchema>();
let cachedNodes = 0;

function remember(key: string, entry: CompiledSchema) {
  compiled.set(key, entry);
  cachedNodes += entry.nodes;
  for (const [oldKey, old] of compiled) {
    if (cachedNodes <= MAX_CACHED_NODES) break;
    compiled.delete(oldKey);
    cachedNodes -= old.nodes;
  }
}

/** The cache key of the operation's current schema, or null when it has none. */
function cacheKeyOf(op: OperationShape): string | null {
  if (!op.paramsSchema || typeof op.paramsSchema !== 'object') return null;
  // Without a change time (the assistant's tool list has none) the schema's own text is the version.
  const version =
    op.updatedAt instanceof Date
      ? op.updatedAt.toISOString()
      : (op.updatedAt ?? createHash('sha1').update(JSON.stringify(op.paramsSchema)).digest('base64'));
  return `${op.id}:${version}`;
}

/** Saved before the rules of today (a backtracking pattern, say): refused, never run. */
const refusal = (op: OperationShape, reason: string) =>
  new BadInputError(`The parameter schema of operation "${op.key}" ${reason}; fix the operation.`);

/** Compiles running in the offload worker, by cache key: concurrent first calls share one. */
const compiling = new Map<string, Promise<void>>();

/**
 * Call (and await) before buildRequest: a large schema not compiled yet is compiled in the
 * offload worker, queued under the company (`owner`), and cached. Small or cached schemas cost
 * nothing here. Refusals are buildRequest's own (BAD_USER_INPUT naming the operation).
 */
export async function prepareValidator(op: OperationShape, owner: string): Promise<void> {
  const key = cacheKeyOf(op);
  if (key === null || compiled.has(key)) return;
  let nodes: number;
  try {
    nodes = measureSchema(op.paramsSchema);
  } catch (error) {
    if (error instanceof SchemaRefusedError) throw refusal(op, error.message);
    throw error;
  }
  if (nodes <= INLINE_COMPILE_NODES) return; // buildRequest compiles it in a few ms
  let pending = compiling.get(key);
  if (!pending) {
    pending = compileInWorker(op, key, owner).finally(() => compiling.delete(key));
    compiling.set(key, pending);
  }
  await pending;
}

async function compileInWorker(op: OperationShape, key: string, owner: string): Promise<void> {
  const { value } = await runOffloaded(
    'compileParamsSchema',
    { schema: op.paramsSchema as object },
    // Its own queue places (not the company's imports'), several at once: a dashboard's first
    // calls may each need one. Still bounded per company and in all.
    { owner: `compile:${owner}`, subject: `The parameter schema of operation "${op.key}"`, maxPending: 8 },
  );
  if ('refused' in value) throw refusal(op, value.refused);
  if (!compiled.has(key)) remember(key, validatorFromSource(value));
}

/**
 * The cached validator, else compiled here on the event loop: a small schema, or (if a caller did
 * not await prepareValidator, or the cache dropped it since) a large one, as before.
 */
function validatorFor(op: OperationShape): ValidateFunction | null {
  const cacheKey = cacheKeyOf(op);
  if (cacheKey === null) return null;
  let entry = compiled.get(cacheKey);
  if (entry) {
    compiled.delete(cacheKey); // re-inserted last: the most recently used
    compiled.set(cacheKey, entry);
    return entry.validate;
  }
  try {
    entry = compileParamsSchema(op.paramsSchema as object);
  } catch (error) {
    if (error instanceof SchemaRefusedError) throw refusal(op, error.message);
    throw error;
  }
  remember(cacheKey, entry);
  return entry.validate;
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath ? `params${error.instancePath.replaceAll('/', '.')}` : 'params';
  switch (error.keyword) {
    case 'required':
      return `${at}.${(error.params as { missingProperty: string }).missingProperty} is required.`;
    case 'additionalProperties':
      return `${at}.${(error.params as { additionalProperty: string }).additionalProperty} is not a parameter of this operation.`;
    case 'type':
      return `${at} must be of type ${(error.params as { type: string }).type}.`;
    case 'enum':
      return `${at} must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String).join(', ')}.`;
    default:
      return `${at} ${error.message ?? 'is invalid'}.`;
  }
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * "." or ".." as a path segment, in any spelling that decodes to one ("%2e", ".%2E", "%252e%252e"
 * decoded twice): a URL parser, a proxy or the upstream's router resolves it, and the request
 * leaves the operation's path for a sibling or parent one, with the role's credential. Checked
 * segment by segment after up to 4 rounds of percent-decoding ("/" and "\\" split segments,
 * as some servers decode %2F and %5C before routing).
 */
function hasDotSegment(value: string): boolean {
  let text = value;
  for (let round = 0; round < 5; round++) {
    if (text.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      decoded = text.replace(/%2e/gi, '.'); // malformed elsewhere: still decode the dots
    }
    if (decoded === text) return false;
    text = decoded;
  }
  return true; // still decoding after 5 rounds: nothing a real identifier does
}

/** The template's literal text before its first placeholder: "/things/{id}/x" → "/things/". */
const literalPrefix = (template: string) => template.split('{')[0]!;

export function buildRequest(baseUrl: string, op: OperationShape, params: unknown, body: unknown): BuiltRequest {
  // Bounded here as at GraphQL's boundary: the model's and MCP clients' arguments come in here too.
  for (const [name, value] of [
    ['params', params],
    ['body', body],
  ] as const) {
    const problem = argumentProblem(value, name);
    if (problem) throw new BadInputError(problem, name);
  }
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params)))
    throw new BadInputError('params must be a JSON object.', 'params');
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body)))
    throw new BadInputError('body must be a JSON object.', 'body');
  const method = op.method.toUpperCase();
  const sendsBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  if (!sendsBody && body !== undefined && body !== null)
    throw new BadInputError(`A ${method} operation takes no body.`, 'body');
  // Validation sees one object: the operation's schema describes path, query and body fields.
  const merged: Record<string, unknown> = {
    ...((body as Record<string, unknown>) ?? {}),
    ...((params as Record<string, unknown>) ?? {}),
  };
  const validate = validatorFor(op);
  if (validate && !validate(merged)) throw new BadInputError(describeError(validate.errors![0]!), 'params');

  const rest = { ...merged };
  const path = op.path.replace(PLACEHOLDER, (_m, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null || value === '')
      throw new BadInputError(`params.${name} is required.`, 'params');
    if (typeof value === 'object') throw new BadInputError(`params.${name} must be a string or number.`, 'params');
    if (hasDotSegment(String(value)))
      throw new BadInputError(
        `params.${name} must not be "." or ".." (in any encoding): a path parameter names one item.`,
        'params',
      );
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const base = baseUrl.replace(/\/+$/, '');
  const url = new URL(base + path);
  // The invariant, whatever the template and values: the URL parser changed nothing in the path
  // (no dot segment resolved, e.g. one made of two placeholders, "{a}{b}" = "." + "."), so the
  // request stays under the base URL's path followed by the operation's literal prefix.
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  if (url.pathname !== basePath + path || !url.pathname.startsWith(basePath + literalPrefix(op.path))) {
    throw new BadInputError(
      `The path parameters of operation "${op.key}" do not make a path under ${literalPrefix(op.path)}; check their values.`,
      'params',
    );
  }
  if (sendsBody) return { method, url, body: JSON.stringify(rest), params: merged };
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'object') throw new BadInputError(`params.${k} must be a string, number or boolean.`, 'params');
    url.searchParams.set(k, String(v));
  }
  return { method, url, params: merged };
}
