// TRUST_PROXY: which peer may say who the client is. A real reverse proxy on a second loopback
// address (127.0.0.2) forwards to Tessera (127.0.0.1), connecting from 127.0.0.2 and appending
// the address of its own client to X-Forwarded-For, as a load balancer does. Clients connect
// to the proxy from further loopback addresses (127.0.0.3, 127.0.0.4). Linux routes all of
// 127.0.0.0/8 to lo, so each is a distinct address without any setup.
// Not on serverTest (server/test/fixture.ts): each test starts servers with its own proxy settings
// behind its own proxy, where the fixture gives a file one server.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../test/personas.ts';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { clientAddressResolver } from './client-address.ts';

const PROXY_HOST = '127.0.0.2';
const PER_ADDRESS = 3;
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** A minimal reverse proxy: forwards every request to `target`, from 127.0.0.2, with X-Forwarded-For/-Proto set. */
async function startProxy(target: string, proto = 'http'): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const proxy: Server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        localAddress: PROXY_HOST,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded, 'x-forwarded-proto': proto },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => proxy.listen(0, PROXY_HOST, resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://${PROXY_HOST}:${port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

/** A POST to `url`'s /graphql from the local address `from`, with extra headers. */
function post(
  url: string,
  body: unknown,
  from: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: any }> {
  const target = new URL('/graphql', url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** One failed sign-in (a fresh unknown account each time, so only the address limit can bite): its error code. */
let nextAccount = 0;
async function failedLogin(url: string, from: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await post(
    url,
    { query: LOGIN, variables: { e: `nobody-${nextAccount++}@demo.test`, p: 'wrong-password' } },
    from,
    headers,
  );
  return res.body.errors?.[0]?.extensions?.code as string;
}

const servers: TestServer[] = [];
const proxies: { close(): Promise<void> }[] = [];
async function start(env: Record<string, string>) {
  const server = await startTestServer({
    LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    ...env,
  });
  servers.push(server);
  const proxy = await startProxy(server.url);
  proxies.push(proxy);
  return { server, proxy };
}
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('TRUST_PROXY', () => {
  it('parses true/false, a hop count and an address/CIDR list, and refuses anything else with a clear error', () => {
    const parse = (value?: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(parse()).toBe('loopback');
    expect(parse('false')).toBe(false);
    expect(parse('true')).toBe(true);
    expect(parse('1')).toBe(1);
    expect(parse(' 10.0.0.0/8, 192.168.1.7 ,loopback, ::1 ')).toBe('10.0.0.0/8,192.168.1.7,loopback,::1');
    expect(() => parse('load-balancer')).toThrow(ConfigError);
    expect(() => parse('load-balancer')).toThrow(
      /TRUST_PROXY: must be true, false, a hop count, or comma-separated addresses\/CIDR ranges.*invalid IP address: load-balancer/,
    );
    expect(() => parse('10.0.0.0/33')).toThrow(/TRUST_PROXY: .*invalid range on address: 10.0.0.0\/33/);
    expect(() => parse('101')).toThrow(/TRUST_PROXY: a hop count must be at most 100/);
  });

  it('with the proxy trusted (by address), failures from one client behind it lock only that client', async () => {
    const { proxy } = await start({ TRUST_PROXY: PROXY_HOST });
    for (let i = 0; i < PER_ADDRESS; i += 1) expect(await failedLogin(proxy.url, '127.0.0.3')).toBe('UNAUTHENTICATED');
    expect(await failedLogin(proxy.url, '127.0.0.3')).toBe('RATE_LIMITED');
    // Another client behind the same proxy still signs in.
    const other = await post(
      proxy.url,
      { query: LOGIN, variables: { e: PERSONAS.ceo, p: 'tessera-demo' } },
      '127.0.0.4',
    );
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data.login.token).toEqual(expect.any(String));
  });

  it('with a hop count of 1, the same: the proxy is the one hop trusted', async () => {
    const { proxy } = await start({ TRUST_PROXY: '1' });
    for (let i = 0; i < PER_ADDRESS; i += 1) expect(await failedLogin(proxy.url, '127.0.0.3')).toBe('UNAUTHENTICATED');
    expect(await failedLogin(proxy.url, '127.0.0.3')).toBe('RATE_LIMITED');
    expect(await failedLogin(proxy.url, '127.0.0.4')).toBe('UNAUTHENTICATED');
  });

  it('a client cannot dodge the per-address limit with an X-Forwarded-For of its own, through the proxy or around it', async () => {
    const { server, proxy } = await start({ TRUST_PROXY: PROXY_HOST });
    // Through the proxy: its spoofed entry is left of the one the trusted proxy appended; ignored.
    for (let i = 0; i < PER_ADDRESS; i += 1)
      expect(await failedLogin(proxy.url, '127.0.0.3', { 'x-forwarded-for': `198.51.100.${i}` })).toBe(
        'UNAUTHENTICATED',
      );
    expect(await failedLogin(proxy.url, '127.0.0.3', { 'x-forwarded-for': '198.51.100.99' })).toBe('RATE_LIMITED');
    // Straight to Tessera from a peer that is not the trusted proxy: the header is ignored.
    for (let i = 0; i < PER_ADDRESS; i += 1)
      expect(await failedLogin(server.url, '127.0.0.5', { 'x-forwarded-for': `203.0.113.${i}` })).toBe(
        'UNAUTHENTICATED',
      );
    expect(await failedLogin(server.url, '127.0.0.5', { 'x-forwarded-for': '203.0.113.99' })).toBe('RATE_LIMITED');
    // The request log names the client, not the proxy.
    expect(server.logs.filter((l) => l.msg === 'graphql request').map((l) => l.clientIp)).toEqual(
      expect.arrayContaining(['127.0.0.3', '127.0.0.5']),
    );
    expect(server.logs.some((l) => l.msg === 'graphql request' && l.clientIp === PROXY_HOST)).toBe(false);
  });

  it('a WebSocket upgrade (sign-in over graphql-ws) gets its client address by the same rule as HTTP', () => {
    const upgrade = (peer: string, forwarded: string) =>
      ({ socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;
    expect(clientAddressResolver(PROXY_HOST)(upgrade(PROXY_HOST, '198.51.100.1, 127.0.0.3'))).toBe('127.0.0.3');
    expect(clientAddressResolver(PROXY_HOST)(upgrade('127.0.0.5', '198.51.100.1'))).toBe('127.0.0.5');
    expect(clientAddressResolver(1)(upgrade(PROXY_HOST, '198.51.100.1, 127.0.0.3'))).toBe('127.0.0.3');
    expect(clientAddressResolver(false)(upgrade(PROXY_HOST, '127.0.0.3'))).toBe(PROXY_HOST);
    expect(clientAddressResolver('loopback')(upgrade('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
  });

  it('TRUST_PROXY=false ignores X-Forwarded-For even from loopback: everyone behind the proxy shares its address', async () => {
    const { proxy } = await start({ TRUST_PROXY: 'false' });
    for (let i = 0; i < PER_ADDRESS; i += 1) expect(await failedLogin(proxy.url, '127.0.0.3')).toBe('UNAUTHENTICATED');
    expect(await failedLogin(proxy.url, '127.0.0.4')).toBe('RATE_LIMITED');
  });
});
