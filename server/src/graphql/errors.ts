// The edge of the API for errors: which errors reach a client as they are (our coded errors from
// lib/errors.ts and Apollo's request errors) and the masking that turns everything else into a bare
// INTERNAL_SERVER_ERROR. Denials of things in another company read exactly like "not found" (no
// existence leak); that is the services' choice of error, made where they throw.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode } from '../lib/errors.ts';

/** Apollo's own request-level codes: their messages describe the query, never internals. */
const APOLLO_SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/** True when an error may reach the client as it is. */
export function isPublicError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return true;
  if (!(original instanceof GraphQLError)) return false;
  const code = original.extensions?.code;
  // A GraphQLError raised while resolving (it has a path) is only trusted when it is ours.
  if (original.path && !(original instanceof AppError)) return false;
  return (
    typeof code === 'string' &&
    (APOLLO_SAFE_CODES.has(code) || (PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR))
  );
}

const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo labels every parse and validation error GRAPHQL_*_FAILED. Two are ours to name: a
 * validation rule that reported one of our AppErrors (the query limits) keeps its code, and the
 * parser's token limit reads like the other limits (BAD_USER_INPUT naming the limit).
 */
function ownRequestError(
  error: unknown,
  extensions: Record<string, unknown>,
): { message?: string; extensions: Record<string, unknown> } {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof AppError)
    return { extensions: { ...extensions, code: original.code } };
  const tokens =
    extensions.code === 'GRAPHQL_PARSE_FAILED' && error instanceof GraphQLError
      ? TOO_MANY_TOKENS.exec(error.message)
      : null;
  if (tokens) {
    const maximum = Number(tokens[1]);
    return {
      message: `Number of tokens (over ${maximum}) exceeds the limit of ${maximum}.`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'tokens', maximum },
    };
  }
  return { extensions };
}

/** Longest message an answer carries; a quoted value in it longer than 80 characters is cut. */
const MAX_ERROR_MESSAGE_CHARS = 300;

function shortMessage(message: string): string {
  const cut = message.replace(
    /"(?:[^"\\]|\\.){80,}"/g,
    (quoted) => `${quoted.slice(0, 40).replace(/[\ud800-\udbff]$/, '')}…"`,
  );
  return cut.length > MAX_ERROR_MESSAGE_CHARS
    ? `${cut.slice(0, MAX_ERROR_MESSAGE_CHARS - 1).replace(/[\ud800-\udbff]$/, '')}…`
    : cut;
}

/** graphql-js gives up after its maximum of bad variable values with this error, which has no code. */
function isVariableErrorLimit(error: unknown): boolean {
  return (
    error instanceof GraphQLError &&
    !error.path &&
    !error.extensions?.code &&
    error.message.startsWith('Too many errors processing variables, error limit reached.')
  );
}

/**
 * Apollo's formatError: keep our coded errors and Apollo's request errors, mask everything
 * else. The original is logged by the logging plugin with the request id; the client gets the
 * request id so support can find it.
 */
/** graphql-js's hints at names it knows: ' Did you mean "a", "b", or "c"?', '… the enum value "READ"?'. */
const SUGGESTION = /\s*Did you mean [\s\S]*\?$/;

/** formatError, and the schema's names kept out of messages: for when introspection is off. */
export function formatErrorWithoutSuggestions(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Before formatError shortens the message (a cut suggestion would no longer end in "?").
  return formatError({ ...formatted, message: formatted.message.replace(SUGGESTION, '') }, error);
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Found by the mutation fuzzer: graphql-js's variable errors quote the bad value whole (a 900 kB
  // string came back twice over), and its "too many errors" has no code, so it was masked as internal.
  formatted = { ...formatted, message: shortMessage(formatted.message) };
  if (isVariableErrorLimit(error))
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  if (isPublicError(error)) {
    const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, ...ownRequestError(error, extensions) };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
