// The client's address as TRUST_PROXY defines it, for requests Express does not see (the
// WebSocket upgrade): the same proxy-addr rule that gives Express's req.ip, so a sign-in over
// a socket is counted against the same address as one over HTTP.
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config.ts';

export type ClientAddressOf = (req: IncomingMessage) => string | null;

/** Express's compileTrust, for the values TRUST_PROXY takes. */
function trustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === 'boolean') return () => trust;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust.split(',').map((v) => v.trim()));
}

export function clientAddressResolver(trust: TrustProxy): ClientAddressOf {
  const trusted = trustFunction(trust);
  return (req) => (req.socket.remoteAddress ? proxyaddr(req, trusted) : null);
}
