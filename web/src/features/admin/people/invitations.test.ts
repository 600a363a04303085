import { describe, expect, it } from 'vitest';
import { expiryText, validateInvite } from './invitations.ts';

describe('validateInvite', () => {
  it('asks for an address and at least one role', () => {
    expect(validateInvite({ email: ' ', roleIds: [] })).toEqual({
      email: 'Enter the email address to invite.',
      roleIds: 'Choose at least one role.',
    });
    expect(validateInvite({ email: 'not an email', roleIds: ['r'] }).email).toMatch(/not an email address/);
    expect(validateInvite({ email: 'pat@company.example', roleIds: ['r'] })).toEqual({});
  });
});

describe('expiryText', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['2026-12-08T11:59:00Z', 'Expires in 7 days'],
    ['2026-12-02T13:00:00Z', 'Expires in a day'],
    ['2026-12-01T18:00:00Z', 'Expires within hours'],
    ['2026-12-01T11:00:00Z', 'Expired'],
  ])('%s → %s', (expiresAt, text) => expect(expiryText(expiresAt, now)).toBe(text));
});
