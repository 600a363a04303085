// How GraphiQL carries the session: a header over HTTP, and graphql-ws connection params over
// the WebSocket (browsers cannot set headers on a WebSocket; the server reads `authorization`
// from the connection's params, see server/src/http/websocket.ts).

export interface FetcherOptions {
  url: string;
  subscriptionUrl: string;
  headers: Record<string, string>;
  wsConnectionParams: Record<string, string>;
}

export function fetcherOptions(token: string, location: { protocol: string; host: string }): FetcherOptions {
  const authorization = `Bearer ${token}`;
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    url: '/graphql',
    subscriptionUrl: `${wsProtocol}//${location.host}/graphql`,
    headers: { authorization },
    wsConnectionParams: { authorization },
  };
}
