// The web mirror of the policy, a row per rule (server/src/policy/policy.test.ts has the server's).
import { describe, expect, it } from 'vitest';
import {
  accessAllows,
  accessChanges,
  canAdministerCompany,
  grantableCompanies,
  isAdministrator,
  isPlatformAdministrator,
  mayCreateUsers,
  mayEndSessionsOfSomeoneElse,
  mayReadEveryCompany,
} from './policy.ts';

const acme = { id: 'c1', name: 'Acme Corp' };
const globex = { id: 'c2', name: 'Globex' };
const dev = { id: 'r3', name: 'Developer' };
const platformAdmin = { id: 'u1', isPlatformAdmin: true };
const someone = { id: 'u2', isPlatformAdmin: false };

describe('platform administration', () => {
  it.each([
    ['platform admin', platformAdmin, true],
    ['anyone else', someone, false],
  ] as const)('%s → %s', (_name, me, allowed) => {
    expect(isPlatformAdministrator(me)).toBe(allowed);
    expect(mayCreateUsers(me)).toBe(allowed);
    expect(mayReadEveryCompany(me)).toBe(allowed);
    expect(mayEndSessionsOfSomeoneElse(me, 'u3')).toBe(allowed);
    expect(mayEndSessionsOfSomeoneElse(me, me.id)).toBe(false);
  });

  it.each([
    // who,          administers,  company,                       admin pages, administers the company
    ['platform admin, no company', platformAdmin, [], null, true, false],
    ['platform admin, a company', platformAdmin, [], { administers: false }, true, true],
    ['company admin', someone, [acme], { administers: true }, true, true],
    ['company admin, another company', someone, [acme], { administers: false }, true, false],
    ['member', someone, [], { administers: false }, false, false],
  ] as const)('%s', (_name, me, administered, company, pages, administers) => {
    expect(isAdministrator(me, administered)).toBe(pages);
    expect(canAdministerCompany(me, company)).toBe(administers);
  });
});

describe('grantableCompanies', () => {
  const memberships = [{ company: globex, role: dev }];
  it('a platform admin may grant in every company they administer', () => {
    expect(grantableCompanies([acme, globex], memberships, { isPlatformAdmin: true })).toEqual([acme, globex]);
  });
  it("a company admin only where the person already holds a role (the server's rule)", () => {
    expect(grantableCompanies([acme, globex], memberships, { isPlatformAdmin: false })).toEqual([globex]);
    expect(grantableCompanies([acme, globex], [], { isPlatformAdmin: false })).toEqual([]);
  });
});

describe('access levels', () => {
  it.each([
    // level,  GET,   POST,  DELETE
    ['NONE', false, false, false],
    ['READ', true, false, false],
    ['WRITE', true, true, true],
  ] as const)('%s', (level, get, post, del) => {
    expect(accessAllows(level, 'GET')).toBe(get);
    expect(accessAllows(level, 'post')).toBe(post);
    expect(accessAllows(level, 'DELETE')).toBe(del);
    expect(accessChanges(level)).toBe(post);
  });
});
