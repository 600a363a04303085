// The SSRF guard: company APIs are reached only at public addresses, unless their host is on an
// allowlist (the embedded sandbox on 127.0.0.1 is). The check runs inside the socket's connect,
// on the addresses DNS actually returned for that connection, so a name that resolves to a
// public address when an endpoint is saved and to 127.0.0.1 later (DNS rebinding) is still
// refused, and every redirect hop goes through the same connect.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import type { UpstreamRequest, UpstreamResponse } from './upstream-client.ts';

export const SSRF_BLOCKED_MESSAGE = 'The API address is not allowed (private or reserved network).';

/** A connection refused by the guard. The message is safe to show; the address is for logs only. */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_SSRF_BLOCKED';
  constructor(
    readonly hostname: string,
    /** The refused address (a resolved one for host names). Never put it in a user-facing message. */
    readonly address: string,
  ) {
    super(SSRF_BLOCKED_MESSAGE);
    this.name = 'SsrfBlockedError';
  }
}

export function isSsrfBlocked(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof SsrfBlockedError || (e as { code?: unknown }).code === 'ERR_SSRF_BLOCKED') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Address classes

const cidrs4 = (list: string[]) => list.map((c) => ipaddr.IPv4.parseCIDR(c));
const cidrs6 = (list: string[]) => list.map((c) => ipaddr.IPv6.parseCIDR(c));

// Spelled out even though ipaddr.js' range() knows most of them: a library update that renames
// or drops a range must not quietly open one.
const BLOCKED_V4 = cidrs4([
  '0.0.0.0/8', // "this network", unspecified
  '10.0.0.0/8', // private
  '100.64.0.0/10', // CGNAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata (169.254.169.254)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // TEST-NET-1
  '192.88.99.0/24', // 6to4 relay anycast (deprecated)
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // TEST-NET-2
  '203.0.113.0/24', // TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255 broadcast
]);

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const BLOCKED_V6 = cidrs6([
  '2001::/23', // IETF protocol assignments (Teredo is judged by what it embeds, before this)
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation
]);

function isPublicV4(addr: ipaddr.IPv4): boolean {
  if (addr.range() !== 'unicast') return false;
  return !BLOCKED_V4.some((range) => addr.match(range));
}

function v4(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([(hi >> 8) & 0xff, hi & 0xff, (lo >> 8) & 0xff, lo & 0xff]);
}

function isPublicV6(addr: ipaddr.IPv6): boolean {
  const p = addr.parts as [number, number, number, number, number, number, number, number];
  const range = addr.range() as string;
  // Forms that carry an IPv4 address are judged by it: the packet may well end up there.
  if (range === 'ipv4Mapped' || range === 'rfc6145') return isPublicV4(v4(p[6], p[7]));
  // IPv4-compatible (::a.b.c.d, deprecated); :: and ::1 fall in 0.0.0.0/8 and are refused too.
  if (p.slice(0, 6).every((x) => x === 0)) return isPublicV4(v4(p[6], p[7]));
  if (addr.match(NAT64_WELL_KNOWN)) return isPublicV4(v4(p[6], p[7]));
  if (range === '6to4') return isPublicV4(v4(p[1], p[2]));
  // Teredo: the server's IPv4 in bits 32-63, the client's one inverted in the last 32 bits.
  if (range === 'teredo') return isPublicV4(v4(p[2], p[3])) && isPublicV4(v4(~p[6], ~p[7]));
  if (range !== 'unicast') return false;
  if (!addr.match(GLOBAL_UNICAST_V6)) return false; // unallocated space
  return !BLOCKED_V6.some((r) => addr.match(r));
}

/**
 * Whether `ip` (a literal as DNS returns it) is an ordinary public unicast address. Anything
 * that is not a plain IPv4/IPv6 literal, unusual spellings like "0x7f.1" included, is not.
 */
export function isPublicAddress(ip: string): boolean {
  if (typeof ip !== 'string' || isIP(ip) === 0) return false;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return false;
  }
  return addr instanceof ipaddr.IPv4 ? isPublicV4(addr) : isPublicV6(addr as ipaddr.IPv6);
}

// ---------------------------------------------------------------------------------------------
// Policy

export interface SsrfPolicy {
  /**
   * Hosts that may be reached whatever they resolve to: "host" or "host:port", lowercase, the
   * host spelled as `URL.hostname` spells it (IPv6 in brackets: "[::1]:8080").
   */
  allowHosts: ReadonlySet<string>;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

function hostAllowlisted(hostname: string, port: string, policy: SsrfPolicy): boolean {
  const bare = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const host = isIP(bare) === 6 ? `[${bare}]` : bare;
  return policy.allowHosts.has(host) || policy.allowHosts.has(bare) || policy.allowHosts.has(`${host}:${port}`);
}

export function isAllowlisted(url: URL, policy: SsrfPolicy): boolean {
  return hostAllowlisted(url.hostname, url.port || defaultPort(url.protocol), policy);
}

// ---------------------------------------------------------------------------------------------
// The guarded agent

/** Resolves a name to every address (like `dns.lookup` with `all: true`). */
export type Resolver = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

export interface GuardedAgentOptions {
  connectTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  connections?: number;
  /** For tests: stands in for DNS. */
  resolve?: Resolver;
}

const systemResolve: Resolver = (hostname, options) => dnsLookup(hostname, { ...options, all: true });

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net.connect that fails when any resolved address is not public. */
export function guardedLookup(resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, options).then(
      (addresses) => {
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(new SsrfBlockedError(hostname, refused.address), '');
        const first = addresses[0];
        if (!first)
          return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * An undici Agent that refuses, at connect time, hosts whose address (literal or resolved) is
 * not public, unless the host or host:port is allowlisted. Refusals reject the request with a
 * `SsrfBlockedError` (code ERR_SSRF_BLOCKED) before any byte is sent.
 */
export function createGuardedAgent(policy: SsrfPolicy, options: GuardedAgentOptions = {}): Agent {
  const timeout = options.connectTimeoutMs ?? 5_000;
  const direct = buildConnector({ timeout });
  const guarded = buildConnector({ timeout, lookup: guardedLookup(options.resolve ?? systemResolve) });
  const connect: buildConnector.connector = (opts, callback) => {
    const port = opts.port || defaultPort(opts.protocol);
    if (hostAllowlisted(opts.hostname, port, policy)) return direct(opts, callback);
    // net.connect skips `lookup` for IP literals, so they are judged here.
    if (isIP(opts.hostname) !== 0 && !isPublicAddress(opts.hostname)) {
      const error = new SsrfBlockedError(opts.hostname, opts.hostname);
      process.nextTick(() => callback(error, null));
      return;
    }
    return guarded(opts, callback);
  };
  return new Agent({
    connect,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
    connections: options.connections ?? 64,
  });
}

// ---------------------------------------------------------------------------------------------
// Redirects

export type RedirectFailure = 'too_many' | 'bad_location' | 'scheme';

/** A redirect that will not be followed. */
export class RedirectRefusedError extends Error {
  readonly code = 'ERR_REDIRECT_REFUSED';
  constructor(readonly reason: RedirectFailure) {
    super('The API sent a redirect that cannot be followed.');
    this.name = 'RedirectRefusedError';
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that may follow a redirect to another origin; credentials (any header) may not. */
const CROSS_ORIGIN_HEADERS = new Set(['accept', 'accept-language', 'user-agent']);

type Send = (req: UpstreamRequest) => Promise<UpstreamResponse>;

/**
 * Follows redirects of GET and HEAD requests through `send` (so each hop meets the guard at
 * connect time); other methods get the 3xx back as is. A cross-origin hop keeps only harmless
 * headers, and the whole chain shares the request's timeout.
 */
export async function followRedirects(
  send: Send,
  req: UpstreamRequest,
  { maxRedirects = 3 }: { maxRedirects?: number } = {},
): Promise<UpstreamResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return send(req);
  const started = performance.now();
  const deadline = req.timeoutMs === undefined ? undefined : started + req.timeoutMs;
  let current = req;
  for (let hop = 0; ; hop++) {
    const res = await send(current);
    const location = res.headers.location;
    if (!REDIRECT_STATUSES.has(res.status) || location === undefined) {
      return { ...res, durationMs: performance.now() - started };
    }
    if (hop >= maxRedirects) throw new RedirectRefusedError('too_many');
    let next: URL;
    try {
      next = new URL(Array.isArray(location) ? (location[0] ?? '') : location, current.url);
    } catch {
      throw new RedirectRefusedError('bad_location');
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new RedirectRefusedError('scheme');
    const sameOrigin = next.origin === current.url.origin;
    const headers = Object.fromEntries(
      Object.entries(current.headers ?? {}).filter(
        ([name]) => sameOrigin || CROSS_ORIGIN_HEADERS.has(name.toLowerCase()),
      ),
    );
    current = {
      ...current,
      url: next,
      headers,
      body: undefined,
      ...(deadline === undefined ? {} : { timeoutMs: Math.max(1, Math.ceil(deadline - performance.now())) }),
    };
  }
}
