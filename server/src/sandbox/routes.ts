// Generic REST over a service's collections: list (filters, limit), get, create, update, delete,
// top-level (/opportunities/{id}) and nested (/repos/{repo}/pulls). Writes are validated against the
// operation's params schema in demo/apis.ts first, then by the service's own rules.
import { API_TEMPLATES, type OperationSeed } from '../demo/apis.ts';
import { SERVICES } from './generators/index.ts';
import { ValidationError, type FieldError, type Item, type ResourceDef, type ServiceDef } from './generators/types.ts';
import { HttpError } from './http.ts';
import type { Store } from './store.ts';

export interface ApiRequest {
  company: string;
  service: string;
  method: string;
  /** Decoded path segments after /<company>/<service>. */
  segments: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Query parameters that are never item filters. */
const RESERVED = new Set(['limit', 'api_key']);

const OPERATIONS: Record<string, OperationSeed[]> = {};
for (const template of Object.values(API_TEMPLATES)) {
  OPERATIONS[template.service] ??= [];
  OPERATIONS[template.service]!.push(...template.operations);
}

const notFound = (what: string) => new HttpError(404, { error: 'not_found', message: `${what} not found.` });

function methodNotAllowed(allow: string[]): HttpError {
  return new HttpError(405, { error: 'method_not_allowed', allow }, { Allow: allow.join(', ') });
}

/** The apis.ts operation for this method and path, with its path parameters. */
function operationFor(service: string, method: string, segments: string[]) {
  for (const op of OPERATIONS[service] ?? []) {
    const parts = op.path.split('/').slice(1);
    if (op.method !== method || parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      if (!part.startsWith('{')) return part === segments[i];
      params[part.slice(1, -1)] = segments[i]!;
      return true;
    });
    if (matches) {
      return { op, params };
    }
  }
  return undefined;
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/** The subset of JSON Schema that apis.ts uses: required, property types, additionalProperties. */
function validateAgainst(schema: Record<string, unknown>, input: Record<string, unknown>): void {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string }>;
  const errors: FieldError[] = [];
  for (const name of (schema.required ?? []) as string[]) {
    if (input[name] === undefined || input[name] === null) errors.push({ field: name, message: 'is required' });
  }
  for (const [name, value] of Object.entries(input)) {
    const property = properties[name];
    if (!property) {
      if (schema.additionalProperties === false) errors.push({ field: name, message: 'is not a known field' });
    } else if (value !== undefined && value !== null && property.type && !TYPES[property.type]?.(value)) {
      errors.push({ field: name, message: `must be of type ${property.type}` });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

function parseLimit(query: URLSearchParams): number | undefined {
  const raw = query.get('limit');
  if (raw === null || raw === '') return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new HttpError(400, {
      error: 'invalid_parameter',
      message: 'limit must be an integer between 1 and 100.',
      details: [{ field: 'limit', message: 'must be an integer between 1 and 100' }],
    });
  }
  return limit;
}

function fieldMatches(value: unknown, wanted: string, exact: boolean): boolean {
  if (Array.isArray(value)) return value.some((v) => fieldMatches(v, wanted, true));
  if (value === null || value === undefined || typeof value === 'object') return false;
  const text = String(value).toLowerCase();
  return exact ? text === wanted : text.includes(wanted);
}

/** Filters by the resource's declared filters and by any query parameter naming an item field:
 * exact (case-insensitive) when some item has exactly that value, otherwise a substring match. */
function filterItems(resource: ResourceDef, items: Item[], query: URLSearchParams): Item[] {
  const criteria: [string, string][] = [];
  for (const [param, filter] of Object.entries(resource.filters ?? {})) {
    const value = query.get(param) ?? filter.default;
    if (value !== undefined && value !== '' && value.toLowerCase() !== filter.all?.toLowerCase())
      criteria.push([filter.field, value.toLowerCase()]);
  }
  for (const [param, value] of query) {
    if (RESERVED.has(param) || resource.filters?.[param] || value === '') continue;
    if (items.some((item) => param in item)) criteria.push([param, value.toLowerCase()]);
  }
  return criteria.reduce((remaining, [field, wanted]) => {
    const exact = items.some((item) => fieldMatches(item[field], wanted, true));
    return remaining.filter((item) => fieldMatches(item[field], wanted, exact));
  }, items);
}

function findItem(resource: ResourceDef, items: Item[], key: string): Item | undefined {
  const lower = key.toLowerCase();
  return (
    items.find((item) => String(item.id) === key) ??
    items.find((item) => resource.keys?.some((k) => String(item[k]).toLowerCase() === lower))
  );
}

function resourceOf(def: ServiceDef, name: string, parent?: string): ResourceDef | undefined {
  return def.resources.find((r) => r.name === name && r.parent?.resource === parent);
}

/** Generic partial update: only existing fields, with their current type. */
function patchGeneric(item: Item, patch: Record<string, unknown>, protectedFields: string[]): void {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(patch)) {
    if (protectedFields.includes(name)) errors.push({ field: name, message: 'cannot be changed' });
    else if (!(name in item)) errors.push({ field: name, message: 'is not a known field' });
    else if (item[name] !== null && value !== null && typeof item[name] !== typeof value)
      errors.push({ field: name, message: `must be of type ${typeof item[name]}` });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  Object.assign(item, patch);
}

export function handleApi(store: Store, request: ApiRequest): ApiResponse {
  const { company, service, method, segments, query } = request;
  const def = SERVICES[service]!;
  const collections = store.collections(company, service);
  const now = new Date().toISOString();

  const view = segments.length === 1 ? def.views?.[segments[0]!] : undefined;
  if (view) {
    if (method !== 'GET') throw methodNotAllowed(['GET']);
    return { status: 200, body: view(collections, company) };
  }

  // /{resource}[/{id}] or /{parent}/{key}/{resource}[/{id}]
  let resource: ResourceDef | undefined;
  let parentItem: Item | undefined;
  let itemKey: string | undefined;
  if (segments.length <= 2) {
    resource = resourceOf(def, segments[0] ?? '');
    itemKey = segments[1];
  } else if (segments.length <= 4) {
    const parentResource = resourceOf(def, segments[0]!);
    resource = parentResource && resourceOf(def, segments[2]!, parentResource.name);
    if (resource) {
      parentItem = findItem(parentResource!, collections[parentResource!.name]!, segments[1]!);
      if (!parentItem) throw notFound(`${parentResource!.name} ${segments[1]}`);
    }
    itemKey = segments[3];
  }
  if (!resource) throw notFound(`/${segments.join('/')}`);

  const all = collections[resource.name]!;
  const link = resource.parent;
  const scoped =
    parentItem && link ? all.filter((item) => String(item[link.field]) === String(parentItem![link.via ?? 'id'])) : all;
  const ctx = { company, collections, parent: parentItem, now };
  const matched = operationFor(service, method, segments);
  const input = { ...request.body, ...matched?.params };
  const withoutPathParams = (body: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(body).filter(([k]) => !(matched && k in matched.params)));

  if (itemKey === undefined) {
    if (method === 'GET') {
      const limit = parseLimit(query);
      const found = filterItems(resource, scoped, query);
      const data = limit === undefined ? found : found.slice(0, limit);
      return { status: 200, body: { data, total: found.length, hasMore: data.length < found.length } };
    }
    if (method === 'POST') {
      if (!resource.create) throw methodNotAllowed(['GET']);
      if (matched) validateAgainst(matched.op.paramsSchema, input);
      const item = resource.create(input, ctx);
      if (parentItem && link) item[link.field] = parentItem[link.via ?? 'id'];
      all.unshift(item);
      return {
        status: 201,
        body: item,
        headers: { Location: `/${company}/${service}/${segments.join('/')}/${encodeURIComponent(String(item.id))}` },
      };
    }
    throw methodNotAllowed(resource.create ? ['GET', 'POST'] : ['GET']);
  }

  const item = findItem(resource, scoped, itemKey);
  if (!item) throw notFound(`${resource.name} ${itemKey}`);
  switch (method) {
    case 'GET':
      return { status: 200, body: item };
    case 'PATCH': {
      if (matched) validateAgainst(matched.op.paramsSchema, input);
      const patch = withoutPathParams(request.body);
      delete patch.id;
      if (Object.keys(patch).length === 0)
        throw new ValidationError([{ field: '(body)', message: 'names no field to change' }]);
      if (resource.update) resource.update(item, patch, ctx);
      else patchGeneric(item, patch, ['id', ...(link ? [link.field] : [])]);
      return { status: 200, body: item };
    }
    case 'DELETE':
      all.splice(all.indexOf(item), 1);
      return { status: 200, body: { id: item.id, deleted: true } };
    default:
      throw methodNotAllowed(['GET', 'PATCH', 'DELETE']);
  }
}
