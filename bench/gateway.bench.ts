// Gateway benchmark: what one call through the gateway costs over a direct request to the same
// sandbox operation, and what the cache saves when the API takes 20 ms. Prints a table and
// writes bench/results/gateway.json. Run: pnpm bench:gateway [--quick]
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { loadPrincipal } from '../server/src/auth/principal.ts';
import { loadConfig } from '../server/src/config.ts';
import { createLogger } from '../server/src/lib/logger.ts';
import { demoCredential } from '../server/src/sandbox/credentials.ts';
import { loadOrCreateLocalSecret } from '../server/src/lib/local-secret.ts';
import { startTessera } from '../server/src/tessera.ts';
import { alternate, percentile, round2 } from './stats.ts';

const quick = process.argv.includes('--quick');
const PER_ROUND = quick ? 100 : 400;
const ROUNDS = 3;

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', SANDBOX_PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'silent', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
const tessera = await startTessera({ config, logger: createLogger('silent') });
try {
  const sandbox = tessera.sandbox!;
  const db = tessera.db;
  const endpoint = await db.apiEndpoint.findFirstOrThrow({ where: { slug: 'finance-api', company: { slug: 'acme' } } });
  const ceo = await db.user.findUniqueOrThrow({ where: { email: 'ceo@demo.test' } });
  const principal = (await loadPrincipal(db, ceo.id))!;
  const { secret } = demoCredential(loadOrCreateLocalSecret(dataDir, 'sandbox-secret').value, 'acme', 'finance', 'API_KEY', sandbox.url);
  const directUrl = `${endpoint.baseUrl}/cash-balance`;
  const direct = async () => {
    const res = await request(directUrl, { headers: { 'x-api-key': String(secret.apiKey), accept: 'application/json' } });
    await res.body.json();
  };
  const viaGateway = () => tessera.gateway.call({ principal, companyId: endpoint.companyId, endpointId: endpoint.id, operationKey: 'getCashBalance', mode: 'read', source: 'bench' });
  const token = (
    (await (await fetch(`${tessera.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(email: "ceo@demo.test", password: "tessera-demo") { token } }' }) })).json()) as {
      data: { login: { token: string } };
    }
  ).data.login.token;
  const body = JSON.stringify({ query: `{ readOperation(companyId: "${endpoint.companyId}", endpointId: "${endpoint.id}", operation: "getCashBalance") { status } }` });
  const viaGraphql = async () => {
    const res = await request(`${tessera.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    await res.body.json();
  };
  await db.apiEndpoint.update({ where: { id: endpoint.id }, data: { rateLimitPerMinute: 1_000_000, cacheTtlSeconds: 0 } });

  const scenarios: Record<string, unknown>[] = [];
  const overhead = async (name: string, fn: () => Promise<unknown>) => {
    const { a, b } = await alternate(ROUNDS, PER_ROUND, direct, fn);
    const row = {
      name,
      direct_p50_ms: round2(percentile(a, 50)),
      direct_p99_ms: round2(percentile(a, 99)),
      p50_ms: round2(percentile(b, 50)),
      p99_ms: round2(percentile(b, 99)),
      overhead_p50_ms: round2(percentile(b, 50) - percentile(a, 50)),
      overhead_p99_ms: round2(percentile(b, 99) - percentile(a, 99)),
    };
    scenarios.push(row);
  };
  await overhead('gateway.call (in process, cache off) vs direct undici', viaGateway);
  await overhead('readOperation over HTTP (cache off) vs direct undici', viaGraphql);

  sandbox.knobs.latencyMs = 20;
  const uncached = () => viaGateway();
  const warm = async () => {
    await db.apiEndpoint.update({ where: { id: endpoint.id }, data: { cacheTtlSeconds: 300 } });
  };
  const { a: slow } = await alternate(1, quick ? 30 : 100, uncached, uncached);
  await warm();
  await viaGateway();
  const { a: fast } = await alternate(1, quick ? 300 : 1000, viaGateway, viaGateway);
  scenarios.push({
    name: 'cached vs uncached read, upstream latency 20 ms',
    uncached_p50_ms: round2(percentile(slow, 50)),
    cached_p50_ms: round2(percentile(fast, 50)),
    speedup_p50: round2(percentile(slow, 50) / percentile(fast, 50)),
  });

  console.table(scenarios);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/gateway.json', import.meta.url), `${JSON.stringify({ database: tessera.databaseKind, quick, scenarios }, null, 2)}\n`);
} finally {
  await tessera.close();
  rmSync(dataDir, { recursive: true, force: true });
}
