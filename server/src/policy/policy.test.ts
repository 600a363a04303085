// The policy as a table: every rule of docs/architecture.md ("The policy"), one row each.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import {
  administeredCompanyIds,
  canAdministerCompany,
  companyStanding,
  decide,
  granteeCompanyIds,
  isAdministrator,
  MANAGE_COMPANY,
  visibleCompanyIds,
  type RoleGrant,
} from './policy.ts';
import {
  identityProviderMayGrantIn,
  identityProviderMaySignIn,
  mayChangeData,
  mayCreateAccessTokens,
  usableAccess,
} from './policy.ts';
import {
  isPlatformAdministrator,
  mayCreateUsers,
  mayEndSessionsOf,
  mayManageCompanies,
  mayManageDashboards,
  mayManageInvitations,
  mayReadEveryCompany,
  memberCompanyIds,
  ownedScope,
  visibleMemberships,
  workingCompany,
} from './policy.ts';

const A = 'company-a';
const B = 'company-b';
const CEO = 'role-ceo';
const DEV = 'role-dev';
const ADMIN_ROLE = 'role-company-admin';
const endpointA = { id: 'ep-a', companyId: A };
const endpointB = { id: 'ep-b', companyId: B };

function person(
  memberships: [company: string, role: string, capabilities?: string[]][],
  isPlatformAdmin = false,
): Principal {
  return {
    userId: 'u',
    email: 'u@x.test',
    isPlatformAdmin,
    memberships: memberships.map(([companyId, roleId, capabilities = []]) => ({
      companyId,
      roleId,
      roleKey: roleId,
      capabilities,
    })),
  };
}

const ceoAtA = person([[A, CEO]]);
const ceoAndDevAtA = person([
  [A, CEO],
  [A, DEV],
]);
const platformAdmin = person([], true);
const companyAdminOfA = person([[A, ADMIN_ROLE, [MANAGE_COMPANY]]]);

const grants = (...rows: [string, RoleGrant['access']][]): RoleGrant[] =>
  rows.map(([roleId, access]) => ({ roleId, access }));

describe('decide(principal, company, endpoint, method)', () => {
  it.each([
    // who,            company, endpoint,   method,  grants,                                    allowed, access,  role,  reason
    ['ceo READ GET', ceoAtA, A, endpointA, 'GET', grants([CEO, 'READ']), true, 'READ', CEO, 'granted'],
    ['ceo READ POST', ceoAtA, A, endpointA, 'POST', grants([CEO, 'READ']), false, 'READ', CEO, 'read_only'],
    ['ceo READ DELETE', ceoAtA, A, endpointA, 'DELETE', grants([CEO, 'READ']), false, 'READ', CEO, 'read_only'],
    ['ceo WRITE GET', ceoAtA, A, endpointA, 'GET', grants([CEO, 'WRITE']), true, 'WRITE', CEO, 'granted'],
    ['ceo WRITE PATCH', ceoAtA, A, endpointA, 'patch', grants([CEO, 'WRITE']), true, 'WRITE', CEO, 'granted'],
    ['ceo WRITE PUT', ceoAtA, A, endpointA, 'PUT', grants([CEO, 'WRITE']), true, 'WRITE', CEO, 'granted'],
    ['ceo NONE row', ceoAtA, A, endpointA, 'GET', grants([CEO, 'NONE']), false, 'NONE', null, 'no_grant'],
    ['no grant at all', ceoAtA, A, endpointA, 'GET', [], false, 'NONE', null, 'no_grant'],
    ['another role is granted', ceoAtA, A, endpointA, 'GET', grants([DEV, 'WRITE']), false, 'NONE', null, 'no_grant'],
    [
      'highest of two roles',
      ceoAndDevAtA,
      A,
      endpointA,
      'POST',
      grants([CEO, 'READ'], [DEV, 'WRITE']),
      true,
      'WRITE',
      DEV,
      'granted',
    ],
    ['not a member', ceoAtA, B, endpointB, 'GET', grants([CEO, 'WRITE']), false, 'NONE', null, 'not_member'],
    [
      'endpoint of another company',
      ceoAtA,
      A,
      endpointB,
      'GET',
      grants([CEO, 'WRITE']),
      false,
      'NONE',
      null,
      'unknown_endpoint',
    ],
    ['no such endpoint', ceoAtA, A, null, 'GET', grants([CEO, 'WRITE']), false, 'NONE', null, 'unknown_endpoint'],
    ['odd method', ceoAtA, A, endpointA, 'TRACE', grants([CEO, 'WRITE']), false, 'WRITE', CEO, 'unsupported_method'],
    [
      'platform admin uses nothing by right',
      platformAdmin,
      A,
      endpointA,
      'GET',
      grants([CEO, 'WRITE']),
      false,
      'NONE',
      null,
      'not_member',
    ],
    [
      'company admin uses nothing by right',
      companyAdminOfA,
      A,
      endpointA,
      'GET',
      grants([CEO, 'WRITE']),
      false,
      'NONE',
      null,
      'no_grant',
    ],
    [
      'company admin with a grant of their own',
      companyAdminOfA,
      A,
      endpointA,
      'GET',
      grants([ADMIN_ROLE, 'READ']),
      true,
      'READ',
      ADMIN_ROLE,
      'granted',
    ],
  ] as const)('%s', (_name, principal, company, endpoint, method, g, allowed, access, roleId, reason) => {
    expect(decide(principal, company, endpoint, method, g)).toEqual({ allowed, access, roleId, reason });
  });

  it('picks the same role on every call when two roles tie', () => {
    const tie = grants([DEV, 'WRITE'], [CEO, 'WRITE']);
    const first = decide(ceoAndDevAtA, A, endpointA, 'GET', tie).roleId;
    expect(decide(ceoAndDevAtA, A, endpointA, 'GET', [...tie].reverse()).roleId).toBe(first);
  });
});

describe('administration', () => {
  it.each([
    ['platform admin', platformAdmin, A, 'admin'],
    ['company admin, own company', companyAdminOfA, A, 'admin'],
    ['company admin, other company', companyAdminOfA, B, 'none'],
    ['plain member', ceoAtA, A, 'member'],
    ['stranger', ceoAtA, B, 'none'],
  ] as const)('%s → %s', (_name, principal, company, standing) => {
    expect(companyStanding(principal, company)).toBe(standing);
    expect(canAdministerCompany(principal, company)).toBe(standing === 'admin');
  });

  it('scopes lists to what the caller may see and administer', () => {
    expect(visibleCompanyIds(platformAdmin)).toBeNull();
    expect(administeredCompanyIds(platformAdmin)).toBeNull();
    expect([...visibleCompanyIds(ceoAtA)!]).toEqual([A]);
    expect([...administeredCompanyIds(ceoAtA)!]).toEqual([]);
    expect([...administeredCompanyIds(companyAdminOfA)!]).toEqual([A]);
    expect(isAdministrator(ceoAtA)).toBe(false);
    expect(isAdministrator(companyAdminOfA)).toBe(true);
  });

  it('lets a platform admin give a role to anyone, a company admin only to people already in that company', () => {
    expect(granteeCompanyIds(platformAdmin, A)).toBeNull();
    expect(granteeCompanyIds(companyAdminOfA, A)).toEqual([A]);
  });
});

describe('personal access tokens', () => {
  const viaToken = (principal: Principal, readOnly: boolean): Principal => ({
    ...principal,
    token: { id: 't', companyId: A, readOnly },
  });
  const readOnlyCeo = viaToken(ceoAtA, true);
  const fullCeo = viaToken(ceoAtA, false);

  it.each([
    // who,                  method,   grants,                     allowed, access,  role, reason
    ['read-only token GET', readOnlyCeo, 'GET', grants([CEO, 'WRITE']), true, 'WRITE', CEO, 'granted'],
    ['read-only token POST', readOnlyCeo, 'POST', grants([CEO, 'WRITE']), false, 'WRITE', CEO, 'read_only'],
    ['read-only token delete', readOnlyCeo, 'delete', grants([CEO, 'WRITE']), false, 'WRITE', CEO, 'read_only'],
    [
      'read-only token, READ grant, PATCH',
      readOnlyCeo,
      'PATCH',
      grants([CEO, 'READ']),
      false,
      'READ',
      CEO,
      'read_only',
    ],
    ['read-only token, no grant', readOnlyCeo, 'POST', [], false, 'NONE', null, 'no_grant'],
    ['full token POST', fullCeo, 'POST', grants([CEO, 'WRITE']), true, 'WRITE', CEO, 'granted'],
  ] as const)('%s', (_name, principal, method, g, allowed, access, roleId, reason) => {
    expect(decide(principal, A, endpointA, method, g)).toEqual({ allowed, access, roleId, reason });
  });

  it('lets a read-only token change nothing, and no token create tokens', () => {
    expect(mayChangeData(ceoAtA)).toBe(true);
    expect(mayChangeData(fullCeo)).toBe(true);
    expect(mayChangeData(readOnlyCeo)).toBe(false);
    expect(mayCreateAccessTokens(ceoAtA)).toBe(true);
    expect(mayCreateAccessTokens(fullCeo)).toBe(false);
    expect(mayCreateAccessTokens(readOnlyCeo)).toBe(false);
  });

  it('shows a read-only token a WRITE grant as READ, and changes nothing else', () => {
    expect(usableAccess(readOnlyCeo, 'WRITE')).toBe('READ');
    expect(usableAccess(readOnlyCeo, 'READ')).toBe('READ');
    expect(usableAccess(readOnlyCeo, 'NONE')).toBe('NONE');
    expect(usableAccess(fullCeo, 'WRITE')).toBe('WRITE');
    expect(usableAccess(ceoAtA, 'WRITE')).toBe('WRITE');
  });
});

describe('platform administration', () => {
  it.each([
    // who, and whether they hold every platform power (manage companies, create users, read every company)
    ['platform admin', platformAdmin, true],
    ['company admin', companyAdminOfA, false],
    ['plain member', ceoAtA, false],
    ['nobody at all', person([]), false],
  ] as const)('%s → %s', (_name, principal, allowed) => {
    expect(isPlatformAdministrator(principal)).toBe(allowed);
    expect(mayManageCompanies(principal)).toBe(allowed);
    expect(mayCreateUsers(principal)).toBe(allowed);
    expect(mayReadEveryCompany(principal)).toBe(allowed);
  });

  const inSession = (principal: Principal): Principal => ({ ...principal, session: { id: 'jti', expiresAtMs: 0 } });
  const viaToken = (principal: Principal): Principal => ({
    ...principal,
    token: { id: 't', companyId: A, readOnly: false },
  });
  it.each([
    // who,                                   whose sessions, answer
    ['own, from a session', inSession(ceoAtA), 'u', 'allowed'],
    ['own, with an access token', viaToken(ceoAtA), 'u', 'session_only'],
    ["someone else's, plain member", inSession(ceoAtA), 'other', 'forbidden'],
    ["someone else's, company admin", inSession(companyAdminOfA), 'other', 'forbidden'],
    ["someone else's, platform admin", inSession(platformAdmin), 'other', 'allowed'],
    ['own, platform admin with a token', viaToken(platformAdmin), 'u', 'session_only'],
  ] as const)('ending sessions: %s → %s', (_name, principal, userId, answer) => {
    expect(mayEndSessionsOf(principal, userId)).toBe(answer);
  });

  it('lists the companies one holds a role in, and of another person the memberships in companies one may see', () => {
    const rows = [{ companyId: A }, { companyId: B }];
    expect([...memberCompanyIds(ceoAndDevAtA)]).toEqual([A]);
    expect([...memberCompanyIds(platformAdmin)]).toEqual([]);
    expect(visibleMemberships(ceoAtA, 'u', rows)).toEqual(rows); // one's own: all
    expect(visibleMemberships(companyAdminOfA, 'other', rows)).toEqual([{ companyId: A }]);
    expect(visibleMemberships(platformAdmin, 'other', rows)).toEqual(rows);
    expect(visibleMemberships(person([]), 'other', rows)).toEqual([]);
  });
});

describe('invitations and dashboard widgets', () => {
  const INVITATION_CASES = [
    ['a company admin, in their company', companyAdminOfA, A, 'allowed'],
    ['a company admin, in another company', companyAdminOfA, B, 'not_found'],
    ['a member without admin rights', ceoAtA, A, 'forbidden'],
    ['someone outside the company', ceoAtA, B, 'not_found'],
    ['a platform admin, in any company', platformAdmin, B, 'allowed'],
  ] as const;
  it.each(INVITATION_CASES)(
    'who may invite, resend, revoke and list: %s → %s',
    (_label, principal, company, expected) => {
      expect(mayManageInvitations(principal, company)).toBe(expected);
    },
  );
  it.each(INVITATION_CASES)('who may define dashboard widgets: %s → %s', (_name, principal, company, expected) => {
    expect(mayManageDashboards(principal, company)).toBe(expected);
  });
});

describe('ownership of conversations and pending actions', () => {
  it.each([
    ['in any company', ceoAtA, undefined, { userId: 'u' }],
    ['in one company', ceoAtA, A, { userId: 'u', companyId: A }],
    ['a platform admin owns only their own', platformAdmin, A, { userId: 'u', companyId: A }],
  ] as const)('%s', (_name, principal, companyId, scope) => {
    expect(ownedScope(principal, companyId)).toEqual(scope);
  });
});

describe('the company a request works in (MCP)', () => {
  const token = (readOnly = false): Principal => ({ ...ceoAtA, token: { id: 't', companyId: A, readOnly } });
  it.each([
    // who,                        asked,     answer
    ['session, own company', ceoAtA, A, { companyId: A }],
    ['session, company without a role', ceoAtA, B, { refusal: 'not_found' }],
    ['session, not a company id', ceoAtA, 'x', { refusal: 'not_found' }],
    ['session, none named', ceoAtA, null, { refusal: 'no_company' }],
    ['platform admin without a role', platformAdmin, A, { refusal: 'not_found' }],
    ["token, none named: the token's", token(), null, { companyId: A }],
    ['token, its own named', token(true), A, { companyId: A }],
    ['token, another named', token(), B, { refusal: 'not_found' }],
  ] as const)('%s', (_name, principal, asked, answer) => {
    expect(workingCompany(principal, asked)).toEqual(answer);
  });
});

describe('identity providers (single sign-on)', () => {
  it.each([
    ['its own company', 'acme', 'acme', true],
    ['another company', 'acme', 'globex', false],
  ])("a company's provider and %s", (_name, provider, membership, expected) => {
    expect(identityProviderMayGrantIn(provider, membership)).toBe(expected);
  });

  it.each([
    ['a member of the company', false, ['acme', 'globex'], 'allowed'],
    ['an account of no company yet', false, [], 'allowed'],
    ['someone who works only elsewhere', false, ['globex'], 'other_company'],
    ['a platform administrator, even a member', true, ['acme'], 'platform_admin'],
  ] as const)('signs in %s: %s', (_name, isPlatformAdmin, memberCompanyIds, expected) => {
    const memberships = memberCompanyIds.map((companyId) => ({ companyId }));
    expect(identityProviderMaySignIn({ isPlatformAdmin, memberships }, 'acme')).toBe(expected);
  });
});
