// The facts behind decide(), loaded one way. policy.ts stays pure; this is the one place that says
// which rows are "the grants of a person's roles on an endpoint", as SQL that every reader
// embeds, so the gateway, the lists of what a person may use (myEndpoints, the assistant's and
// MCP's tools, the dashboards, the admin preview), a person's access page and the inbound-webhook
// events all decide from the same facts:
//
// - grantsOfRoles(): the JSON array of {roleId, access} a statement selects per endpoint row;
// - loadRoleGrants(): those grants for a company's endpoints (or one), on their own;
// - queryGrantedEndpoints(): the endpoints the roles are granted, with grants and operations.
//
// The gateway keeps its own one statement (gateway/call-facts.ts: endpoint, operation, field rules,
// grants and credentials at once, on every call; the gateway_overhead benchmark counts it), with
// its grants from grantsOfRoles() too: a second statement per call for a shared loader would cost
// a round trip on the hottest path for no change in what is decided.
import type { Db } from '../db/client.ts';
import { preparedQuery, type PreparedStatement } from '../db/prepared.ts';
import type { EndpointOperation } from '../generated/prisma/client.ts';
import type { RoleGrant } from './policy.ts';

/** The role_api_permissions rows of the roles in `roleIds` (an SQL uuid[] parameter) on `endpoint` (an api_endpoints alias). */
const grantRowsOf = (endpoint: string, roleIds: string) =>
  `FROM role_api_permissions p WHERE p.endpoint_id = ${endpoint}.id AND p.company_id = ${endpoint}.company_id AND p.role_id = ANY(${roleIds}::uuid[])`;

/** SQL: the grants of the roles on the endpoint row, as a JSON array of {roleId, access} (empty when none). */
export const grantsOfRoles = (endpoint: string, roleIds: string) =>
  `COALESCE((SELECT json_agg(json_build_object('roleId', p.role_id, 'access', p.access)) ${grantRowsOf(endpoint, roleIds)}), '[]'::json)`;

/** SQL: does any of the roles hold a grant on the endpoint row? */
const hasGrantOfRoles = (endpoint: string, roleIds: string) => `EXISTS (SELECT 1 ${grantRowsOf(endpoint, roleIds)})`;

/** SQL: an endpoint's columns, as the list queries return them (alias `e`). */
export const ENDPOINT_COLUMNS = `e.id, e.company_id AS "companyId", e.slug, e.name, e.description, e.base_url AS "baseUrl",
  e.cache_ttl_seconds AS "cacheTtlSeconds", e.rate_limit_per_minute AS "rateLimitPerMinute"`;

// Without created_at and updated_at, which nothing reading these lists shows: turning them back
// into Dates (new Date of an ISO string, 300 per matrix row) was 2% of the dashboard's CPU.
/** SQL: every operation of the endpoint `e`, by key, as a JSON array. */
export const OPERATIONS_OF_ENDPOINT = `COALESCE((SELECT json_agg(json_build_object('id', o.id, 'endpointId', o.endpoint_id, 'key', o.key, 'method', o.method,
    'path', o.path, 'description', o.description, 'paramsSchema', o.params_schema) ORDER BY o.key)
  FROM endpoint_operations o WHERE o.endpoint_id = e.id), '[]'::json) AS operations`;

const ROLE_GRANTS: PreparedStatement = {
  name: 'tessera_role_grants',
  // $1 company, $2 role ids, $3 one endpoint or null for all of the company's.
  text: `SELECT e.id AS "endpointId", ${grantsOfRoles('e', '$2')} AS grants
    FROM api_endpoints e
    WHERE e.company_id = $1::uuid AND ($3::uuid IS NULL OR e.id = $3::uuid) AND ${hasGrantOfRoles('e', '$2')}`,
};

const GRANTED_ENDPOINTS: PreparedStatement = {
  name: 'tessera_granted_endpoints',
  text: `SELECT ${ENDPOINT_COLUMNS}, ${grantsOfRoles('e', '$2')} AS grants, ${OPERATIONS_OF_ENDPOINT}
    FROM api_endpoints e
    WHERE e.company_id = $1::uuid AND ${hasGrantOfRoles('e', '$2')}
    ORDER BY e.name`,
};

/**
 * The grants of `roleIds` on the company's endpoints (or on `endpointId` only), by endpoint; an
 * endpoint none of them is granted is absent. Ids must be UUIDs (the caller checks).
 */
export async function loadRoleGrants(
  db: Db,
  {
    companyId,
    roleIds,
    endpointId = null,
  }: { companyId: string; roleIds: readonly string[]; endpointId?: string | null },
): Promise<Map<string, RoleGrant[]>> {
  if (roleIds.length === 0) return new Map();
  const rows = await preparedQuery<{ endpointId: string; grants: RoleGrant[] }>(db, ROLE_GRANTS, [
    companyId,
    [...roleIds],
    endpointId,
  ]);
  return new Map(rows.map((row) => [row.endpointId, row.grants]));
}

/** An endpoint as the lists of what a person may use show it. */
export interface GrantedEndpointFacts {
  id: string;
  companyId: string;
  slug: string;
  name: string;
  description: string | null;
  baseUrl: string;
  cacheTtlSeconds: number;
  rateLimitPerMinute: number | null;
}

type OperationFacts = Omit<EndpointOperation, 'createdAt' | 'updatedAt'>;

export interface GrantedEndpoint {
  endpoint: GrantedEndpointFacts;
  /** Every operation of the endpoint, by key. */
  operations: OperationFacts[];
  /** The grants of the asked roles on it (at least one). */
  grants: RoleGrant[];
}

type GrantedEndpointRow = GrantedEndpointFacts & { operations: OperationFacts[]; grants: RoleGrant[] };

/** The company's endpoints some of `roleIds` are granted, with those grants and every operation, by name: one statement. */
export async function queryGrantedEndpoints(
  db: Db,
  { companyId, roleIds }: { companyId: string; roleIds: readonly string[] },
): Promise<GrantedEndpoint[]> {
  const rows = await preparedQuery<GrantedEndpointRow>(db, GRANTED_ENDPOINTS, [companyId, [...roleIds]]);
  return rows.map(
    ({
      operations,
      grants,
      id,
      companyId: company,
      slug,
      name,
      description,
      baseUrl,
      cacheTtlSeconds,
      rateLimitPerMinute,
    }) => ({
      endpoint: { id, companyId: company, slug, name, description, baseUrl, cacheTtlSeconds, rateLimitPerMinute },
      operations,
      grants,
    }),
  );
}
