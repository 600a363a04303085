// Soak: 60 s of mixed traffic from 50 virtual users (autocannon) against a real `pnpm start`
// process on PostgreSQL, then checks: no 5xx, no unhandled rejection or crash in the server's
// log, resident memory stable (last third of the run vs the middle third), and every write
// accounted for (each answered write has exactly one upstream call-log row with the same
// outcome). Prints a table and writes bench/results/soak.json; exits 1 when a check fails.
// Run: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm bench:soak [--seconds 60]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { bundleServer, freePort, processMemoryMb, TESSERA_BUNDLE } from './harness.ts';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1] ?? 60) || 60;
const SERVER_URL = process.env.DATABASE_URL;
if (!SERVER_URL) {
  console.error('bench:soak needs a PostgreSQL server: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}

const dbName = `tessera_soak_${Date.now()}`;
const admin = new pg.Client({ connectionString: SERVER_URL });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-soak-'));

await bundleServer(); // as `pnpm start` runs the server
const child = spawn(process.execPath, [TESSERA_BUNDLE], {
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    JWT_SECRET: randomBytes(32).toString('hex'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
child.stdout.on('data', (chunk) => (log += chunk));
child.stderr.on('data', (chunk) => (log += chunk));
const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
const url = await new Promise<string>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
  const check = () => {
    const match = /Tessera is running at (http:\/\/\S+)/.exec(log);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]!);
    } else setTimeout(check, 100);
  };
  check();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const login = async (email: string) =>
  (
    await gql<{ login: { token: string } }>(
      'mutation ($e: String!) { login(email: $e, password: "tessera-demo") { token } }',
      { e: email },
    )
  ).login.token;
const soakDb = new pg.Client({ connectionString: databaseUrl });
await soakDb.connect();
const idOf = async (company: string, endpoint: string) =>
  (
    await soakDb.query<{ company: string; endpoint: string }>(
      'SELECT c.id AS company, e.id AS endpoint FROM companies c JOIN api_endpoints e ON e.company_id = c.id WHERE c.slug = $1 AND e.slug = $2',
      [company, endpoint],
    )
  ).rows[0]!;

const ceo = await login('ceo@demo.test');
const dev = await login('dev@demo.test');
const sales = await idOf('acme', 'sales-api');
const finance = await idOf('acme', 'finance-api');
const github = await idOf('acme', 'github-api');
const accounts = await gql<{ readOperation: { data: { records?: { Id: string }[]; items?: { id: string }[] } } }>(
  'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts", params: { limit: 1 }) { data } }',
  { c: sales.company, e: sales.endpoint },
  ceo,
);
const accountId = JSON.stringify(accounts.readOperation.data).match(/"(?:Id|id)":"([^"]+)"/)?.[1];
if (!accountId) throw new Error('no account to create opportunities for');

// RSS of the server process, sampled every second (Linux /proc).
const rss: number[] = [];
const sampler = setInterval(() => {
  try {
    rss.push(processMemoryMb(child.pid!).rss);
  } catch {
    // the process is gone: the exit check reports it
  }
}, 1000);

const writes = { ok: 0, rateLimited: 0, other: 0 };
const WRITERS = 5;
const post = (token: string, query: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables }),
});
const run = (connections: number, requests: autocannon.Request[]) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration: SECONDS, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });

const started = Date.now();
const [reads, dashboards, writeRun] = await Promise.all([
  // 35 users browsing: their companies, their APIs, cached and uncached reads.
  run(35, [
    post(dev, '{ myCompanies { id name } }'),
    post(dev, 'query ($c: ID!) { myEndpoints(companyId: $c) { access endpoint { name operations { key method } } } }', {
      c: github.company,
    }),
    post(
      ceo,
      'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "getCashBalance") { status cached } }',
      { c: finance.company, e: finance.endpoint },
    ),
  ]),
  // 10 dashboards.
  run(10, [
    post(ceo, 'query ($c: ID!) { dashboard(companyId: $c) { widgets { id value error } } }', { c: sales.company }),
  ]),
  // 5 people writing (past the endpoint's budget on purpose: refusals must be accounted too).
  run(WRITERS, [
    {
      ...post(
        ceo,
        'mutation ($c: ID!, $e: ID!, $b: JSON) { writeOperation(companyId: $c, endpointId: $e, operation: "createOpportunity", body: $b) { status } }',
        {
          c: sales.company,
          e: sales.endpoint,
          b: { name: 'Soak deal', amount: 1, accountId },
        },
      ),
      onResponse: (_status: number, body: string) => {
        const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        if (!parsed.errors) writes.ok += 1;
        else if (parsed.errors[0]?.extensions?.code === 'RATE_LIMITED') writes.rateLimited += 1;
        else writes.other += 1;
      },
    },
  ]),
]);
clearInterval(sampler);
const elapsed = (Date.now() - started) / 1000;

child.kill('SIGTERM');
const exitCode = await exited;
const calls = await soakDb.query<{ outcome: string; n: string }>(
  "SELECT outcome, count(*) AS n FROM upstream_calls WHERE method = 'POST' AND source <> 'credential_test' GROUP BY outcome",
);
const byOutcome = Object.fromEntries(calls.rows.map((r) => [r.outcome, Number(r.n)]));
await soakDb.end();
await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin.end();
rmSync(dataDir, { recursive: true, force: true });

const all = [reads, dashboards, writeRun];
const fiveXX = all.reduce((n, r) => n + r['5xx'], 0);
const third = Math.floor(rss.length / 3);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const middle = mean(rss.slice(third, 2 * third));
const last = mean(rss.slice(2 * third));
const failedWrites = writes.other;
// An answered write is one the upstream received: ok, or an upstream error; each has one row.
const loggedAnswered = (byOutcome.ok ?? 0) + (byOutcome.upstream_error ?? 0);
/** `logged` has every answered one, plus at most `inFlight` whose answers came after the stop. */
const within = (answered: number, logged: number, inFlight: number) =>
  logged >= answered && logged - answered <= inFlight;
const checks = [
  { name: 'no 5xx', pass: fiveXX === 0, value: fiveXX },
  {
    name: 'no unhandled rejection or uncaught exception',
    pass: !/unhandled|uncaught/i.test(log),
    value: /unhandled|uncaught/i.test(log) ? 'found in log' : 'none',
  },
  { name: 'clean shutdown (exit 0)', pass: exitCode === 0, value: exitCode },
  {
    name: 'memory stable: last third ≤ 1.25 × middle third',
    pass: last <= middle * 1.25,
    value: `${middle.toFixed(0)} → ${last.toFixed(0)} MB`,
  },
  // Writes still in flight when the load stops reach the upstream (and the log) without their
  // answer being counted: at most one per writing connection, hence the small allowance.
  {
    name: 'every write accounted for: each answer has its call-log row',
    pass:
      within(writes.ok + failedWrites, loggedAnswered, WRITERS) &&
      within(writes.rateLimited, byOutcome.rate_limited ?? 0, WRITERS),
    value: `answered ${writes.ok + failedWrites} / logged ${loggedAnswered}; refused ${writes.rateLimited} / logged ${byOutcome.rate_limited ?? 0}`,
  },
];
const summary = {
  seconds: Math.round(elapsed),
  virtualUsers: 50,
  requests: all.reduce((n, r) => n + r.requests.total, 0),
  requestsPerSecond: Math.round(all.reduce((n, r) => n + r.requests.average, 0)),
  latencyP50Ms: { reads: reads.latency.p50, dashboards: dashboards.latency.p50, writes: writeRun.latency.p50 },
  latencyP99Ms: { reads: reads.latency.p99, dashboards: dashboards.latency.p99, writes: writeRun.latency.p99 },
  peakRssMb: Math.round(Math.max(...rss)),
  writes,
  callLog: byOutcome,
  checks,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/soak.json', `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify({ ...summary, checks: undefined }, null, 2));
for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.value}`);
process.exit(checks.every((c) => c.pass) ? 0 : 1);
