// Named prepared statements (prepared.ts) on the application's pool: the same rows as the same
// SQL through Prisma, under the same row security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { worldIds, type WorldIds } from '../../test/world.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { loadCallFacts } from '../gateway/call-facts.ts';
import { asSystem, withCompany } from './row-security/scope.ts';

let server: TestServer;
let ids: WorldIds;
beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
});
afterAll(() => server?.close());

const onPostgres = Boolean(process.env.DATABASE_URL);

describe('prepared statements', () => {
  it(`give the rows the same SQL gives through Prisma, in one statement (${onPostgres ? 'by name on the scoped pool' : 'PGlite: through Prisma'})`, async () => {
    server.sql.length = 0;
    const principal = await asSystem('test', () => loadPrincipal(server.tessera.appDb, ids.user.ceo!));
    // Counted like any other statement (the prepared runner reports its text to the same hook).
    expect(server.sql).toHaveLength(1);
    expect(server.sql[0]).toContain('FROM users u');
    expect(principal).toEqual(await asSystem('test', () => loadPrincipal(server.db, ids.user.ceo!)));
    expect(principal!.memberships.map((m) => m.companyId).sort()).toEqual([ids.company.acme!, ids.company.globex!].sort());
  });

  it("are bound by row security: another company's endpoint is not found in a company's scope", async () => {
    const globexEndpoint = await server.db.apiEndpoint.findFirstOrThrow({ where: { companyId: ids.company.globex! }, include: { operations: true } });
    const ask = () => loadCallFacts(server.tessera.appDb, { companyId: ids.company.globex!, endpointId: globexEndpoint.id, operationKey: globexEndpoint.operations[0]!.key, roleIds: [] });
    expect(await withCompany(ids.company.acme!, ask)).toBeNull();
    const seen = await withCompany(ids.company.globex!, ask);
    expect(seen).toMatchObject({ id: globexEndpoint.id, companyId: ids.company.globex!, operation: { key: globexEndpoint.operations[0]!.key }, grants: [] });
  });
});
