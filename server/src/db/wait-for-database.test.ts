// An unreachable database at start is waited for, with backoff, and a start that gives up says
// which server (never its password) and exits non-zero instead of crash-looping.
import { spawn } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, describeDatabaseUrl, waitFor, waitForPostgres } from './wait-for-database.ts';

const quietLogger = () => {
  const warnings: unknown[] = [];
  return { warnings, warn: (obj: unknown) => void warnings.push(obj) };
};

describe('waitFor', () => {
  it('retries with doubling pauses up to the cap, then succeeds', async () => {
    let calls = 0;
    const pauses: number[] = [];
    const logger = quietLogger();
    await waitFor(
      async () => {
        calls += 1;
        if (calls < 5) throw new Error('ECONNREFUSED');
      },
      'the test database',
      {
        deadlineMs: 60_000,
        logger,
        initialDelayMs: 500,
        maxDelayMs: 2_000,
        sleep: async (ms) => void pauses.push(ms),
        now: () => 0,
      },
    );
    expect(calls).toBe(5);
    expect(pauses).toEqual([500, 1000, 2000, 2000]);
    expect(logger.warnings).toHaveLength(4);
  });

  it('gives up at the deadline with a message naming what and why', async () => {
    let clock = 0;
    const attempt = waitFor(() => Promise.reject(new Error('ECONNREFUSED')), 'PostgreSQL at db:5432/app', {
      deadlineMs: 3_000,
      logger: quietLogger(),
      sleep: async (ms) => {
        clock += ms;
      },
      now: () => clock,
    });
    await expect(attempt).rejects.toThrow(DatabaseUnreachableError);
    await expect(attempt).rejects.toThrow(
      /^PostgreSQL at db:5432\/app is unreachable after \d+ attempts over 3 s: ECONNREFUSED$/,
    );
  });

  it('describes a database URL without its user or password', () => {
    expect(describeDatabaseUrl('postgresql://app:hunter2-secret@db.internal:6543/tessera?sslmode=require')).toBe(
      'db.internal:6543/tessera',
    );
    expect(describeDatabaseUrl('not a url')).toBe('the configured PostgreSQL server');
  });
});

/** A TCP front for PostgreSQL that drops connections until `up` is set. */
async function flakyProxy(target: { host: string; port: number }) {
  const state = { up: false, refused: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!state.up) {
      state.refused += 1;
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const SERVER_URL = process.env.DATABASE_URL;

describe.skipIf(!SERVER_URL)(
  'waitForPostgres against a real PostgreSQL (needs DATABASE_URL; CI runs it in the PostgreSQL pass)',
  () => {
    it('waits while the server is unreachable and goes on once it answers', async () => {
      const real = new URL(SERVER_URL!);
      const proxy = await flakyProxy({ host: real.hostname, port: Number(real.port || 5432) });
      try {
        const viaProxy = new URL(SERVER_URL!);
        viaProxy.hostname = '127.0.0.1';
        viaProxy.port = String(proxy.port);
        const logger = quietLogger();
        // The server "comes back" after the second refused attempt.
        const waiting = waitForPostgres(viaProxy.toString(), {
          deadlineMs: 30_000,
          logger,
          initialDelayMs: 50,
          sleep: async (ms) => {
            if (proxy.state.refused >= 2) proxy.state.up = true;
            await new Promise((resolve) => setTimeout(resolve, ms));
          },
        });
        await expect(waiting).resolves.toBeUndefined();
        expect(proxy.state.refused).toBeGreaterThanOrEqual(2);
        expect(logger.warnings.length).toBe(proxy.state.refused);
      } finally {
        await proxy.close();
      }
    });
  },
);

describe('pnpm start with an unreachable database', () => {
  it('retries, then exits 1 with a clear message that leaves the password out', async () => {
    // A port nothing listens on: take a free one and close it again.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: `postgresql://app:hunter2-secret@127.0.0.1:${port}/tessera`,
        DATABASE_WAIT_SECONDS: '2',
        PORT: '0',
        SANDBOX_PORT: '0',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${port}/tessera is unreachable after \\d+ attempts`),
    );
    const waits = stdout.split('\n').filter((line) => line.includes('waiting for PostgreSQL'));
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(stdout + stderr).not.toContain('hunter2-secret');
  }, 30_000);
});
