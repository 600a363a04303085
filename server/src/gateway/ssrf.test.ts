// The SSRF guard: every address class as a table (no connections), then real connections that
// only ever go to loopback servers started here, counting what each server receives: refused
// requests must never arrive, through literals, odd IPv4 spellings, names, or a redirect.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import {
  createGuardedAgent,
  followRedirects,
  guardedLookup,
  isAllowlisted,
  isPublicAddress,
  RedirectRefusedError,
  SSRF_BLOCKED_MESSAGE,
  SsrfBlockedError,
} from './ssrf.ts';
import {
  createUpstreamClient,
  sendUpstream,
  UpstreamNetworkError,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream-client.ts';

const NOT_PUBLIC: Record<string, string[]> = {
  unspecified: ['0.0.0.0', '0.1.2.3', '::', '::ffff:0.0.0.0'],
  loopback: ['127.0.0.1', '127.255.255.254', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1'],
  private: [
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '::ffff:10.0.0.1',
    '::ffff:172.20.0.1',
    '::ffff:192.168.0.1',
  ],
  'link-local': ['169.254.169.254', '169.254.0.1', 'fe80::1', 'fe80::1%eth0', 'febf::1', '::ffff:169.254.169.254'],
  cgnat: ['100.64.0.1', '100.127.255.254', '::ffff:100.64.0.1'],
  'unique-local': ['fc00::1', 'fd00:ec2::254', 'fdff:ffff::1'],
  multicast: ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff05::1:3', '::ffff:224.0.0.1'],
  broadcast: ['255.255.255.255', '::ffff:255.255.255.255'],
  'reserved 240/4': ['240.0.0.1', '250.1.2.3', '::ffff:240.0.0.1'],
  benchmarking: ['198.18.0.1', '198.19.255.255', '2001:2::1', '::ffff:198.18.0.1'],
  documentation: ['192.0.2.1', '198.51.100.7', '203.0.113.9', '2001:db8::1', '3fff::1', '::ffff:203.0.113.9'],
  'IETF 192.0.0/24': ['192.0.0.8', '192.0.0.170', '::ffff:192.0.0.1'],
  'NAT64 with a private IPv4': ['64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::10.0.0.1', '64:ff9b:1::1'],
  '6to4 with a private IPv4': ['2002:7f00:1::1', '2002:a9fe:a9fe::1', '2002:c0a8:101::'],
  'Teredo with a private IPv4': [
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:0:4136:e378::80ff:fffe',
    '2001:0:a00:1::1',
  ],
  'IPv4-compatible': ['::127.0.0.1', '::10.0.0.1', '::a9fe:a9fe'],
  'IPv4-translated': ['::ffff:0:7f00:1', '::ffff:0:a00:1'],
  'other special IPv6': ['fec0::1', '100::1', '4000::1', '5f00::1', '2001:10::1'],
  'not an address': [
    '',
    'localhost',
    'example.com',
    '0x7f.1',
    '2130706433',
    '127.1',
    '0177.0.0.1',
    '1.2.3.4.5',
    '[::1]',
    '::ffff:127.0.0.1:80',
  ],
};

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '9.9.9.9',
  '223.255.255.255',
  // Just outside the neighbouring private and special ranges.
  '100.63.255.255',
  '100.128.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '169.253.255.255',
  '192.167.255.255',
  '198.17.255.255',
  '198.20.0.1',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('isPublicAddress', () => {
  for (const [kind, addresses] of Object.entries(NOT_PUBLIC)) {
    it.each(addresses)(`${kind}: %s is refused`, (ip) => {
      expect(isPublicAddress(ip)).toBe(false);
    });
  }
  it.each(PUBLIC)('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('isAllowlisted', () => {
  const policy = { allowHosts: new Set(['127.0.0.1:4010', 'sandbox.internal', '[::1]:8080']) };
  it.each([
    ['http://127.0.0.1:4010/acme/crm', true],
    ['http://127.0.0.1:4011/', false],
    ['http://127.0.0.1/', false],
    ['http://SANDBOX.internal/x', true],
    ['https://sandbox.internal:8443/x', true],
    ['http://[::1]:8080/', true],
    ['http://[::1]:8081/', false],
    ['http://evil.example/', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowlisted(new URL(url), policy)).toBe(expected);
  });
  it('matches the default port', () => {
    const p = { allowHosts: new Set(['api.internal:443', 'plain.internal:80']) };
    expect(isAllowlisted(new URL('https://api.internal/'), p)).toBe(true);
    expect(isAllowlisted(new URL('http://api.internal/'), p)).toBe(false);
    expect(isAllowlisted(new URL('http://plain.internal/'), p)).toBe(true);
  });
});

describe('guardedLookup (no connection made)', () => {
  const fake = (addresses: LookupAddress[]) => async () => addresses;
  const run = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(fake(addresses))('api.example.test', { all }, (err, address, family) =>
        resolve({ err, address, family }),
      ),
    );

  it('refuses when any resolved address is not public, and keeps the address out of the message', async () => {
    const { err } = await run(
      [
        { address: '1.1.1.1', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ],
      true,
    );
    expect(err).toBeInstanceOf(SsrfBlockedError);
    expect((err as SsrfBlockedError).address).toBe('169.254.169.254');
    expect((err as SsrfBlockedError).code).toBe('ERR_SSRF_BLOCKED');
    expect(err!.message).toBe(SSRF_BLOCKED_MESSAGE);
    expect(err!.message).not.toContain('169.254');
  });
  it('passes public addresses through, in both callback forms', async () => {
    const addresses = [
      { address: '1.1.1.1', family: 4 },
      { address: '2606:4700:4700::1111', family: 6 },
    ];
    expect(await run(addresses, true)).toEqual({ err: null, address: addresses, family: undefined });
    expect(await run(addresses, false)).toEqual({ err: null, address: '1.1.1.1', family: 4 });
  });
});

describe('followRedirects (fake send)', () => {
  const response = (status: number, headers: Record<string, string> = {}): UpstreamResponse => ({
    status,
    headers,
    body: Buffer.alloc(0),
    durationMs: 1,
  });
  function fakeSend(responses: UpstreamResponse[]) {
    const seen: UpstreamRequest[] = [];
    const send = async (req: UpstreamRequest) => {
      seen.push(req);
      return responses[seen.length - 1] ?? response(200);
    };
    return { send, seen };
  }
  const get = (url: string, headers: Record<string, string> = {}): UpstreamRequest => ({
    method: 'GET',
    url: new URL(url),
    headers,
  });

  it('returns a 3xx of other methods as is', async () => {
    const { send, seen } = fakeSend([response(302, { location: '/elsewhere' })]);
    const res = await followRedirects(send, { method: 'POST', url: new URL('http://a.test/x'), body: '{}' });
    expect(res.status).toBe(302);
    expect(seen).toHaveLength(1);
  });
  it('follows relative and absolute locations for every redirect status', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const { send, seen } = fakeSend([
        response(status, { location: '../b?q=1' }),
        response(status, { location: 'http://a.test/c' }),
      ]);
      const res = await followRedirects(send, { ...get('http://a.test/x/y'), method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(seen.map((r) => `${r.method} ${r.url.href}`)).toEqual([
        'HEAD http://a.test/x/y',
        'HEAD http://a.test/b?q=1',
        'HEAD http://a.test/c',
      ]);
    }
  });
  it('keeps credentials on the same origin and drops them across origins', async () => {
    const { send, seen } = fakeSend([
      response(302, { location: '/same' }),
      response(302, { location: 'https://b.test/' }),
    ]);
    await followRedirects(
      send,
      get('http://a.test/', { authorization: 'Bearer s3cret', 'x-api-key': 'k', accept: 'application/json' }),
    );
    expect(seen[1]!.headers).toEqual({ authorization: 'Bearer s3cret', 'x-api-key': 'k', accept: 'application/json' });
    expect(seen[2]!.headers).toEqual({ accept: 'application/json' });
  });
  it('refuses non-http(s) locations and too many hops', async () => {
    for (const location of ['file:///etc/passwd', 'gopher://a.test/', 'javascript:alert(1)']) {
      const { send } = fakeSend([response(302, { location })]);
      await expect(followRedirects(send, get('http://a.test/'))).rejects.toMatchObject({ reason: 'scheme' });
    }
    const loop = fakeSend(Array.from({ length: 10 }, () => response(302, { location: '/again' })));
    await expect(followRedirects(loop.send, get('http://a.test/'), { maxRedirects: 3 })).rejects.toBeInstanceOf(
      RedirectRefusedError,
    );
    expect(loop.seen).toHaveLength(4);
  });
  it('returns a redirect without a Location as is', async () => {
    const { send } = fakeSend([response(301)]);
    expect((await followRedirects(send, get('http://a.test/'))).status).toBe(301);
  });
});

// --- Real connections, to loopback servers only. --------------------------------------------

interface Target {
  port: number;
  hits: number;
  respond: (res: http.ServerResponse) => void;
  server: http.Server;
}

async function startTarget(): Promise<Target> {
  const target: Target = { port: 0, hits: 0, respond: (res) => res.end('ok'), server: http.createServer() };
  target.server.on('request', (_req, res) => {
    target.hits++;
    target.respond(res);
  });
  await new Promise<void>((resolve) => target.server.listen(0, '127.0.0.1', resolve));
  target.port = (target.server.address() as AddressInfo).port;
  return target;
}

let a: Target;
let b: Target;
const clients: { close(): Promise<void> }[] = [];
function client(...allow: string[]) {
  const c = createUpstreamClient({ allowHosts: new Set(allow) });
  clients.push(c);
  return c;
}
const get = (url: string): UpstreamRequest => ({ method: 'GET', url: new URL(url), timeoutMs: 5_000 });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'sent',
    (error: unknown) => (error instanceof UpstreamNetworkError ? error.failure : String(error)),
  );

beforeAll(async () => {
  a = await startTarget();
  b = await startTarget();
});
beforeEach(() => {
  for (const t of [a, b]) {
    t.hits = 0;
    t.respond = (res) => res.end('ok');
  }
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all([a, b].map((t) => new Promise((resolve) => t.server.close(resolve))));
});

describe('the guarded client over real connections', () => {
  it('refuses a loopback server that is not allowlisted; the server receives nothing', async () => {
    const error = await client()
      .send(get(`http://127.0.0.1:${a.port}/`))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamNetworkError);
    expect((error as UpstreamNetworkError).failure).toBe('blocked');
    expect((error as Error).message).toBe('The API address is not allowed (private or reserved network).');
    expect(a.hits).toBe(0);
  });

  it('reaches the same server once its host:port is allowlisted', async () => {
    const res = await client(`127.0.0.1:${a.port}`).send(get(`http://127.0.0.1:${a.port}/`));
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('ok');
    expect(a.hits).toBe(1);
  });

  it.each([
    ['localhost by name', (p: number) => `http://localhost:${p}/`],
    ['IPv4-mapped IPv6', (p: number) => `http://[::ffff:127.0.0.1]:${p}/`],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/`],
    ['decimal', (p: number) => `http://2130706433:${p}/`],
    ['hex, short form', (p: number) => `http://0x7f.1:${p}/`],
    ['octal', (p: number) => `http://0177.0.0.1:${p}/`],
    ['short form', (p: number) => `http://127.1:${p}/`],
    ['0.0.0.0 (reaches local listeners on Linux)', (p: number) => `http://0.0.0.0:${p}/`],
  ])('refuses %s; nothing is received', async (_name, url) => {
    expect(await failureOf(client().send(get(url(a.port))))).toBe('blocked');
    expect(a.hits).toBe(0);
  });

  it('judges names by what DNS returns at connect time', async () => {
    let lookups = 0;
    const agent = createGuardedAgent(
      { allowHosts: new Set() },
      {
        resolve: async () => {
          lookups++;
          return [{ address: '127.0.0.1', family: 4 }];
        },
      },
    );
    try {
      const raw = await request(`http://api.example.test:${a.port}/`, { dispatcher: agent }).catch((e: unknown) => e);
      expect(raw).toBeInstanceOf(SsrfBlockedError);
      expect((raw as SsrfBlockedError).address).toBe('127.0.0.1');
      expect(await failureOf(sendUpstream(get(`http://api.example.test:${a.port}/`), agent))).toBe('blocked');
      expect(lookups).toBe(2);
      expect(a.hits).toBe(0);
    } finally {
      await agent.close();
    }
  });

  it('follows a redirect between allowlisted servers', async () => {
    a.respond = (res) => res.writeHead(302, { location: `http://127.0.0.1:${b.port}/next` }).end();
    const res = await client(`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`).send(get(`http://127.0.0.1:${a.port}/`));
    expect(res.status).toBe(200);
    expect([a.hits, b.hits]).toEqual([1, 1]);
  });

  it('refuses a redirect into a non-allowlisted loopback port at the second hop', async () => {
    a.respond = (res) => res.writeHead(302, { location: `http://127.0.0.1:${b.port}/internal` }).end();
    expect(await failureOf(client(`127.0.0.1:${a.port}`).send(get(`http://127.0.0.1:${a.port}/`)))).toBe('blocked');
    expect(a.hits).toBe(1);
    expect(b.hits).toBe(0);
  });

  it('refuses a redirect to the allowlisted server under another spelling of a loopback address', async () => {
    a.respond = (res) => res.writeHead(307, { location: `http://[::ffff:7f00:1]:${b.port}/` }).end();
    expect(await failureOf(client(`127.0.0.1:${a.port}`).send(get(`http://127.0.0.1:${a.port}/`)))).toBe('blocked');
    expect(b.hits).toBe(0);
  });

  it('refuses a redirect to file:///etc/passwd', async () => {
    a.respond = (res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    const error = await client(`127.0.0.1:${a.port}`)
      .send(get(`http://127.0.0.1:${a.port}/`))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamNetworkError);
    expect((error as UpstreamNetworkError).failure).toBe('redirect');
    expect(a.hits).toBe(1);
  });

  it('does not follow redirects of writes', async () => {
    a.respond = (res) => res.writeHead(303, { location: `http://127.0.0.1:${b.port}/` }).end();
    const res = await client(`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`).send({
      ...get(`http://127.0.0.1:${a.port}/`),
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(303);
    expect(b.hits).toBe(0);
  });
});
