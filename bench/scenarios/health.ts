// `{ __typename }` over HTTP: Tessera (Express, Apollo, plugins, limits, shield) ÷ graphql-js on node:http.
import { alternateLoad, CONNECTIONS, graphqlRequest, ratioRow, type Scenario, type ServerProcess } from '../harness.ts';
import { HEALTH_QUERY } from '../queries.ts';

export const health: Scenario<ServerProcess> = {
  name: 'health',
  prepare: (ctx) => ctx.start('bench/baselines/health.server.ts', { ...process.env }),
  async run(ctx, baseline) {
    const requests = [graphqlRequest(HEALTH_QUERY)];
    const { a, b } = await alternateLoad(
      ctx.rounds,
      ctx.loadSeconds,
      { url: ctx.tessera.url, requests },
      { url: baseline.url, requests },
    );
    return [
      ratioRow(
        'health',
        `requests/s, ${CONNECTIONS} connections`,
        a,
        b,
        0.6,
        'baseline: bench/baselines/health.server.ts',
      ),
    ];
  },
};
