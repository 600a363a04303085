// Shared plumbing of the benchmark suite: free ports, a throwaway PostgreSQL database, server
// processes (Tessera and the baselines) with their peak memory, GraphQL over HTTP, and autocannon
// runs alternated A B A B so that both sides of a ratio see the same machine load.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { request } from 'undici';
import { startCommand } from '../scripts/start-command.mjs';
import { round2 } from './stats.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One line of bench/results/latest.json. */
export interface ScenarioResult {
  name: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
  /** How it was measured, or why it could not be. */
  note?: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A database of its own on the PostgreSQL server of `serverUrl`, dropped by `drop()`. */
export async function createBenchDatabase(serverUrl: string) {
  const name = `tessera_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size now and at its peak (VmRSS, VmHWM from /proc), in MB. */
  memoryMb(): { rss: number; peak: number };
  stop(): Promise<number | null>;
}

/**
 * Spawns `node <script>` (from the repository root) and waits for the line that `ready` matches;
 * its first group is the server's URL. TypeScript runs through tsx; a bundle runs with the node
 * options of `pnpm start` (scripts/start-command.mjs, expanded from `env`), as `pnpm start` runs it.
 * `nodeArgs`: more node options (--cpu-prof).
 */
export async function startProcess(
  script: string,
  env: Record<string, string | undefined>,
  ready: RegExp,
  { timeoutMs = 90_000, nodeArgs = [] as string[] } = {},
): Promise<ServerProcess> {
  const start = script.endsWith('.ts')
    ? { env: {}, nodeOptions: ['--enable-source-maps', '--import', 'tsx'] }
    : startCommand(env);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...start.nodeOptions, script], {
    cwd: REPO_ROOT,
    env: { ...env, ...start.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = ''; // the last of the output: for errors, and to find the ready line
  const keep = (chunk: Buffer) => (log = (log + chunk).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs / 1000} s:\n${log.slice(-2000)}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${log.slice(-2000)}`));
    });
    const check = () => {
      const match = ready.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      } else if (child.exitCode === null) setTimeout(check, 50);
    };
    check();
  });
  return {
    url,
    pid: child.pid!,
    memoryMb: () => processMemoryMb(child.pid!),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** What `pnpm start` runs: the server bundle that scripts/build-server.mjs writes. */
export const TESSERA_BUNDLE: string = startCommand().script;

/** Bundles `entry` into `outfile` as `pnpm start` does (a child process running scripts/build-server.mjs). */
/** Bundles like `pnpm start`; `replace` swaps source files in the bundle (scripts/build-server.mjs). */
export async function bundleServer(
  entry = 'server/src/main.ts',
  outfile = TESSERA_BUNDLE,
  replace: Record<string, string> = {},
): Promise<void> {
  const swaps = Object.entries(replace).map(([from, to]) => `${from}=${to}`);
  const child = spawn(process.execPath, ['scripts/build-server.mjs', entry, outfile, ...swaps], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
  if (code !== 0) throw new Error(`scripts/build-server.mjs ${entry} exited with ${code}`);
}

export function processMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface GqlBody<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlBody<T>;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error from ${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * A GraphQL POST of a prepared JSON body over undici's `request`, its data. Lighter than fetch,
 * so less of a measured latency is the bench's own client: for scenarios that time one request.
 */
export async function postGraphql<T = unknown>(url: string, body: string, token?: string): Promise<T> {
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const answer = (await res.body.json()) as GqlBody<T>;
  if (res.statusCode !== 200 || answer.errors?.length || !answer.data)
    throw new Error(`GraphQL answered ${res.statusCode}: ${JSON.stringify(answer.errors ?? null).slice(0, 300)}`);
  return answer.data;
}

export async function login(url: string, email: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    url,
    'mutation ($e: String!) { login(email: $e, password: "tessera-demo") { token } }',
    { e: email },
  );
  return data.login.token;
}

/** An autocannon request: a GraphQL POST. */
export function graphqlRequest(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}

/**
 * Concurrent connections of a load: enough to keep a one-threaded server busy while some of its
 * requests wait on PostgreSQL, few enough that a slow request still ends within a short window.
 */
export const CONNECTIONS = 4;

export interface LoadResult {
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
}

/** One autocannon run; every answer must be a 200 without GraphQL errors (else the scenario errors). */
export async function load(
  url: string,
  requests: autocannon.Request[],
  { seconds, connections = CONNECTIONS }: { seconds: number; connections?: number },
): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstError = '';
  const checked = requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string) => {
      if (status === 200 && !body.includes('"errors":[')) return;
      graphqlErrors += 1;
      firstError ||= `${status} ${body.slice(0, 300)}`;
    },
  }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests: checked }, (error, res) =>
      error ? reject(error) : resolve(res),
    );
  });
  if (graphqlErrors > 0 || result.errors > 0)
    throw new Error(
      `load on ${url}: ${graphqlErrors} bad answers, ${result.errors} connection errors; first: ${firstError}`,
    );
  return {
    requests: result.requests.total,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
}

/**
 * Throughput of A and of B, measured alternately: a warm-up of each, then `rounds` times A then
 * B. Returns requests per second over all rounds of each side.
 */
export async function alternateLoad(
  rounds: number,
  seconds: number,
  a: { url: string; requests: autocannon.Request[] },
  b: { url: string; requests: autocannon.Request[] },
  connections = CONNECTIONS,
) {
  const warmUp = Math.max(1, Math.round(seconds / 2));
  await load(a.url, a.requests, { seconds: warmUp, connections });
  await load(b.url, b.requests, { seconds: warmUp, connections });
  const A: LoadResult[] = [];
  const B: LoadResult[] = [];
  for (let r = 0; r < rounds; r += 1) {
    A.push(await load(a.url, a.requests, { seconds, connections }));
    B.push(await load(b.url, b.requests, { seconds, connections }));
  }
  const rps = (runs: LoadResult[]) =>
    runs.reduce((n, x) => n + x.requests, 0) / runs.reduce((n, x) => n + x.seconds, 0);
  // autocannon drops what is in flight when the time is up: with no answer at all, nothing was measured.
  if (rps(A) === 0 || rps(B) === 0)
    throw new Error(`no request completed within ${seconds} s windows (${a.url}: ${rps(A)}/s, ${b.url}: ${rps(B)}/s)`);
  return { a: rps(A), b: rps(B), aRuns: A, bRuns: B };
}

/** What every scenario receives from bench/run.ts. */
export interface BenchContext {
  quick: boolean;
  rounds: number;
  /** autocannon seconds per side and round. */
  loadSeconds: number;
  /** Timed requests per side and round (latency scenarios). */
  samples: number;
  /** The bench's own database, as its owner. */
  ownerUrl: string;
  /** Environment for a Tessera process on the bench database (overrides win). */
  tesseraEnv(overrides?: Record<string, string>): Record<string, string | undefined>;
  world: import('./world.ts').BenchWorld;
  tokens: { admin: string; dev: string; ceo: string };
  /** The Tessera process under test (the `pnpm start` bundle, row security on). */
  tessera: ServerProcess;
  /** The in-process Tessera that migrated and seeded the database; records its SQL statements. */
  inProcess: { url: string; sql: string[]; tessera: import('../server/src/tessera.ts').Tessera };
  /** The demo upstream APIs (in the bench process: knobs and request counts). */
  sandbox: import('../server/src/sandbox/sandbox.ts').RunningSandbox;
  sandboxSecret: string;
  /** Starts a server process that is stopped when the run ends (its output ends with "BENCH_READY <url>" or Tessera's banner). */
  start(script: string, env: Record<string, string | undefined>): Promise<ServerProcess>;
}

/** What `prepare` may use: it runs while the main Tessera process is still starting. */
type PrepareContext = Pick<BenchContext, 'quick' | 'ownerUrl' | 'tesseraEnv' | 'start'>;

/**
 * A scenario. `prepare` starts the processes it needs; run.ts calls every scenario's `prepare`
 * at once before the first measurement (starting is slow and measures nothing), then each
 * `run` in turn with what its `prepare` gave.
 */
export interface Scenario<P = void> {
  name: string;
  prepare?(ctx: PrepareContext): Promise<P>;
  run(ctx: BenchContext, prepared: P): Promise<ScenarioResult[]>;
}

/** A "Tessera ÷ baseline, higher is better" row. */
export function ratioRow(
  name: string,
  metric: string,
  value: number,
  baseline: number,
  minimum: number,
  note?: string,
): ScenarioResult {
  const ratio = value / baseline;
  return {
    name,
    metric,
    value: round2(value),
    baseline: round2(baseline),
    ratio: round2(ratio),
    target: `ratio ≥ ${minimum}`,
    pass: ratio >= minimum,
    ...(note ? { note } : {}),
  };
}
