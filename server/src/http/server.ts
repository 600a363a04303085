// Starts and stops the HTTP server. Used by tessera.ts and by the tests (on port 0).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp, type AppDeps } from './app.ts';
import { clientAddressResolver } from './client-address.ts';
import { attachWebSocket } from './websocket.ts';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(deps: AppDeps & { port: number; host: string }): Promise<RunningServer> {
  const { app, apollo, contextFor } = await createHttpApp(deps);
  const server = createServer(app);
  const websocket = attachWebSocket(server, deps.schema, contextFor, {
    clientAddressOf: clientAddressResolver(deps.trustProxy ?? 'loopback'),
    introspection: deps.introspection,
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.host.includes(':') ? `[${deps.host}]` : deps.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close() {
      closing ??= (async () => {
        await websocket.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await apollo.stop();
      })();
      return closing;
    },
  };
}
