// No secret ever leaves the vault: credentials are created with unique marker secrets, every
// credential operation and its error paths run, and then every GraphQL response, every log
// line and every row of every table is searched for the markers (and for pieces of them).
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../test/fixture.ts';
import type { TestServer } from '../../test/harness.ts';
import { snapshot } from '../../test/world.ts';

const responses: unknown[] = [];
const markers: string[] = [];

function marker(label: string): string {
  const value = `MARK${label.toUpperCase()}${randomBytes(12).toString('hex')}`;
  markers.push(value);
  return value;
}

async function call(
  server: TestServer,
  admin: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = admin,
) {
  const res = await server.gql(query, variables, token);
  responses.push(res);
  return res;
}

const it = serverTest.extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin }) => {
  void [admin];
});

const bigintSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? String(v) : v);

describe('secrets never leave the vault', () => {
  it('through every credential operation and error path', async ({ server, world, admin }) => {
    const CREATE = `mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id name kind hint status settings updatedAt lastTestedAt role { key } endpoint { slug } company { slug } } }`;
    const base = { companyId: world.company.acme, endpointId: world.endpoint['acme/hr-api'] };
    // Every kind on one endpoint: one that declares no authentication takes them all.
    await server.db.$executeRaw`UPDATE api_endpoints SET auth = NULL WHERE id = ${base.endpointId}::uuid`;
    const tokenUrl = `${server.sandbox.url}/acme/hr/oauth/token`;
    const secrets: [string, Record<string, unknown>][] = [
      ['API_KEY', { apiKey: marker('apikey') }],
      ['API_KEY', { apiKey: marker('querykey'), queryParam: 'key' }],
      ['BEARER', { token: marker('bearer') }],
      ['BASIC', { username: marker('user'), password: marker('password') }],
      ['OAUTH2_CLIENT_CREDENTIALS', { clientId: marker('clientid'), clientSecret: marker('clientsecret'), tokenUrl }],
      [
        'OAUTH2_REFRESH_TOKEN',
        {
          accessToken: marker('access'),
          refreshToken: marker('refresh'),
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          tokenUrl,
          clientId: marker('rclient'),
          clientSecret: marker('rsecret'),
        },
      ],
    ];
    const created: string[] = [];
    for (const [i, [kind, secret]] of secrets.entries()) {
      const res = await call(server, admin, CREATE, { input: { ...base, name: `scan ${i}`, kind, secret } });
      expect(res.errors).toBeUndefined();
      created.push((res.data as { createCredential: { id: string } }).createCredential.id);
    }
    // Error paths with markers in the input: duplicate name, malformed secret, wrong company.
    await call(server, admin, CREATE, {
      input: { ...base, name: 'scan 0', kind: 'BEARER', secret: { token: marker('dup') } },
    });
    await call(server, admin, CREATE, {
      input: { ...base, name: 'bad', kind: 'BASIC', secret: { username: 'a:b', password: marker('badbasic') } },
    });
    await call(server, admin, CREATE, {
      input: {
        ...base,
        name: 'bad2',
        kind: 'BEARER',
        secret: { token: marker('extra'), unexpected: marker('unexpected') },
      },
    });
    await call(server, admin, CREATE, {
      input: {
        ...base,
        endpointId: world.endpoint['globex/hr-api'],
        name: 'cross',
        kind: 'BEARER',
        secret: { token: marker('cross') },
      },
    });
    await call(server, admin, CREATE, {
      input: { ...base, name: 'notjson', kind: 'BEARER', secret: marker('string') },
    });
    await call(
      server,
      admin,
      CREATE,
      { input: { ...base, name: 'bad', kind: 'BEARER', secret: { token: marker('unauth') } } },
      null,
    );
    await call(
      server,
      admin,
      CREATE,
      { input: { ...base, name: 'bad', kind: 'BEARER', secret: { token: marker('forbidden') } } },
      await server.login(PERSONAS.dev),
    );

    for (const id of created) {
      await call(server, admin, `mutation ($id: ID!) { testCredential(id: $id) { ok status message durationMs } }`, {
        id,
      });
      await call(
        server,
        admin,
        `mutation ($id: ID!, $s: JSON!) { rotateCredential(id: $id, secret: $s) { id hint } }`,
        {
          id,
          s: { wrong: marker('rotatebad') },
        },
      );
      await call(
        server,
        admin,
        `mutation ($id: ID!) { updateCredential(id: $id, input: { name: "renamed ${id.slice(0, 6)}" }) { id name } }`,
        { id },
      );
    }
    await call(server, admin, `mutation ($id: ID!, $s: JSON!) { rotateCredential(id: $id, secret: $s) { id hint } }`, {
      id: created[2],
      s: { token: marker('rotated') },
    });
    await call(
      server,
      admin,
      `query ($c: ID!) { credentials(companyId: $c) { id name kind hint status settings role { key } endpoint { name } } }`,
      { c: world.company.acme },
    );
    await call(
      server,
      admin,
      `query ($c: ID!) { myCredentials(companyId: $c) { id name hint } }`,
      { c: world.company.acme },
      await server.login(PERSONAS.ceo),
    );
    await call(server, admin, `mutation ($id: ID!) { deleteCredential(id: $id) }`, { id: created[0] });

    const haystacks = {
      responses: JSON.stringify(responses),
      logs: JSON.stringify(server.logs),
      database: JSON.stringify(await snapshot(server.db), bigintSafe),
    };
    expect(markers.length).toBeGreaterThan(15);
    for (const m of markers) {
      // The whole marker, and any 12 characters of its random part.
      const pieces = [m, m.slice(-24, -12), m.slice(-12)];
      for (const [where, text] of Object.entries(haystacks)) {
        for (const piece of pieces) expect(text.includes(piece), `${piece} found in ${where}`).toBe(false);
      }
    }
  });

  it('the scan can fail: a marker placed in a plain column is found', async ({ server }) => {
    const probe = marker('probe');
    await server.db.company.update({ where: { slug: 'acme' }, data: { name: probe } });
    expect(JSON.stringify(await snapshot(server.db), bigintSafe)).toContain(probe);
  });
});
