// The sign-in page lists demo personas only where the demo world is meant to be.
// Not on serverTest (server/test/fixture.ts): each test starts its own server with other settings
// (SEED_DEMO on and off, production), where the fixture gives a file one server.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { DEMO_USERS } from '../../demo/world.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUERY = '{ demoLogins { email note } }';

describe('demoLogins', () => {
  it('lists every demo persona, without signing in, on a demo installation', async () => {
    server = await startTestServer({ SEED_DEMO: 'true' });
    const res = await server.gql<{ demoLogins: unknown[] }>(QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data!.demoLogins).toEqual(DEMO_USERS.map(({ email, note }) => ({ email, note })));
  });

  it('is empty when the demo world is not seeded', async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    expect((await server.gql<{ demoLogins: unknown[] }>(QUERY)).data!.demoLogins).toEqual([]);
  });

  it('is empty in production even with the demo seeded', async () => {
    server = await startTestServer({
      SEED_DEMO: 'true',
      NODE_ENV: 'production',
      TESSERA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    expect((await server.gql<{ demoLogins: unknown[] }>(QUERY)).data!.demoLogins).toEqual([]);
  });
});
