// An operation's parameter JSON Schema → the fields of a form, and the form's values → the
// `params` JSON readOperation/writeOperation take. The server validates again (the gateway's own
// compiled schema); this only spares a round trip and says what is missing next to its field.
// Kept free of React so it is unit-tested over every demo operation.

type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'object' | 'json';

export interface FormField {
  /** Dotted path from the top ("address.city"); unique within the form, used as the input's name. */
  path: string;
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description: string | null;
  /** enum: the values offered, as JSON text (so numbers and strings both survive a <select>). */
  options: string[];
  minimum?: number;
  maximum?: number;
  /** object: its own fields. */
  fields: FormField[];
}

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects deeper than this are edited as JSON: a form of five levels helps nobody. */
const MAX_DEPTH = 3;

/** "dueDate" → "Due date", "project_id" → "Project id". */
function labelOf(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

function typeOf(schema: Schema): string | null {
  const type = schema.type;
  if (typeof type === 'string') return type;
  // ["string", "null"]: the non-null one.
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? null;
  return null;
}

function fieldOf(name: string, schema: unknown, required: boolean, prefix: string, depth: number): FormField {
  const s = isSchema(schema) ? schema : {};
  const path = prefix ? `${prefix}.${name}` : name;
  const base = {
    path,
    name,
    label: typeof s.title === 'string' && s.title ? s.title : labelOf(name),
    required,
    description: typeof s.description === 'string' && s.description ? s.description : null,
    options: [] as string[],
    fields: [] as FormField[],
  };
  if (Array.isArray(s.enum) && s.enum.length > 0)
    return { ...base, kind: 'enum', options: s.enum.map((v) => JSON.stringify(v)) };
  if (s.const !== undefined) return { ...base, kind: 'enum', options: [JSON.stringify(s.const)] };
  const type = typeOf(s);
  if (type === 'string') return { ...base, kind: 'string' };
  if (type === 'integer' || type === 'number')
    return {
      ...base,
      kind: type,
      ...(typeof s.minimum === 'number' ? { minimum: s.minimum } : {}),
      ...(typeof s.maximum === 'number' ? { maximum: s.maximum } : {}),
    };
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === 'object' && isSchema(s.properties) && depth < MAX_DEPTH)
    return { ...base, kind: 'object', fields: fieldsOf(s, path, depth + 1) };
  // Arrays, free-form objects, unions: JSON text, parsed on send.
  return { ...base, kind: 'json' };
}

function fieldsOf(schema: Schema, prefix: string, depth: number): FormField[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  // Required fields first, each group in the schema's own order.
  const names = Object.keys(properties);
  const ordered = [...names.filter((n) => required.has(n)), ...names.filter((n) => !required.has(n))];
  return ordered.map((name) => fieldOf(name, properties[name], required.has(name), prefix, depth));
}

/** The form of an operation's parameter schema; none or an empty one: no fields. */
export function formFields(paramsSchema: unknown): FormField[] {
  return isSchema(paramsSchema) ? fieldsOf(paramsSchema, '', 0) : [];
}

/** What a person typed, by field path: text for most fields, a boolean for check boxes. */
export type FormValues = Record<string, string | boolean | undefined>;

export interface ParamsResult {
  params: Record<string, unknown> | null;
  /** Problems by field path. */
  errors: Record<string, string>;
}

function fieldValue(field: FormField, values: FormValues, errors: Record<string, string>): unknown {
  if (field.kind === 'object') {
    const out: Record<string, unknown> = {};
    for (const child of field.fields) {
      const v = fieldValue(child, values, errors);
      if (v !== undefined) out[child.name] = v;
    }
    if (Object.keys(out).length === 0 && !field.required) return undefined;
    return out;
  }
  const raw = values[field.path];
  if (field.kind === 'boolean') return raw === true ? true : raw === false && field.required ? false : undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') {
    if (field.required) errors[field.path] = `Enter ${field.label.toLowerCase()}.`;
    return undefined;
  }
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) {
        errors[field.path] = field.kind === 'integer' ? 'Enter a whole number.' : 'Enter a number.';
        return undefined;
      }
      if (field.minimum !== undefined && n < field.minimum) errors[field.path] = `At least ${field.minimum}.`;
      else if (field.maximum !== undefined && n > field.maximum) errors[field.path] = `At most ${field.maximum}.`;
      return n;
    }
    case 'enum':
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        errors[field.path] = 'Enter valid JSON, e.g. ["a", "b"] or {"key": "value"}.';
        return undefined;
      }
    default:
      return text;
  }
}

/** The values as `params`, or the problems by field. Empty optional fields are left out. */
export function paramsOf(fields: readonly FormField[], values: FormValues): ParamsResult {
  const errors: Record<string, string> = {};
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const v = fieldValue(field, values, errors);
    if (v !== undefined) params[field.name] = v;
  }
  return Object.keys(errors).length > 0 ? { params: null, errors } : { params, errors };
}

/** Every field, nested ones included, depth first: for tests and for focusing the first problem. */
export function allFields(fields: readonly FormField[]): FormField[] {
  return fields.flatMap((f) => [f, ...allFields(f.fields)]);
}

export interface RequestPreview {
  method: string;
  /** The path with its placeholders filled, and the query string for GET and DELETE. */
  target: string;
  /** POST, PUT, PATCH: the JSON body. */
  body: Record<string, unknown> | null;
}

/**
 * The request the gateway will build from these params (server/src/gateway/request-builder.ts):
 * placeholders filled from the params, the rest as the query (GET, DELETE) or the JSON body.
 */
export function previewRequest(method: string, path: string, params: Record<string, unknown>): RequestPreview {
  const rest = { ...params };
  const filled = path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const v = rest[name];
    delete rest[name];
    return v === undefined || v === null ? whole : encodeURIComponent(String(v));
  });
  const upper = method.toUpperCase();
  if (upper === 'POST' || upper === 'PUT' || upper === 'PATCH')
    return { method: upper, target: filled, body: Object.keys(rest).length ? rest : null };
  // As the gateway does: one value per name; objects it refuses, so they are shown as JSON here.
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(rest))
    if (v !== undefined && v !== null) query.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  const qs = query.toString();
  return { method: upper, target: qs ? `${filled}?${qs}` : filled, body: null };
}
