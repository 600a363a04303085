// Regular expressions from users and imported documents (JSON Schema `pattern` and
// `patternProperties`) run on RE2 (re2js, a pure-JavaScript port): matching takes time linear in
// the input, so a pattern such as ^(a+)+$ cannot stop the event loop the way a backtracking
// engine (V8's RegExp) lets it. RE2 has no backreferences and no lookaround; a pattern that uses
// them does not compile here, and Tessera refuses it (see compileParamsSchema).
import { RE2JS } from 're2js';

/** Longer patterns are refused: matching is linear in the input but also grows with the pattern. */
const MAX_PATTERN_LENGTH = 1000;

/**
 * RE2 matches in time linear in the input, times the size of the pattern's program: `[a-z]{0,1000}`
 * is 15 characters but 2,000 instructions, and 330 such patterns in one schema took seconds to
 * compile and match. So programs are bounded too: per pattern, and per schema in all.
 */
const MAX_PATTERN_PROGRAM = 1000;
const MAX_SCHEMA_PATTERN_PROGRAM = 20_000;

/** Why a pattern is refused, in words for the person who wrote the schema. */
export class UnsupportedPatternError extends Error {}

/** The compiled program's instruction count (re2js keeps it on its RE2 object); 0 if it ever moves. */
function programSize(re: RE2JS): number {
  return (re as unknown as { re2Input?: { prog?: { inst?: unknown[] } } }).re2Input?.prog?.inst?.length ?? 0;
}

let schemaBudget: { used: number } | null = null;

/** Runs `compile` (one schema's compile) with MAX_SCHEMA_PATTERN_PROGRAM instructions for all its patterns. */
export function withPatternBudget<T>(compile: () => T): T {
  const outer = schemaBudget;
  schemaBudget = { used: 0 };
  try {
    return compile();
  } finally {
    schemaBudget = outer;
  }
}

/**
 * ECMAScript escapes RE2 spells differently: \uXXXX and \u{X…} become \x{…}. Everything else is
 * passed as written (RE2 rejects what it does not know, e.g. \1, (?=…), (?<=…)).
 */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = pattern[i + 1];
    const braced = next === 'u' ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i + 2, i + 10)) : null;
    const four = next === 'u' && !braced ? /^[0-9A-Fa-f]{4}/.exec(pattern.slice(i + 2, i + 6)) : null;
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += 1 + braced[0].length;
    } else if (four) {
      out += `\\x{${four[0]}}`;
      i += 5;
    } else {
      // Any other escape is copied whole, so "\\u" (an escaped backslash, then u) stays as it is.
      out += c + (next ?? '');
      i += 1;
    }
  }
  return out;
}

const WHY: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported'],
  [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>) are not supported'],
];

/** The pattern compiled for RE2, or UnsupportedPatternError saying why not. */
function compileLinear(pattern: string, flags = ''): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw new UnsupportedPatternError(`is longer than ${MAX_PATTERN_LENGTH} characters`);
  let re2Flags = 0;
  for (const flag of flags) {
    if (flag === 'i') re2Flags |= RE2JS.CASE_INSENSITIVE;
    else if (flag === 'm') re2Flags |= RE2JS.MULTILINE;
    else if (flag === 's') re2Flags |= RE2JS.DOTALL;
    // "u": RE2 always matches Unicode code points; "g" and "y" mean nothing to test().
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2Syntax(pattern), re2Flags);
  } catch (error) {
    const known = WHY.find(([shape]) => shape.test(pattern));
    const detail = String((error as Error).message ?? error)
      .replace(/^error parsing regexp: /, '')
      .slice(0, 200);
    throw new UnsupportedPatternError(known ? known[1] : `is not supported (${detail})`);
  }
  const size = programSize(re);
  if (size > MAX_PATTERN_PROGRAM)
    throw new UnsupportedPatternError(
      `is too complex (${size} steps; at most ${MAX_PATTERN_PROGRAM}): use smaller repetition counts`,
    );
  if (schemaBudget) schemaBudget.used += size;
  if (schemaBudget && schemaBudget.used > MAX_SCHEMA_PATTERN_PROGRAM) {
    throw new UnsupportedPatternError(
      `is one too many: the schema's patterns need more than ${MAX_SCHEMA_PATTERN_PROGRAM} steps in all`,
    );
  }
  return re;
}

/**
 * Ajv's `code.regExp` engine: Ajv calls it with a schema's pattern and "u", and only ever calls
 * `.test(string)` on the result. The error names the pattern so the schema's author can find it.
 */
export function linearRegExp(pattern: string, flags: string): { test(input: string): boolean; toString(): string } {
  let re: RE2JS;
  try {
    re = compileLinear(pattern, flags);
  } catch (error) {
    if (error instanceof UnsupportedPatternError) {
      throw new UnsupportedPatternError(
        `the pattern "${pattern.slice(0, 100)}${pattern.length > 100 ? '…' : ''}" ${error.message}: Tessera runs patterns with a linear-time engine (RE2 syntax)`,
      );
    }
    throw error;
  }
  // Ajv keeps one engine per distinct toString() in a schema: without it every pattern of a
  // schema would be "[object Object]", and all of them would run the first one.
  const key = `/${pattern}/${flags}`;
  return { test: (input: string) => re.test(input), toString: () => key };
}
// How standalone code (params-schema.standalone.ts: compiled in the offload worker) asks for
// this engine; the main thread's `require` for that code answers with linearRegExp itself.
linearRegExp.code = 'require("tessera:linear-regexp").linearRegExp';
