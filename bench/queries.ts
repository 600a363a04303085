// The GraphQL documents the scenarios send, the same to Tessera and to the baselines.

/**
 * One role's row of the admin access matrix, nested like the access page: every endpoint of the
 * company with the role's access, each endpoint's operations and company (the same shape as
 * server/src/graphql/sql-count.test.ts). The access page asks it for one role at a time.
 */
export function matrixQuery(roleId: string, companyId: string) {
  return {
    query:
      'query Matrix($r: ID!, $c: ID!) { roleAccess(roleId: $r, companyId: $c) { access endpoint { id slug name operations { id key method } company { id slug } } } }',
    variables: { r: roleId, c: companyId },
  };
}

/** A person's APIs page: what they may use in the company, with operations (web/src's query). */
export function myEndpointsQuery(companyId: string) {
  return {
    query:
      'query MyEndpoints($c: ID!) { myEndpoints(companyId: $c) { access endpoint { id name slug description operations { id key method path description } } } }',
    variables: { c: companyId },
  };
}

export const HEALTH_QUERY = '{ __typename }';

/** A flat 1,000-row list (every endpoint of "Bench Wide"). */
export function endpointListQuery(companyId: string) {
  return {
    query: 'query List($c: ID!) { endpoints(companyId: $c) { id slug name description baseUrl cacheTtlSeconds } }',
    variables: { c: companyId },
  };
}

export function readOperationQuery(
  companyId: string,
  endpointId: string,
  operation: string,
  params?: Record<string, unknown>,
) {
  return {
    query:
      'query Read($c: ID!, $e: ID!, $o: String!, $p: JSON) { readOperation(companyId: $c, endpointId: $e, operation: $o, params: $p) { status cached } }',
    variables: { c: companyId, e: endpointId, o: operation, p: params ?? null },
  };
}
