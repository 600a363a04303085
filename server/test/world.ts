// Ids of the seeded demo world, looked up by their stable natural keys.
import type { Db } from '../src/db/client.ts';

export interface WorldIds {
  company: Record<string, string>;
  role: Record<string, string>;
  user: Record<string, string>;
  /** "acme/sales-api" → id */
  endpoint: Record<string, string>;
  /** "acme/sales-api/listAccounts" → id */
  operation: Record<string, string>;
}

export async function worldIds(db: Db): Promise<WorldIds> {
  const [companies, roles, users, endpoints, operations] = await Promise.all([
    db.company.findMany(),
    db.role.findMany(),
    db.user.findMany(),
    db.apiEndpoint.findMany({ include: { company: true } }),
    db.endpointOperation.findMany({ include: { endpoint: { include: { company: true } } } }),
  ]);
  return {
    company: Object.fromEntries(companies.map((c) => [c.slug, c.id])),
    role: Object.fromEntries(roles.map((r) => [r.key, r.id])),
    user: Object.fromEntries(users.map((u) => [u.email.split('@')[0]!, u.id])),
    endpoint: Object.fromEntries(endpoints.map((e) => [`${e.company.slug}/${e.slug}`, e.id])),
    operation: Object.fromEntries(
      operations.map((o) => [`${o.endpoint.company.slug}/${o.endpoint.slug}/${o.key}`, o.id]),
    ),
  };
}

/** Every row of every application table, for "nothing changed" assertions. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    out[table_name] = await db.$queryRawUnsafe(`SELECT * FROM "${table_name}" ORDER BY 1`);
  }
  return out;
}
