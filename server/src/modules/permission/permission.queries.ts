// The long access lists, in hand-written prepared statements: a role's row of the admin matrix
// (every endpoint of the company with the role's access) here, and a person's APIs (the endpoints
// their roles are granted) in policy/policy.facts.ts, which every surface reads the grants from;
// each with its endpoints' operations. Through Prisma's relation queries (a JSONB aggregate per
// relation, then the ORM's result mapping) a matrix row of 50 endpoints took about 5 ms; this SQL
// about 2 ms (the bench's dashboard scenario).
import type { Db } from '../../db/client.ts';
import { preparedQuery, type PreparedStatement } from '../../db/prepared.ts';
import type { AccessLevel } from '../../policy/policy.ts';
import { ENDPOINT_COLUMNS, OPERATIONS_OF_ENDPOINT } from '../../policy/policy.facts.ts';
import type { EndpointRow, OperationRow } from '../endpoint/endpoint.types.ts';

// The role is checked in the same statement: no row when it does not exist, and one row without
// an endpoint (e.id null) when it does but the company has none.
const ROLE_ACCESS: PreparedStatement = {
  name: 'tessera_role_access',
  text: `SELECT ${ENDPOINT_COLUMNS}, p.access, ${OPERATIONS_OF_ENDPOINT}
    FROM roles r
    LEFT JOIN api_endpoints e ON e.company_id = $1::uuid
    LEFT JOIN role_api_permissions p ON p.endpoint_id = e.id AND p.company_id = e.company_id AND p.role_id = r.id
    WHERE r.id = $2::uuid
    ORDER BY e.name`,
};

type EndpointWith<T> = EndpointRow & T & { operations: OperationRow[] };

export interface EndpointWithOperations {
  endpoint: EndpointRow;
  /** Every operation of the endpoint, by key (for the request's operations loader). */
  operations: OperationRow[];
}

function split<T extends object>({ operations, ...rest }: EndpointWith<T>) {
  const { id, companyId, slug, name, description, baseUrl, cacheTtlSeconds, rateLimitPerMinute, ...extra } = rest;
  return {
    endpoint: { id, companyId, slug, name, description, baseUrl, cacheTtlSeconds, rateLimitPerMinute },
    operations,
    extra: extra as unknown as T,
  };
}

/**
 * Every endpoint of the company with the role's access (null: no grant), by name; null when
 * there is no such role (ids must be UUIDs: the caller checks).
 */
export async function queryRoleAccess(db: Db, { companyId, roleId }: { companyId: string; roleId: string }) {
  const rows = await preparedQuery<EndpointWith<{ access: AccessLevel | null }>>(db, ROLE_ACCESS, [companyId, roleId]);
  if (rows.length === 0) return null;
  return rows
    .filter((row) => row.id !== null)
    .map((row) => {
      const { endpoint, operations, extra } = split(row);
      return { endpoint, operations, access: extra.access };
    });
}
