// A request's row scope is what the policy says the caller may see at all
// (visibleCompanyIds: their companies, every company for a platform administrator); a
// visitor's is none.
import type { Principal } from '../../auth/principal.ts';
import { visibleCompanyIds } from '../../policy/policy.ts';
import { companiesScope, NO_COMPANIES, systemScope, withDbScope, type DbScope } from './scope.ts';

export function scopeOfPrincipal(principal: Principal | null): DbScope {
  if (!principal) return NO_COMPANIES;
  const visible = visibleCompanyIds(principal);
  return visible === null ? systemScope('platform administrator') : companiesScope(visible);
}

/** Work done for a principal (a gateway call, a chat, a confirmation) runs in their scope, wherever it is called from. */
export function inScopeOf<T>(principal: Principal, work: () => T): T {
  return withDbScope(scopeOfPrincipal(principal), work);
}
