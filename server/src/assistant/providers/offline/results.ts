// Reading tool results back: list shapes ({ data, total, hasMore }, arrays), single documents, and
// lists cut off by the tool-result budget (the complete items before the cut are recovered).

export type Item = Record<string, unknown>;

export interface Result {
  status: 'ok' | 'pending' | 'error';
  httpStatus?: number;
  data: unknown;
  truncated: boolean;
}

export interface View {
  /** The items of a list result (complete ones only, when truncated). */
  items?: Item[];
  /** A single document (an object that is not a list envelope). */
  doc?: Item;
  /** The collection's size as the API reported it. */
  total?: number;
  hasMore?: boolean;
  /** Cut off by the budget: items are a prefix, total unknown. */
  truncated: boolean;
}

const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
const LIST_KEYS = ['data', 'items', 'results', 'records', 'values'];

export function view(result: Result): View {
  const { data } = result;
  if (typeof data === 'string' && result.truncated) return { items: recoverItems(data), truncated: true };
  if (Array.isArray(data)) return { items: data.filter(isObject), total: data.length, truncated: result.truncated };
  if (isObject(data)) {
    const key = LIST_KEYS.find((k) => Array.isArray(data[k]));
    if (key) {
      const items = (data[key] as unknown[]).filter(isObject);
      const total =
        typeof data.total === 'number' ? data.total : typeof data.count === 'number' ? data.count : undefined;
      return { items, total, hasMore: data.hasMore === true || data.has_more === true, truncated: result.truncated };
    }
    return { doc: data, truncated: result.truncated };
  }
  return { truncated: result.truncated };
}

/** The complete elements of the first list in a JSON text that was cut off. */
function recoverItems(text: string): Item[] {
  const envelope = /"(?:data|items|results|records|values)"\s*:\s*\[/.exec(text);
  const start = envelope
    ? envelope.index + envelope[0].length - 1
    : text.trimStart().startsWith('[')
      ? text.indexOf('[')
      : -1;
  if (start < 0) return [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let cut = -1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 1) cut = i + 1;
      if (depth === 0) {
        cut = i;
        break;
      }
    } else if (c === ',' && depth === 1) cut = i;
  }
  if (cut < 0) return [];
  try {
    const parsed = JSON.parse(`${text.slice(start, cut)}]`) as unknown[];
    return parsed.filter(isObject);
  } catch {
    return [];
  }
}

/** "Sales API could not be reached: Service Unavailable (HTTP 503)". */
export function errorText(source: string, result: Result): string {
  const data = result.data;
  const raw = isObject(data) ? (data.message ?? data.error ?? data.detail ?? '') : (data ?? '');
  const message = String(typeof raw === 'string' ? raw : JSON.stringify(raw))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
    .replace(/[\u0000-\u001f]+/g, ' ')
    .trim()
    .slice(0, 200);
  const http = result.httpStatus ? ` (HTTP ${result.httpStatus})` : '';
  const verb =
    result.httpStatus && result.httpStatus >= 400 && result.httpStatus < 500
      ? 'refused the request'
      : 'could not be reached';
  return `${source} ${verb}: ${message || 'no details'}${http}.`;
}

/** An item's identity for de-duplication across overlapping calls. */
export const identity = (item: Item) => (item.id !== undefined ? `id:${String(item.id)}` : JSON.stringify(item));
