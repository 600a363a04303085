// Counts and times every GraphQL operation for the metrics, and names the request's trace span
// (tracing.ts). The operation name is taken from the validated document, never from the
// request's `operationName` field: a request that fails parsing or validation is counted as
// "(invalid)", so arbitrary text cannot become a label or a span name.
import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import type { RequestContext } from '../graphql/context.ts';
import type { TesseraMetrics } from './metrics.ts';
import { currentGraphqlSpan } from './tracing.ts';

export function observabilityPlugin(metrics: TesseraMetrics | undefined): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const span = currentGraphqlSpan();
      if (!metrics && !span) return;
      const started = performance.now();
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          const name = operation.name?.value;
          span?.updateName(name ? `${operation.operation} ${name.slice(0, 64)}` : operation.operation);
          span?.setAttributes({
            'graphql.operation.type': operation.operation,
            ...(name ? { 'graphql.operation.name': name.slice(0, 64) } : {}),
          });
        },
        async willSendResponse({ operation, errors, contextValue }) {
          // Unmasked errors without a code are masked to INTERNAL_SERVER_ERROR by formatError.
          const code = errors?.length ? String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : null;
          metrics?.graphqlRequest({
            name: operation?.name?.value ?? null,
            type: operation?.operation ?? null,
            errorCode: code,
            seconds: (performance.now() - started) / 1000,
          });
          if (span) {
            span.setAttribute('tessera.request_id', contextValue.requestId);
            if (code) span.setStatus({ code: SpanStatusCode.ERROR, message: code });
          }
        },
      };
    },
  };
}
