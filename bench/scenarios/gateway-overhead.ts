// What the gateway adds to a call (policy, credential, rate limit, call log...): `readOperation`
// over HTTP on an operation whose cache is off ÷ what the same answer costs without it, a direct
// undici request to the same sandbox operation plus a signed-in `{ __typename }` round trip to the
// same Tessera process (HTTP, Apollo, the session and the rest of the GraphQL path). Latencies,
// one request at a time.
import { request } from 'undici';
import { demoCredential } from '../../server/src/sandbox/credentials.ts';
import { postGraphql as post, type ScenarioResult, type Scenario } from '../harness.ts';
import { HEALTH_QUERY, readOperationQuery } from '../queries.ts';
import { alternate, percentile, round2 } from '../stats.ts';
import { setCacheTtl } from '../world.ts';

export const gatewayOverhead: Scenario = {
  name: 'gateway_overhead',
  async run(ctx) {
    const { finance } = ctx.world;
    await setCacheTtl(ctx.ownerUrl, finance.endpointId, 0);
    const { secret } = demoCredential(ctx.sandboxSecret, 'acme', 'finance', 'API_KEY', ctx.sandbox.url);
    const direct = async () => {
      const res = await request(`${finance.baseUrl}/cash-balance`, {
        headers: { 'x-api-key': String(secret.apiKey), accept: 'application/json' },
      });
      if (res.statusCode !== 200) throw new Error(`the sandbox answered ${res.statusCode}`);
      await res.body.json();
    };
    const health = JSON.stringify({ query: HEALTH_QUERY });
    const read = JSON.stringify(readOperationQuery(finance.companyId, finance.endpointId, 'getCashBalance'));
    const viaTessera = () => post(ctx.tessera.url, read, ctx.tokens.ceo);
    const baseline = async () => {
      await direct();
      await post(ctx.tessera.url, health, ctx.tokens.ceo);
    };
    const { a, b } = await alternate(ctx.rounds, ctx.samples, viaTessera, baseline);
    const rows: ScenarioResult[] = [];
    for (const [p, limitMs] of [
      [50, 1.5],
      [99, 5],
    ] as const) {
      const overhead = percentile(a, p) - percentile(b, p);
      rows.push({
        name: 'gateway_overhead',
        metric: `p${p} overhead (ms): readOperation p${p} (${round2(percentile(a, p))} ms) − p${p} of direct request + signed-in round trip (baseline)`,
        value: round2(overhead),
        baseline: round2(percentile(b, p)),
        ratio: round2(percentile(a, p) / percentile(b, p)),
        target: `overhead ≤ ${limitMs} ms`,
        pass: overhead <= limitMs,
      });
    }
    return rows;
  },
};
