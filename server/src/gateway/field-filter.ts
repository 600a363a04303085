// Response field rules (operation_field_rules): which parts of an operation's answer a role may
// see. The gateway applies the rule to the parsed answer of every call, a cached one too, so the
// filtered data is all that reaches a GraphQL response, a dashboard or the model.
//
// Path syntax, one path per entry:
//   balance                    a key of the answer
//   customer.email             keys separated by dots, one step deeper each
//   items[].customer.email     `[]` after a key (or alone, first: `[].amount`) marks an array
//                              whose every element the path steps into
// Arrays are transparent: wherever the path meets an array, at the root or nested in another
// array, it applies to every element, whether or not the path says `[]`. Writing `[]` only
// makes that visible, so `data.email` and `data[].email` are the same path. This keeps a rule
// safe when an API answers a bare array one day and `{ data: [...] }` the next: a REMOVE never
// misses an element because an array was not spelled out.
// No wildcards (`*`), no indexes (`[0]`), no whitespace; at most 100 paths of 200 characters.
//
// ALLOW keeps only the listed paths and the objects and arrays leading to them: an object on
// the way keeps the listed keys it has (it may end up `{}`), an array keeps each element
// projected the same way, and a value that has no keys (a string, a number) where a path goes
// deeper is not kept (null for the whole answer). A listed path keeps its value whole.
// REMOVE deletes the listed paths and keeps everything else; a path that is not there changes
// nothing, and an answer that is not JSON (a string) passes unchanged.
// Neither ever mutates its input: the response cache may hold it.
import { BadInputError } from '../lib/errors.ts';

/** A stored rule: its mode is a column of text, checked when the rule is applied. */
export interface FieldRuleLike {
  mode: string;
  paths: readonly string[];
}

const MAX_FIELD_PATHS = 100;
const MAX_FIELD_PATH_LENGTH = 200;

/** A key: anything but dots, brackets, wildcards, quotes, backslashes and whitespace. */
const KEY = /^[^.[\]*?\s"'\\]+$/;
const ARRAY_MARKS = /(\[\])+$/;

/** The keys of one path; throws BadInputError naming the path and what is wrong with it. */
function parsePath(path: unknown, n: number): string[] {
  const where = `Path ${n}`;
  if (typeof path !== 'string' || path.trim() === '') throw new BadInputError(`${where} is empty.`, 'paths');
  const text = path.trim();
  if (text.length > MAX_FIELD_PATH_LENGTH)
    throw new BadInputError(`${where} is longer than ${MAX_FIELD_PATH_LENGTH} characters.`, 'paths');
  const quoted = `${where} ("${text}")`;
  if (/[*?]/.test(text))
    throw new BadInputError(`${quoted} uses a wildcard; only [] (every element of an array) is supported.`, 'paths');
  if (/\s/.test(text)) throw new BadInputError(`${quoted} contains whitespace.`, 'paths');
  const keys: string[] = [];
  text.split('.').forEach((segment, i) => {
    const key = segment.replace(ARRAY_MARKS, '');
    // `[]` alone is a step only at the start: the answer itself is an array (`[].amount`).
    if (key === '' && !(i === 0 && segment !== '')) {
      throw new BadInputError(
        `${quoted} has an empty segment: separate keys with single dots, e.g. items[].customer.email.`,
        'paths',
      );
    }
    if (key !== '' && !KEY.test(key)) {
      throw new BadInputError(
        `${quoted}: "${segment}" is not a key; only [] (every element) may follow a key, indexes and quotes are not supported.`,
        'paths',
      );
    }
    if (key !== '') keys.push(key);
  });
  if (keys.length === 0) throw new BadInputError(`${quoted} names no field: add a key, e.g. [].amount.`, 'paths');
  return keys;
}

/**
 * Checks a rule's paths and returns them trimmed and without duplicates, in the given order
 * (what is stored), with the keys of each. Malformed input: BadInputError, nothing parsed.
 */
export function parseFieldPaths(paths: readonly unknown[]): { paths: string[]; keys: string[][] } {
  if (!Array.isArray(paths) || paths.length === 0)
    throw new BadInputError('List at least one path. To show every field, delete the rule.', 'paths');
  if (paths.length > MAX_FIELD_PATHS)
    throw new BadInputError(`At most ${MAX_FIELD_PATHS} paths per rule (${paths.length} given).`, 'paths');
  const seen = new Map<string, string[]>();
  paths.forEach((path, i) => {
    const keys = parsePath(path, i + 1);
    const text = (path as string).trim();
    if (!seen.has(text)) seen.set(text, keys);
  });
  return { paths: [...seen.keys()], keys: [...seen.values()] };
}

/** A tree of keys; `end` marks a node where a listed path stops. */
interface Node {
  end: boolean;
  children: Map<string, Node>;
}

function treeOf(keyLists: readonly string[][]): Node {
  const root: Node = { end: false, children: new Map() };
  for (const keys of keyLists) {
    let node = root;
    for (const key of keys) {
      let next = node.children.get(key);
      if (!next) {
        next = { end: false, children: new Map() };
        node.children.set(key, next);
      }
      node = next;
    }
    node.end = true;
  }
  return root;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own keys only: `__proto__` in an answer is data, never a prototype (entries → fromEntries). */
const has = (obj: Record<string, unknown>, key: string) => Object.hasOwn(obj, key);

const DROP = Symbol('drop');

function keep(value: unknown, node: Node): unknown {
  if (node.end) return value;
  if (Array.isArray(value)) return value.map((item) => keep(item, node)).filter((item) => item !== DROP);
  if (!isObject(value)) return DROP;
  const out: [string, unknown][] = [];
  for (const [key, child] of node.children) {
    if (!has(value, key)) continue;
    const kept = keep(value[key], child);
    if (kept !== DROP) out.push([key, kept]);
  }
  return Object.fromEntries(out);
}

function remove(value: unknown, node: Node): unknown {
  if (Array.isArray(value)) return value.map((item) => remove(item, node));
  if (!isObject(value)) return value;
  let touched = false;
  const out = Object.entries(value).flatMap(([key, inner]): [string, unknown][] => {
    const child = node.children.get(key);
    if (!child) return [[key, inner]];
    touched = true;
    return child.end ? [] : [[key, remove(inner, child)]];
  });
  // Untouched objects are shared with the input rather than copied: never mutated either way.
  return touched ? Object.fromEntries(out) : value;
}

/**
 * The answer as the rule lets a role see it; no rule: the answer itself. A stored rule that
 * does not parse (never written by setFieldRule) fails the call rather than show data.
 */
export function applyFieldRule(data: unknown, rule: FieldRuleLike | null): unknown {
  if (!rule) return data;
  if (rule.mode !== 'ALLOW' && rule.mode !== 'REMOVE')
    throw new Error(`field rule with unknown mode ${JSON.stringify(rule.mode)}`);
  let tree: Node;
  try {
    tree = treeOf(parseFieldPaths(rule.paths).keys);
  } catch (error) {
    // Not the caller's input: an internal error (masked), not BAD_USER_INPUT.
    throw new Error(`stored field rule does not parse: ${(error as Error).message}`);
  }
  if (rule.mode === 'REMOVE') return remove(data, tree);
  const kept = keep(data, tree);
  return kept === DROP ? null : kept;
}
