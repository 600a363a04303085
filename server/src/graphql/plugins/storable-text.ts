// PostgreSQL text and jsonb cannot hold U+0000, and UTF-8 cannot encode an unpaired UTF-16
// surrogate: such a value used to fail deep inside a query as INTERNAL_SERVER_ERROR (found by the
// mutation fuzzer: a NUL in a company name, an operation key, a credential name; a lone
// surrogate in an endpoint name) or, through node-postgres, be silently replaced by U+FFFD.
// Refused once, before any resolver runs, for every argument of every Query and Mutation field
// (strings, and the keys and values of JSON arguments), as BAD_USER_INPUT naming the argument.
// It runs after the shield (see schema.ts), so an unauthenticated caller still hears UNAUTHENTICATED.
import { rootArgumentGuard } from './argument-guard.ts';

// NUL and lone surrogates: PostgreSQL's text refuses both, so they are found here, before the database.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or object key) under `value` that cannot be stored, or null. */
export function findUnstorable(value: unknown, path: string): string | null {
  // Iterative: a JSON argument may be nested a thousand levels deep.
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return p;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        stack.push([item, `${p}[${i}]`]);
      });
    } else if (v && typeof v === 'object' && !(v instanceof Date)) {
      for (const [key, item] of Object.entries(v)) {
        if (UNSTORABLE.test(key)) return p;
        stack.push([item, `${p}.${key}`]);
      }
    }
  }
  return null;
}

/** For applyMiddleware: the guard on every root field that takes arguments from a client. */
export const storableTextMiddleware = rootArgumentGuard((value, name) => {
  const where = findUnstorable(value, name);
  return where
    ? `${where.slice(0, 100)} contains a character that cannot be stored (NUL or an unpaired surrogate).`
    : null;
});
