// The response cache, with the upstream API taking 20 ms (sandbox latency knob): a cached read
// ÷ an uncached one at p50 (the endpoint's cache lifetime is switched between blocks), over HTTP
// from the Tessera process and, where the cache sits, at the gateway (`Gateway.call` of the
// bench's in-process Tessera: the same policy, facts, rate limit and cache, without the HTTP and
// GraphQL round trip both sides share); and 50 concurrent identical misses, which must reach the
// upstream API once.
import { postGraphql, type Scenario } from '../harness.ts';
import { readOperationQuery } from '../queries.ts';
import { alternate, percentile, round2 } from '../stats.ts';
import { setCacheTtl } from '../world.ts';
import { loadPrincipal } from '../../server/src/auth/principal.ts';
import type { Db } from '../../server/src/db/client.ts';

const userId = async (db: Db, email: string) =>
  (await db.user.findFirstOrThrow({ where: { email }, select: { id: true } })).id;

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
      const read = (params?: Record<string, unknown>) =>
        postGraphql<{ readOperation: { cached: boolean } }>(
          ctx.tessera.url,
          JSON.stringify(readOperationQuery(finance.companyId, finance.endpointId, 'listPayments', params)),
          ctx.tokens.ceo,
        );
      const uncached = async () => {
        if ((await read({ limit: 5 })).readOperation.cached)
          throw new Error('a read with the cache off came from the cache');
      };
      const cached = async () => {
        if (!(await read({ limit: 5 })).readOperation.cached)
          throw new Error('a read with the cache on missed the cache');
      };
      const { a: slow, b: fast } = await alternate(ctx.rounds, ctx.samples, uncached, cached, {
        beforeA: () => setCacheTtl(ctx.ownerUrl, finance.endpointId, 0),
        beforeB: async () => {
          await setCacheTtl(ctx.ownerUrl, finance.endpointId, 300);
          return read({ limit: 5 });
        },
      });
      const speedup = percentile(slow, 50) / percentile(fast, 50);

      const { tessera } = ctx.inProcess;
      const principal = (await loadPrincipal(tessera.db, await userId(tessera.db, 'ceo@demo.test')))!;
      const call = (expectCached: boolean) => async () => {
        const result = await tessera.gateway.call({
          principal,
          companyId: finance.companyId,
          endpointId: finance.endpointId,
          operationKey: 'listPayments',
          params: { limit: 5 },
          mode: 'read',
          source: 'bench',
        });
        if (result.cached !== expectCached)
          throw new Error(`a gateway read with the cache ${expectCached ? 'on missed' : 'off came from'} the cache`);
      };
      const { a: slowCall, b: fastCall } = await alternate(ctx.rounds, ctx.samples, call(false), call(true), {
        beforeA: () => setCacheTtl(ctx.ownerUrl, finance.endpointId, 0),
        beforeB: async () => {
          await setCacheTtl(ctx.ownerUrl, finance.endpointId, 300);
          return call(false)().catch(() => undefined);
        },
      });
      const gatewaySpeedup = percentile(slowCall, 50) / percentile(fastCall, 50);

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
          metric: `p50 latency (ms) of Gateway.call, cached (value) vs uncached (baseline), upstream ${LATENCY_MS} ms; ratio = × faster`,
          value: round2(percentile(fastCall, 50)),
          baseline: round2(percentile(slowCall, 50)),
          ratio: round2(gatewaySpeedup),
          target: `≥ ${MIN_SPEEDUP}× faster`,
          pass: gatewaySpeedup >= MIN_SPEEDUP,
          note: 'the in-process Tessera of the bench (same database, Redis and sandbox), one call at a time',
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
