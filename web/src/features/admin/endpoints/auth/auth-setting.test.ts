import { describe, expect, it } from 'vitest';
import { authInput, describeAuth, valuesOfAuth } from './auth-setting.ts';

const finance = {
  credentialKinds: ['API_KEY' as const],
  schemes: [{ type: 'API_KEY', apiKeyIn: 'header', apiKeyName: 'X-API-Key' }],
};

describe('the Authentication setting', () => {
  it('says it in words', () => {
    expect(describeAuth(null)).toMatch(/^Not declared/);
    expect(describeAuth({ credentialKinds: [], schemes: [] })).toMatch(/^None/);
    expect(describeAuth(finance)).toBe('API key in the X-API-Key header');
    expect(
      describeAuth({
        credentialKinds: ['BEARER', 'OAUTH2_REFRESH_TOKEN'],
        schemes: [
          { type: 'HTTP_BEARER' },
          { type: 'OAUTH2', flows: ['authorizationCode'], tokenUrl: 'https://app.asana.com/-/oauth_token' },
        ],
      }),
    ).toBe('Bearer token, or OAuth2 (authorization code), tokens from app.asana.com');
  });

  it('round-trips a declared scheme through the form', () => {
    expect(authInput(valuesOfAuth(finance))).toEqual({ input: { schemes: [finance.schemes[0]] }, errors: {} });
    expect(authInput({ ...valuesOfAuth(null), type: 'NONE' }).input).toEqual({ schemes: [] });
  });

  it('says what is missing or wrong, next to its field', () => {
    const blank = valuesOfAuth(null);
    expect(authInput(blank).errors).toEqual({ type: 'Choose how the API authenticates.' });
    expect(authInput({ ...blank, type: 'API_KEY', apiKeyName: 'has space' }).errors.apiKeyName).toMatch(/header name/);
    const oauth = authInput({ ...blank, type: 'OAUTH2', flow: 'authorizationCode', tokenUrl: 'ftp://x' });
    expect(oauth.errors).toEqual({
      authorizationUrl: 'The authorization-code flow starts at this address.',
      tokenUrl: 'Enter a full http(s) address.',
    });
    expect(
      authInput({
        ...blank,
        type: 'OAUTH2',
        flow: 'clientCredentials',
        tokenUrl: 'https://auth.example.com/token',
        scopes: ' read  write ',
      }).input,
    ).toEqual({
      schemes: [
        {
          type: 'OAUTH2',
          flows: ['clientCredentials'],
          tokenUrl: 'https://auth.example.com/token',
          scopes: ['read', 'write'],
        },
      ],
    });
  });
});
