// The database role the application runs as when row security is on: it owns nothing, is no
// superuser and may not bypass row security, so the policies of migration
// 20261129000000_row_level_security bind every statement it sends. The owner (DATABASE_URL)
// runs migrations and grants; the application connects as this role (DATABASE_APP_URL, or a
// role Tessera provisions itself: its password is derived, never stored or logged).
import { createHmac } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const DEFAULT_APP_ROLE = 'tessera_app';

/** Refuses to start when the app's connection would not be bound by the policies. */
export class RowSecurityUnavailableError extends Error {
  override name = 'RowSecurityUnavailableError';
}

/** Privileges on this database: every table and sequence, except changing the audit trail or the migration history. */
function grantStatements(role: string, database: string): string[] {
  const r = pg.escapeIdentifier(role);
  return [
    `GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM ${r}`,
    `REVOKE ALL ON _prisma_migrations FROM ${r}`,
  ];
}

const CREATE_ROLE = `NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION`;

/** The app role's password: a keyed hash, so every instance of one installation derives the same. */
export function deriveAppRolePassword(key: string, role: string): string {
  return createHmac('sha256', key).update(`tessera-database-app-role:${role}`).digest('base64url');
}

export interface ProvisionOptions {
  ownerUrl: string;
  role: string;
  password: string;
}

const isAuthFailure = (error: unknown) => ['28P01', '28000'].includes((error as { code?: string }).code ?? '');
const isConcurrentCatalogUpdate = (error: unknown) =>
  ['XX000', '23505', '42710'].includes((error as { code?: string }).code ?? '');

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function appRoleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Creates the role when missing, sets its password when it cannot sign in with the derived one,
 * and grants it this database's tables. Safe to run from many processes at once: instances of
 * one database take turns (an advisory lock, which PostgreSQL keeps per database), and since the
 * role is shared by every database of the server, a catalog race with another database's
 * instances ("tuple concurrently updated") runs the idempotent steps again.
 */
export async function provisionAppRole({ ownerUrl, role, password }: ProvisionOptions): Promise<string> {
  const appUrl = appRoleUrl(ownerUrl, role, password);
  await withClient(ownerUrl, async (owner) => {
    const database = (await owner.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    // Session-level: released when this client ends.
    await owner.query(`SELECT pg_advisory_lock(hashtextextended('tessera:provision-app-role', 0))`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const exists = (await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
        if (!exists)
          await owner.query(
            `CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN ${CREATE_ROLE} PASSWORD ${pg.escapeLiteral(password)}`,
          );
        else if (!(await canSignIn(appUrl)))
          await owner.query(`ALTER ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
        for (const statement of grantStatements(role, database)) await owner.query(statement);
        break;
      } catch (error) {
        if (!isConcurrentCatalogUpdate(error) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
      }
    }
  });
  return appUrl;
}

async function canSignIn(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => undefined);
    return true;
  } catch (error) {
    if (isAuthFailure(error)) return false;
    throw error;
  }
}

const BOUND_CHECK = `
  SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
         (SELECT c.relowner = r.oid FROM pg_class c WHERE c.relname = 'api_endpoints' AND c.relkind = 'r') AS owner
  FROM pg_roles r WHERE r.rolname = current_user`;

/** Proves the connection is bound by the policies: not a superuser, no BYPASSRLS, not the tables' owner. */
async function assertBoundByPolicies(
  query: (sql: string) => Promise<{ role: string; superuser: boolean; bypass: boolean; owner: boolean | null }[]>,
): Promise<void> {
  const [row] = await query(BOUND_CHECK);
  if (!row)
    throw new RowSecurityUnavailableError(
      'Row security: could not read the database role the application connects as.',
    );
  const reasons = [
    row.superuser && 'is a superuser',
    row.bypass && 'may bypass row security',
    row.owner && 'owns the tables',
  ].filter(Boolean);
  if (reasons.length > 0) {
    throw new RowSecurityUnavailableError(
      `Row security: the application connects as "${row.role}", which ${reasons.join(' and ')}, so the tenant policies would not apply. ` +
        'Give DATABASE_APP_URL a plain role (or let Tessera provision one), or set DATABASE_ROW_SECURITY=off.',
    );
  }
}

export function assertPostgresAppRole(appUrl: string): Promise<void> {
  return withClient(appUrl, (client) => assertBoundByPolicies(async (sql) => (await client.query(sql)).rows));
}

/**
 * PGlite is one connection as its superuser: the same role is created and the connection
 * switches to it for good, after migrations (which need the owner).
 */
export async function becomeAppRoleOnPglite(pglite: PGlite, role: string = DEFAULT_APP_ROLE): Promise<void> {
  const exists = (await pglite.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rows.length === 1;
  if (!exists) await pglite.exec(`CREATE ROLE ${pg.escapeIdentifier(role)} NOLOGIN ${CREATE_ROLE}`);
  for (const statement of grantStatements(role, 'postgres').slice(1)) await pglite.exec(statement);
  await pglite.exec(`SET ROLE ${pg.escapeIdentifier(role)}`);
  await assertBoundByPolicies(
    async (sql) =>
      (await pglite.query<{ role: string; superuser: boolean; bypass: boolean; owner: boolean | null }>(sql)).rows,
  );
}
