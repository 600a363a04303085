import { describe, expect, it } from 'vitest';
import {
  buildSecret,
  fieldOfServerError,
  hintText,
  settingsSummary,
  kindDefinition,
  KINDS,
  serverMessageFor,
  settingDefaults,
  statusInfo,
  toIsoDateTime,
} from './credential-kinds.ts';

describe('credential kinds', () => {
  it('offers every kind the server knows, each with a label and its own fields', () => {
    expect(KINDS.map((k) => k.kind)).toEqual([
      'API_KEY',
      'BEARER',
      'BASIC',
      'OAUTH2_CLIENT_CREDENTIALS',
      'OAUTH2_REFRESH_TOKEN',
    ]);
    expect(kindDefinition('BASIC').fields.map((f) => f.key)).toEqual(['username', 'password']);
    expect(kindDefinition('OAUTH2_REFRESH_TOKEN').fields.map((f) => f.key)).toEqual([
      'accessToken',
      'expiresAt',
      'refreshToken',
      'tokenUrl',
      'clientId',
      'clientSecret',
      'scope',
    ]);
  });

  it('makes every secret a password field and nothing else one', () => {
    const secrets = KINDS.flatMap((k) => k.fields.filter((f) => f.secret).map((f) => `${k.kind}.${f.key}`));
    expect(secrets).toEqual([
      'API_KEY.apiKey',
      'BEARER.token',
      'BASIC.password',
      'OAUTH2_CLIENT_CREDENTIALS.clientSecret',
      'OAUTH2_REFRESH_TOKEN.accessToken',
      'OAUTH2_REFRESH_TOKEN.refreshToken',
      'OAUTH2_REFRESH_TOKEN.clientSecret',
    ]);
    for (const k of KINDS) for (const f of k.fields) expect(f.type === 'password').toBe(f.secret);
  });
});

describe('buildSecret', () => {
  it('builds the JSON each kind takes, leaving out empty optional fields', () => {
    expect(buildSecret('BEARER', { token: '  sbx_tok_abc\n' })).toEqual({
      secret: { token: 'sbx_tok_abc' },
      errors: {},
    });
    expect(buildSecret('API_KEY', { apiKey: 'k-123', headerName: '', queryParam: '' }).secret).toEqual({
      apiKey: 'k-123',
    });
    expect(buildSecret('API_KEY', { apiKey: 'k-123', headerName: 'X-Token' }).secret).toEqual({
      apiKey: 'k-123',
      headerName: 'X-Token',
    });
    expect(buildSecret('BASIC', { username: 'ann', password: ' spaced pass ' }).secret).toEqual({
      username: 'ann',
      password: ' spaced pass ',
    });
    expect(
      buildSecret('OAUTH2_CLIENT_CREDENTIALS', {
        clientId: 'c',
        clientSecret: 's',
        tokenUrl: 'https://auth.example.com/token',
        scope: '',
      }).secret,
    ).toEqual({
      clientId: 'c',
      clientSecret: 's',
      tokenUrl: 'https://auth.example.com/token',
    });
    expect(
      buildSecret('OAUTH2_REFRESH_TOKEN', {
        accessToken: 'a',
        expiresAt: '2030-01-02T03:04:05Z',
        refreshToken: 'r',
        tokenUrl: 'http://127.0.0.1:4010/t',
        clientId: 'c',
      }).secret,
    ).toEqual({
      accessToken: 'a',
      expiresAt: '2030-01-02T03:04:05.000Z',
      refreshToken: 'r',
      tokenUrl: 'http://127.0.0.1:4010/t',
      clientId: 'c',
    });
  });

  it('names each missing required field', () => {
    expect(buildSecret('BEARER', {})).toEqual({ secret: null, errors: { token: 'Enter the token.' } });
    expect(buildSecret('API_KEY', {}).errors).toEqual({ apiKey: 'Enter the API key.' });
    expect(buildSecret('OAUTH2_CLIENT_CREDENTIALS', { scope: 'read' }).errors).toEqual({
      clientId: 'Enter the client ID.',
      clientSecret: 'Enter the client secret.',
      tokenUrl: 'Enter the token URL.',
    });
    expect(Object.keys(buildSecret('OAUTH2_REFRESH_TOKEN', {}).errors)).toEqual([
      'refreshToken',
      'tokenUrl',
      'clientId',
    ]);
  });

  it('checks what the server checks', () => {
    expect(buildSecret('API_KEY', { apiKey: 'k', headerName: 'Bad Header' }).errors.headerName).toMatch(/header name/);
    expect(buildSecret('API_KEY', { apiKey: 'k', queryParam: 'a b' }).errors.queryParam).toMatch(/query parameter/);
    expect(buildSecret('API_KEY', { apiKey: 'k', headerName: 'X-K', queryParam: 'k' }).errors).toEqual({
      queryParam: 'Use either a header name or a query parameter, not both.',
    });
    expect(buildSecret('BASIC', { username: 'a:b', password: 'p' }).errors.username).toMatch(/":"/);
    expect(
      buildSecret('OAUTH2_CLIENT_CREDENTIALS', { clientId: 'c', clientSecret: 's', tokenUrl: 'ftp://x' }).errors
        .tokenUrl,
    ).toMatch(/http\(s\)/);
    expect(
      buildSecret('OAUTH2_CLIENT_CREDENTIALS', { clientId: 'c', clientSecret: 's', tokenUrl: 'https://u:p@x.test/t' })
        .errors.tokenUrl,
    ).toBeDefined();
    expect(buildSecret('BEARER', { token: 'x'.repeat(8193) }).errors.token).toBe('Token is too long.');
    expect(buildSecret('BEARER', { token: 'x'.repeat(8192) }).secret).not.toBeNull();
  });

  it('wants an expiry with an access token, and a date that parses', () => {
    const base = { refreshToken: 'r', tokenUrl: 'https://a.test/t', clientId: 'c' };
    expect(buildSecret('OAUTH2_REFRESH_TOKEN', { ...base, accessToken: 'a' }).errors).toEqual({
      expiresAt: 'Say when the access token expires, or leave the access token empty.',
    });
    expect(buildSecret('OAUTH2_REFRESH_TOKEN', { ...base, expiresAt: 'tomorrow' }).errors).toEqual({
      expiresAt: 'Enter a date and time.',
    });
    expect(buildSecret('OAUTH2_REFRESH_TOKEN', base).secret).toEqual(base);
  });
});

describe('helpers', () => {
  it('reads datetime-local values and ISO dates', () => {
    expect(toIsoDateTime('2030-01-02T03:04:05+02:00')).toBe('2030-01-02T01:04:05.000Z');
    expect(toIsoDateTime('2030-01-02T03:04')).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
    expect(toIsoDateTime('2030-13-45T99:99')).toBeNull();
    expect(toIsoDateTime('')).toBeNull();
  });

  it('prefills a replacement with the visible settings only', () => {
    expect(settingDefaults('API_KEY', { headerName: 'X-Token' })).toEqual({ headerName: 'X-Token' });
    expect(settingDefaults('API_KEY', { headerName: 'X-API-Key' })).toEqual({});
    expect(
      settingDefaults('OAUTH2_CLIENT_CREDENTIALS', {
        tokenUrl: 'https://a.test/t',
        scope: 'read',
        clientSecret: 'never',
      }),
    ).toEqual({ tokenUrl: 'https://a.test/t', scope: 'read' });
    expect(settingDefaults('BEARER', null)).toEqual({});
  });

  it('says where the secret goes from the visible settings', () => {
    expect(settingsSummary('API_KEY', { headerName: 'X-Token' })).toBe('in header X-Token');
    expect(settingsSummary('API_KEY', { queryParam: 'api_key' })).toBe('in query parameter api_key');
    expect(settingsSummary('API_KEY', null)).toBe('in header X-API-Key');
    expect(
      settingsSummary('OAUTH2_CLIENT_CREDENTIALS', {
        tokenUrl: 'https://auth.example.com:8443/oauth/token',
        scope: 'read write',
      }),
    ).toBe('tokens from auth.example.com:8443, scope “read write”');
    expect(settingsSummary('OAUTH2_REFRESH_TOKEN', { tokenUrl: 'https://auth.example.com/t' })).toBe(
      'tokens from auth.example.com',
    );
    expect(settingsSummary('BEARER', {})).toBeNull();
  });

  it('shows a hint as dots and the last characters', () => {
    expect(hintText('abcd')).toBe('•••• abcd');
    expect(hintText(null)).toBe('••••');
  });

  it('explains every status with what to do', () => {
    expect(statusInfo('ok')).toMatchObject({ label: 'OK', tone: 'ok' });
    expect(statusInfo('untested').advice).toMatch(/Press Test/);
    expect(statusInfo('failing')).toMatchObject({ label: 'Failing', tone: 'bad' });
    expect(statusInfo('needs_reconnect').label).toBe('Needs reconnect');
    expect(statusInfo('weird').label).toBe('weird');
    expect(statusInfo('needs_reconnect', 'origin_changed')).toMatchObject({ label: 'API moved', tone: 'bad' });
  });

  it('finds the form field of a server error and says it with the field label', () => {
    const known = ['name', 'token', 'apiKey'];
    expect(fieldOfServerError('secret.token', known)).toBe('token');
    expect(fieldOfServerError('input.name', known)).toBe('name');
    expect(fieldOfServerError('name', known)).toBe('name');
    expect(fieldOfServerError('secret', known)).toBeNull();
    expect(fieldOfServerError(undefined, known)).toBeNull();
    expect(serverMessageFor('secret.token must not be empty.', 'secret.token', 'Token')).toBe(
      'Token must not be empty.',
    );
    expect(serverMessageFor('A credential named "x" already exists.', 'name', 'Name')).toBe(
      'A credential named "x" already exists.',
    );
  });
});
