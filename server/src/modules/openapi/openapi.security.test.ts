// securitySchemes → the endpoint's declared auth and the credential kinds its form offers, for
// real public documents (fixtures/README.md) and the cases around them. Pure: no server.
import { describe, expect, it } from 'vitest';
import { credentialKindsFor } from '../endpoint/endpoint.auth.ts';
import { fixture } from './fixtures/fixtures.ts';
import { readOpenApiDocument, type OpenApiDocument } from './openapi.document.ts';
import { planImport } from './openapi.parse.ts';
import { authFromDocument } from './openapi.security.ts';

const authOf = (document: Record<string, unknown>) => {
  const warnings: string[] = [];
  const auth = authFromDocument({ openapi: '3.1.0', ...document } as OpenApiDocument, warnings);
  return { auth, warnings, kinds: auth && credentialKindsFor(auth) };
};
const withSchemes = (schemes: Record<string, unknown>, security?: unknown[]) => ({
  components: { securitySchemes: schemes },
  ...(security ? { security } : {}),
});

describe('real public documents', () => {
  it('Stripe: HTTP basic or bearer (the secret key either way)', () => {
    const plan = planImport(fixture('stripe-auth.json'));
    expect(plan.endpoint.auth).toEqual({ schemes: [{ type: 'HTTP_BASIC' }, { type: 'HTTP_BEARER' }] });
    expect(credentialKindsFor(plan.endpoint.auth)).toEqual(['BEARER', 'BASIC']);
  });

  it('Asana: a personal access token (bearer) or OAuth2 authorization code with its URLs and scope', () => {
    const plan = planImport(fixture('asana-auth.yaml'));
    expect(plan.endpoint.auth).toEqual({
      schemes: [
        { type: 'HTTP_BEARER' },
        {
          type: 'OAUTH2',
          flows: ['authorizationCode'],
          authorizationUrl: 'https://app.asana.com/-/oauth_authorize',
          tokenUrl: 'https://app.asana.com/-/oauth_token',
          scopes: ['default'],
        },
      ],
    });
    expect(credentialKindsFor(plan.endpoint.auth)).toEqual(['BEARER', 'OAUTH2_REFRESH_TOKEN']);
  });

  it('Swagger Petstore 3: no global requirement, so each defined scheme (an api_key header, OAuth2 implicit)', () => {
    const { auth, kinds } = authOf(readOpenApiDocument(fixture('petstore3-trimmed.json')));
    expect(auth!.schemes).toEqual([
      {
        type: 'OAUTH2',
        flows: ['implicit'],
        authorizationUrl: 'https://petstore3.swagger.io/oauth/authorize',
        scopes: ['write:pets', 'read:pets'],
      },
      { type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'api_key' },
    ]);
    expect(kinds).toEqual(['API_KEY', 'OAUTH2_REFRESH_TOKEN']);
  });

  it('a document without security says nothing: the endpoint stays undeclared (every kind)', () => {
    const plan = planImport(fixture('petstore-3.0.yaml'));
    expect(plan.endpoint.auth).toBeNull();
    expect(credentialKindsFor(null)).toHaveLength(5);
  });
});

describe('the cases around them', () => {
  it('an API key in a query parameter keeps its name', () => {
    const { auth } = authOf(withSchemes({ k: { type: 'apiKey', in: 'query', name: 'api_key' } }));
    expect(auth!.schemes).toEqual([{ type: 'API_KEY', apiKeyIn: 'query', apiKeyName: 'api_key' }]);
  });

  it('client credentials offer the client-credentials kind only, with the token URL', () => {
    const { auth, kinds } = authOf(
      withSchemes({
        app: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r' } } },
        },
      }),
    );
    expect(auth!.schemes[0]).toMatchObject({ tokenUrl: 'https://auth.example.com/token', scopes: ['read'] });
    expect(kinds).toEqual(['OAUTH2_CLIENT_CREDENTIALS']);
  });

  it('OpenID Connect keeps its discovery URL', () => {
    const { auth, kinds } = authOf(
      withSchemes({
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
      }),
    );
    expect(auth!.schemes).toEqual([
      { type: 'OPEN_ID_CONNECT', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
    ]);
    expect(kinds).toEqual(['OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_REFRESH_TOKEN']);
  });

  it('leaves out, with a warning, what Tessera cannot send: cookies, digest, two credentials at once', () => {
    const { auth, warnings } = authOf(
      withSchemes(
        {
          cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
          digest: { type: 'http', scheme: 'digest' },
          a: { type: 'apiKey', in: 'header', name: 'DD-API-KEY' },
          b: { type: 'apiKey', in: 'header', name: 'DD-APPLICATION-KEY' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
        [{ cookie: [] }, { digest: [] }, { a: [], b: [] }, { bearer: [] }],
      ),
    );
    expect(auth!.schemes).toEqual([{ type: 'HTTP_BEARER' }]);
    expect(warnings.join('\n')).toMatch(/cookie/);
    expect(warnings.join('\n')).toMatch(/digest/);
    expect(warnings.join('\n')).toMatch(/several credentials at once/);
  });

  it('nothing usable although required: undeclared, not "needs none"', () => {
    const { auth, warnings } = authOf(withSchemes({ c: { type: 'apiKey', in: 'cookie', name: 's' } }, [{ c: [] }]));
    expect(auth).toBeNull();
    expect(warnings.join('\n')).toMatch(/set the authentication by hand/);
  });

  it('security: [] declares an API that needs no credential', () => {
    const { auth, kinds } = authOf({ security: [] });
    expect(auth).toEqual({ schemes: [] });
    expect(kinds).toEqual([]);
  });
});
