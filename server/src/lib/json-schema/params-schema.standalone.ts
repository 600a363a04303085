// Large parameter schemas compile off the event loop: the offload worker runs Ajv's code
// generation (the costly part: about 0.45 s for 990 properties) and sends back the validator's
// source (Ajv's standalone code); the main thread only turns that text into a function, a few
// milliseconds. The validator is the same code Ajv would have generated in-process: same
// errors, same defaults filled in, the same RE2 engine for patterns.
//
// The worker also runs the code once and sends V8's code cache for it: compiling a 990-property
// validator to bytecode costs the main thread about 150 ms (busy 2-core machine); with the
// cache, a few ms. A cache V8 rejects (never expected: same process, same V8) only costs that time.
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { linearRegExp } from './linear-regexp.ts';
import { withParamsSchema, type CompiledSchema } from './params-schema.ts';

/** What the worker sends back: the validator as CommonJS source, V8's code cache for it, and the schema's size. */
export interface ParamsSchemaSource {
  source: string;
  codeCache?: Uint8Array;
  nodes: number;
}

/** In the worker: the schema checked and compiled as compileParamsSchema does, as source; SchemaRefusedError as there. */
export function paramsSchemaSource(schema: object): ParamsSchemaSource {
  const { source, nodes } = withParamsSchema(
    schema,
    (ajv, valid) => ({ source: standaloneCode(ajv, ajv.compile(valid)) }),
    { source: true },
  );
  const script = scriptOf(source);
  // One run compiles the validator to bytecode, which the cache then holds (no input is checked).
  loadValidator(script)({});
  return { source, codeCache: script.createCachedData(), nodes };
}

/** The CommonJS source as a script whose value is its module function; the same text on both threads, or the cache is refused. */
function scriptOf(source: string, cachedData?: Uint8Array): Script {
  return new Script(`(function (module, exports, require) {${source}\n})`, {
    filename: 'tessera-params-schema.js',
    ...(cachedData ? { cachedData } : {}),
  });
}

function loadValidator(script: Script): ValidateFunction {
  const module = { exports: {} as { default?: ValidateFunction } };
  // The source is Ajv's own output for a schema, made in Tessera's worker; user text is inside
  // it only as JSON literals, exactly as in the function Ajv builds with new Function in-process.
  (script.runInThisContext() as (m: typeof module, e: object, r: typeof standaloneRequire) => void)(
    module,
    module.exports,
    standaloneRequire,
  );
  const validate = module.exports.default;
  if (typeof validate !== 'function') throw new Error('standalone validator code exported no function');
  return validate;
}

/**
 * The only modules standalone code may ask for: Ajv's runtime helpers the draft-07 keywords use
 * (maxLength/minLength count code points, enum/const/uniqueItems compare deeply, $async errors)
 * and Tessera's pattern engine (linearRegExp.code). Anything else is refused.
 */
const RUNTIME = new Set([
  'ajv/dist/runtime/ucs2length',
  'ajv/dist/runtime/equal',
  'ajv/dist/runtime/uri',
  'ajv/dist/runtime/validation_error',
]);
const requireFromHere = createRequire(import.meta.url);
function standaloneRequire(name: string): unknown {
  if (name === 'tessera:linear-regexp') return { linearRegExp: lazyLinearRegExp };
  if (RUNTIME.has(name)) return requireFromHere(name);
  throw new Error(`standalone validator code asked for an unexpected module: ${name}`);
}

/**
 * linearRegExp, compiled on first use: the worker has compiled every pattern already (a pattern
 * RE2 refuses never comes back as source), so the main thread only pays for those an input meets
 * (990 patterns ≈ 60 ms at once otherwise).
 */
function lazyLinearRegExp(pattern: string, flags: string): { test(input: string): boolean } {
  let engine: { test(input: string): boolean } | undefined;
  return {
    test: (input) => {
      engine ??= linearRegExp(pattern, flags);
      return engine.test(input);
    },
  };
}

/** On the main thread: the worker's source as a validator (its patterns compile to RE2 when first used). */
export function validatorFromSource({ source, codeCache, nodes }: ParamsSchemaSource): CompiledSchema {
  return { validate: loadValidator(scriptOf(source, codeCache)), nodes };
}
