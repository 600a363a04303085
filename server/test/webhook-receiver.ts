// A webhook receiver for the tests: node:http on 127.0.0.1, recording every request, answering
// with the status `respond` picks. `next(path)` resolves on requests as they arrive (no timers).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

export interface Receiver {
  port: number;
  url(path: string): string;
  received: Received[];
  /** The status for each request; `n` counts the requests to that path so far, from 1. */
  respond: (path: string, n: number) => number | 'hang';
  /** Resolves once `count` requests to `path` have arrived. */
  waitFor(path: string, count: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const receiver: Receiver = {
    port: 0,
    url: (path) => `http://127.0.0.1:${receiver.port}${path}`,
    received,
    respond: () => 200,
    waitFor(path, count) {
      return new Promise((resolve) => {
        const check = () => {
          const hits = received.filter((r) => r.path === path);
          if (hits.length < count) return false;
          resolve(hits);
          return true;
        };
        const waiter = () => {
          if (!check()) waiters.push(waiter);
        };
        waiter();
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = received.filter((r) => r.path === path).length + 1;
      const status = receiver.respond(path, n);
      const entry: Received = {
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: status === 'hang' ? 0 : status,
      };
      if (status === 'hang') hanging.add(res);
      else res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      received.push(entry);
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  return receiver;
}
