// The query limits against the real schema, without a server: each limit counted through
// fragments, the known bypasses of popular limit plugins, and the web app's own documents.
import { readFileSync } from 'node:fs';
import { buildSchema, getIntrospectionQuery, parse, print, specifiedRules, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY_LIMITS,
  limitParseOptions,
  limitValidationRules,
  parseAndValidate,
  QueryLimitError,
} from './index.ts';

const appSchema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
// Tessera's own schema is at most 5 levels deep and has no cycles: the rules are exercised on a
// small cyclic schema, and on the real one for introspection and the web app's documents.
const schema = buildSchema(`
  type Query { node: Node, nodes(first: Int): [Node!]!, items: [Node!]!, page(first: Int! = 50): Conn! }
  type Node { id: ID!, child: Node, children(limit: Int): [Node!]!, list: [Node!]! }
  type Conn { edges: [Edge!]!, total: Int! }
  type Edge { node: Node! }
`);
const L = DEFAULT_QUERY_LIMITS;

/** The limit errors of a document (graphql's own rules must accept it, so the test tests ours). */
function limitErrors(source: string, on = schema): string[] {
  const document = parse(source, limitParseOptions());
  expect(validate(on, document, specifiedRules).map((e) => e.message)).toEqual([]);
  return validate(on, document, limitValidationRules()).map((e) => {
    expect(e).toBeInstanceOf(QueryLimitError);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return e.message;
  });
}

/** `node { child { child { … id } } }`: depth `d`. */
const chain = (d: number, leaf = 'id') => `${'child { '.repeat(d - 2)}${leaf}${' }'.repeat(d - 2)}`;
const deep = (d: number) => `{ node { ${chain(d)} } }`;

describe('depth', () => {
  it('counts nesting, through named and inline fragments, and fragments or operations named __schema', () => {
    expect(limitErrors(deep(L.maxDepth))).toEqual([]);
    expect(limitErrors(deep(L.maxDepth + 1))).toEqual([`Query depth (13) exceeds the limit of ${L.maxDepth}.`]);
    const viaFragments = `query __schema { node { ...__schema } }
      fragment __schema on Node { child { child { ...F2 } } }
      fragment F2 on Node { child { ... on Node { child { ...F3 } } } }
      fragment F3 on Node { child { child { child { child { child { child { child { id } } } } } } } }`;
    expect(limitErrors(viaFragments)).toEqual([`Query depth (13) exceeds the limit of ${L.maxDepth}.`]);
  });

  it('counts fields aliased __schema or __type like any other', () => {
    const q = `{ __schema: node { __type: child { __schema: child { ${chain(11)} } } } }`;
    expect(limitErrors(q)).toEqual([`Query depth (13) exceeds the limit of ${L.maxDepth}.`]);
  });

  it('counts real introspection fields too, and accepts the standard introspection query', () => {
    // As GraphiQL asks it: every option on.
    for (const options of [
      {},
      {
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      },
    ]) {
      const introspection = parse(getIntrospectionQuery(options), limitParseOptions());
      expect(validate(appSchema, introspection, [...specifiedRules, ...limitValidationRules()])).toEqual([]);
    }
    // graphql-js refuses `fields` nested more than 3 deep; ofType chains are limited by ours.
    const ofType = (n: number) =>
      `{ __type(name: "User") { fields { type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } }`;
    expect(limitErrors(ofType(L.maxIntrospectionDepth - 4), appSchema)).toEqual([]);
    expect(limitErrors(ofType(L.maxIntrospectionDepth - 3), appSchema)).toEqual([
      `Introspection depth (21) exceeds the limit of ${L.maxIntrospectionDepth}.`,
    ]);
  });

  it('stops at a fragment cycle (which graphql reports) instead of recursing forever', () => {
    const document = parse('{ node { ...A } } fragment A on Node { child { ...A } }');
    const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules()]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('Cannot spread fragment "A" within itself')]);
  });
});

describe('aliases', () => {
  const aliased = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${i}: id`).join(' ');
  it('counts aliases per operation', () => {
    expect(limitErrors(`{ node { ${aliased(L.maxAliases)} } }`)).toEqual([]);
    expect(limitErrors(`{ node { ${aliased(L.maxAliases + 1)} } }`)).toEqual([
      `Number of aliases (31) exceeds the limit of ${L.maxAliases}.`,
    ]);
  });

  it('counts a fragment as often as it is spread, also when named __schema', () => {
    const q = `query Q { node { ...__schema a: child { ...__schema } b: child { ...__schema } } }
      fragment __schema on Node { ${aliased(10)} }`;
    expect(limitErrors(q)).toEqual([`Number of aliases (32) exceeds the limit of ${L.maxAliases}.`]);
  });

  it('counts aliases named __schema / __type', () => {
    const many = Array.from({ length: 31 }, (_, i) => `__schema${i}: __typename`).join(' ');
    expect(limitErrors(`{ node { ${many} } }`)).toEqual([
      `Number of aliases (31) exceeds the limit of ${L.maxAliases}.`,
    ]);
  });

  it('measures exponential fragment fan-out without walking it (memoised)', () => {
    const defs = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Node { ...F${i + 1} ...F${i + 1} }`).join(
      '\n',
    );
    const q = `{ node { ...F0 } } ${defs} fragment F40 on Node { x: id }`;
    // Unmemoised, this would walk 2^40 spreads and never finish.
    expect(limitErrors(q)).toEqual([
      `Number of aliases (1099511627776) exceeds the limit of ${L.maxAliases}.`,
      `Query cost (1099511627777) exceeds the limit of ${L.maxCost}.`,
    ]);
  });
});

describe('directives', () => {
  const frag = (n: number) => Array.from({ length: n }, () => 'id @include(if: true)').join(' ');
  it('counts directives through fragments named __schema, as often as they are spread', () => {
    expect(limitErrors(`{ node { ${frag(L.maxDirectives)} } }`)).toEqual([]);
    const twice = `query __schema { node { ...__schema } b: node { ...__schema } } fragment __schema on Node { ${frag(26)} }`;
    expect(limitErrors(twice)).toEqual([`Number of directives (52) exceeds the limit of ${L.maxDirectives}.`]);
  });

  it('refuses a non-repeatable directive repeated on one field (graphql) and counts each one', () => {
    const repeated = parse(`{ node { id ${'@include(if: true) '.repeat(60)}} }`);
    const errors = validate(schema, repeated, [...specifiedRules, ...limitValidationRules()]).map((e) => e.message);
    expect(errors).toContain('The directive "@include" can only be used once at this location.');
    expect(errors).toContain(`Number of directives (60) exceeds the limit of ${L.maxDirectives}.`);
  });
});

describe('cost', () => {
  it('counts the lists under a paged list (only a paged connection covers its edges)', () => {
    expect(limitErrors(`{ nodes(first: 100) { list { list { id } } } }`)).toEqual([
      `Query cost (11101) exceeds the limit of ${L.maxCost}.`,
    ]);
  });

  it('counts each field 1 and multiplies list fields by first/limit or 10, through fragments', () => {
    expect(limitErrors(`{ items { id } }`)).toEqual([]); // 1 + 10 × 1
    expect(limitErrors(`{ items { list { list { list { id } } } } }`)).toEqual([
      `Query cost (11111) exceeds the limit of ${L.maxCost}.`,
    ]);
    expect(
      limitErrors(`{ nodes(first: 2) { children(limit: 3) { ...F } } } fragment F on Node { list { list { id } } }`),
    ).toEqual([]); // 1 + 2 × (1 + 3 × 111)
    expect(limitErrors(`{ nodes(first: 100) { children(limit: 100) { id } } }`)).toEqual([
      `Query cost (10101) exceeds the limit of ${L.maxCost}.`,
    ]);
  });

  it('takes first from a literal, a variable default, the argument default, or the largest page for a bare variable', () => {
    const page = (arg: string, vars = '') =>
      `query Q${vars} { page${arg} { total edges { node { id child { id } } } } }`;
    expect(limitErrors(page(''))).toEqual([]); // default 50: 1 + 50 × 6; edges is the page, not × 10 again
    expect(limitErrors(page('(first: 5000)'))).toEqual([`Query cost (30001) exceeds the limit of ${L.maxCost}.`]);
    expect(limitErrors(page('(first: $n)', '($n: Int! = 5000)'))).toEqual([
      `Query cost (30001) exceeds the limit of ${L.maxCost}.`,
    ]);
    expect(limitErrors(page('(first: $n)', '($n: Int!)'))).toEqual([]); // 1 + 200 × 6
    // The client sends the value, so a small default does not make it small.
    expect(limitErrors(page('(first: $n)', '($n: Int = 5)'))).toEqual([]);
    // Five of 1 + 200 × (1 + 10 × 1) each; with the default (5) taken at its word it would be 5 × 56.
    const big = `query Q($n: Int = 5) { ${['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: nodes(first: $n) { list { id } }`).join(' ')} }`;
    expect(limitErrors(big)).toEqual([`Query cost (11005) exceeds the limit of ${L.maxCost}.`]);
  });

  it('counts lists aliased __schema, fragments named __schema, and introspection lists', () => {
    const q = `query __schema { ...__schema } fragment __schema on Query { __schema: items { __type: list { list { list { id } } } } }`;
    expect(limitErrors(q)).toEqual([`Query cost (11111) exceeds the limit of ${L.maxCost}.`]);
    // Introspection lists count 1 each (see QueryLimits.maxIntrospectionDepth), app lists 10.
    const both = `{ __schema { types { fields { args { type { name } } } } } items { list { list { list { id } } } } }`;
    expect(limitErrors(both)).toEqual([`Query cost (11117) exceeds the limit of ${L.maxCost}.`]);
  });
});

describe('tokens', () => {
  it('stops the parser past maxTokens', () => {
    const fields = Array.from({ length: L.maxTokens }, () => '__typename').join(' ');
    expect(() => parse(`{ ${fields} }`, limitParseOptions())).toThrow(
      `Document contains more that ${L.maxTokens} tokens`,
    );
    const result = parseAndValidate(appSchema, `{ ${fields} }`);
    expect(Array.isArray(result) && result[0]).toMatchObject({
      message: `Number of tokens (over ${L.maxTokens}) exceeds the limit of ${L.maxTokens}.`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe("the web app's documents", () => {
  // The generated documents of every operation the web app sends (web/src/gql/graphql.ts).
  const generated = readFileSync(new URL('../../../../web/src/gql/graphql.ts', import.meta.url), 'utf8');
  const documents = [...generated.matchAll(/^export const (\w+Document) = (\{.*\}) as unknown as DocumentNode/gm)].map(
    ([, name, json]) => [name!, JSON.parse(json!) as DocumentNode] as const,
  );

  it('finds them', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('%s stays under every limit', (_name, document) => {
    const source = print(document);
    const result = parseAndValidate(appSchema, source);
    expect(Array.isArray(result) ? result.map((e) => e.message) : []).toEqual([]);
  });
});
