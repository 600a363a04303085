// The statement that puts a scope on a connection (session-wide) or on one transaction (local).
// Parameters, never interpolation: company ids come from the database but stay data.
import { type DbScope, scopeSettings } from './scope.ts';

export const SET_SCOPE_SQL =
  "SELECT set_config('tessera.company_ids', $1, $3), set_config('tessera.all_companies', $2, $3)";

export function setScopeArgs(scope: DbScope, local: boolean): [string, string, boolean] {
  const { companyIds, allCompanies } = scopeSettings(scope);
  return [companyIds, allCompanies, local];
}
