// The query limits as the HTTP (Apollo) and WebSocket (graphql-ws) paths apply them: the same
// parse options and validation rules on both, so neither is a way around the other.
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import {
  DEFAULT_QUERY_LIMITS,
  QueryLimitError,
  isTokenLimitError,
  queryLimitsRule,
  type QueryLimits,
} from './query-limits.ts';

export {
  DEFAULT_QUERY_LIMITS,
  QueryLimitError,
  type QueryLimits,
} from './query-limits.ts';

export function limitParseOptions(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

export function limitValidationRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  return [queryLimitsRule(limits)];
}

/**
 * Parses and validates one document under the limits, for transports that do not run Apollo's
 * pipeline. Errors carry the codes Apollo would give (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED), or BAD_USER_INPUT for a limit, so formatError treats them alike.
 */
export function parseAndValidate(
  schema: GraphQLSchema,
  source: string,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  /** Off: __schema and __type are refused, as Apollo refuses them over HTTP (GRAPHQL_INTROSPECTION). */
  { introspection = true }: { introspection?: boolean } = {},
): DocumentNode | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(source, limitParseOptions(limits));
  } catch (error) {
    if (isTokenLimitError(error)) return [new QueryLimitError('tokens', limits.maxTokens, null)];
    const message = error instanceof GraphQLError ? error.message : 'Syntax Error.';
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const errors = validate(schema, document, [
    ...specifiedRules,
    ...limitValidationRules(limits),
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ]);
  if (errors.length === 0) return document;
  return errors.map((e) =>
    e instanceof QueryLimitError
      ? e
      : new GraphQLError(e.message, {
          nodes: e.nodes,
          extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
  );
}
