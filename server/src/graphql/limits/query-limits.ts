// Limits on what one GraphQL document may ask for: nesting depth, aliases, directives and an
// estimated cost, all counted through fragment spreads and inline fragments. Written here on
// graphql-js's validation API rather than taken from a plugin: popular ones skip anything whose
// name starts with `__` (so an operation, fragment or alias named `__schema` walked around them)
// or count a fragment once however often it is spread. Nothing here looks at names: fields are
// looked up in the schema by their real name, every fragment spread is counted where it is spread.
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  type VariableDefinitionNode,
  isObjectType,
  isInterfaceType,
  isIntrospectionType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from 'graphql';
import { AppError, ErrorCode } from '../../lib/errors.ts';

export interface QueryLimits {
  /** Deepest field nesting, top-level fields being depth 1. */
  maxDepth: number;
  /**
   * The same for introspection (`__schema`, `__type` and the fields of graphql's `__Type` & co.,
   * recognised by their type in the schema, never by a name the client chose): GraphiQL's standard
   * query is 15 deep (`ofType` chains). Their lists count as 1 for the cost: graphql-js's own
   * MaxIntrospectionDepthRule already refuses the cyclic `fields { type { fields … } }` fan-out,
   * and what is left is bounded by the schema's size.
   */
  maxIntrospectionDepth: number;
  /** Aliased fields in one operation, each fragment counted as often as it is spread. */
  maxAliases: number;
  /** Directives in one operation, counted the same way. */
  maxDirectives: number;
  /** Lexical tokens of the whole document (enforced by the parser). */
  maxTokens: number;
  /** Estimated cost: each field 1, a list field's selections times its page size. */
  maxCost: number;
  /** Page size assumed for a list field without a `first`/`limit` argument. */
  defaultListSize: number;
  /**
   * Page size assumed when `first`/`limit` is a variable: the largest page a resolver accepts
   * (or the variable's default when larger). Its default alone would be a bypass: the client
   * sends the value.
   */
  maxListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  maxDepth: 12,
  maxIntrospectionDepth: 20,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxCost: 10_000,
  defaultListSize: 10,
  maxListSize: 200,
});

export type LimitName = 'depth' | 'introspectionDepth' | 'aliases' | 'directives' | 'cost' | 'tokens';

/** A document over a limit: BAD_USER_INPUT naming the limit and its value. */
export class QueryLimitError extends AppError {
  constructor(limit: LimitName, maximum: number, actual: number | null) {
    const what = {
      depth: 'Query depth',
      introspectionDepth: 'Introspection depth',
      aliases: 'Number of aliases',
      directives: 'Number of directives',
      cost: 'Query cost',
      tokens: 'Number of tokens',
    }[limit];
    const shown = actual === null ? `over ${maximum}` : actual === Infinity ? 'too large' : String(actual);
    super(ErrorCode.BAD_USER_INPUT, `${what} (${shown}) exceeds the limit of ${maximum}.`, { limit, maximum });
  }
}

const SLICE_ARGS = new Set(['first', 'last', 'limit']);

interface Metrics {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const ZERO: Metrics = { depth: 0, introspectionDepth: 0, aliases: 0, directives: 0, cost: 0 };

/** Measures one operation. Fragment results are memoised, so a fragment spread 2^n times costs one walk. */
function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): Metrics {
  const root = schema.getRootType(operation.operation);
  const operationIsQuery = operation.operation === 'query';
  const variableDefaults = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((v: VariableDefinitionNode) => [v.variable.name.value, v.defaultValue]),
  );
  const intValue = (value: ValueNode | undefined) =>
    value?.kind === Kind.INT ? Math.max(1, Number(value.value)) : null;
  const memo = new Map<string, Metrics>();
  const active = new Set<string>(); // fragments on the current path: a cycle stops here (graphql reports it)

  function pageSize(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number | null {
    for (const arg of field.arguments ?? []) {
      if (!SLICE_ARGS.has(arg.name.value)) continue;
      if (arg.value.kind !== Kind.VARIABLE) return intValue(arg.value) ?? limits.maxListSize;
      return Math.max(limits.maxListSize, intValue(variableDefaults.get(arg.value.name.value)) ?? 0);
    }
    const withDefault = def?.args.find((a) => SLICE_ARGS.has(a.name) && typeof a.defaultValue === 'number');
    return withDefault ? (withDefault.defaultValue as number) : null;
  }

  function fieldDef(parent: GraphQLCompositeType | null, name: string): GraphQLField<unknown, unknown> | undefined {
    if (!parent) return undefined;
    if (parent === root && operationIsQuery && name in META_FIELDS) return META_FIELDS[name];
    if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
    return undefined; // unions have only __typename
  }

  function walk(selectionSet: SelectionSetNode, parent: GraphQLCompositeType | null, sliced: boolean): Metrics {
    let depth = 0;
    let introspectionDepth = 0;
    let aliases = 0;
    let directives = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      let inner: Metrics = ZERO;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        const def = fieldDef(parent, selection.name.value);
        const introspection =
          (parent !== null && isIntrospectionType(parent)) || (def !== undefined && def === META_FIELDS[def.name]);
        const type = def ? getNamedType(def.type) : undefined;
        const page = pageSize(selection, def);
        const isList = def ? isListType(getNullableType(def.type)) : false;
        // A paged connection's page size covers its edges/nodes lists; other lists count as a page each.
        const multiplier = page ?? (isList && !sliced && !introspection ? limits.defaultListSize : 1);
        const child = selection.selectionSet
          ? walk(selection.selectionSet, type && isCompositeType(type) ? type : null, page !== null && !isList)
          : ZERO;
        if (introspection)
          introspectionDepth = Math.max(introspectionDepth, 1 + Math.max(child.depth, child.introspectionDepth));
        else {
          depth = Math.max(depth, 1 + child.depth);
          introspectionDepth = Math.max(introspectionDepth, child.introspectionDepth);
        }
        aliases += child.aliases;
        directives += child.directives;
        cost += 1 + multiplier * child.cost;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = walk(selection.selectionSet, cond && isCompositeType(cond) ? cond : null, sliced);
      } else {
        inner = spread(selection.name.value, sliced);
      }
      depth = Math.max(depth, inner.depth);
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      aliases += inner.aliases;
      directives += inner.directives;
      cost += inner.cost;
    }
    return { depth, introspectionDepth, aliases, directives, cost };
  }

  function spread(name: string, sliced: boolean): Metrics {
    const key = `${sliced ? 1 : 0}:${name}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || active.has(name)) return ZERO;
    active.add(name);
    const cond = schema.getType(fragment.typeCondition.name.value);
    const inner = walk(fragment.selectionSet, cond && isCompositeType(cond) ? cond : null, sliced);
    active.delete(name);
    const result = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    memo.set(key, result);
    return result;
  }

  const body = walk(operation.selectionSet, root ?? null, false);
  return { ...body, directives: body.directives + (operation.directives?.length ?? 0) };
}

// __schema and __type are not among Query's own fields; graphql-js defines them.
const META_FIELDS: Record<string, GraphQLField<unknown, unknown> | undefined> = {
  __schema: SchemaMetaFieldDef,
  __type: TypeMetaFieldDef,
};

/** The validation rule: one error per limit exceeded, for each operation of the document. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  return function QueryLimitsRule(context: ValidationContext): ASTVisitor {
    return {
      Document(document) {
        const fragments = new Map<string, FragmentDefinitionNode>();
        for (const def of document.definitions)
          if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
        for (const def of document.definitions) {
          if (def.kind !== Kind.OPERATION_DEFINITION) continue;
          const m = measureOperation(context.getSchema(), def, fragments, limits);
          if (m.depth > limits.maxDepth) context.reportError(new QueryLimitError('depth', limits.maxDepth, m.depth));
          if (m.introspectionDepth > limits.maxIntrospectionDepth)
            context.reportError(
              new QueryLimitError('introspectionDepth', limits.maxIntrospectionDepth, m.introspectionDepth),
            );
          if (m.aliases > limits.maxAliases)
            context.reportError(new QueryLimitError('aliases', limits.maxAliases, m.aliases));
          if (m.directives > limits.maxDirectives)
            context.reportError(new QueryLimitError('directives', limits.maxDirectives, m.directives));
          if (m.cost > limits.maxCost) context.reportError(new QueryLimitError('cost', limits.maxCost, m.cost));
        }
        return false; // measured from the top; nothing below needs visiting
      },
    };
  };
}

/** graphql-js's parse error for a document over `maxTokens` (its message carries the value). */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && /Document contains more tha[nt] \d+ tokens/.test(error.message);
}
