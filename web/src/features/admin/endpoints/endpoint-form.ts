// The Endpoints page's forms, checked the way the server checks them
// (server/src/modules/endpoint/endpoint.validation.ts and server/src/lib/validate.ts), plus the
// suggestions that spare a newcomer from inventing a slug or an operation key.
import { isHttpUrl } from '../credentials/credential-kinds.ts';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

export type Errors<K extends string> = Partial<Record<K, string>>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPERATION_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const PATH = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/{}]*$/;

/** "Sales API" → "sales-api"; "Über Großhandel" → "uber-grosshandel"; at most 60 characters. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);

/**
 * A key from the method and path, e.g. GET /repos → listRepos, GET /repos/{id} → getReposById,
 * POST /issues → createIssues. Empty when the path gives nothing to name it after.
 */
export function suggestOperationKey(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return '';
  const last = segments[segments.length - 1]!;
  const endsWithParam = /^\{.+\}$/.test(last);
  const verb =
    { GET: endsWithParam ? 'get' : 'list', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' }[
      method.toUpperCase()
    ] ?? method.toLowerCase();
  const name = segments
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${words(param[1]!).map(capitalize).join('')}` : words(segment).map(capitalize).join('');
    })
    .join('');
  const key = `${verb}${name}`.replace(/[^A-Za-z0-9_]/g, '');
  return OPERATION_KEY.test(key.slice(0, 64)) ? key.slice(0, 64) : '';
}

export interface OperationValues {
  method: string;
  key: string;
  path: string;
  description: string;
}

export type OperationField = keyof OperationValues;

export interface OperationInput {
  method: Method;
  key: string;
  path: string;
  description: string | null;
}

export const emptyOperation = (): OperationValues => ({ method: 'GET', key: '', path: '', description: '' });

/** The operation as the API takes it, or what is wrong with it. `takenKeys`: the endpoint's other keys. */
export function validateOperation(
  values: OperationValues,
  takenKeys: readonly string[] = [],
): { input: OperationInput | null; errors: Errors<OperationField> } {
  const errors: Errors<OperationField> = {};
  const key = values.key.trim();
  const path = values.path.trim();
  const description = values.description.trim();
  const method = values.method.trim().toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) errors.method = 'Choose GET, POST, PUT, PATCH or DELETE.';
  if (!key) errors.key = 'Give the operation a key, e.g. listRepos.';
  else if (!OPERATION_KEY.test(key)) errors.key = 'Start with a letter; use only letters, digits and _ (at most 64).';
  else if (takenKeys.includes(key)) errors.key = `Another operation already has the key “${key}”.`;
  if (!path) errors.path = 'Enter the path after the base URL, e.g. /repos/{id}.';
  else if (path.length > 1024) errors.path = 'A path has at most 1024 characters.';
  else if (!PATH.test(path)) errors.path = 'Start with “/”; use URL path characters and {parameters} only.';
  if (description.length > 2000) errors.description = 'A description has at most 2000 characters.';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { method: method as Method, key, path, description: description || null }, errors };
}

export interface EndpointValues {
  name: string;
  slug: string;
  baseUrl: string;
  description: string;
  cacheTtlSeconds: string;
  rateLimitPerMinute: string;
}

export type EndpointField = keyof EndpointValues;

export interface EndpointInput {
  name: string;
  slug: string;
  baseUrl: string;
  description: string | null;
  cacheTtlSeconds: number;
  rateLimitPerMinute: number | null;
}

export const emptyEndpoint = (): EndpointValues => ({
  name: '',
  slug: '',
  baseUrl: '',
  description: '',
  cacheTtlSeconds: '0',
  rateLimitPerMinute: '',
});

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The endpoint as createEndpoint/updateEndpoint take it (without the company and operations). */
export function validateEndpoint(values: EndpointValues): {
  input: EndpointInput | null;
  errors: Errors<EndpointField>;
} {
  const errors: Errors<EndpointField> = {};
  const name = values.name.trim();
  const slug = values.slug.trim();
  const baseUrl = values.baseUrl.trim();
  const description = values.description.trim();
  if (!name) errors.name = 'Give the API a name, e.g. “Sales API”.';
  else if (name.length > 120) errors.name = 'A name has at most 120 characters.';
  if (slug.length < 2) errors.slug = 'Enter a slug of at least 2 characters, e.g. sales-api.';
  else if (slug.length > 60) errors.slug = 'A slug has at most 60 characters.';
  else if (!SLUG.test(slug)) errors.slug = 'Use lowercase letters, digits and single dashes only.';
  if (!baseUrl) errors.baseUrl = 'Enter the address the API answers at, e.g. https://api.example.com/v1.';
  else if (baseUrl.length > 2048 || !isHttpUrl(baseUrl))
    errors.baseUrl = 'Enter a full http(s) address without a user name or password.';
  if (description.length > 2000) errors.description = 'A description has at most 2000 characters.';
  const ttl = values.cacheTtlSeconds.trim() === '' ? 0 : wholeNumber(values.cacheTtlSeconds);
  if (ttl === null || ttl > 86_400) errors.cacheTtlSeconds = 'Enter a whole number of seconds from 0 to 86400.';
  const limit = values.rateLimitPerMinute.trim() === '' ? null : wholeNumber(values.rateLimitPerMinute);
  if (values.rateLimitPerMinute.trim() !== '' && (limit === null || limit < 1 || limit > 1_000_000)) {
    errors.rateLimitPerMinute = 'Enter a whole number from 1 to 1000000, or leave empty for the default.';
  }
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      name,
      slug,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      description: description || null,
      cacheTtlSeconds: ttl!,
      rateLimitPerMinute: limit,
    },
    errors,
  };
}

/** Keys used twice among new operations, by their position. */
export function duplicateKeys(operations: readonly OperationValues[]): Map<number, string> {
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  operations.forEach((op, i) => {
    const key = op.key.trim();
    if (!key) return;
    if (seen.has(key)) out.set(i, `Another operation already has the key “${key}”.`);
    else seen.set(key, i);
  });
  return out;
}

/**
 * Where a server error belongs: its `field` extension reads "input.slug", "slug",
 * "input.operations.2.path", "key" and so on.
 */
export function placeOfServerField(field: unknown): { field: string; operation?: number } | null {
  if (typeof field !== 'string') return null;
  const op = /^(?:input\.)?operations\.(\d+)\.(\w+)$/.exec(field);
  if (op) return { operation: Number(op[1]), field: op[2]! };
  return { field: field.replace(/^input\./, '') };
}
