import { describe, expect, it } from 'vitest';
import { connectableEndpoints } from './connectable.ts';

describe('connectableEndpoints', () => {
  it('offers Connect for OAuth2 user-token APIs and undeclared ones, never for API-key or client-credentials APIs', () => {
    const endpoints = [
      { id: 'finance', auth: { credentialKinds: ['API_KEY'] } },
      { id: 'sales', auth: { credentialKinds: ['OAUTH2_REFRESH_TOKEN', 'BEARER'] } },
      { id: 'github', auth: { credentialKinds: ['BEARER', 'OAUTH2_CLIENT_CREDENTIALS'] } },
      { id: 'handmade', auth: null },
      { id: 'public', auth: { credentialKinds: [] } },
    ];
    expect(connectableEndpoints(endpoints).map((e) => e.id)).toEqual(['sales', 'handmade']);
  });
});
