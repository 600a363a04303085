// Per-request DataLoaders: one batch per type and company, so nested queries issue a bounded
// number of SQL statements whatever the row counts.
import type DataLoader from 'dataloader';
import type { Db } from '../db/client.ts';
import { NotFoundError } from './errors.ts';
import { createCompanyLoader } from '../modules/company/company.loader.ts';
import { createEndpointLoader, createOperationsByEndpointLoader } from '../modules/endpoint/endpoint.loader.ts';
import { createMembershipsByUserLoader } from '../modules/membership/membership.loader.ts';
import { createRoleLoader } from '../modules/role/role.loader.ts';

export function createLoaders(db: Db) {
  return {
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
