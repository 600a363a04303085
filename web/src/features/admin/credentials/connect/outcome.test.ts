import { describe, expect, it } from 'vitest';
import { appForCredential, connectOutcome } from './outcome.ts';

describe('connectOutcome', () => {
  it('reads success and the credential', () => {
    expect(connectOutcome(new URLSearchParams('oauth=connected&credential=c1'))).toMatchObject({
      tone: 'ok',
      credentialId: 'c1',
    });
    expect(connectOutcome(new URLSearchParams('oauth=reconnected&credential=c1'))?.message).toContain('Reconnected');
  });

  it('explains known refusals, and shows only a safe code for unknown ones', () => {
    expect(connectOutcome(new URLSearchParams('oauth=error&reason=access_denied'))?.message).toContain('denied');
    expect(connectOutcome(new URLSearchParams('oauth=error&reason=state_expired'))?.message).toContain('10 minutes');
    expect(connectOutcome(new URLSearchParams('oauth=error&reason=<b>x</b>'))?.message).toContain('“bxb”');
    expect(connectOutcome(new URLSearchParams('x=1'))).toBeNull();
  });
});

describe('appForCredential', () => {
  const apps = [
    { id: 'a', tokenUrl: 'https://a/token' },
    { id: 'b', tokenUrl: 'https://b/token' },
  ];
  it('picks the app of the token URL, else the only app', () => {
    expect(appForCredential(apps, { tokenUrl: 'https://b/token' })?.id).toBe('b');
    expect(appForCredential(apps, {})).toBeNull();
    expect(appForCredential([apps[0]!], null)?.id).toBe('a');
    expect(appForCredential([apps[0]!], { tokenUrl: 'https://elsewhere/token' })).toBeNull();
  });
});
