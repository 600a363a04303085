// Admin pages that show one company or, for a platform admin, every company at once (the audit
// log, analytics): which one is chosen, whether the caller may read it, and the select for it.
import { useId, useState } from 'react';
import { useCompany, useMe } from './company-context.tsx';
import { canAdministerCompany, mayReadEveryCompany } from './policy.ts';

const ALL = 'all';

export interface AdminCompanyScope {
  /** A platform admin looking at every company (also when no company is chosen). */
  everyCompany: boolean;
  /** The company to ask about; null for every company. */
  companyId: string | null;
  /** Whether the caller administers what is chosen (the server refuses otherwise anyway). */
  canRead: boolean;
  /** "all companies" or the company's name, for sentences. */
  name: string;
  /** A key that changes with the choice (to reset paging and state below it). */
  key: string;
  choose(value: 'company' | typeof ALL): void;
}

export function useAdminCompanyScope(): AdminCompanyScope {
  const me = useMe();
  const { company } = useCompany();
  const [scope, setScope] = useState<string>('company');
  const everyCompany = mayReadEveryCompany(me) && (scope === ALL || !company);
  return {
    everyCompany,
    companyId: everyCompany ? null : (company?.id ?? null),
    canRead: everyCompany || canAdministerCompany(me, company),
    name: everyCompany ? 'all companies' : (company?.name ?? ''),
    key: everyCompany ? ALL : (company?.id ?? ''),
    choose: setScope,
  };
}

/** The "Companies" select: the chosen company or all of them; platform admins only. */
export function CompanyScopeSelect({ scope }: { scope: AdminCompanyScope }) {
  const me = useMe();
  const { company } = useCompany();
  const id = useId();
  if (!mayReadEveryCompany(me)) return null;
  return (
    <div>
      <label htmlFor={id}>Companies</label>
      <select
        id={id}
        value={scope.everyCompany ? ALL : 'company'}
        onChange={(e) => scope.choose(e.target.value === ALL ? ALL : 'company')}
      >
        {company && <option value="company">{company.name}</option>}
        <option value={ALL}>All companies</option>
      </select>
    </div>
  );
}
