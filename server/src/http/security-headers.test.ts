// Browser hardening over real HTTP (issue 16, item 10): the CSP that forbids framing, nosniff,
// Referrer-Policy and X-Frame-Options on every answer (the app, /graphiql, /graphql, the probes,
// assets, 404s); HSTS only over HTTPS as a trusted proxy reports it; and, with introspection
// off, no "Did you mean …?" naming the schema's fields, over HTTP and over the WebSocket.
// Not on serverTest (server/test/fixture.ts): the file compares servers with different settings
// (introspection on and off, a proxy not trusted), where the fixture gives a file one server.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../test/personas.ts';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../test/harness.ts';

const webDir = mkdtempSync(join(tmpdir(), 'tessera-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app shell</title>');
writeFileSync(join(webDir, 'graphiql.html'), '<!doctype html><title>graphiql page</title>');
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'assets', 'app.js'), 'export {};');

let open: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [open, closed] = await Promise.all([
    startTestServer({ WEB_DIST_DIR: webDir, GRAPHQL_INTROSPECTION: 'true' }),
    startTestServer({ WEB_DIST_DIR: webDir, GRAPHQL_INTROSPECTION: 'false' }),
  ]);
});
afterAll(async () => {
  await Promise.all([open?.close(), closed?.close()]);
});

const html = { accept: 'text/html' };

describe('security headers', () => {
  const routes: [string, RequestInit][] = [
    ['/', { headers: html }],
    ['/dashboard', { headers: html }],
    ['/graphiql', { headers: html }],
    [
      '/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
    ],
    ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }],
    ['/healthz', {}],
    ['/readyz', {}],
    ['/assets/app.js', {}],
    ['/assets/missing.js', {}],
    ['/no-such-thing.json', { headers: { accept: 'application/json' } }],
    ['/webhooks/00000000-0000-4000-8000-000000000000', { method: 'POST', body: '{}' }],
  ];

  it.each(routes)(
    '%s: CSP without framing, nosniff, Referrer-Policy, X-Frame-Options; no HSTS over plain HTTP',
    async (path, init) => {
      const res = await fetch(`${open.url}${path}`, init);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it("the app's pages keep styles and workers to its own origin; only /graphiql (Monaco) gets inline styles", async () => {
    const app = (await fetch(`${open.url}/`, { headers: html })).headers.get('content-security-policy')!;
    expect(app).toContain("style-src 'self';");
    expect(app).toContain("worker-src 'self';");
    expect(app).not.toContain('unsafe-inline');
    expect(app).not.toContain('unsafe-eval');
    const graphiql = (await fetch(`${open.url}/graphiql`, { headers: html })).headers.get('content-security-policy')!;
    expect(graphiql).toContain("style-src 'self' 'unsafe-inline'");
    expect(graphiql).toContain("worker-src 'self';");
    expect(graphiql).toContain("frame-ancestors 'none'");
    expect(graphiql).toContain("script-src 'self';");
  });

  it('HSTS when a trusted proxy says the request came over HTTPS (X-Forwarded-Proto), never on a spoofed one', async () => {
    // The test client is on loopback: trusted under the default TRUST_PROXY (loopback).
    const viaTls = await fetch(`${open.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const page = await fetch(`${open.url}/`, { headers: { ...html, 'x-forwarded-proto': 'https' } });
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
    // A server that trusts no proxy ignores the header: plain HTTP, no HSTS.
    const untrusting = await startTestServer({ TRUST_PROXY: 'false' });
    try {
      const spoofed = await fetch(`${untrusting.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await untrusting.close();
    }
  });
});

describe('"Did you mean …?" in error messages', () => {
  const cases = [
    { what: 'an unknown field', query: '{ mee { email } }', vars: {} },
    { what: 'an unknown argument', query: '{ auditLogs(firts: 1) { __typename } }', vars: {} },
    {
      what: 'an unknown enum value',
      query:
        'query ($g: UsageGroupBy!) { usageStats(from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", groupBy: $g) { totals { calls } } }',
      vars: { g: 'DAYS' },
    },
    {
      what: 'an unknown input field',
      query: 'mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }',
      vars: { i: { name: 'x', slug: 'x', nmae: 'y' } },
    },
  ];

  it.each(cases)('$what: suggested with introspection on (developers), not with it off', async ({ query, vars }) => {
    const on = await open.gql(query, vars);
    expect(on.errors?.[0]?.message).toMatch(/Did you mean/);
    const off = await closed.gql(query, vars);
    expect(off.errors?.length).toBeGreaterThan(0);
    for (const e of off.errors!) expect(e.message).not.toMatch(/Did you mean/);
    expect(off.errors![0]!.extensions?.code).toBe(on.errors![0]!.extensions?.code);
  });

  it('not over the WebSocket either, where introspection is refused as over HTTP', async () => {
    const token = await closed.login(PERSONAS.admin);
    const client = createClient({
      url: `${closed.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const run = (query: string) =>
      new Promise<{ message: string }[]>((resolve) => {
        const errors: { message: string }[] = [];
        client.subscribe(
          { query },
          {
            next: (r) => errors.push(...((r.errors ?? []) as { message: string }[])),
            error: (e) => resolve(Array.isArray(e) ? e : [{ message: String((e as Error).message ?? e) }]),
            complete: () => resolve(errors),
          },
        );
      });
    try {
      const unknown = await run('{ mee { email } }');
      expect(unknown.length).toBeGreaterThan(0);
      for (const e of unknown) expect(e.message).not.toMatch(/Did you mean/);
      const schema = await run('{ __schema { queryType { name } } }');
      expect(schema.map((e) => e.message).join(' ')).toMatch(/introspection/i);
    } finally {
      await client.dispose();
    }
  });
});
