// The database dropping every connection under load (a restart, a failover) must not take the
// server down: requests in flight fail cleanly with a contract code, and the next ones succeed
// on fresh connections without restarting Tessera. Needs a real PostgreSQL server (PGlite runs
// in process and cannot be cut off), so it runs in CI's PostgreSQL pass.
// Not on serverTest (server/test/fixture.ts): the database is restarted under the running server
// mid-test, and the test owns when its server starts and stops around that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../test/personas.ts';
import { startTestServer, type GqlResponse, type TestServer } from '../../test/harness.ts';
import { withPgClient } from '../../test/database.ts';

const SERVER_URL = process.env.DATABASE_URL;
const CONTRACT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'INTERNAL_SERVER_ERROR',
]);

describe.skipIf(!SERVER_URL)('the database drops every connection under load (PostgreSQL only; CI runs it)', () => {
  let server: TestServer;
  let token: string;
  let databaseName: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login(PERSONAS.ceo);
    databaseName = (await server.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!.name;
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server?.close();
  });

  const myCompanies = () => server.gql<{ myCompanies: { slug: string }[] }>('{ myCompanies { slug } }', {}, token);
  /** Terminates every backend of the test database; answers how many there were. */
  const cutEveryConnection = () =>
    withPgClient(SERVER_URL!, (c) =>
      c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        databaseName,
      ]),
    ).then((r) => r.rowCount ?? 0);

  it('in-flight requests fail with a contract code and no internals; later ones succeed without a restart', async () => {
    expect((await myCompanies()).errors).toBeUndefined();

    // 40 requests in flight while every connection is cut, twice.
    const inFlight: Promise<GqlResponse<{ myCompanies: { slug: string }[] }>>[] = [];
    let terminated = 0;
    for (let i = 0; i < 40; i += 1) {
      inFlight.push(myCompanies());
      if (i === 10 || i === 25) terminated += await cutEveryConnection();
    }
    const answers = await Promise.all(inFlight);
    // The cut really hit the server's connections (else this test would prove nothing).
    expect(terminated).toBeGreaterThan(0);
    console.info(
      `database cut: ${terminated} connections terminated; ${answers.filter((a) => a.errors).length} of 40 requests failed cleanly`,
    );
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(600);
      if (answer.errors) {
        for (const error of answer.errors) {
          expect(CONTRACT_CODES.has(String(error.extensions?.code)), JSON.stringify(error)).toBe(true);
          // No SQL, driver text or stack in what the client sees.
          expect(error.message).not.toMatch(/terminat|pg_|SELECT|ECONN|at \w+ \(/i);
        }
      } else {
        expect(answer.data!.myCompanies.map((c) => c.slug).sort()).toEqual(['acme', 'globex']);
      }
    }

    // Recovery: the pool replaces the dead connections on its own.
    await expect.poll(async () => (await myCompanies()).errors, { timeout: 15_000 }).toBeUndefined();
    const after = await Promise.all(Array.from({ length: 10 }, () => myCompanies()));
    expect(after.every((a) => a.errors === undefined)).toBe(true);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
