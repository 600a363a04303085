// A cheap "did anything change?" for the fuzzer: one md5 per table over all of its rows, in one
// query. snapshot() in test/world.ts reads every row into memory, too slow to run twice per case.
import type { Db } from '../../src/db/client.ts';

let tables: string[] | null = null;

/**
 * Tables the database itself keeps append-only (a trigger refuses UPDATE, DELETE and TRUNCATE):
 * any change is a new row, so their count and newest id tell as much as their whole content, and
 * hashing every row of a table that grows with each fuzzed call made the run quadratic.
 */
const APPEND_ONLY = new Set(['audit_logs']);

const contentDigest = (t: string) =>
  `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`;
const appendOnlyDigest = (t: string) =>
  `SELECT '${t}' AS t, count(*) || ':' || coalesce(max(id)::text, '') AS h FROM "${t}"`;

export async function fingerprint(db: Db): Promise<Record<string, string>> {
  tables ??= (
    await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`
  ).map((t) => t.table_name);
  const sql = tables.map((t) => (APPEND_ONLY.has(t) ? appendOnlyDigest(t) : contentDigest(t))).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** Tables whose rows differ between two fingerprints. */
export function diffTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();
}
