// The one HTTP path to company APIs and token endpoints: undici's pooled `request` with connect
// and total timeouts, and a cap on the response size. `sendUpstream` follows no redirects;
// `createUpstreamClient` adds the SSRF guard (ssrf.ts) and follows GET/HEAD redirects through
// it. The gateway's policy, rate limits, cache and retries wrap around this; nothing else sends
// upstream.
import { request, type Dispatcher } from 'undici';
import {
  createGuardedAgent,
  followRedirects,
  isSsrfBlocked,
  RedirectRefusedError,
  SSRF_BLOCKED_MESSAGE,
  type SsrfPolicy,
} from './ssrf.ts';

export interface UpstreamRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** Whole exchange, headers and body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  durationMs: number;
}

export type UpstreamFailure = 'timeout' | 'connect' | 'too_large' | 'network' | 'blocked' | 'redirect';

/** A request that got no usable HTTP response. Its message is safe to show. */
export class UpstreamNetworkError extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(
      {
        timeout: 'The API did not answer in time.',
        connect: 'Could not connect to the API.',
        too_large: 'The API response was too large.',
        network: 'The connection to the API failed.',
        blocked: SSRF_BLOCKED_MESSAGE,
        redirect: 'The API sent a redirect that cannot be followed.',
      }[failure],
    );
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** One request over the given dispatcher; production code gets it from createUpstreamClient (guarded). */
export async function sendUpstream(req: UpstreamRequest, dispatcher: Dispatcher): Promise<UpstreamResponse> {
  const started = performance.now();
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers ?? {},
      body: req.body ?? null,
      signal,
      dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      res.body.destroy();
      throw new UpstreamNetworkError('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new UpstreamNetworkError('too_large');
      }
      chunks.push(chunk as Buffer);
    }
    return {
      status: res.statusCode,
      headers: res.headers,
      body: Buffer.concat(chunks),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    if (error instanceof UpstreamNetworkError) throw error;
    throw new UpstreamNetworkError(classify(error, signal));
  }
}

function classify(error: unknown, signal: AbortSignal): UpstreamFailure {
  if (isSsrfBlocked(error)) return 'blocked';
  if (signal.aborted) return 'timeout';
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return 'timeout';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH')
    return 'connect';
  return 'network';
}

export interface UpstreamClient {
  send(req: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

/**
 * `sendUpstream` behind the SSRF guard: non-public addresses (checked on every connection, the
 * hops of a redirect included) fail with UpstreamNetworkError 'blocked' unless allowlisted.
 */
export function createUpstreamClient(policy: SsrfPolicy): UpstreamClient {
  const guarded = createGuardedAgent(policy);
  return {
    async send(req) {
      try {
        // One timeout for the whole redirect chain.
        return await followRedirects((hop) => sendUpstream(hop, guarded), {
          ...req,
          timeoutMs: req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        });
      } catch (error) {
        if (error instanceof RedirectRefusedError) throw new UpstreamNetworkError('redirect');
        throw error;
      }
    },
    close: () => guarded.close(),
  };
}

/** The JSON body of a response, or null when it is not JSON. */
export function jsonBody(res: UpstreamResponse): unknown {
  if (res.body.length === 0) return null;
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return null;
  }
}
