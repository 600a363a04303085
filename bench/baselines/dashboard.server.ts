// Baseline of the `dashboard` scenario: what a careful hand-rolled graphql-js + pg server would
// do for the same two documents (the access matrix, myEndpoints with operations): verify the
// session JWT, load the caller's memberships, check the same rights, and answer with hand-written
// SQL: one statement per root field plus one batched statement per nested type per request.
// It runs as the database owner (no row security; the row_security scenario measures that).
// Env: DATABASE_URL, JWT_SECRET, PORT (optional).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pg from 'pg';
import { GraphQLError, buildSchema, serveGraphql } from './graphql-http.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = Buffer.from(process.env.JWT_SECRET ?? '', 'utf8');

const schema = buildSchema(`
  enum AccessLevel { NONE READ WRITE }
  type Company { id: ID! name: String! slug: String! }
  type EndpointOperation { id: ID! key: String! method: String! path: String! description: String }
  type ApiEndpoint { id: ID! slug: String! name: String! description: String baseUrl: String! company: Company! operations: [EndpointOperation!]! }
  type EndpointGrant { access: AccessLevel! endpoint: ApiEndpoint! }
  type Query {
    roleAccess(roleId: ID!, companyId: ID!): [EndpointGrant!]!
    myEndpoints(companyId: ID!): [EndpointGrant!]!
  }
`);

const b64url = (s: string) => Buffer.from(s, 'base64url');

/** The user id of a valid HS256 session token (Tessera's issuer and audience), else null. */
function verifyJwt(token: string): string | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = b64url(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if ((JSON.parse(b64url(header).toString()) as { alg?: string }).alg !== 'HS256') return null;
  const claims = JSON.parse(b64url(payload).toString()) as {
    sub?: string;
    iss?: string;
    aud?: string | string[];
    exp?: number;
  };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== 'tessera' || !audiences.includes('tessera-api') || !claims.exp || claims.exp * 1000 < Date.now())
    return null;
  return claims.sub ?? null;
}

interface Caller {
  isPlatformAdmin: boolean;
  memberships: { companyId: string; roleId: string; capabilities: string[] }[];
}

/** Per-request batching by hand: loads queued in one tick share one statement. */
function batcher<V>(fetch: (ids: string[]) => Promise<Map<string, V>>) {
  const cache = new Map<string, Promise<V | undefined>>();
  let queue: { id: string; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  return (id: string) => {
    let hit = cache.get(id);
    if (!hit) {
      hit = new Promise<V | undefined>((resolve, reject) => {
        if (queue.length === 0) {
          process.nextTick(() => {
            const batch = queue;
            queue = [];
            fetch(batch.map((b) => b.id)).then(
              (rows) => {
                for (const b of batch) b.resolve(rows.get(b.id));
              },
              (e) => {
                for (const b of batch) b.reject(e);
              },
            );
          });
        }
        queue.push({ id, resolve, reject });
      });
      cache.set(id, hit);
    }
    return hit;
  };
}

interface EndpointRow {
  id: string;
  company_id: string;
  slug: string;
  name: string;
  description: string | null;
  base_url: string;
}

function requestContext(caller: Caller | null) {
  const operations = batcher(async (ids) => {
    const { rows } = await pool.query<{
      endpoint_id: string;
      id: string;
      key: string;
      method: string;
      path: string;
      description: string | null;
    }>(
      'SELECT endpoint_id, id, key, method, path, description FROM endpoint_operations WHERE endpoint_id = ANY($1::uuid[]) ORDER BY key',
      [ids],
    );
    const byEndpoint = new Map<string, typeof rows>(ids.map((id) => [id, []]));
    for (const row of rows) byEndpoint.get(row.endpoint_id)!.push(row);
    return byEndpoint;
  });
  const companies = batcher(async (ids) => {
    const { rows } = await pool.query<{ id: string; name: string; slug: string }>(
      'SELECT id, name, slug FROM companies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  });
  const endpoint = (row: EndpointRow) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    baseUrl: row.base_url,
    company: () => companies(row.company_id),
    operations: async () => (await operations(row.id)) ?? [],
  });
  return { caller, endpoint };
}

type Context = ReturnType<typeof requestContext>;

const notFound = (what: string) => new GraphQLError(`${what} not found.`, { extensions: { code: 'NOT_FOUND' } });
const ACCESS_RANK: Record<string, number> = { READ: 1, WRITE: 2 };

const rootValue = {
  async roleAccess({ roleId, companyId }: { roleId: string; companyId: string }, { caller, endpoint }: Context) {
    if (!caller) throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
    const admin =
      caller.isPlatformAdmin ||
      caller.memberships.some((m) => m.companyId === companyId && m.capabilities.includes('manage_company'));
    if (!admin) throw notFound('Company');
    const exists = await pool.query<{ company: boolean; role: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM companies WHERE id = $1) AS company, EXISTS (SELECT 1 FROM roles WHERE id = $2) AS role',
      [companyId, roleId],
    );
    if (!exists.rows[0]!.company) throw notFound('Company');
    if (!exists.rows[0]!.role) throw notFound('Role');
    const { rows } = await pool.query<EndpointRow & { access: string | null }>(
      `SELECT e.id, e.company_id, e.slug, e.name, e.description, e.base_url, p.access
       FROM api_endpoints e LEFT JOIN role_api_permissions p ON p.endpoint_id = e.id AND p.company_id = e.company_id AND p.role_id = $2
       WHERE e.company_id = $1 ORDER BY e.name`,
      [companyId, roleId],
    );
    return rows.map((row) => ({ access: row.access ?? 'NONE', endpoint: endpoint(row) }));
  },

  async myEndpoints({ companyId }: { companyId: string }, { caller, endpoint }: Context) {
    if (!caller) throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
    const roleIds = caller.memberships.filter((m) => m.companyId === companyId).map((m) => m.roleId);
    if (roleIds.length === 0 && !caller.isPlatformAdmin) throw notFound('Company');
    if (roleIds.length === 0) return [];
    const { rows } = await pool.query<EndpointRow & { access: string }>(
      `SELECT e.id, e.company_id, e.slug, e.name, e.description, e.base_url, p.access
       FROM role_api_permissions p JOIN api_endpoints e ON e.id = p.endpoint_id
       WHERE p.company_id = $1 AND p.role_id = ANY($2::uuid[]) ORDER BY e.name`,
      [companyId, roleIds],
    );
    // The highest level over the caller's roles, as the policy computes it.
    const best = new Map<string, EndpointRow & { access: string }>();
    for (const row of rows)
      if ((ACCESS_RANK[row.access] ?? 0) > (ACCESS_RANK[best.get(row.id)?.access ?? ''] ?? 0)) best.set(row.id, row);
    return [...best.values()].map((row) => ({ access: row.access, endpoint: endpoint(row) }));
  },
};

async function callerOf(req: IncomingMessage): Promise<Caller | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const userId = token ? verifyJwt(token) : null;
  if (!userId) return null;
  const { rows } = await pool.query<{
    is_platform_admin: boolean;
    company_id: string | null;
    role_id: string | null;
    capabilities: string[] | null;
  }>(
    `SELECT u.is_platform_admin, m.company_id, m.role_id, r.capabilities
     FROM users u LEFT JOIN user_company_access m ON m.user_id = u.id LEFT JOIN roles r ON r.id = m.role_id WHERE u.id = $1`,
    [userId],
  );
  if (rows.length === 0) return null;
  return {
    isPlatformAdmin: rows[0]!.is_platform_admin,
    memberships: rows
      .filter((r) => r.company_id)
      .map((r) => ({ companyId: r.company_id!, roleId: r.role_id!, capabilities: r.capabilities ?? [] })),
  };
}

await serveGraphql(schema, rootValue, async (req) => requestContext(await callerOf(req)));
