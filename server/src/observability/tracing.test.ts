// The OpenTelemetry hooks, turned on the way an operator's SDK would: a tracer provider and a
// context manager registered globally (here the in-memory ones of server/test/memory-tracer.ts). A real
// server over HTTP: the GraphQL request's span, the gateway call nested under it, the OAuth2
// token request, error codes as statuses, and nothing secret in any attribute.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import { errorCode, type TestServer } from '../../test/harness.ts';
import type { WorldIds } from '../../test/world.ts';
import { installMemoryTracer, type RecordedSpan } from '../../test/memory-tracer.ts';

const READ = `query TracedRead($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status cached } }`;

type MemoryTracer = ReturnType<typeof installMemoryTracer>;

const it = serverTest
  .extend('ceo', { scope: 'file' }, ({ server }) => server.login(PERSONAS.ceo))
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('tracer', { scope: 'file' }, ({}, { onCleanup }) => {
    // Off: with only the API and no provider, spans are no-ops that record nothing.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    const tracer = installMemoryTracer();
    onCleanup(() => tracer.uninstall());
    return tracer;
  });
// Installed before the first test, as before, whichever fixtures that test asks for.
it.beforeAll(({ tracer, ceo }) => {
  void [tracer, ceo];
});

function read(server: TestServer, world: WorldIds, ceo: string, endpoint: string, operation: string, params?: unknown) {
  const [company] = endpoint.split('/');
  return server.gql<{ readOperation: { status: number; cached: boolean } }>(
    READ,
    { c: world.company[company!], e: world.endpoint[endpoint], o: operation, p: params },
    ceo,
  );
}

/** The spans of one trace, found by its GraphQL request span's name. */
async function traceOf(tracer: MemoryTracer, requestSpanName: string, after: number): Promise<RecordedSpan[]> {
  // The request span ends when the response closes, which may be just after fetch() resolves.
  await expect.poll(() => tracer.spans.slice(after).some((s) => s.name === requestSpanName && s.ended)).toBe(true);
  const root = tracer.spans.slice(after).find((s) => s.name === requestSpanName)!;
  return tracer.spans.filter((s) => s.traceId === root.traceId);
}

describe('spans', () => {
  it('a GraphQL request, the gateway call under it, and the OAuth2 token request under that', async ({
    server,
    world,
    ceo,
    tracer,
  }) => {
    const start = tracer.spans.length;
    const res = await read(server, world, ceo, 'acme/sales-api', 'listAccounts', { limit: 2 });
    expect(res.data?.readOperation).toMatchObject({ status: 200, cached: false });
    const spans = await traceOf(tracer, 'query TracedRead', start);
    const request = spans.find((s) => s.name === 'query TracedRead')!;
    expect(request).toMatchObject({
      parentSpanId: null,
      attributes: { 'graphql.operation.type': 'query', 'graphql.operation.name': 'TracedRead' },
      status: { code: SpanStatusCode.UNSET },
    });
    expect(request.attributes['tessera.request_id']).toEqual(expect.any(String));
    const call = spans.find((s) => s.name === 'tessera.gateway.call')!;
    expect(call).toMatchObject({
      kind: SpanKind.CLIENT,
      parentSpanId: request.spanId,
      ended: true,
      attributes: {
        'tessera.company.id': world.company.acme,
        'tessera.endpoint.id': world.endpoint['acme/sales-api'],
        'tessera.endpoint.slug': 'sales-api',
        'tessera.operation.key': 'listAccounts',
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'tessera.cache.hit': false,
        'tessera.call.outcome': 'ok',
        'tessera.upstream.attempts': 1,
      },
    });
    // The CEO's Acme Sales API credential is an OAuth2 refresh token: its first use fetches an access token.
    const token = spans.find((s) => s.name === 'tessera.oauth.token')!;
    expect(token).toMatchObject({
      parentSpanId: call.spanId,
      ended: true,
      attributes: { 'tessera.credential.kind': 'OAUTH2_REFRESH_TOKEN' },
    });

    const again = tracer.spans.length;
    expect(
      (await read(server, world, ceo, 'acme/sales-api', 'listAccounts', { limit: 2 })).data?.readOperation.cached,
    ).toBe(true);
    const cached = (await traceOf(tracer, 'query TracedRead', again)).find((s) => s.name === 'tessera.gateway.call')!;
    expect(cached.attributes).toMatchObject({ 'tessera.cache.hit': true, 'tessera.upstream.attempts': 0 });
  });

  it('failures carry their error code as the status, never the message', async ({ server, world, tracer }) => {
    const start = tracer.spans.length;
    const dev = await server.login(PERSONAS.dev);
    const res = await server.gql(
      READ,
      { c: world.company.acme, e: world.endpoint['acme/sales-api'], o: 'listAccounts' },
      dev,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
    const spans = await traceOf(tracer, 'query TracedRead', start);
    const request = spans.find((s) => s.name === 'query TracedRead')!;
    const call = spans.find((s) => s.name === 'tessera.gateway.call')!;
    expect(request.status).toEqual({ code: SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    // Refused by the policy before anything was sent: no outcome, no upstream status.
    expect(call.attributes['http.response.status_code']).toBeUndefined();
  });

  it('a request that fails validation keeps its claimed name out of the span', async ({ server, tracer }) => {
    const start = tracer.spans.length;
    expect(errorCode(await server.gql('query ClaimedName { noSuchField }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    await expect.poll(() => tracer.spans.slice(start).some((s) => s.name === 'graphql.request' && s.ended)).toBe(true);
    const request = tracer.spans.slice(start).find((s) => s.name === 'graphql.request')!;
    expect(request.status).toEqual({ code: SpanStatusCode.ERROR, message: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(request)).not.toContain('ClaimedName');
  });

  it('attributes hold no query text, variables, tokens or secrets', ({ server, ceo, tracer }) => {
    const everything = JSON.stringify(tracer.spans);
    for (const secret of [ceo, server.sandboxSecret, 'readOperation', PERSONAS.ceo, 'tessera-demo'])
      expect(everything).not.toContain(secret);
  });
});
