// The OpenTelemetry hooks, turned on the way an operator's SDK would: a tracer provider and a
// context manager registered globally (here the in-memory ones of server/test/memory-tracer.ts). A real
// server over HTTP: the GraphQL request's span, the gateway call nested under it, the OAuth2
// token request, error codes as statuses, and nothing secret in any attribute.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestServer, type TestServer } from '../../test/harness.ts';
import { worldIds, type WorldIds } from '../../test/world.ts';
import { installMemoryTracer, type RecordedSpan } from '../../test/memory-tracer.ts';

const READ = `query TracedRead($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status cached } }`;

let server: TestServer;
let ids: WorldIds;
let ceo: string;
let tracer: ReturnType<typeof installMemoryTracer>;

beforeAll(async () => {
  // Off: with only the API and no provider, spans are no-ops that record nothing.
  expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  tracer = installMemoryTracer();
  server = await startTestServer();
  ids = await worldIds(server.db);
  ceo = await server.login('ceo@demo.test');
});
afterAll(async () => {
  await server?.close();
  tracer?.uninstall();
});

function read(endpoint: string, operation: string, params?: unknown) {
  const [company] = endpoint.split('/');
  return server.gql<{ readOperation: { status: number; cached: boolean } }>(
    READ,
    { c: ids.company[company!], e: ids.endpoint[endpoint], o: operation, p: params },
    ceo,
  );
}

/** The spans of one trace, found by its GraphQL request span's name. */
async function traceOf(requestSpanName: string, after: number): Promise<RecordedSpan[]> {
  // The request span ends when the response closes, which may be just after fetch() resolves.
  await expect.poll(() => tracer.spans.slice(after).some((s) => s.name === requestSpanName && s.ended)).toBe(true);
  const root = tracer.spans.slice(after).find((s) => s.name === requestSpanName)!;
  return tracer.spans.filter((s) => s.traceId === root.traceId);
}

describe('spans', () => {
  it('a GraphQL request, the gateway call under it, and the OAuth2 token request under that', async () => {
    const start = tracer.spans.length;
    const res = await read('acme/sales-api', 'listAccounts', { limit: 2 });
    expect(res.data?.readOperation).toMatchObject({ status: 200, cached: false });
    const spans = await traceOf('query TracedRead', start);
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
        'tessera.company.id': ids.company.acme,
        'tessera.endpoint.id': ids.endpoint['acme/sales-api'],
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
    expect((await read('acme/sales-api', 'listAccounts', { limit: 2 })).data?.readOperation.cached).toBe(true);
    const cached = (await traceOf('query TracedRead', again)).find((s) => s.name === 'tessera.gateway.call')!;
    expect(cached.attributes).toMatchObject({ 'tessera.cache.hit': true, 'tessera.upstream.attempts': 0 });
  });

  it('failures carry their error code as the status, never the message', async () => {
    const start = tracer.spans.length;
    const dev = await server.login('dev@demo.test');
    const res = await server.gql(
      READ,
      { c: ids.company.acme, e: ids.endpoint['acme/sales-api'], o: 'listAccounts' },
      dev,
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
    const spans = await traceOf('query TracedRead', start);
    const request = spans.find((s) => s.name === 'query TracedRead')!;
    const call = spans.find((s) => s.name === 'tessera.gateway.call')!;
    expect(request.status).toEqual({ code: SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    // Refused by the policy before anything was sent: no outcome, no upstream status.
    expect(call.attributes['http.response.status_code']).toBeUndefined();
  });

  it('a request that fails validation keeps its claimed name out of the span', async () => {
    const start = tracer.spans.length;
    expect(errorCode(await server.gql('query ClaimedName { noSuchField }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    await expect.poll(() => tracer.spans.slice(start).some((s) => s.name === 'graphql.request' && s.ended)).toBe(true);
    const request = tracer.spans.slice(start).find((s) => s.name === 'graphql.request')!;
    expect(request.status).toEqual({ code: SpanStatusCode.ERROR, message: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(request)).not.toContain('ClaimedName');
  });

  it('attributes hold no query text, variables, tokens or secrets', () => {
    const everything = JSON.stringify(tracer.spans);
    for (const secret of [ceo, server.sandboxSecret, 'readOperation', 'ceo@demo.test', 'tessera-demo'])
      expect(everything).not.toContain(secret);
  });
});
