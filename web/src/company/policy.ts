// The server's policy (server/src/policy/policy.ts) as the web app needs it: who administers what,
// and what an access level allows. The server decides every request; this only keeps the app
// from offering what it would refuse. It is the one web module that reads `isPlatformAdmin` or
// compares access levels (the policy-boundary test holds every other file to that), so a rule
// changed on the server is changed here once, beside the function of the same name there.

/** Someone whose platform administration the app asks about: the signed-in person or anyone listed. */
export interface PlatformFlag {
  isPlatformAdmin: boolean;
}

/** policy.ts isPlatformAdministrator: manages every company (but uses APIs only through roles). */
export function isPlatformAdministrator(person: PlatformFlag): boolean {
  return person.isPlatformAdmin;
}

/** policy.ts isAdministrator: a platform admin, or administers a company (may open the admin pages). */
export function isAdministrator(me: PlatformFlag, administered: readonly unknown[]): boolean {
  return isPlatformAdministrator(me) || administered.length > 0;
}

/** policy.ts mayCreateUsers: platform administrators only. */
export function mayCreateUsers(me: PlatformFlag): boolean {
  return isPlatformAdministrator(me);
}

/** policy.ts mayReadEveryCompany: the audit log and analytics of every company at once. */
export function mayReadEveryCompany(me: PlatformFlag): boolean {
  return isPlatformAdministrator(me);
}

/** policy.ts canAdministerCompany, for a company of the switcher (`administers`: myAdministeredCompanies lists it). */
export function canAdministerCompany(me: PlatformFlag, company: { administers: boolean } | null): boolean {
  return company !== null && (company.administers || isPlatformAdministrator(me));
}

/** policy.ts mayManageInvitations: the company's administrators and platform admins invite, resend, revoke. */
export function mayManageInvitations(me: PlatformFlag, company: { administers: boolean } | null): boolean {
  return canAdministerCompany(me, company);
}

/** policy.ts mayEndSessionsOf, for someone else: platform administrators only (one's own is in the header). */
export function mayEndSessionsOfSomeoneElse(me: PlatformFlag & { id: string }, userId: string): boolean {
  return userId !== me.id && isPlatformAdministrator(me);
}

/**
 * policy.ts granteeCompanyIds: the companies where the admin may give this person a role. Any
 * they administer for a platform admin; for a company admin, only those where the person already
 * holds a role (anyone else joins through an invitation).
 */
export function grantableCompanies<C extends { id: string }>(
  administered: readonly C[],
  memberships: readonly { company: { id: string } }[],
  me: PlatformFlag,
): C[] {
  if (isPlatformAdministrator(me)) return [...administered];
  const present = new Set(memberships.map((m) => m.company.id));
  return administered.filter((c) => present.has(c.id));
}

/** policy.ts requiredAccess: READ allows GET operations, WRITE every method, NONE nothing. */
export function accessAllows(access: string, method: string): boolean {
  if (access === 'WRITE') return true;
  return access === 'READ' && method.toUpperCase() === 'GET';
}

/** Whether an access level allows changing data (any method but GET). */
export function accessChanges(access: string): boolean {
  return accessAllows(access, 'POST');
}
