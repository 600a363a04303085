// The demo world's upstream APIs as a real HTTP server: /<company>/<service>/... for every service
// of data/index.ts, an OAuth2 token endpoint per company+service, and test knobs.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { challenge, checkCredential } from './auth-check.ts';
import { SERVICES } from './generators/index.ts';
import { ValidationError } from './generators/types.ts';
import { HttpError, parseJsonObject, readBody, sendJson, sleep } from './http.ts';
import { Knobs, type SandboxKnobs } from './knobs.ts';
import { decideConsent, showConsent } from './authorize.ts';
import { handleRevocation, handleTokenRequest } from './oauth.ts';
import { handleApi, type ApiResponse } from './routes.ts';
import { Store } from './store.ts';

/** Request counts by 'company/service', and in total. */
interface RequestCounts {
  total: number;
  [companyService: `${string}/${string}`]: number;
}

interface SandboxStats {
  /** API requests (everything but the token endpoint), answered or not. */
  requests: RequestCounts;
  tokenRequests: RequestCounts;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  knobs: SandboxKnobs;
  stats: SandboxStats;
  /** Data, knobs, stats and used refresh tokens back to the initial state. */
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Derives every credential and signs every token. */
  secret: string;
}

const COMPANY = /^[a-z0-9][a-z0-9-]{0,62}$/;

function count(counts: RequestCounts, key: `${string}/${string}`): void {
  counts.total++;
  counts[key] = (counts[key] ?? 0) + 1;
}

function clear(counts: RequestCounts): void {
  for (const key of Object.keys(counts)) delete counts[key as `${string}/${string}`];
  counts.total = 0;
}

/** A JSON document of exactly `bytes` bytes (at least 14), sent in chunks without Content-Length. */
async function sendHuge(res: ServerResponse, bytes: number, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  const prefix = '{"padding":"';
  let left = Math.max(0, bytes - prefix.length - 2);
  res.write(prefix);
  const chunk = 'x'.repeat(64 * 1024);
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
    left -= piece.length;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end('"}');
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { secret, host = '127.0.0.1' } = options;
  if (!secret) throw new Error('startSandbox needs a secret');
  const store = new Store();
  const knobs = new Knobs();
  const stats: SandboxStats = { requests: { total: 0 }, tokenRequests: { total: 0 } };
  const usedRefreshTokens = new Set<string>();
  const usedCodes = new Set<string>();
  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return sendJson(res, 400, { error: 'bad_request', message: 'Malformed path.' });
    }
    const [company = '', service = '', ...rest] = segments;
    if (!COMPANY.test(company) || !SERVICES[service]) {
      return sendJson(res, 404, {
        error: 'not_found',
        message: `Paths are /<company>/<service>/..., services: ${Object.keys(SERVICES).join(', ')}.`,
      });
    }
    const key = `${company}/${service}` as const;
    const method = req.method ?? 'GET';

    if (rest.length === 2 && rest[0] === 'oauth' && rest[1] === 'authorize') {
      if (method !== 'GET' && method !== 'POST')
        return sendJson(res, 405, { error: 'method_not_allowed', allow: ['GET', 'POST'] }, { Allow: 'GET, POST' });
      const ctx = { secret, company, service };
      const answer = method === 'GET' ? showConsent(url.searchParams, ctx) : decideConsent(await readBody(req), ctx);
      if (answer.kind === 'redirect') {
        res.writeHead(302, { Location: answer.location, 'Cache-Control': 'no-store' });
        return void res.end();
      }
      res.writeHead(answer.status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // The consent page must not be framed (clickjacking) and runs no script. No form-action:
        // browsers apply it to the redirect after the form too, which goes to the client's origin.
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
      });
      return void res.end(answer.html);
    }

    if (rest.length === 2 && rest[0] === 'oauth' && (rest[1] === 'token' || rest[1] === 'revoke')) {
      count(stats.tokenRequests, key);
      if (method !== 'POST')
        return sendJson(res, 405, { error: 'method_not_allowed', allow: ['POST'] }, { Allow: 'POST' });
      const raw = await readBody(req);
      const tokenContext = { secret, knobs, usedRefreshTokens, usedCodes, company, service };
      const answer =
        rest[1] === 'token' ? handleTokenRequest(req, raw, tokenContext) : handleRevocation(req, raw, tokenContext);
      if (knobs.tokenEndpointDelayMs > 0) await sleep(knobs.tokenEndpointDelayMs);
      return sendJson(res, answer.status, answer.body, {
        ...answer.headers,
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
      });
    }

    count(stats.requests, key);
    const latency = knobs.latencyFor(company, service);
    if (latency > 0) await sleep(latency);
    const auth = checkCredential(req, url.searchParams, secret, knobs, company, service);
    if (!auth.ok)
      return sendJson(
        res,
        401,
        { error: 'unauthorized' },
        { 'WWW-Authenticate': challenge(company, service, auth.reason) },
      );

    const trouble = knobs.take(company, service, ['hang', 'fail', 'rateLimit']);
    if (trouble?.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (trouble?.kind === 'rateLimit') {
      const retryAfter =
        trouble.retryAfter === 'http-date'
          ? new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString()
          : String(trouble.retryAfter);
      return sendJson(
        res,
        429,
        { error: 'rate_limited' },
        { 'Retry-After': retryAfter, ...knobs.rateLimitHeadersFor(company, service, true) },
      );
    }
    const rateHeaders = knobs.rateLimitHeadersFor(company, service, false);
    if (trouble?.kind === 'fail') {
      const error = (STATUS_CODES[trouble.status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');
      return sendJson(res, trouble.status, { error }, rateHeaders);
    }

    let answer: ApiResponse;
    try {
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? parseJsonObject(await readBody(req)) : {};
      answer = handleApi(store, { company, service, method, segments: rest, query: url.searchParams, body });
    } catch (error) {
      if (error instanceof ValidationError)
        answer = { status: 422, body: { error: 'validation_failed', message: error.message, details: error.details } };
      else if (error instanceof HttpError) answer = { status: error.status, body: error.body, headers: error.headers };
      else throw error;
    }
    const huge = answer.status < 400 ? knobs.take(company, service, ['huge']) : undefined;
    if (huge?.kind === 'huge') return sendHuge(res, huge.bytes, rateHeaders);
    sendJson(res, answer.status, answer.body, { ...answer.headers, ...rateHeaders });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
      sendJson(res, 500, { error: 'internal_error', message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    knobs,
    stats,
    reset() {
      store.reset();
      knobs.reset();
      clear(stats.requests);
      clear(stats.tokenRequests);
      usedRefreshTokens.clear();
      usedCodes.clear();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
