// GraphQL over WebSocket (graphql-ws) on /graphql, for the streamed chat. Same schema, same
// shield, same context as HTTP; the token comes in the connection's `authorization` param;
// errors are masked by the same formatError; the same query limits apply.
//
// A subscription outlives the request that opened it, so each of its events asks again whether
// the socket's credential still works (ctx.recheckPrincipal: the same token, never the person's
// other sessions). When it no longer does (access token revoked or expired, session signed out)
// the whole socket is closed with 4401 "Unauthorized": graphql-ws clients treat that code as
// fatal (no reconnect with the dead token) and every subscription on it ends with that close
// event. A subscriber who merely lost their role in the subscription's company keeps the socket
// and sees that one subscription complete.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  execute,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { runInScopeCell, type ScopeCell } from '../db/row-security/scope.ts';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatError, formatErrorWithoutSuggestions } from '../graphql/errors.ts';
import { parseAndValidate } from '../graphql/limits/index.ts';
import type { ContextSource } from './context.ts';
import type { ClientAddressOf } from './client-address.ts';
import type { RequestContext } from '../graphql/context.ts';
import { MAX_GRAPHQL_BODY_BYTES } from './body-limit.ts';

/** The close code and reason of a socket whose credential stopped working (see the top). */
export const CREDENTIAL_LOST_CLOSE = {
  code: 4401,
  reason: 'Unauthorized: the session or access token is no longer valid',
} as const;

/** Errors as HTTP formats them; with introspection off, without "Did you mean …?" (app.ts). */
const masker = (introspection: boolean) => {
  const format = introspection ? formatError : formatErrorWithoutSuggestions;
  return (errors: readonly GraphQLError[]) => errors.map((error) => format(error.toJSON(), error));
};

const cellOf = (args: ExecutionArgs) => (args.contextValue as RequestContext).dbScope;

/** The stream, with every step (next, return, throw) run in the cell. */
function scopedStream<T>(stream: AsyncGenerator<T>, cell: ScopeCell): AsyncGenerator<T> {
  const scoped: AsyncGenerator<T> = {
    next: (...args) => runInScopeCell(cell, () => stream.next(...args)),
    return: (value) => runInScopeCell(cell, () => stream.return(value)),
    throw: (error) => runInScopeCell(cell, () => stream.throw(error)),
    [Symbol.asyncIterator]: () => scoped,
  } as AsyncGenerator<T>;
  return scoped;
}

export function attachWebSocket(
  server: Server,
  schema: GraphQLSchema,
  contextFor: (source: ContextSource) => Promise<RequestContext>,
  {
    clientAddressOf = (req) => req.socket.remoteAddress ?? null,
    introspection = true,
  }: { clientAddressOf?: ClientAddressOf; introspection?: boolean } = {},
) {
  const mask = masker(introspection);
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_GRAPHQL_BODY_BYTES });
  const disposable = useServer(
    {
      schema,
      // The query limits of the HTTP path (token cap at parse, depth/aliases/directives/cost at validation).
      onSubscribe: (_ctx, _id, payload) => {
        const document = parseAndValidate(schema, payload.query, undefined, { introspection });
        if (Array.isArray(document)) return document as readonly GraphQLError[];
        return {
          schema,
          document: document as DocumentNode,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      context: (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        return contextFor({
          authorization: typeof authorization === 'string' ? authorization : undefined,
          requestId: randomUUID(),
          // TRUST_PROXY's rule, as for HTTP (client-address.ts).
          clientIp: clientAddressOf(ctx.extra.request),
          onCredentialLost: () => ctx.extra.socket.close(CREDENTIAL_LOST_CLOSE.code, CREDENTIAL_LOST_CLOSE.reason),
        });
      },
      // Each operation, and each step of a subscription's stream, runs in its context's row scope
      // (a socket's messages arrive outside any request's async chain).
      execute: (args: ExecutionArgs) => runInScopeCell(cellOf(args), () => execute(args)),
      subscribe: async (args: ExecutionArgs) => {
        const cell = cellOf(args);
        const result = await runInScopeCell(cell, () => subscribe(args));
        return Symbol.asyncIterator in result ? scopedStream(result, cell) : result;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: mask(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => mask(errors),
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
