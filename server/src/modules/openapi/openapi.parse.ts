// An OpenAPI 3.0/3.1 document → the endpoint and operations Tessera would hold (a plan), with the
// same validation createEndpoint and createOperation apply. Pure: no database, no network.
import { BadInputError } from '../../lib/errors.ts';
import { compileParamsSchema } from '../../lib/json-schema/params-schema.ts';
import { httpUrlSchema, slugSchema } from '../../lib/validate.ts';
import { endpointUpdateSchema, operationCreateSchema } from '../endpoint/endpoint.validation.ts';
import { isObject, readOpenApiDocument, type OpenApiDocument } from './openapi.document.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { buildParamsSchema, placeholderName, PLACEHOLDER_NAME } from './openapi.params.ts';
import { authFromDocument } from './openapi.security.ts';
import type { EndpointAuth } from '../endpoint/endpoint.auth.ts';
import { deref, DOCUMENT_BUDGET, SCHEMA_BUDGET, SkipOperation, type RefContext } from './openapi.schema.ts';

const MAX_OPERATIONS = 500;
const SUPPORTED = ['get', 'post', 'put', 'patch', 'delete'];
const UNSUPPORTED = ['head', 'options', 'trace'];
const DESCRIPTION_MAX = 2000;

export interface OperationPlan {
  key: string;
  method: string;
  path: string;
  description: string | null;
  paramsSchema: Record<string, unknown>;
}

export interface ImportPlan {
  endpoint: { name: string; slug: string; description: string | null; baseUrl: string; auth: EndpointAuth | null };
  operations: OperationPlan[];
  warnings: string[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const clip = (s: string | null) => (s && s.length > DESCRIPTION_MAX ? `${s.slice(0, DESCRIPTION_MAX - 1)}…` : s);

/** "Swagger Petstore - OpenAPI 3.0" → "swagger-petstore-openapi-3-0". */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `api-${slug || 'import'}`.slice(0, 60);
}

/** operationId → a key the operation rules accept ("pets.list-all" → "pets_list_all"). */
export function keyFromOperationId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return (/^[A-Za-z]/.test(cleaned) ? cleaned : `op_${cleaned}`).slice(0, 64).replace(/_+$/, '') || 'op';
}

/** GET /store/order/{orderId} → "getStoreOrderByOrderId". */
export function keyFromMethodAndPath(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg);
      const word = (param ? param[1]! : seg).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) =>
        c ? c.toUpperCase() : '',
      );
      return param ? `By${cap(word)}` : cap(word);
    });
  return keyFromOperationId(method.toLowerCase() + words.join(''));
}

/** The first server's URL with its variables' defaults, as an absolute http(s) base URL. */
function baseUrlOf(doc: OpenApiDocument): string {
  const server = Array.isArray(doc.servers) ? doc.servers.find(isObject) : undefined;
  const raw = server && typeof server.url === 'string' ? server.url.trim() : '';
  if (!raw)
    throw new BadInputError(
      'The document has no servers[].url; add an absolute server URL (https://...) to it so Tessera knows where to send requests.',
      'document',
    );
  const variables = isObject(server!.variables) ? server!.variables : {};
  const url = raw.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = variables[name];
    return isObject(v) && v.default !== undefined ? String(v.default) : whole;
  });
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new BadInputError(
      `The server URL "${url.slice(0, 200)}" is relative; put an absolute URL (https://api.example.com/...) in servers[0].url and import again.`,
      'document',
    );
  }
  const parsed = httpUrlSchema.safeParse(url);
  if (!parsed.success)
    throw new BadInputError(`The server URL "${url.slice(0, 200)}" ${parsed.error.issues[0]!.message}.`, 'document');
  return parsed.data;
}

function endpointOf(doc: OpenApiDocument, slugArg: string | null | undefined) {
  const info = isObject(doc.info) ? doc.info : {};
  const title = text(info.title);
  if (!title) throw new BadInputError('The document has no info.title; it becomes the endpoint name.', 'document');
  const slugRaw = slugArg ?? slugFromTitle(title);
  const slug = slugSchema.safeParse(slugRaw);
  if (!slug.success) throw new BadInputError(`slug ${slug.error.issues[0]!.message}.`, 'slug');
  const fields = endpointUpdateSchema.safeParse({
    name: title.slice(0, 120),
    description: clip(text(info.description) ?? text(info.summary)),
  });
  if (!fields.success) throw new BadInputError(`info.title ${fields.error.issues[0]!.message}.`, 'document');
  return {
    name: fields.data.name!,
    slug: slug.data,
    description: fields.data.description ?? null,
    baseUrl: baseUrlOf(doc),
  };
}

interface RawOperation {
  method: string;
  path: string;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
}

function collectOperations(ctx: RefContext, doc: OpenApiDocument, warnings: string[]): RawOperation[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const found: RawOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    let pathItem: unknown;
    try {
      pathItem = deref(ctx, rawItem);
    } catch (error) {
      warnings.push(`${path} skipped: ${(error as Error).message}.`);
      continue;
    }
    if (!isObject(pathItem)) continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      const m = method.toLowerCase();
      if (UNSUPPORTED.includes(m))
        warnings.push(`${m.toUpperCase()} ${path} skipped (Tessera operations are GET, POST, PUT, PATCH or DELETE).`);
      else if (SUPPORTED.includes(m) && isObject(operation))
        found.push({ method: m.toUpperCase(), path, pathItem, operation });
    }
  }
  if (found.length > MAX_OPERATIONS)
    throw new BadInputError(
      `The document has ${found.length} operations; the limit is ${MAX_OPERATIONS} per endpoint. Split it into several documents.`,
      'document',
    );
  if (found.length === 0)
    throw new BadInputError(
      'The document has no operations Tessera can import (paths with GET, POST, PUT, PATCH or DELETE operations).',
      'document',
    );
  return found;
}

/** Schemas already compiled in this import (canonical JSON → the refusal, or null): 100 operations sharing one body schema compile it once. */
type CompileMemo = Map<string, string | null>;

/** Compiles the schema as the gateway will (same module); SkipOperation when it would refuse it. */
function assertCompiles(schema: Record<string, unknown>, memo: CompileMemo) {
  const key = canonicalJson(schema);
  if (!memo.has(key)) {
    try {
      compileParamsSchema(schema);
      memo.set(key, null);
    } catch (error) {
      memo.set(key, (error as Error).message.slice(0, 300));
    }
  }
  const refusal = memo.get(key);
  if (refusal) throw new SkipOperation(`its parameter schema ${refusal}`);
}

function planOperation(
  ctx: RefContext,
  raw: RawOperation,
  key: string,
  memo: CompileMemo,
  warnings: string[],
): OperationPlan {
  const label = `${raw.method} ${raw.path}`;
  ctx.budget = SCHEMA_BUDGET;
  const params = buildParamsSchema(ctx, { ...raw, label });
  warnings.push(...params.warnings);
  const properties = params.paramsSchema.properties as Record<string, unknown>;
  const required = new Set((params.paramsSchema.required as string[] | undefined) ?? []);
  // Placeholders renamed to the request builder's syntax; undeclared ones become required strings.
  const path = raw.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const safe = params.renamed.get(name) ?? (PLACEHOLDER_NAME.test(name) ? name : placeholderName(name));
    if (!(safe in properties)) {
      properties[safe] = { type: 'string', description: `Path parameter "${name}".` };
      required.add(safe);
    }
    return `{${safe}}`;
  });
  if (required.size) params.paramsSchema.required = [...required];
  const ownServers = [raw.operation.servers, raw.pathItem.servers].some(
    (list) => Array.isArray(list) && list.length > 0,
  );
  if (ownServers) warnings.push(`${label} declares servers of its own; Tessera calls it at the endpoint's base URL.`);
  if (params.renamed.size)
    warnings.push(
      `${label}: path parameters renamed for Tessera: ${[...params.renamed].map(([a, b]) => `${a} → ${b}`).join(', ')}.`,
    );
  const parsed = operationCreateSchema.safeParse({
    key,
    method: raw.method,
    path,
    description: clip(text(raw.operation.summary) ?? text(raw.operation.description)),
    paramsSchema: params.paramsSchema,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SkipOperation(`${issue.path.join('.')} ${issue.message}`);
  }
  assertCompiles(params.paramsSchema, memo);
  return {
    key,
    method: parsed.data.method,
    path: parsed.data.path,
    description: parsed.data.description ?? null,
    paramsSchema: params.paramsSchema,
  };
}

/** The document's text → what an import would make of it; BAD_USER_INPUT when unusable. */
export function planImport(document: string, options: { slug?: string | null } = {}): ImportPlan {
  const doc = readOpenApiDocument(document);
  const warnings: string[] = [];
  const endpoint = { ...endpointOf(doc, options.slug), auth: authFromDocument(doc, warnings) };
  const ctx: RefContext = { doc, notes: new Set(), budget: SCHEMA_BUDGET, documentBudget: DOCUMENT_BUDGET };
  // The request builder's compiler (lib/json-schema), so what is imported compiles when called.
  const memo: CompileMemo = new Map();
  const operations: OperationPlan[] = [];
  const keys = new Set<string>();
  for (const raw of collectOperations(ctx, doc, warnings)) {
    const label = `${raw.method} ${raw.path}`;
    const operationId = text(raw.operation.operationId);
    let key = operationId ? keyFromOperationId(operationId) : keyFromMethodAndPath(raw.method, raw.path);
    if (!operationId) warnings.push(`${label} has no operationId; its key is "${key}".`);
    else if (key !== operationId)
      warnings.push(`${label}: operationId "${operationId.slice(0, 100)}" became key "${key}".`);
    if (keys.has(key)) {
      let n = 2;
      while (keys.has(`${key.slice(0, 60)}_${n}`)) n++;
      const unique = `${key.slice(0, 60)}_${n}`;
      warnings.push(`${label}: key "${key}" is already taken in this document; it is "${unique}".`);
      key = unique;
    }
    try {
      operations.push(planOperation(ctx, raw, key, memo, warnings));
      keys.add(key);
    } catch (error) {
      if (!(error instanceof SkipOperation)) throw error;
      warnings.push(`${label} skipped: ${error.message}.`);
    }
  }
  warnings.push(...[...ctx.notes].map((n) => `Note: ${n}.`));
  if (operations.length === 0)
    throw new BadInputError(
      `No operation of the document can be imported: ${warnings.slice(0, 3).join(' ')}`,
      'document',
    );
  return { endpoint, operations, warnings };
}
