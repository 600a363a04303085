// Turns an operation and the caller's parameters into an HTTP request: parameters validated
// against the operation's JSON Schema (BAD_USER_INPUT before anything is sent), path template
// filled, the rest as query string (GET, DELETE) or JSON body (POST, PUT, PATCH).
import { createHash } from 'node:crypto';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { BadInputError } from '../graphql/errors.ts';

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

const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: true });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(op: OperationShape): ValidateFunction | null {
  if (!op.paramsSchema || typeof op.paramsSchema !== 'object') return null;
  // Without a change time (the assistant's tool list has none) the schema's own text is the version.
  const version = op.updatedAt instanceof Date ? op.updatedAt.toISOString() : (op.updatedAt ?? createHash('sha1').update(JSON.stringify(op.paramsSchema)).digest('base64'));
  const cacheKey = `${op.id}:${version}`;
  let validate = compiled.get(cacheKey);
  if (!validate) {
    try {
      validate = ajv.compile(op.paramsSchema as object);
    } catch {
      throw new BadInputError(`The parameter schema of operation "${op.key}" is not a valid JSON Schema; fix the operation.`);
    }
    if (compiled.size > 2000) compiled.clear();
    compiled.set(cacheKey, validate);
  }
  return validate;
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

export function buildRequest(baseUrl: string, op: OperationShape, params: unknown, body: unknown): BuiltRequest {
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) throw new BadInputError('params must be a JSON object.', 'params');
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) throw new BadInputError('body must be a JSON object.', 'body');
  const method = op.method.toUpperCase();
  const sendsBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  if (!sendsBody && body !== undefined && body !== null) throw new BadInputError(`A ${method} operation takes no body.`, 'body');
  // Validation sees one object: the operation's schema describes path, query and body fields.
  const merged: Record<string, unknown> = { ...((body as Record<string, unknown>) ?? {}), ...((params as Record<string, unknown>) ?? {}) };
  const validate = validatorFor(op);
  if (validate && !validate(merged)) throw new BadInputError(describeError(validate.errors![0]!), 'params');

  const rest = { ...merged };
  const path = op.path.replace(PLACEHOLDER, (_m, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null || value === '') throw new BadInputError(`params.${name} is required.`, 'params');
    if (typeof value === 'object') throw new BadInputError(`params.${name} must be a string or number.`, 'params');
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  if (sendsBody) return { method, url, body: JSON.stringify(rest), params: merged };
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'object') throw new BadInputError(`params.${k} must be a string, number or boolean.`, 'params');
    url.searchParams.set(k, String(v));
  }
  return { method, url, params: merged };
}
