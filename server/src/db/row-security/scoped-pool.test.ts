// The scoped pool's connection choice: statements of a scope go to an idle connection that
// already carries it, so requests that interleave scopes (the caller is loaded in the system
// scope, then the request runs in its companies) pay no `set_config` round trip per statement.
import { afterAll, describe, expect } from 'vitest';
import { serverTest as it } from '../../../test/fixture.ts';
import { SET_SCOPE_SQL } from './scope-settings.ts';
import { ScopedPool } from './scoped-pool.ts';
import { asSystem, withCompany } from './scope.ts';

const postgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!postgres)(
  postgres
    ? 'the scoped pool (PostgreSQL)'
    : 'the scoped pool (skipped: PGlite has one connection and no pool; CI runs it on PostgreSQL)',
  () => {
    let pool: ScopedPool;
    let scopeSets = 0;

    it.beforeAll(({ server }) => {
      pool = new ScopedPool({ connectionString: server.config.databaseUrl!, max: 4 }, () => undefined);
      pool.on('connect', (client) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as { query: unknown }).query = (...args: unknown[]) => {
          if (args[0] === SET_SCOPE_SQL) scopeSets += 1;
          return query(...args);
        };
      });
    });
    afterAll(() => pool?.end());

    it('sends statements of alternating scopes to connections that carry them: no set_config after the first of each', async ({
      server,
    }) => {
      const companyId = (await server.db.company.findFirstOrThrow({ where: { slug: 'acme' } })).id;
      const inCompany = () => withCompany(companyId, () => pool.run({ text: 'SELECT count(*) FROM api_endpoints' }));
      const inSystem = () => asSystem('pool test', () => pool.run({ text: 'SELECT 1' }));
      await Promise.all([inCompany(), inSystem()]); // two connections, one in each scope
      scopeSets = 0;
      for (let i = 0; i < 20; i += 1) {
        await inSystem();
        await inCompany();
      }
      expect(scopeSets).toBe(0);
    });

    it('still puts the right scope on whatever connection a statement gets', async () => {
      const rows = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          i % 2 === 0
            ? asSystem('pool test', () =>
                pool.run({ text: "SELECT current_setting('tessera.all_companies', true) AS all" }),
              )
            : withCompany('00000000-0000-4000-8000-000000000001', () =>
                pool.run({ text: "SELECT current_setting('tessera.all_companies', true) AS all" }),
              ),
        ),
      );
      for (const [i, result] of rows.entries()) expect(result.rows[0].all).toBe(i % 2 === 0 ? 'on' : '');
    });
  },
);
