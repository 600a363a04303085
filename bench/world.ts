// The data the scenarios need on top of the demo world, written with plain SQL as the database
// owner (fast, and not bound by row security):
// - "Bench Matrix": 50 endpoints with 3 operations each, and the first 20 roles granted across
//   them in a READ / WRITE / NONE pattern (the 20 × 50 access matrix). dev@demo.test holds 3 of
//   those roles there (their myEndpoints).
// - "Bench 1x1": 1 endpoint, 1 role granted (the small end of the statement count).
// - "Bench Wide": 1,000 endpoints (the 1,000-row list of the shield cost).
// Every endpoint gets a rate limit no benchmark reaches: the scenarios measure, not throttle.
import pg from 'pg';

export interface BenchWorld {
  matrix: { companyId: string; roleIds: string[] };
  oneByOne: { companyId: string; roleIds: string[] };
  wide: { companyId: string };
  /** Acme's Finance API (the CEO reads it; API-key credential): the gateway scenarios. */
  finance: { companyId: string; endpointId: string; baseUrl: string };
}

export const MATRIX_ROLES = 20;
export const MATRIX_ENDPOINTS = 50;
const WIDE_ENDPOINTS = 1000;

async function company(client: pg.Client, slug: string, name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO companies (id, name, slug, updated_at) VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id',
    [name, slug],
  );
  return rows[0]!.id;
}

/** `count` endpoints named api-000.., each with `operations` operations (GET, GET, POST...). */
async function endpoints(client: pg.Client, companyId: string, count: number, operations: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO api_endpoints (id, company_id, slug, name, description, base_url, updated_at)
     SELECT gen_random_uuid(), $1, 'api-' || lpad(i::text, 4, '0'), 'API ' || lpad(i::text, 4, '0'), 'Benchmark API ' || i, 'https://api-' || i || '.example.test', now()
     FROM generate_series(1, $2::int) AS i ORDER BY i RETURNING id`,
    [companyId, count],
  );
  if (operations > 0) {
    await client.query(
      `INSERT INTO endpoint_operations (id, endpoint_id, key, method, path, description, updated_at)
       SELECT gen_random_uuid(), e, 'op' || n, CASE WHEN n % 3 = 0 THEN 'POST' ELSE 'GET' END, '/things/' || n, 'Operation ' || n, now()
       FROM unnest($1::uuid[]) AS e, generate_series(1, $2::int) AS n`,
      [rows.map((r) => r.id), operations],
    );
  }
  return rows.map((r) => r.id);
}

/** Role i's access to endpoint j: (i + j) mod 3 is NONE (no row), READ or WRITE: a third each. */
async function grantPattern(client: pg.Client, companyId: string, roleIds: string[], endpointIds: string[]) {
  await client.query(
    `INSERT INTO role_api_permissions (id, role_id, company_id, endpoint_id, access, updated_at)
     SELECT gen_random_uuid(), r.id, $1, e.id, (CASE (r.n + e.n) % 3 WHEN 1 THEN 'READ' ELSE 'WRITE' END)::"AccessLevel", now()
     FROM unnest($2::uuid[]) WITH ORDINALITY AS r(id, n), unnest($3::uuid[]) WITH ORDINALITY AS e(id, n)
     WHERE (r.n + e.n) % 3 <> 0`,
    [companyId, roleIds, endpointIds],
  );
}

export async function seedBenchWorld(ownerUrl: string): Promise<BenchWorld> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const roleIds = (
      await client.query<{ id: string }>('SELECT id FROM roles ORDER BY key LIMIT $1', [MATRIX_ROLES])
    ).rows.map((r) => r.id);
    if (roleIds.length < MATRIX_ROLES)
      throw new Error(`the demo world has ${roleIds.length} roles; the matrix needs ${MATRIX_ROLES}`);

    const matrixId = await company(client, 'bench-matrix', 'Bench Matrix');
    const matrixEndpoints = await endpoints(client, matrixId, MATRIX_ENDPOINTS, 3);
    await grantPattern(client, matrixId, roleIds, matrixEndpoints);
    await client.query(
      `INSERT INTO user_company_access (id, user_id, company_id, role_id)
       SELECT gen_random_uuid(), u.id, $1, r FROM users u, unnest($2::uuid[]) AS r WHERE u.email = 'dev@demo.test'`,
      [matrixId, roleIds.slice(0, 3)],
    );

    const oneId = await company(client, 'bench-1x1', 'Bench 1x1');
    await grantPattern(client, oneId, roleIds.slice(0, 1), await endpoints(client, oneId, 1, 3));

    const wideId = await company(client, 'bench-wide', 'Bench Wide');
    await endpoints(client, wideId, WIDE_ENDPOINTS, 0);

    await client.query('UPDATE api_endpoints SET rate_limit_per_minute = 100000000');
    const finance = (
      await client.query<{ company: string; endpoint: string; base_url: string }>(
        "SELECT c.id AS company, e.id AS endpoint, e.base_url FROM companies c JOIN api_endpoints e ON e.company_id = c.id WHERE c.slug = 'acme' AND e.slug = 'finance-api'",
      )
    ).rows[0];
    if (!finance) throw new Error('the demo world has no Acme Finance API');
    await client.query('COMMIT');
    return {
      matrix: { companyId: matrixId, roleIds },
      oneByOne: { companyId: oneId, roleIds: roleIds.slice(0, 1) },
      wide: { companyId: wideId },
      finance: { companyId: finance.company, endpointId: finance.endpoint, baseUrl: finance.base_url },
    };
  } finally {
    await client.end();
  }
}

/** Sets an endpoint's cache lifetime (the gateway reads it on every call). */
export async function setCacheTtl(ownerUrl: string, endpointId: string, seconds: number): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('UPDATE api_endpoints SET cache_ttl_seconds = $2 WHERE id = $1', [endpointId, seconds]);
  } finally {
    await client.end();
  }
}
