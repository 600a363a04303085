// The admin access matrix of a company with 20 roles × 50 endpoints (a role's row at a time, with
// operations and company) and a person's myEndpoints with operations, as one load: Tessera ÷ a
// hand-written graphql-js + pg server.
import type autocannon from 'autocannon';
import {
  alternateLoad,
  CONNECTIONS,
  graphqlRequest,
  ratioRow,
  type BenchContext,
  type Scenario,
  type ServerProcess,
} from '../harness.ts';
import { matrixQuery, myEndpointsQuery } from '../queries.ts';

/**
 * The dashboard load, shared by the memory and row_security scenarios: the admin walking through
 * the matrix one role at a time (all 20 rows in turn), each row followed by a person's
 * myEndpoints.
 */
export function dashboardRequests(ctx: BenchContext): autocannon.Request[] {
  const { companyId, roleIds } = ctx.world.matrix;
  const mine = myEndpointsQuery(companyId);
  return roleIds.flatMap((roleId) => {
    const row = matrixQuery(roleId, companyId);
    return [
      graphqlRequest(row.query, row.variables, ctx.tokens.admin),
      graphqlRequest(mine.query, mine.variables, ctx.tokens.dev),
    ];
  });
}

export const dashboard: Scenario<ServerProcess> = {
  name: 'dashboard',
  prepare: (ctx) =>
    ctx.start('bench/baselines/dashboard.server.ts', {
      ...process.env,
      DATABASE_URL: ctx.ownerUrl,
      JWT_SECRET: ctx.tesseraEnv().JWT_SECRET,
    }),
  async run(ctx, baseline) {
    const requests = dashboardRequests(ctx);
    const { a, b } = await alternateLoad(
      ctx.rounds,
      ctx.loadSeconds,
      { url: ctx.tessera.url, requests },
      { url: baseline.url, requests },
    );
    return [
      ratioRow(
        'dashboard',
        `requests/s (matrix rows of 20 roles × 50 endpoints, myEndpoints), ${CONNECTIONS} connections`,
        a,
        b,
        0.7,
        'baseline: bench/baselines/dashboard.server.ts (hand-written SQL as the owner, no row security)',
      ),
    ];
  },
};
