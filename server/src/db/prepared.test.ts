// Named prepared statements (prepared.ts) on the application's pool: the same rows as the same
// SQL through Prisma, under the same row security.
import { describe, expect } from 'vitest';
import { serverTest as it } from '../../test/fixture.ts';
import { loadPrincipal } from '../auth/principal.ts';
import { loadCallFacts } from '../gateway/call-facts.ts';
import { asSystem, withCompany } from './row-security/scope.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe('prepared statements', () => {
  it(`give the rows the same SQL gives through Prisma, in one statement (${onPostgres ? 'by name on the scoped pool' : 'PGlite: through Prisma'})`, async ({
    server,
    world,
  }) => {
    server.sql.length = 0;
    const principal = await asSystem('test', () => loadPrincipal(server.tessera.appDb, world.user.ceo!));
    // Counted like any other statement (the prepared runner reports its text to the same hook).
    expect(server.sql).toHaveLength(1);
    expect(server.sql[0]).toContain('FROM users u');
    expect(principal).toEqual(await asSystem('test', () => loadPrincipal(server.db, world.user.ceo!)));
    expect(principal!.memberships.map((m) => m.companyId).sort()).toEqual(
      [world.company.acme!, world.company.globex!].sort(),
    );
  });

  it("are bound by row security: another company's endpoint is not found in a company's scope", async ({
    server,
    world,
  }) => {
    const globexEndpoint = await server.db.apiEndpoint.findFirstOrThrow({
      where: { companyId: world.company.globex! },
      include: { operations: true },
    });
    const ask = () =>
      loadCallFacts(server.tessera.appDb, {
        companyId: world.company.globex!,
        endpointId: globexEndpoint.id,
        operationKey: globexEndpoint.operations[0]!.key,
        roleIds: [],
      });
    expect(await withCompany(world.company.acme!, ask)).toBeNull();
    const seen = await withCompany(world.company.globex!, ask);
    expect(seen).toMatchObject({
      id: globexEndpoint.id,
      companyId: world.company.globex!,
      operation: { key: globexEndpoint.operations[0]!.key },
      grants: [],
    });
  });
});
