import { describe, expect, it } from 'vitest';
import { kindPrefill, offeredKinds, type DeclaredAuth } from './auth-form.ts';

const finance: DeclaredAuth = {
  credentialKinds: ['API_KEY'],
  schemes: [{ type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'X-API-Key' }],
};
const asana: DeclaredAuth = {
  credentialKinds: ['BEARER', 'OAUTH2_REFRESH_TOKEN'],
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
};

describe('the credential form follows the declared auth', () => {
  it('offers only the kinds that fit, every kind when nothing is declared', () => {
    expect(offeredKinds(finance)).toEqual(['API_KEY']);
    expect(offeredKinds(asana)).toEqual(['BEARER', 'OAUTH2_REFRESH_TOKEN']);
    expect(offeredKinds(null)).toHaveLength(5);
    expect(offeredKinds({ credentialKinds: [], schemes: [] })).toEqual([]);
  });

  it('fixes where an API key goes: the X-API-Key header, or a query parameter', () => {
    expect(kindPrefill(finance, 'API_KEY')).toEqual({
      defaults: { headerName: 'X-API-Key' },
      fixed: ['headerName', 'queryParam'],
      note: 'This API takes its key in the X-API-Key header.',
    });
    const gitlab: DeclaredAuth = {
      credentialKinds: ['API_KEY'],
      schemes: [{ type: 'API_KEY', apiKeyIn: 'query', apiKeyName: 'api_key' }],
    };
    expect(kindPrefill(gitlab, 'API_KEY').defaults).toEqual({ queryParam: 'api_key' });
  });

  it('fills in the OAuth2 token URL and scopes', () => {
    expect(kindPrefill(asana, 'OAUTH2_REFRESH_TOKEN')).toMatchObject({
      defaults: { tokenUrl: 'https://app.asana.com/-/oauth_token', scope: 'default' },
      fixed: [],
    });
    expect(kindPrefill(asana, 'BEARER')).toEqual({ defaults: {}, fixed: [], note: null });
  });
});
