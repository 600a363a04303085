// `pnpm start` as a real process, bundled as `pnpm start` bundles it (scripts/build-server.mjs):
// first start migrates and seeds, prints the URL and the demo logins, serves every route, and
// SIGTERM ends it with exit code 0 within a few seconds. A second start on the same data
// migrates and seeds nothing. Paths that move in the bundle (migrations, the web app) are
// exercised here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../test/personas.ts';
import { startCommand } from '../../../scripts/start-command.mjs';
import { uniqueName, withDatabaseName, withPgClient } from '../../test/database.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// A bundle of this run's own (at the depth of server/dist/main.mjs, which paths rely on).
const BUNDLE = `server/dist/main.process-test-${process.pid}.mjs`;

function serverProcess(env: Record<string, string>) {
  const start = startCommand(env);
  return spawn(process.execPath, [...start.nodeOptions, BUNDLE], {
    cwd: ROOT,
    env: { ...env, ...start.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', 'server/src/main.ts', BUNDLE], {
    cwd: ROOT,
    stdio: 'inherit',
  });
});
afterAll(() => {
  for (const file of [BUNDLE, `${BUNDLE}.map`]) rmSync(join(ROOT, file), { force: true });
});
const serverUrl = process.env.DATABASE_URL || undefined;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startProcess(env: Record<string, string>): Promise<Started> {
  const child = serverProcess({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: '0',
    LOG_LEVEL: 'info',
    ...env,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /Tessera is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
    child.kill('SIGTERM');
  });
}

describe('the server process', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-process-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  let dbName: string | undefined;

  beforeAll(async () => {
    if (serverUrl) {
      dbName = uniqueName('tessera_proc');
      await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
      Object.assign(env, {
        DATABASE_URL: withDatabaseName(serverUrl, dbName),
        SEED_DEMO: 'true',
        JWT_SECRET: 'process-test-secret-process-test-secret',
      });
    }
  });

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (serverUrl && dbName)
      await withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it('starts, migrates, seeds, serves every route and stops cleanly on SIGTERM', async () => {
    const first = await startProcess(env);
    try {
      expect(first.output()).toContain(PERSONAS.ceo);
      expect(first.output()).toContain('tessera-demo');
      expect(first.output()).toContain('applied database migrations');
      expect(first.output()).toContain('seeded the demo world');

      expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${first.url}/readyz`)).json()).toEqual({ status: 'ready' });
      const page = await fetch(`${first.url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const login = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(email: "${PERSONAS.dev}", password: "tessera-demo") { user { email } } }`,
        }),
      });
      expect(await login.json()).toEqual({ data: { login: { user: { email: PERSONAS.dev } } } });
    } finally {
      const { code, ms } = await stop(first.child);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5_000);
    }

    const second = await startProcess(env);
    const { code } = await stop(second.child);
    expect(code).toBe(0);
    expect(second.output()).not.toContain('applied database migrations');
    expect(second.output()).not.toContain('seeded the demo world');
  });

  it('refuses to start when the configured keys cannot decrypt the stored credentials', async () => {
    const keyFile = readFileSync(join(dataDir, 'encryption-keys'), 'utf8');
    const storedKeyId = keyFile.trim().split(':')[0]!;
    const child = serverProcess({
      PATH: process.env.PATH ?? '',
      PORT: '0',
      ...env,
      TESSERA_ENCRYPTION_KEYS: `other:${randomBytes(32).toString('base64')}`,
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(storedKeyId);
    expect(stderr).toContain('TESSERA_ENCRYPTION_KEYS');
    expect(stderr).not.toContain(keyFile.trim().split(':')[1]!);
  });

  it('refuses a bad configuration with a clear message and exit code 1', async () => {
    const child = serverProcess({
      PATH: process.env.PATH ?? '',
      PORT: 'not-a-port',
      DATABASE_URL: 'mysql://nope',
      DATA_DIR: dataDir,
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});
