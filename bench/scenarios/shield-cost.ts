// What graphql-shield costs on a large answer: a 1,000-row list from the Tessera under test
// (shield on) ÷ the same from `pnpm start` with a schema built without the shield
// (bench/baselines/no-shield.schema.ts in place of server/src/graphql/schema.ts).
import { alternateLoad, graphqlRequest, ratioRow, type Scenario, type ServerProcess } from '../harness.ts';
import { endpointListQuery } from '../queries.ts';

/** The no-shield variant: `pnpm start`'s server, bundled with the schema module swapped (bench/run.ts builds it first). */
export const NO_SHIELD_ENTRY = 'server/src/main.ts';
export const NO_SHIELD_BUNDLE = 'server/dist/no-shield.server.mjs';
export const NO_SHIELD_REPLACE = { 'server/src/graphql/schema.ts': 'bench/baselines/no-shield.schema.ts' };

export const shieldCost: Scenario<ServerProcess> = {
  name: 'shield_cost',
  prepare: (ctx) => ctx.start(NO_SHIELD_BUNDLE, ctx.tesseraEnv()),
  async run(ctx, noShield) {
    const list = endpointListQuery(ctx.world.wide.companyId);
    const requests = [graphqlRequest(list.query, list.variables, ctx.tokens.admin)];
    const { a, b } = await alternateLoad(
      ctx.rounds,
      ctx.loadSeconds,
      { url: ctx.tessera.url, requests },
      { url: noShield.url, requests },
    );
    return [
      ratioRow(
        'shield_cost',
        'requests/s of a 1,000-row list, shield on ÷ off',
        a,
        b,
        0.85,
        'endpoints(companyId) of a company with 1,000 endpoints, 6 fields each; shield off: bench/baselines/no-shield.schema.ts',
      ),
    ];
  },
};
