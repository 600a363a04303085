// The response cache, with the upstream API taking 20 ms (sandbox latency knob): a cached read
// ÷ an uncached one at p50 over HTTP (the endpoint's cache lifetime is switched between blocks),
// and 50 concurrent identical misses, which must reach the upstream API once.
import { gql, type Scenario } from '../harness.ts';
import { readOperationQuery } from '../queries.ts';
import { alternate, percentile, round2 } from '../stats.ts';
import { setCacheTtl } from '../world.ts';

const LATENCY_MS = 20;
const MIN_SPEEDUP = 20;
const CONCURRENT = 50;

export const cacheHit: Scenario = {
  name: 'cache_hit',
  async run(ctx) {
    const { finance } = ctx.world;
    const scope = { company: 'acme', service: 'finance' };
    ctx.sandbox.knobs.setLatency(LATENCY_MS, scope);
    try {
      const read = (params?: Record<string, unknown>) => {
        const { query, variables } = readOperationQuery(finance.companyId, finance.endpointId, 'listPayments', params);
        return gql<{ readOperation: { cached: boolean } }>(ctx.tessera.url, query, variables, ctx.tokens.ceo);
      };
      const uncached = async () => {
        if ((await read({ limit: 5 })).readOperation.cached) throw new Error('a read with the cache off came from the cache');
      };
      const cached = async () => {
        if (!(await read({ limit: 5 })).readOperation.cached) throw new Error('a read with the cache on missed the cache');
      };
      const { a: slow, b: fast } = await alternate(ctx.rounds, ctx.samples, uncached, cached, {
        beforeA: () => setCacheTtl(ctx.ownerUrl, finance.endpointId, 0),
        beforeB: async () => (await setCacheTtl(ctx.ownerUrl, finance.endpointId, 300), read({ limit: 5 })),
      });
      const speedup = percentile(slow, 50) / percentile(fast, 50);

      // A key no earlier read used, so every one of the 50 is a miss.
      const before = ctx.sandbox.stats.requests['acme/finance'] ?? 0;
      await Promise.all(Array.from({ length: CONCURRENT }, () => read({ limit: 42 })));
      const upstream = (ctx.sandbox.stats.requests['acme/finance'] ?? 0) - before;
      return [
        {
          name: 'cache_hit',
          metric: `p50 latency (ms), cached (value) vs uncached (baseline), upstream ${LATENCY_MS} ms; ratio = × faster`,
          value: round2(percentile(fast, 50)),
          baseline: round2(percentile(slow, 50)),
          ratio: round2(speedup),
          target: `≥ ${MIN_SPEEDUP}× faster`,
          pass: speedup >= MIN_SPEEDUP,
        },
        {
          name: 'cache_hit',
          metric: `upstream requests for ${CONCURRENT} concurrent identical misses`,
          value: upstream,
          baseline: CONCURRENT,
          ratio: round2(upstream / CONCURRENT),
          target: '= 1',
          pass: upstream === 1,
        },
      ];
    } finally {
      ctx.sandbox.knobs.setLatency(null, scope);
      await setCacheTtl(ctx.ownerUrl, finance.endpointId, 0);
    }
  },
};
