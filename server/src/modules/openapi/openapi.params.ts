// One operation's parameters and JSON body → the single flat paramsSchema the gateway's request
// builder validates (server/src/gateway/request-builder.ts): path placeholders are filled from
// it, the rest goes to the query string (GET, DELETE) or the JSON body (POST, PUT, PATCH).
import { isObject } from './openapi.document.ts';
import { deref, toJsonSchema, SkipOperation, type RefContext } from './openapi.schema.ts';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** The request builder's placeholder syntax: {name} with an identifier inside. */
export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ParamsResult {
  paramsSchema: Record<string, unknown>;
  /** Path placeholders renamed to fit the request builder, e.g. "pet-id" → "pet_id". */
  renamed: Map<string, string>;
  warnings: string[];
}

/** "pet-id" → "pet_id", "1st" → "_1st": a name the path template accepts. */
export function placeholderName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Path-level parameters, overridden by the operation's own (same name and location). */
function mergedParameters(ctx: RefContext, pathLevel: unknown, opLevel: unknown): Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const list of [pathLevel, opLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(ctx, raw);
      if (isObject(p) && typeof p.name === 'string' && typeof p.in === 'string') byKey.set(`${p.in}:${p.name}`, p);
    }
  }
  return [...byKey.values()];
}

function parameterSchema(ctx: RefContext, p: Record<string, unknown>): Record<string, unknown> {
  let schema: unknown = p.schema;
  if (schema === undefined && isObject(p.content)) {
    const media = Object.values(p.content)[0];
    schema = isObject(media) ? media.schema : undefined;
  }
  const converted = toJsonSchema(ctx, schema ?? { type: 'string' });
  const out = typeof converted === 'object' ? converted : {};
  if (typeof p.description === 'string' && p.description.trim() && out.description === undefined)
    out.description = p.description.trim();
  return out;
}

/** The JSON schema of the request body, or null (with a reason) when there is no usable one. */
interface BodyFields {
  properties: Record<string, unknown>;
  required: string[];
  /** The body schema allows properties it does not name. */
  open: boolean;
}

function bodySchema(
  ctx: RefContext,
  requestBody: unknown,
): { schema: BodyFields | null; required: boolean; problem?: string } {
  const body = deref(ctx, requestBody);
  if (!isObject(body)) return { schema: null, required: false };
  const required = body.required === true;
  const content = isObject(body.content) ? body.content : {};
  const mediaType = Object.keys(content).find((m) => JSON_MEDIA.test(m));
  if (!mediaType)
    return {
      schema: null,
      required,
      problem: `the request body is not JSON (${Object.keys(content).join(', ') || 'no content'})`,
    };
  const media = content[mediaType];
  const converted = toJsonSchema(ctx, isObject(media) ? (media.schema ?? {}) : {});
  const schema = typeof converted === 'object' ? converted : {};
  // allOf of objects (a common way to extend a model): its parts' properties, side by side.
  const parts = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [])];
  const properties: Record<string, unknown> = {};
  const requiredNames: string[] = [];
  let isObjectBody = schema.type === 'object' || isObject(schema.properties);
  for (const part of parts) {
    if (part !== schema && (part.type === 'object' || isObject(part.properties))) isObjectBody = true;
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required))
      requiredNames.push(...part.required.filter((r): r is string => typeof r === 'string'));
  }
  if (!isObjectBody)
    return {
      schema: null,
      required,
      problem: 'the JSON body is not an object (Tessera sends a JSON object as the body)',
    };
  // readOnly properties come back in responses; a request does not send them.
  for (const [name, prop] of Object.entries(properties))
    if (isObject(prop) && prop.readOnly === true) delete properties[name];
  const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  return { schema: { properties, required: requiredNames.filter((r) => r in properties), open }, required };
}

export function buildParamsSchema(
  ctx: RefContext,
  op: { method: string; label: string; pathItem: Record<string, unknown>; operation: Record<string, unknown> },
): ParamsResult {
  const warnings: string[] = [];
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const renamed = new Map<string, string>();
  let additional = false;
  const sendsBody = BODY_METHODS.has(op.method);

  for (const p of mergedParameters(ctx, op.pathItem.parameters, op.operation.parameters)) {
    const name = p.name as string;
    if (p.in === 'path') {
      const safe = PLACEHOLDER_NAME.test(name) ? name : placeholderName(name);
      if (safe !== name) renamed.set(name, safe);
      properties[safe] = parameterSchema(ctx, p);
      required.push(safe);
    } else if (p.in === 'query') {
      if (sendsBody) {
        warnings.push(
          `${op.label}: query parameter "${name}" skipped (Tessera sends a ${op.method}'s parameters in its JSON body).`,
        );
        continue;
      }
      properties[name] = parameterSchema(ctx, p);
      if (p.required === true) required.push(name);
    } else {
      // Headers and cookies would carry what the credential already carries, or nothing Tessera forwards.
      warnings.push(
        `${op.label}: ${String(p.in)} parameter "${name}" skipped (Tessera sends path and query parameters and a JSON body only).`,
      );
    }
  }

  if (op.operation.requestBody !== undefined) {
    if (!sendsBody) {
      warnings.push(`${op.label}: request body ignored (a ${op.method} operation takes no body in Tessera).`);
    } else {
      const body = bodySchema(ctx, op.operation.requestBody);
      if (!body.schema) {
        if (body.required) throw new SkipOperation(body.problem ?? 'the request body is unusable');
        if (body.problem) warnings.push(`${op.label}: ${body.problem}; imported without a body.`);
      } else {
        for (const [name, schema] of Object.entries(body.schema.properties)) {
          if (name in properties) {
            warnings.push(`${op.label}: body property "${name}" skipped (a parameter has the same name).`);
            continue;
          }
          properties[name] = schema;
          if (body.required && body.schema.required.includes(name)) required.push(name);
        }
        additional = body.schema.open;
      }
    }
  }

  const paramsSchema: Record<string, unknown> = { type: 'object', properties };
  if (required.length) paramsSchema.required = [...new Set(required)];
  paramsSchema.additionalProperties = additional;
  return { paramsSchema, renamed, warnings };
}
