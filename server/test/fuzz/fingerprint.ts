// A cheap "did anything change?" for the fuzzer: one md5 per table over all of its rows, in one
// query. snapshot() in test/world.ts reads every row into memory, too slow to run twice per case.
import type { Db } from '../../src/db/client.ts';

let tables: string[] | null = null;

export async function fingerprint(db: Db): Promise<Record<string, string>> {
  tables ??= (
    await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`
  ).map((t) => t.table_name);
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** Tables whose rows differ between two fingerprints. */
export function diffTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();
}
