// The one policy. Every question "may this person, in this company, do this" is answered
// here: the shield rules, the gateway, the assistant's tool list and the dashboards all ask
// these functions and never decide on their own. Pure functions over facts; the facts (the
// principal and the role grants of an endpoint) are loaded by the caller.

import type { Principal } from '../auth/principal.ts';

export type AccessLevel = 'NONE' | 'READ' | 'WRITE';
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const MANAGE_COMPANY = 'manage_company';

const RANK: Record<AccessLevel, number> = { NONE: 0, READ: 1, WRITE: 2 };

/** A role's grant on one endpoint of one company (a role_api_permissions row). */
export interface RoleGrant {
  roleId: string;
  access: AccessLevel;
}

/** The endpoint being asked about, or null when no such endpoint exists. */
export interface EndpointFact {
  id: string;
  companyId: string;
}

type DecisionReason =
  | 'granted'
  | 'not_member' // the caller holds no role in the company: answer as if it did not exist
  | 'unknown_endpoint' // no such endpoint in this company
  | 'no_grant' // member, but no role of theirs may use the endpoint
  | 'read_only' // READ access, and the method writes
  | 'unsupported_method';

export interface Decision {
  allowed: boolean;
  /** The caller's effective access to the endpoint: the highest over their roles. */
  access: AccessLevel;
  /** The role whose grant allows the call; its credential is the one used. */
  roleId: string | null;
  reason: DecisionReason;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function requiredAccess(method: HttpMethod): AccessLevel {
  return method === 'GET' ? 'READ' : 'WRITE';
}

export function roleIdsIn(principal: Principal, companyId: string): string[] {
  return principal.memberships.filter((m) => m.companyId === companyId).map((m) => m.roleId);
}

export function isMember(principal: Principal, companyId: string): boolean {
  return principal.memberships.some((m) => m.companyId === companyId);
}

/**
 * The highest grant among the caller's roles in the company, with the role that holds it.
 * Ties go to the lowest role id so the credential chosen is stable from call to call.
 */
export function effectiveGrant(
  principal: Principal,
  companyId: string,
  grants: readonly RoleGrant[],
): RoleGrant | null {
  const mine = new Set(roleIdsIn(principal, companyId));
  let best: RoleGrant | null = null;
  for (const grant of grants) {
    if (!mine.has(grant.roleId) || grant.access === 'NONE') continue;
    if (
      !best ||
      RANK[grant.access] > RANK[best.access] ||
      (RANK[grant.access] === RANK[best.access] && grant.roleId < best.roleId)
    ) {
      best = grant;
    }
  }
  return best;
}

/**
 * May `principal`, working in `companyId`, call `endpoint` with `method`? Administration does
 * not grant use: a platform admin or company admin uses endpoints only through their roles.
 */
export function decide(
  principal: Principal,
  companyId: string,
  endpoint: EndpointFact | null,
  method: string,
  grants: readonly RoleGrant[],
): Decision {
  const deny = (reason: DecisionReason, access: AccessLevel = 'NONE', roleId: string | null = null): Decision => ({
    allowed: false,
    access,
    roleId,
    reason,
  });
  if (!isMember(principal, companyId)) return deny('not_member');
  if (!endpoint || endpoint.companyId !== companyId) return deny('unknown_endpoint');
  const grant = effectiveGrant(principal, companyId, grants);
  if (!grant) return deny('no_grant');
  const upper = method.toUpperCase();
  if (!METHODS.has(upper)) return deny('unsupported_method', grant.access, grant.roleId);
  if (RANK[grant.access] < RANK[requiredAccess(upper as HttpMethod)])
    return deny('read_only', grant.access, grant.roleId);
  // A read-only access token reads with the grant it has, and writes nothing whatever the grant.
  if (upper !== 'GET' && !mayChangeData(principal)) return deny('read_only', grant.access, grant.roleId);
  return { allowed: true, access: grant.access, roleId: grant.roleId, reason: 'granted' };
}

/** False for a read-only personal access token: it may call no Mutation (but `login`) and no write operation. */
export function mayChangeData(principal: Principal): boolean {
  return !principal.token?.readOnly;
}

/**
 * The access the caller can use of a grant: what lists show them (myEndpoints). A read-only
 * token reads with a WRITE grant (decide() refuses its writes), so it is shown READ.
 */
export function usableAccess(principal: Principal, access: AccessLevel): AccessLevel {
  return access === 'WRITE' && !mayChangeData(principal) ? 'READ' : access;
}

/** Access tokens are made in a signed-in session only: a stolen token must not mint more. */
export function mayCreateAccessTokens(principal: Principal): boolean {
  return principal.token === undefined;
}

// Platform administration. The flag on the user row is read here and nowhere else (the
// policy-boundary test holds every other file to it): what it allows is named by the functions
// below, so a new power is a new function here, not a new `if (isPlatformAdmin)` in a resolver.

/** A platform administrator manages every company (but uses endpoints only through roles: decide()). */
export function isPlatformAdministrator(principal: Pick<Principal, 'isPlatformAdmin'>): boolean {
  return principal.isPlatformAdmin;
}

/** Creating and deleting companies: platform administrators only. */
export function mayManageCompanies(principal: Principal): boolean {
  return isPlatformAdministrator(principal);
}

/** Creating people who can sign in: platform administrators only (others join by invitation). */
export function mayCreateUsers(principal: Principal): boolean {
  return isPlatformAdministrator(principal);
}

/** Reading the audit log and usage of every company at once (no company named): platform administrators only. */
export function mayReadEveryCompany(principal: Principal): boolean {
  return isPlatformAdministrator(principal);
}

/** Why sessions may not be ended: one's own only from a session, anyone else's by a platform administrator. */
export type SessionEnding = 'allowed' | 'session_only' | 'forbidden';

/** May the caller end every session of `userId` (sign out everywhere)? */
export function mayEndSessionsOf(principal: Principal, userId: string): SessionEnding {
  if (userId === principal.userId) return principal.session ? 'allowed' : 'session_only';
  return isPlatformAdministrator(principal) ? 'allowed' : 'forbidden';
}

/** What an administrator may see of a company: 'admin', only 'member' (no admin rights), or 'none'. */
export type CompanyStanding = 'admin' | 'member' | 'none';

export function companyStanding(principal: Principal, companyId: string): CompanyStanding {
  if (isPlatformAdministrator(principal)) return 'admin';
  const here = principal.memberships.filter((m) => m.companyId === companyId);
  if (here.some((m) => m.capabilities.includes(MANAGE_COMPANY))) return 'admin';
  return here.length > 0 ? 'member' : 'none';
}

export function canAdministerCompany(principal: Principal, companyId: string): boolean {
  return companyStanding(principal, companyId) === 'admin';
}

/**
 * Who may register the company's OAuth apps and connect its APIs (Connect, Reconnect): its
 * administrators. Asked by the shield map and again when a provider's callback arrives, for the
 * administrator the Connect's state names (they may have lost the right since).
 */
export function mayConnectCompanyApis(principal: Principal, companyId: string): boolean {
  return canAdministerCompany(principal, companyId);
}

/** Platform admins, and anyone who administers at least one company. */
export function isAdministrator(principal: Principal): boolean {
  return (
    isPlatformAdministrator(principal) || principal.memberships.some((m) => m.capabilities.includes(MANAGE_COMPANY))
  );
}

/**
 * The companies whose data the caller may see at all; null means every company (platform
 * admin). Lists are filtered with it so nothing of another company appears.
 */
export function visibleCompanyIds(principal: Principal): Set<string> | null {
  if (isPlatformAdministrator(principal)) return null;
  return memberCompanyIds(principal);
}

/** The companies in which the caller holds a role (what `myCompanies` lists, platform admin or not). */
export function memberCompanyIds(principal: Principal): Set<string> {
  return new Set(principal.memberships.map((m) => m.companyId));
}

/**
 * Which of a person's memberships the caller may see: all of their own; of someone else's, those
 * in the companies the caller may see (a company admin does not learn where else a person works).
 */
export function visibleMemberships<M extends { companyId: string }>(
  principal: Principal,
  userId: string,
  memberships: readonly M[],
): M[] {
  if (principal.userId === userId) return [...memberships];
  const visible = visibleCompanyIds(principal);
  return visible === null ? [...memberships] : memberships.filter((m) => visible.has(m.companyId));
}

/**
 * Whom the caller may give a role in `companyId`: null means anyone (a platform admin); a company
 * admin only people who already hold a role there. Anyone else joins through an invitation they
 * accept: granting must not pull a stranger in (nor reveal who they are) by their id alone.
 */
export function granteeCompanyIds(principal: Principal, companyId: string): string[] | null {
  return isPlatformAdministrator(principal) ? null : [companyId];
}

/**
 * Inviting people to a company, and listing, resending and revoking its invitations: the
 * company's administrators and platform administrators. An invitation grants nothing until it
 * is accepted (it becomes memberships then): nothing in this file reads one.
 */
export function mayManageInvitations(principal: Principal, companyId: string): CompanyPower {
  const standing = companyStanding(principal, companyId);
  if (standing === 'admin') return 'allowed';
  // Outside the company, its invitations do not exist for the caller.
  return standing === 'member' ? 'forbidden' : 'not_found';
}

/**
 * Defining a company's dashboard widgets (which operations they read, their expressions): its
 * administrators. A widget shows nobody data they could not read anyway: each viewer's own
 * decide() and field rules apply to its call.
 */
export function mayManageDashboards(principal: Principal, companyId: string): CompanyPower {
  const standing = companyStanding(principal, companyId);
  if (standing === 'admin') return 'allowed';
  return standing === 'member' ? 'forbidden' : 'not_found';
}

/** A power in one company: allowed, refused to a member ('forbidden'), or unknown outside it ('not_found'). */
export type CompanyPower = 'allowed' | 'forbidden' | 'not_found';
// Single sign-on. A company's identity provider is configured by that company's administrators
// (the shield asks canAdministerCompany); what its groups may give is answered here.

/**
 * May a company's identity provider give or take a role in `membershipCompanyId`? Only in its own
 * company: a provider never reaches another company's memberships, and never platform
 * administration (a flag on the person that no membership carries).
 */
export function identityProviderMayGrantIn(providerCompanyId: string, membershipCompanyId: string): boolean {
  return providerCompanyId === membershipCompanyId;
}

/** Why a provider may not sign an existing account in, if it may not. */
export type ProviderSignIn = 'allowed' | 'platform_admin' | 'other_company';

/**
 * May company `providerCompanyId`'s identity provider sign in this existing account? A company
 * proves no ownership of the email domains it claims, so its provider signs in only the accounts
 * of its own people (a role there) or accounts that belong to no company yet; never a platform
 * administrator (who signs in with a password), never someone who works only elsewhere.
 */
export function identityProviderMaySignIn(
  account: { isPlatformAdmin: boolean; memberships: readonly { companyId: string }[] },
  providerCompanyId: string,
): ProviderSignIn {
  if (isPlatformAdministrator(account)) return 'platform_admin';
  const companies = account.memberships.map((m) => m.companyId);
  if (companies.length === 0 || companies.includes(providerCompanyId)) return 'allowed';
  return 'other_company';
}

/** The companies the caller administers; null means every company. */
export function administeredCompanyIds(principal: Principal): Set<string> | null {
  if (isPlatformAdministrator(principal)) return null;
  return new Set(principal.memberships.filter((m) => m.capabilities.includes(MANAGE_COMPANY)).map((m) => m.companyId));
}

// Ownership. Conversations and pending actions belong to one person in one company: only their
// owner sees or decides them, and anyone else's read exactly like none (NOT_FOUND). Every query of
// them is scoped with this `where`, so the rule is written once (Keystone-style: an access rule
// may answer a filter instead of a yes or no).

/** A Prisma `where` for rows owned by a person (conversations, pending actions). */
export interface OwnedScope {
  userId: string;
  companyId?: string;
}

/** The caller's own rows; in `companyId` only, when given (without it: in any of their companies). */
export function ownedScope(principal: Principal, companyId?: string): OwnedScope {
  return companyId === undefined ? { userId: principal.userId } : { userId: principal.userId, companyId };
}

// The company a request outside GraphQL works in (MCP): an access token works in its own company
// only, so asking for another is asking for nothing; a session names one it holds a role in.

export type WorkingCompany = { companyId: string } | { refusal: 'no_company' | 'not_found' };

export function workingCompany(principal: Principal, asked: string | null): WorkingCompany {
  const token = principal.token;
  if (token && asked && asked !== token.companyId) return { refusal: 'not_found' };
  const companyId = token?.companyId ?? asked;
  if (!companyId) return { refusal: 'no_company' };
  return isMember(principal, companyId) ? { companyId } : { refusal: 'not_found' };
}
