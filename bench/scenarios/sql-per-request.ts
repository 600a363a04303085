// SQL statements of the nested access-matrix query (a role's row) in a company of 1 role × 1
// endpoint and in one of 20 roles × 50 endpoints: the same number, at most 4, is what per-request
// batching should give. Counted with startTessera's `db.onQuery` on the in-process Tessera,
// leaving out the server's own timers (the same filter as server/src/graphql/sql-count.test.ts).
import { gql, type BenchContext, type Scenario } from '../harness.ts';
import { matrixQuery } from '../queries.ts';
import { round2 } from '../stats.ts';
import { MATRIX_ENDPOINTS, MATRIX_ROLES } from '../world.ts';

const MAX_STATEMENTS = 4;
const isRequestSql = (sql: string) => !/webhook_deliveries|upstream_calls/.test(sql);

/** The statements of one request (after a warm-up run: the first may differ). */
async function statementsFor(ctx: BenchContext, roleId: string, companyId: string): Promise<string[]> {
  const { query, variables } = matrixQuery(roleId, companyId);
  await gql(ctx.inProcess.url, query, variables, ctx.tokens.admin);
  ctx.inProcess.sql.length = 0;
  await gql(ctx.inProcess.url, query, variables, ctx.tokens.admin);
  return ctx.inProcess.sql.filter(isRequestSql);
}

/** "companies, roles, ..." : the table each statement reads first, to show where they go. */
const tablesOf = (statements: string[]) =>
  statements.map((sql) => /\bFROM\s+"?(?:public"?\.)?"?(\w+)/i.exec(sql)?.[1] ?? sql.slice(0, 20)).join(', ');

export const sqlPerRequest: Scenario = {
  name: 'sql_per_request',
  async run(ctx) {
    const smallSql = await statementsFor(ctx, ctx.world.oneByOne.roleIds[0]!, ctx.world.oneByOne.companyId);
    const largeSql = await statementsFor(ctx, ctx.world.matrix.roleIds[0]!, ctx.world.matrix.companyId);
    const [small, large] = [smallSql.length, largeSql.length];
    return [
      {
        name: 'sql_per_request',
        metric: `SQL statements of the matrix query at ${MATRIX_ROLES}×${MATRIX_ENDPOINTS} (value) and at 1×1 (baseline)`,
        value: large,
        baseline: small,
        ratio: round2(large / small),
        target: `equal and ≤ ${MAX_STATEMENTS}`,
        pass: large === small && large <= MAX_STATEMENTS,
        note: `a role's row of the matrix (roleAccess with endpoints, operations, company), loading the caller included; at ${MATRIX_ROLES}×${MATRIX_ENDPOINTS}: ${tablesOf(largeSql)}`,
      },
    ];
  },
};
