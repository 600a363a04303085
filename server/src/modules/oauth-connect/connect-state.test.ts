// The state's signature and the return page's checks, without a server.
import { describe, expect, it } from 'vitest';
import { connectStateKey, pkceChallenge, pkceVerifier, signState, verifyState } from './connect-state.ts';
import { checkedReturnTo, withOutcome } from './return-to.ts';

const key = connectStateKey('x'.repeat(40));
const payload = { a: '6f1c1a52-8a1f-4a52-9e55-1a8b1f0f3b11', c: '0b7a3a0c-3f2e-4f6a-9a63-0b0c8f1e2d3c', e: 1 };

describe('connect state', () => {
  it('verifies what it signed, and nothing changed or signed with another key', () => {
    const state = signState(key, payload);
    expect(verifyState(key, state)).toEqual(payload);
    expect(verifyState(connectStateKey('y'.repeat(40)), state)).toBeNull();
    const [body, sig] = state.split('.');
    const other = Buffer.from(JSON.stringify({ ...payload, c: payload.a })).toString('base64url');
    expect(verifyState(key, `${other}.${sig}`)).toBeNull();
    expect(verifyState(key, `${body}.${sig}.x`)).toBeNull();
    expect(verifyState(key, 'garbage')).toBeNull();
  });

  it('derives a 43-character PKCE verifier per attempt and its S256 challenge (RFC 7636 appendix B)', () => {
    const verifier = pkceVerifier(key, payload.a);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkceVerifier(key, payload.c)).not.toBe(verifier);
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('return page', () => {
  it('accepts paths of this web app only', () => {
    expect(checkedReturnTo('/admin/credentials?x=1')).toBe('/admin/credentials?x=1');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'admin',
      '',
      '/a b',
      'javascript:x',
    ])
      expect(() => checkedReturnTo(bad), bad).toThrow();
  });

  it('replaces an earlier outcome in the query', () => {
    expect(withOutcome('/admin/credentials?oauth=error&reason=x&c=1', { oauth: 'connected', credential: 'id' })).toBe(
      '/admin/credentials?c=1&oauth=connected&credential=id',
    );
  });
});
