// OpenTelemetry tracing hooks, through @opentelemetry/api only. Tessera ships no SDK and no
// exporter: until an operator registers a tracer provider (e.g. @opentelemetry/sdk-node
// preloaded with `node --import`, see the README), every span here is the API's non-recording
// no-op and these hooks cost a few allocations. With a provider they emit:
//   graphql.request        one per HTTP GraphQL request, renamed "<type> <name>" once validated
//   tessera.gateway.call   one per gateway call (policy → cache → upstream), child of the above
//   tessera.oauth.token    one per OAuth2 token request
// Attributes hold ids, slugs, methods, statuses and error codes: never query text, variables,
// upstream bodies, URLs with their query strings, or secrets.
import {
  context,
  createContextKey,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { GatewayCallEvent, GatewayMetrics } from './metrics.ts';

const TRACER_NAME = '@tessera/server';

// Looked up on each use: a provider registered (or replaced) after this module loaded is honoured.
const tracer = () => trace.getTracer(TRACER_NAME);

/** A public error code for a span's status: the GraphQL code, else the error's class. Never its message. */
function errorCodeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'Error';
}

/** Runs `work` inside a span (its child spans nest under it); failures mark the span with their code. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  const span = tracer().startSpan(name, { kind, attributes });
  try {
    return await context.with(trace.setSpan(context.active(), span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorCodeOf(error) });
    throw error;
  } finally {
    span.end();
  }
}

const GRAPHQL_SPAN = createContextKey('tessera.graphql.request');

/**
 * Express middleware for /graphql: a span per request, made the active one so that the
 * gateway's spans become its children. The Apollo plugin (graphql-plugin.ts) names it once the
 * operation is known; it ends when the response does.
 */
export function graphqlSpans() {
  return (_req: Request, res: Response, next: NextFunction) => {
    const span = tracer().startSpan('graphql.request', { kind: SpanKind.INTERNAL });
    if (!span.isRecording()) return next();
    res.once('close', () => span.end());
    context.with(trace.setSpan(context.active(), span).setValue(GRAPHQL_SPAN, span), next);
  };
}

/** The span graphqlSpans() opened for the current request, if tracing is on. */
export function currentGraphqlSpan(): Span | undefined {
  return context.active().getValue(GRAPHQL_SPAN) as Span | undefined;
}

/**
 * One gateway call in a span, with its outcome (as the gateway hands it to the call log) both
 * on the span and in the metrics. `run` gets the function that notes the outcome.
 */
export function observeGatewayCall<T>(
  metrics: GatewayMetrics | undefined,
  call: { companyId: string; endpointId: string; operationKey: string; source: string; mode: string },
  run: (note: (event: GatewayCallEvent) => void) => Promise<T>,
): Promise<T> {
  const attributes = {
    'tessera.company.id': call.companyId,
    'tessera.endpoint.id': call.endpointId,
    'tessera.operation.key': call.operationKey,
    'tessera.call.source': call.source,
    'tessera.call.mode': call.mode,
  };
  return inSpan(
    'tessera.gateway.call',
    attributes,
    (span) =>
      run((event) => {
        metrics?.gatewayCall(event);
        span.setAttributes({
          'tessera.endpoint.slug': event.endpoint,
          'http.request.method': event.method,
          'tessera.call.outcome': event.outcome,
          'tessera.cache.hit': event.cached,
          'tessera.upstream.attempts': event.attempts,
          ...(event.status === null ? {} : { 'http.response.status_code': event.status }),
        });
      }),
    SpanKind.CLIENT,
  );
}
