// What PostgreSQL row-level security costs: the dashboard load on Tessera with
// DATABASE_ROW_SECURITY=true (the main process) ÷ a second process with it false.
import { alternateLoad, ratioRow, TESSERA_BUNDLE, type Scenario, type ServerProcess } from '../harness.ts';
import { dashboardRequests } from './dashboard.ts';

export const rowSecurity: Scenario<ServerProcess> = {
  name: 'row_security',
  prepare: (ctx) => ctx.start(TESSERA_BUNDLE, ctx.tesseraEnv({ DATABASE_ROW_SECURITY: 'false' })),
  async run(ctx, off) {
    const requests = dashboardRequests(ctx);
    const { a, b } = await alternateLoad(
      ctx.rounds,
      ctx.loadSeconds,
      { url: ctx.tessera.url, requests },
      { url: off.url, requests },
    );
    return [
      ratioRow(
        'row_security',
        'dashboard requests/s, row security on ÷ off',
        a,
        b,
        0.85,
        'the same dashboard load; a second `pnpm start` server with DATABASE_ROW_SECURITY=false',
      ),
    ];
  },
};
