// One canonical JSON for everything that hashes or compares JSON: cache keys, the request a
// pending action is bound to, and the OpenAPI import's "unchanged" check (jsonb reorders keys,
// so a plain string compare would lie).
/**
 * JSON.stringify's rules (toJSON, undefined and functions dropped from objects and null in
 * arrays), keys sorted. Iterative, with an explicit stack: params nested thousands of levels
 * deep (refused at the GraphQL boundary, graphql/plugins/argument-bounds.ts, but not by every
 * caller) cannot overflow the call stack, as recursion and JSON.stringify itself did near 5,000.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  /** Text to emit, a value to write, or the end of an object or array (leaves the cycle check). */
  const work: (string | { value: unknown } | { leave: object })[] = [{ value: jsonOf(value) }];
  const open = new Set<object>();
  while (work.length) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if ('leave' in item) {
      open.delete(item.leave);
      continue;
    }
    const v = item.value;
    // In an array (and at the top) what JSON cannot hold is null; objects left it out already.
    if (dropped(v)) out.push('null');
    else if (v === null || typeof v !== 'object') out.push(JSON.stringify(v));
    else {
      if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
      open.add(v);
      const next: (string | { value: unknown } | { leave: object })[] = [];
      if (Array.isArray(v)) {
        next.push('[');
        v.forEach((x, i) => {
          next.push(...(i ? [','] : []), { value: jsonOf(x) });
        });
        next.push(']');
      } else {
        next.push('{');
        for (const key of Object.keys(v).sort()) {
          const x = jsonOf((v as Record<string, unknown>)[key]);
          if (dropped(x)) continue;
          next.push(`${next.length > 1 ? ',' : ''}${JSON.stringify(key)}:`, { value: x });
        }
        next.push('}');
      }
      next.push({ leave: v });
      for (let i = next.length - 1; i >= 0; i -= 1) work.push(next[i]!);
    }
  }
  return out.join('');
}

function jsonOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON: () => unknown }).toJSON()
    : value;
}

const dropped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';
