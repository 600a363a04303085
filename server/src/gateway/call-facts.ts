// What a gateway call needs to decide and to send, read in one hand-written prepared statement: the
// endpoint of this company, the operation with the response-field rules of the caller's roles,
// the grants of those roles, and the credentials they (or every role) may use. It runs on every
// call, cached or not, so it skips the ORM's query building and result mapping (the
// gateway_overhead benchmark: about a millisecond per call). The grants are the policy's own
// facts query (policy/policy.facts.ts), embedded so the call stays one statement.
import type { Db } from '../db/client.ts';
import { preparedQuery, type PreparedStatement } from '../db/prepared.ts';
import type { AccessLevel } from '../policy/policy.ts';
import { grantsOfRoles } from '../policy/policy.facts.ts';
import type { CredentialForCall } from './credential-call.ts';
import type { FieldRuleLike } from './field-filter.ts';

export interface CallFacts {
  id: string;
  companyId: string;
  name: string;
  slug: string;
  baseUrl: string;
  cacheTtlSeconds: number;
  rateLimitPerMinute: number | null;
  /** The operation named by the call, or null when the endpoint has none of that key. */
  operation: {
    id: string;
    key: string;
    method: string;
    path: string;
    paramsSchema: unknown;
    /** When the operation last changed (ISO text): its compiled parameter validator is cached until then. */
    updatedAt: string;
    fieldRules: (FieldRuleLike & { roleId: string })[];
  } | null;
  grants: { roleId: string; access: AccessLevel }[];
  /** Oldest first. */
  credentials: (CredentialForCall & { createdAt: string })[];
}

interface FactsRow {
  id: string;
  company_id: string;
  name: string;
  slug: string;
  base_url: string;
  cache_ttl_seconds: number;
  rate_limit_per_minute: number | null;
  operation: CallFacts['operation'];
  grants: CallFacts['grants'];
  credentials: CallFacts['credentials'];
}

const CALL_FACTS: PreparedStatement = {
  name: 'tessera_gateway_call_facts',
  // $1 endpoint, $2 company, $3 operation key, $4 the caller's role ids in the company.
  text: `SELECT e.id, e.company_id, e.name, e.slug, e.base_url, e.cache_ttl_seconds, e.rate_limit_per_minute,
      (SELECT json_build_object('id', o.id, 'key', o.key, 'method', o.method, 'path', o.path, 'paramsSchema', o.params_schema, 'updatedAt', o.updated_at,
          'fieldRules', COALESCE((SELECT json_agg(json_build_object('roleId', r.role_id, 'mode', r.mode, 'paths', r.paths))
                                  FROM operation_field_rules r WHERE r.operation_id = o.id AND r.role_id = ANY($4::uuid[])), '[]'::json))
        FROM endpoint_operations o WHERE o.endpoint_id = e.id AND o.key = $3) AS operation,
      ${grantsOfRoles('e', '$4')} AS grants,
      COALESCE((SELECT json_agg(json_build_object('id', c.id, 'companyId', c.company_id, 'roleId', c.role_id, 'endpointId', c.endpoint_id,
                                                  'kind', c.kind, 'ciphertext', c.ciphertext, 'origin', c.origin, 'createdAt', c.created_at) ORDER BY c.created_at, c.id)
                FROM api_credentials c WHERE c.endpoint_id = e.id AND c.company_id = e.company_id AND (c.role_id IS NULL OR c.role_id = ANY($4::uuid[]))), '[]'::json) AS credentials
    FROM api_endpoints e
    WHERE e.id = $1::uuid AND e.company_id = $2::uuid`,
};

/** Null when the company has no such endpoint (ids must be UUIDs: the caller checks). */
export async function loadCallFacts(
  db: Db,
  {
    companyId,
    endpointId,
    operationKey,
    roleIds,
  }: { companyId: string; endpointId: string; operationKey: string; roleIds: string[] },
): Promise<CallFacts | null> {
  const [row] = await preparedQuery<FactsRow>(db, CALL_FACTS, [endpointId, companyId, operationKey, roleIds]);
  if (!row) return null;
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    slug: row.slug,
    baseUrl: row.base_url,
    cacheTtlSeconds: row.cache_ttl_seconds,
    rateLimitPerMinute: row.rate_limit_per_minute,
    operation: row.operation,
    grants: row.grants,
    credentials: row.credentials,
  };
}
