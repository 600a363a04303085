// The benchmark suite (issue #8): every scenario against its baseline, alternated A B A B after a
// warm-up, in one run on one machine, so that ratios hold even where absolute numbers wander.
// Writes bench/results/latest.json and latest.md (a run of some scenarios, --only, writes
// partial.json and partial.md instead, so the published table is always a whole run). Exits 1
// only when a scenario errors, never for a missed target.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm bench [--quick] [--only a,b] [--profile]
//
// It creates its own database on that server (dropped at the end), migrates and seeds it with an
// in-process Tessera (which also runs the demo sandbox APIs), adds the benchmark data
// (bench/world.ts), and runs Tessera as `pnpm start` does, in a child process, for the load.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { createLogger } from '../server/src/lib/logger.ts';
import { loadOrCreateLocalSecret } from '../server/src/lib/local-secret.ts';
import { startTessera } from '../server/src/tessera.ts';
import {
  bundleServer,
  createBenchDatabase,
  login,
  startProcess,
  TESSERA_BUNDLE,
  type BenchContext,
  type Scenario,
  type ScenarioResult,
  type ServerProcess,
} from './harness.ts';
import { cacheHit } from './scenarios/cache-hit.ts';
import { dashboard } from './scenarios/dashboard.ts';
import { gatewayOverhead } from './scenarios/gateway-overhead.ts';
import { health } from './scenarios/health.ts';
import { importEventLoop } from './scenarios/import-event-loop.ts';
import { schemaCompileEventLoop } from './scenarios/schema-compile-event-loop.ts';
import { memory } from './scenarios/memory.ts';
import { rowSecurity } from './scenarios/row-security.ts';
import { NO_SHIELD_BUNDLE, NO_SHIELD_ENTRY, NO_SHIELD_REPLACE, shieldCost } from './scenarios/shield-cost.ts';
import { sqlPerRequest } from './scenarios/sql-per-request.ts';
import { startup } from './scenarios/startup.ts';
import { seedBenchWorld } from './world.ts';

// Each scenario has its own prepared value (the processes it started).
// biome-ignore lint/suspicious/noExplicitAny: each scenario prepares its own kind of value; the list holds them all.
const SCENARIOS: Scenario<any>[] = [
  health,
  dashboard,
  memory,
  rowSecurity,
  sqlPerRequest,
  shieldCost,
  gatewayOverhead,
  cacheHit,
  startup,
  importEventLoop,
  schemaCompileEventLoop,
];
const READY = /(?:Tessera is running at|BENCH_READY) (\S+)/;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// --profile: the server processes write V8 CPU profiles (open them in Chrome DevTools) for finding what to fix.
const profileDir = args.includes('--profile') ? new URL('./results/profiles/', import.meta.url).pathname : null;
const only = args.includes('--only') ? new Set(String(args[args.indexOf('--only') + 1] ?? '').split(',')) : null;
const selected = SCENARIOS.filter((s) => !only || only.has(s.name));
if (only && selected.length !== only.size) {
  console.error(`--only takes scenario names among: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error(
    'pnpm bench runs against PostgreSQL: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm bench [--quick]',
  );
  process.exit(2);
}

const began = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${message}`);
const processes: ServerProcess[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
const results: ScenarioResult[] = [];
let errored = false;

try {
  const database = await createBenchDatabase(process.env.DATABASE_URL);
  cleanup.unshift(() => database.drop());
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  cleanup.unshift(async () => rmSync(dataDir, { recursive: true, force: true }));

  // Every Tessera of the run shares the database, DATA_DIR, keys and session secret: a token
  // from one is good at all of them. Logs at warn: per-request log lines are not what is measured.
  const { DATABASE_APP_URL: _appUrl, ...inherited } = process.env;
  const baseEnv: Record<string, string | undefined> = {
    ...inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    TESSERA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'warn',
    DATABASE_ROW_SECURITY: 'true',
  };

  log('migrating and seeding the bench database (in-process Tessera with the demo sandbox)');
  const sql: string[] = [];
  const config = loadConfig({ ...baseEnv, PORT: '0', SANDBOX_PORT: '0', SEED_DEMO: 'true' } as NodeJS.ProcessEnv);
  const inProcess = await startTessera({
    config,
    logger: createLogger('silent'),
    sandbox: true,
    db: { onQuery: (q) => sql.push(q) },
  });
  cleanup.unshift(() => inProcess.close());
  const sandbox = inProcess.sandbox!;
  const world = await seedBenchWorld(database.url);

  const tesseraEnv = (overrides: Record<string, string> = {}) => ({
    ...baseEnv,
    PORT: '0',
    SEED_DEMO: 'false',
    UPSTREAM_ALLOW_HOSTS: new URL(sandbox.url).host,
    ...overrides,
  });
  const start = async (script: string, env: Record<string, string | undefined>) => {
    const server = await startProcess(script, env, READY, {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    processes.push(server);
    return server;
  };
  // The Tessera under test and every scenario's own processes start together, before anything
  // is measured (each `start` waits for its server to be ready); a scenario whose preparation
  // failed reports the error when its turn comes.
  // Tessera runs as `pnpm start` runs it: bundled (scripts/build-server.mjs), not through tsx.
  log('bundling the server as `pnpm start` does');
  await Promise.all([bundleServer(), bundleServer(NO_SHIELD_ENTRY, NO_SHIELD_BUNDLE, NO_SHIELD_REPLACE)]);
  log(`starting Tessera (${TESSERA_BUNDLE}, PostgreSQL, row security on), the baselines and the other processes`);
  const prepareContext = { quick, ownerUrl: database.url, tesseraEnv, start };
  const [tessera, prepared] = await Promise.all([
    start(TESSERA_BUNDLE, tesseraEnv()),
    Promise.all(
      selected.map((scenario) =>
        (scenario.prepare ? scenario.prepare(prepareContext) : Promise.resolve()).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
      ),
    ),
  ]);
  const [admin, dev, ceo] = await Promise.all(
    ['admin@demo.test', 'dev@demo.test', 'ceo@demo.test'].map((email) => login(tessera.url, email)),
  );

  const ctx: BenchContext = {
    quick,
    rounds: 3,
    loadSeconds: quick ? 2 : 10,
    samples: quick ? 40 : 300,
    ownerUrl: database.url,
    tesseraEnv,
    world,
    tokens: { admin: admin!, dev: dev!, ceo: ceo! },
    tessera,
    inProcess: { url: inProcess.url, sql, tessera: inProcess },
    sandbox,
    sandboxSecret: loadOrCreateLocalSecret(dataDir, 'sandbox-secret').value,
    start,
  };

  for (const [i, scenario] of selected.entries()) {
    log(`${scenario.name}…`);
    try {
      const ready = prepared[i]!;
      if ('error' in ready) throw ready.error;
      const rows = await scenario.run(ctx, ready.value);
      results.push(...rows);
      for (const row of rows)
        log(
          `  ${row.pass ? 'PASS' : 'MISS'} ${row.name}: ${row.value} (${row.metric}; baseline ${row.baseline}, ratio ${row.ratio}, target ${row.target})`,
        );
    } catch (error) {
      errored = true;
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        name: scenario.name,
        metric: 'error',
        value: null,
        baseline: null,
        ratio: null,
        target: '',
        pass: false,
        note: message.slice(0, 500),
      });
      log(`  ERROR ${scenario.name}: ${message}`);
    }
  }
} catch (error) {
  errored = true;
  console.error('the bench could not set up:', error);
} finally {
  for (const server of processes.splice(0)) await server.stop().catch(() => undefined);
  for (const step of cleanup) await step().catch((error: unknown) => console.error('cleanup:', error));
}

const report = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  database: 'postgres',
  seconds: Math.round((performance.now() - began) / 1000),
  scenarios: results,
};
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const stem = only ? 'partial' : 'latest';
writeFileSync(new URL(`${stem}.json`, resultsDir), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(new URL(`${stem}.md`, resultsDir), markdown(report));
console.log(`\n${markdown(report)}`);
process.exit(errored ? 1 : 0);

function markdown(r: typeof report): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '–' : String(v).replaceAll('|', '\\|'));
  const lines = [
    `| scenario | metric | Tessera | baseline | ratio | target | pass |`,
    `| --- | --- | ---: | ---: | ---: | --- | --- |`,
    ...r.scenarios.map(
      (s) =>
        `| \`${s.name}\` | ${cell(s.metric)} | ${cell(s.value)} | ${cell(s.baseline)} | ${cell(s.ratio)} | ${cell(s.target)} | ${s.metric === 'error' ? `error: ${cell(s.note)}` : s.pass ? 'yes' : '**no**'} |`,
    ),
  ];
  const mode = `\`pnpm bench${r.quick ? ' --quick' : ''}${only ? ` --only ${[...only].join(',')}` : ''}\``;
  return `${mode}, ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}, PostgreSQL; ${r.seconds} s.\n\n${lines.join('\n')}\n`;
}
