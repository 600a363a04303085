import { describe, expect, it } from 'vitest';
import { formValuesOf, inputOf } from './sso-form.ts';

describe('the SSO settings form', () => {
  const settings = {
    issuerUrl: 'https://login.example.com',
    clientId: 'tessera',
    allowedDomains: ['example.com', 'example.org'],
    passwordSignInAllowed: false,
    justInTimeProvisioning: true,
    groupsClaim: 'groups',
    groupsOnly: false,
  };

  it('never starts with a secret, and keeps the stored one when the field stays empty', () => {
    const values = formValuesOf(settings);
    expect(values.clientSecret).toBe('');
    expect(inputOf(values).clientSecret).toBeNull();
    expect(inputOf({ ...values, clientSecret: 's3cret' }).clientSecret).toBe('s3cret');
  });

  it('reads domains separated by commas or spaces', () => {
    const values = { ...formValuesOf(settings), allowedDomains: ' Example.com,example.org  other.net,' };
    expect(inputOf(values).allowedDomains).toEqual(['example.com', 'example.org', 'other.net']);
  });
});
