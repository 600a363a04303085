// An endpoint's declared auth through the API: what the demo declares, the credential kinds it
// offers, credentials that contradict it refused, the setting changed by hand or by an import,
// and testOperationKey settable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, onlyError, startTestServer, type TestServer } from '../../../test/harness.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';
import { fixture } from '../openapi/fixtures/fixtures.ts';

const AUTH =
  'auth { credentialKinds schemes { type apiKeyIn apiKeyName flows authorizationUrl tokenUrl scopes openIdConnectUrl } }';
const ENDPOINT = `query ($id: ID!) { endpoint(id: $id) { slug testOperationKey ${AUTH} } }`;
const CREATE_CREDENTIAL = `mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id kind settings } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateEndpointInput!) { updateEndpoint(id: $id, input: $input) { testOperationKey ${AUTH} } }`;

type Auth = { credentialKinds: string[]; schemes: Record<string, unknown>[] } | null;

let server: TestServer;
let ids: WorldIds;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  admin = await server.login('admin@demo.test');
});
afterAll(() => server?.close());

const endpoint = async (key: string) =>
  (
    await server.gql<{ endpoint: { testOperationKey: string | null; auth: Auth } }>(
      ENDPOINT,
      { id: ids.endpoint[key] },
      admin,
    )
  ).data!.endpoint;
const createCredential = (input: Record<string, unknown>) =>
  server.gql<{ createCredential: { id: string; kind: string; settings: Record<string, unknown> } }>(
    CREATE_CREDENTIAL,
    { input },
    admin,
  );

describe('the demo endpoints declare their auth', () => {
  it.each([
    ['acme/finance-api', ['API_KEY'], { type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'X-API-Key' }],
    ['globex/gitlab-api', ['API_KEY'], { type: 'API_KEY', apiKeyIn: 'query', apiKeyName: 'api_key' }],
    ['globex/hr-api', ['BEARER'], { type: 'HTTP_BEARER' }],
    ['globex/operations-api', ['BASIC'], { type: 'HTTP_BASIC' }],
    ['acme/github-api', ['BEARER', 'OAUTH2_CLIENT_CREDENTIALS'], { type: 'OAUTH2', flows: ['clientCredentials'] }],
    ['acme/sales-api', ['OAUTH2_REFRESH_TOKEN'], { type: 'OAUTH2', flows: ['authorizationCode'] }],
  ])('%s offers %j', async (key, kinds, scheme) => {
    const { auth } = await endpoint(key);
    expect(auth!.credentialKinds).toEqual(kinds);
    expect(auth!.schemes).toContainEqual(expect.objectContaining(scheme));
  });

  it("the OAuth2 URLs are the sandbox's, under the endpoint's base URL", async () => {
    const row = await server.db.apiEndpoint.findUniqueOrThrow({ where: { id: ids.endpoint['acme/sales-api'] } });
    const { auth } = await endpoint('acme/sales-api');
    expect(auth!.schemes[0]).toMatchObject({
      authorizationUrl: `${row.baseUrl}/oauth/authorize`,
      tokenUrl: `${row.baseUrl}/oauth/token`,
    });
  });
});

describe('credentials follow the declared auth', () => {
  const finance = () => ({ companyId: ids.company.acme, endpointId: ids.endpoint['acme/finance-api'] });

  it('an API key alone gets the declared X-API-Key header', async () => {
    const res = await createCredential({
      ...finance(),
      name: 'key only',
      kind: 'API_KEY',
      secret: { apiKey: 'k-12345678901' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCredential.settings).toEqual({ headerName: 'X-API-Key' });
  });

  it('the declared header in another case is the same header', async () => {
    const res = await createCredential({
      ...finance(),
      name: 'lower case',
      kind: 'API_KEY',
      secret: { apiKey: 'k-2', headerName: 'x-api-key' },
    });
    expect(res.errors).toBeUndefined();
  });

  it('refuses a kind the API does not take, naming the kinds it does, and stores nothing', async () => {
    const before = await server.db.apiCredential.count();
    const error = onlyError(
      await createCredential({
        ...finance(),
        name: 'wrong kind',
        kind: 'BEARER',
        secret: { token: 'some-token-value' },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(error.message).toMatch(/does not accept a bearer token; it takes an API key/);
    expect(await server.db.apiCredential.count()).toBe(before);
  });

  it('refuses an API key placed where the API does not look for it', async () => {
    for (const placement of [{ headerName: 'Authorization' }, { queryParam: 'X-API-Key' }]) {
      const error = onlyError(
        await createCredential({
          ...finance(),
          name: 'elsewhere',
          kind: 'API_KEY',
          secret: { apiKey: 'k-3', ...placement },
        }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.secret' });
      expect(error.message).toMatch(/takes its key as an X-API-Key header/);
    }
  });

  it('rotating follows it too', async () => {
    const credential = await server.db.apiCredential.findFirstOrThrow({
      where: { endpointId: ids.endpoint['acme/finance-api'] },
    });
    const res = await server.gql(
      `mutation ($id: ID!, $s: JSON!) { rotateCredential(id: $id, secret: $s) { id } }`,
      { id: credential.id, s: { apiKey: 'k-4', queryParam: 'key' } },
      admin,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('the Authentication setting', () => {
  it('an administrator declares it by hand; "none" then refuses every credential', async () => {
    const created = await server.gql<{ createEndpoint: { id: string } & { auth: Auth } }>(
      `mutation ($input: CreateEndpointInput!) { createEndpoint(input: $input) { id ${AUTH} } }`,
      {
        input: {
          companyId: ids.company.acme,
          name: 'Auth Setting API',
          slug: 'auth-setting-api',
          baseUrl: 'https://api.example.com',
          operations: [
            { key: 'listThings', method: 'GET', path: '/things' },
            { key: 'ping', method: 'GET', path: '/ping' },
          ],
          auth: {
            schemes: [
              { type: 'OPEN_ID_CONNECT', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
            ],
          },
          testOperationKey: 'ping',
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createEndpoint.id;
    expect(created.data!.createEndpoint.auth!.credentialKinds).toEqual([
      'OAUTH2_CLIENT_CREDENTIALS',
      'OAUTH2_REFRESH_TOKEN',
    ]);

    const none = await server.gql<{ updateEndpoint: { auth: Auth } }>(
      UPDATE,
      { id, input: { auth: { schemes: [] } } },
      admin,
    );
    expect(none.data!.updateEndpoint.auth).toEqual({ credentialKinds: [], schemes: [] });
    const error = onlyError(
      await createCredential({
        companyId: ids.company.acme,
        endpointId: id,
        name: 'n',
        kind: 'BEARER',
        secret: { token: 't' },
      }),
    );
    expect(error.message).toMatch(/declares no authentication/);
    const audit = await server.db.auditLog.findFirstOrThrow({ where: { targetId: id, action: 'endpoint.update' } });
    expect(audit.details).toMatchObject({ auth: { schemes: [] } });
  });

  it('refuses a scheme without what it needs, naming the field', async () => {
    const res = await server.gql(
      UPDATE,
      {
        id: ids.endpoint['acme/hr-api'],
        input: { auth: { schemes: [{ type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'bad header' }] } },
      },
      admin,
    );
    expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(onlyError(res).message).toMatch(/apiKeyName must be a valid header name/);
  });

  it('testOperationKey: set, refused when no such operation, back to the default with ""', async () => {
    const id = ids.endpoint['acme/hr-api'];
    const set = await server.gql<{ updateEndpoint: { testOperationKey: string } }>(
      UPDATE,
      { id, input: { testOperationKey: 'listEmployees' } },
      admin,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateEndpoint.testOperationKey).toBe('listEmployees');
    const wrong = onlyError(await server.gql(UPDATE, { id, input: { testOperationKey: 'noSuchOperation' } }, admin));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.testOperationKey' });
    const cleared = await server.gql<{ updateEndpoint: { testOperationKey: string | null } }>(
      UPDATE,
      { id, input: { testOperationKey: '' } },
      admin,
    );
    expect(cleared.data!.updateEndpoint.testOperationKey).toBeNull();
  });

  it('an OpenAPI import sets it from the document, and a person sees it on myEndpoints too', async () => {
    const res = await server.gql<{ importOpenApi: { endpoint: { id: string; auth: Auth } } }>(
      `mutation ($c: ID!, $d: String!) { importOpenApi(companyId: $c, document: $d) { endpoint { id ${AUTH} } } }`,
      { c: ids.company.globex, d: fixture('asana-auth.yaml') },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.importOpenApi.endpoint.auth!.credentialKinds).toEqual(['BEARER', 'OAUTH2_REFRESH_TOKEN']);
    const ceo = await server.login('ceo@demo.test');
    const mine = await server.gql<{ myEndpoints: { endpoint: { slug: string; auth: Auth } }[] }>(
      `query ($c: ID!) { myEndpoints(companyId: $c) { endpoint { slug ${AUTH} } } }`,
      { c: ids.company.globex },
      ceo,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myEndpoints.find((e) => e.endpoint.slug === 'hr-api')!.endpoint.auth!.credentialKinds).toEqual([
      'BEARER',
    ]);
  });
});
