// Per-request DataLoaders: one batch per type and company, so nested queries issue a bounded
// number of SQL statements whatever the row counts.
import DataLoader from 'dataloader';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../lib/errors.ts';
import { createCompanyLoader } from '../modules/company/company.loader.ts';
import { companiesOfCredentials } from '../modules/credential/credential.changes.ts';
import { companiesOfEndpoints, companiesOfOperations } from '../modules/endpoint/endpoint.service.ts';
import { createEndpointLoader, createOperationsByEndpointLoader } from '../modules/endpoint/endpoint.loader.ts';
import { companiesOfInvitations } from '../modules/invitation/invitation.service.ts';
import { createMembershipsByUserLoader } from '../modules/membership/membership.loader.ts';
import { createRoleLoader } from '../modules/role/role.loader.ts';

/** id → the company that owns it (or null): the shield rule and the resolver share one lookup. */
function ownerCompanyLoader(fetch: (ids: readonly string[]) => Promise<Map<string, string>>) {
  return new DataLoader(async (ids: readonly string[]) => {
    const owners = await fetch(ids);
    return ids.map((id) => owners.get(id) ?? null);
  });
}

export function createLoaders(db: Db) {
  return {
    companyOfEndpoint: ownerCompanyLoader((endpointIds) => companiesOfEndpoints(db, { endpointIds })),
    companyOfOperation: ownerCompanyLoader((operationIds) => companiesOfOperations(db, { operationIds })),
    companyOfCredential: ownerCompanyLoader((credentialIds) => companiesOfCredentials(db, { credentialIds })),
    companyOfInvitation: ownerCompanyLoader((invitationIds) => companiesOfInvitations(db, { invitationIds })),
    company: createCompanyLoader(db),
    role: createRoleLoader(db),
    endpoint: createEndpointLoader(db),
    operationsByEndpoint: createOperationsByEndpointLoader(db),
    membershipsByUser: createMembershipsByUserLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A related row that must exist (a foreign key guarantees it, unless deleted mid-request). */
export async function loadOrNotFound<K, V, C>(loader: DataLoader<K, V | null, C>, key: K, what: string): Promise<V> {
  const value = await loader.load(key);
  if (value === null || value === undefined) throw new NotFoundError(what);
  return value;
}
