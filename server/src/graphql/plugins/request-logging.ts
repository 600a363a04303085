// Logs every operation once, with the request id, and logs the original of every error that
// formatError masks, so the masked "Internal server error." can be traced.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { RequestContext } from '../context.ts';
import { isPublicError } from '../errors.ts';

export function requestLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isPublicError(error)) continue;
            const original = unwrapResolverError(error);
            contextValue.logger.error(
              {
                requestId: contextValue.requestId,
                err: original instanceof Error ? original : new Error(String(original)),
                path: error.path,
              },
              'unexpected error while resolving',
            );
          }
        },
        async willSendResponse({ operationName, operation, errors }) {
          contextValue.logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              operation: operation?.operation ?? null,
              userId: contextValue.principal?.userId ?? null,
              // TRUST_PROXY decides it (http/app.ts): the client, not a load balancer in front.
              clientIp: contextValue.clientIp,
              errorCodes: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
              durationMs: Math.round((performance.now() - started) * 10) / 10,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
