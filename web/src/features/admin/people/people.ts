// The People page's logic, kept out of the components: grouping a person's roles by company,
// searching the list, which roles can still be granted, and checking the "Create user" form
// the way the server will (so mistakes show next to the field before anything is sent).

export interface Named {
  id: string;
  name: string;
}

export interface MembershipLike<C extends Named = Named, R extends Named = Named> {
  company: C;
  role: R;
}

export interface CompanyRoles<C extends Named = Named, R extends Named = Named> {
  company: C;
  roles: R[];
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);

/** A person's roles, one entry per company, companies and roles in name order. */
export function groupMemberships<C extends Named, R extends Named>(
  memberships: readonly MembershipLike<C, R>[],
): CompanyRoles<C, R>[] {
  const byCompany = new Map<string, CompanyRoles<C, R>>();
  for (const { company, role } of memberships) {
    const entry = byCompany.get(company.id) ?? { company, roles: [] };
    if (!entry.roles.some((r) => r.id === role.id)) entry.roles.push(role);
    byCompany.set(company.id, entry);
  }
  return [...byCompany.values()]
    .sort((a, b) => byName(a.company, b.company))
    .map((e) => ({ ...e, roles: [...e.roles].sort(byName) }));
}

/** People whose name or email contains every word of the query (any case). */
export function filterPeople<P extends { name: string; email: string }>(people: readonly P[], query: string): P[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...people];
  return people.filter((p) => {
    const text = `${p.name} ${p.email}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** The roles the person does not hold yet in the company, in name order. */
export function rolesNotHeld<R extends Named>(
  roles: readonly R[],
  memberships: readonly MembershipLike[],
  companyId: string,
): R[] {
  const held = new Set(memberships.filter((m) => m.company.id === companyId).map((m) => m.role.id));
  return roles.filter((r) => !held.has(r.id)).sort(byName);
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

export type NewUserErrors = Partial<Record<keyof NewUser, string>>;

export const MIN_PASSWORD = 12;

/** The server's rules for createUser, as sentences for the form. */
export function validateNewUser(input: NewUser): NewUserErrors {
  const errors: NewUserErrors = {};
  const name = input.name.trim();
  const email = input.email.trim();
  if (!name) errors.name = 'Enter the person’s name.';
  else if (name.length > 120) errors.name = 'The name must be at most 120 characters.';
  if (!email) errors.email = 'Enter an email address; the person signs in with it.';
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = 'This is not an email address (like name@company.com).';
  if (input.password.length < MIN_PASSWORD)
    errors.password = `The password must be at least ${MIN_PASSWORD} characters (${input.password.length} so far).`;
  else if (input.password.length > 256) errors.password = 'The password must be at most 256 characters.';
  return errors;
}

/** "input.email" (the server's field path) → "email", when it is one of the form's fields. */
export function formField(path: unknown): keyof NewUser | null {
  if (typeof path !== 'string') return null;
  const last = path.split('.').at(-1);
  return last === 'name' || last === 'email' || last === 'password' ? last : null;
}
