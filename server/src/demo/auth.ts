// How each demo endpoint's API authenticates, as its real counterpart documents it and as the
// sandbox serves it: the credential forms of the demo follow these ("Add credential" on Finance
// API asks for exactly an X-API-Key). The OAuth URLs are the sandbox's own, under the endpoint's
// base URL, so they change with the sandbox's port.
import { EndpointAuthType, type EndpointAuth } from '../modules/endpoint/endpoint.auth.ts';

type DemoAuth = (baseUrl: string) => EndpointAuth;

const apiKey =
  (apiKeyIn: 'header' | 'query', apiKeyName: string): DemoAuth =>
  () => ({ schemes: [{ type: EndpointAuthType.API_KEY, apiKeyIn, apiKeyName }] });

const bearer: DemoAuth = () => ({ schemes: [{ type: EndpointAuthType.HTTP_BEARER }] });
const basic: DemoAuth = () => ({ schemes: [{ type: EndpointAuthType.HTTP_BASIC }] });

/** OAuth2 at the sandbox: its consent page (authorization code) and its token endpoint. */
const oauth2 =
  (flow: 'authorizationCode' | 'clientCredentials', scopes: string[]): DemoAuth =>
  (baseUrl) => ({
    schemes: [
      {
        type: EndpointAuthType.OAUTH2,
        flows: [flow],
        ...(flow === 'authorizationCode' ? { authorizationUrl: `${baseUrl}/oauth/authorize` } : {}),
        tokenUrl: `${baseUrl}/oauth/token`,
        scopes,
      },
    ],
  });

/** By sandbox service; each fits the kind of the demo grants' credentials (world.ts DEMO_GRANTS). */
export const DEMO_AUTH: Record<string, DemoAuth> = {
  salesforce: oauth2('authorizationCode', ['api', 'refresh_token']),
  hubspot: oauth2('authorizationCode', ['crm.objects.contacts.read', 'crm.objects.deals.read']),
  finance: apiKey('header', 'X-API-Key'),
  hr: bearer,
  operations: basic,
  // GitHub takes a personal access token as a bearer token, or an OAuth app's tokens.
  github: (baseUrl) => ({
    schemes: [...bearer(baseUrl).schemes, ...oauth2('clientCredentials', ['repo', 'read:org'])(baseUrl).schemes],
  }),
  gitlab: apiKey('query', 'api_key'),
};
