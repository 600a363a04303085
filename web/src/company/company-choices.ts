// The companies a person can switch between: those where they hold a role, and those they
// administer (a platform admin may hold no role anywhere and still manage every company).

export interface RoleRef {
  id: string;
  key: string;
  name: string;
}

export interface CompanyRef {
  id: string;
  name: string;
  slug: string;
}

export interface CompanyChoice extends CompanyRef {
  /** The roles the person holds there (empty for a company they only administer). */
  roles: RoleRef[];
  administers: boolean;
}

export function buildCompanyChoices(
  memberships: readonly { company: CompanyRef; role: RoleRef }[],
  administered: readonly CompanyRef[],
): CompanyChoice[] {
  const byId = new Map<string, CompanyChoice>();
  const entry = (company: CompanyRef) => {
    const existing = byId.get(company.id);
    if (existing) return existing;
    const created: CompanyChoice = {
      id: company.id,
      name: company.name,
      slug: company.slug,
      roles: [],
      administers: false,
    };
    byId.set(company.id, created);
    return created;
  };
  for (const { company, role } of memberships) {
    const choice = entry(company);
    if (!choice.roles.some((r) => r.id === role.id)) choice.roles.push(role);
  }
  for (const company of administered) entry(company).administers = true;
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The saved choice when it is still one of the person's companies, else the first. */
export function pickCompany(choices: readonly CompanyChoice[], savedId: string | null): CompanyChoice | null {
  return choices.find((c) => c.id === savedId) ?? choices[0] ?? null;
}
