// Usage analytics from the upstream call log (upstream_calls): calls, errors, latency
// percentiles, cache hit rate and rate-limit refusals per endpoint, role, UTC day or company.
// One aggregate query per request: the groups and the totals come out of the same GROUPING
// SETS, so the totals always add up to the rows. The shield decides who may ask for which
// company (or, with companyId null, for all of them); the query also filters by company_id
// itself rather than leaning on row-level security alone.
import type { Db } from '../../db/client.ts';
import { Prisma } from '../../db/client.ts';
import { BadInputError } from '../../lib/errors.ts';
import { UsageGroupBy, type UsageRow, type UsageStats } from './usage.types.ts';

/** A year, leap day included: a DAY chart of more than that is no longer readable. */
const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface UsageQuery {
  /** null: every company (the shield lets only platform admins ask). */
  companyId: string | null;
  from: Date;
  /** Exclusive. */
  to: Date;
  groupBy: UsageGroupBy;
}

interface AggregateRow {
  key: string | null;
  label: string | null;
  is_total: number;
  calls: number;
  errors: number;
  rate_limited: number;
  ok_gets: number;
  cache_hits: number;
  p50: number | null;
  p95: number | null;
}

// Key and label of each grouping. Only these fixed fragments ever reach the SQL text; every
// value the caller sends is a bound parameter. Across every company two endpoints may share a
// name ("Sales API"), so there the label names the company too.
function groupSql(
  groupBy: Exclude<UsageGroupBy, UsageGroupBy.DAY>,
  everyCompany: boolean,
): { key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql } {
  switch (groupBy) {
    case UsageGroupBy.ENDPOINT:
      return {
        key: Prisma.sql`c.endpoint_id::text`,
        label: everyCompany
          ? Prisma.sql`COALESCE(g.name, 'Deleted endpoint') || ' (' || COALESCE(co.name, 'deleted company') || ')'`
          : Prisma.sql`COALESCE(g.name, 'Deleted endpoint')`,
        join: Prisma.sql`LEFT JOIN api_endpoints g ON g.id = c.endpoint_id LEFT JOIN companies co ON co.id = c.company_id`,
      };
    case UsageGroupBy.ROLE:
      return {
        key: Prisma.sql`COALESCE(c.role_id::text, 'none')`,
        label: Prisma.sql`CASE WHEN c.role_id IS NULL THEN 'No role' ELSE COALESCE(g.name, 'Deleted role') END`,
        join: Prisma.sql`LEFT JOIN roles g ON g.id = c.role_id`,
      };
    case UsageGroupBy.COMPANY:
      return {
        key: Prisma.sql`c.company_id::text`,
        label: Prisma.sql`COALESCE(g.name, 'Deleted company')`,
        join: Prisma.sql`LEFT JOIN companies g ON g.id = c.company_id`,
      };
  }
}

export async function usageStats(db: Db, { companyId, from, to, groupBy }: UsageQuery): Promise<UsageStats> {
  assertRange(from, to);
  const rows = await db.$queryRaw<AggregateRow[]>(aggregateSql({ companyId, from, to, groupBy }));
  const total = rows.find((r) => Number(r.is_total) === 1);
  return {
    totals: toUsageRow({ ...total!, key: 'total', label: 'Total' }),
    rows: rows.filter((r) => r !== total).map(toUsageRow),
  };
}

function assertRange(from: Date, to: Date) {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new BadInputError('from and to must be valid times.', 'from');
  if (from >= to) throw new BadInputError('from must be before to.', 'from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new BadInputError(`The range may span at most ${MAX_RANGE_DAYS} days.`, 'to');
}

function aggregateSql({ companyId, from, to, groupBy }: UsageQuery): Prisma.Sql {
  const inRange = Prisma.sql`c.created_at >= ${from}::timestamptz AND c.created_at < ${to}::timestamptz
    AND (${companyId}::uuid IS NULL OR c.company_id = ${companyId}::uuid)`;
  // Rate-limited calls never waited on anything: their durations would only drag the
  // percentiles down. Cache hits are what the caller experienced, so they count.
  const measures = Prisma.sql`
    count(x.outcome)::int AS calls,
    (count(*) FILTER (WHERE x.outcome NOT IN ('ok', 'rate_limited')))::int AS errors,
    (count(*) FILTER (WHERE x.outcome = 'rate_limited'))::int AS rate_limited,
    (count(*) FILTER (WHERE x.outcome = 'ok' AND x.method = 'GET'))::int AS ok_gets,
    (count(*) FILTER (WHERE x.outcome = 'ok' AND x.method = 'GET' AND x.cached))::int AS cache_hits,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY x.duration_ms) FILTER (WHERE x.outcome <> 'rate_limited') AS p50,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY x.duration_ms) FILTER (WHERE x.outcome <> 'rate_limited') AS p95`;

  if (groupBy === UsageGroupBy.DAY) {
    // Every UTC day the range touches, joined to its calls, so a chart has no holes.
    return Prisma.sql`
      WITH days AS (
        SELECT to_char(d, 'YYYY-MM-DD') AS key
        FROM generate_series(
          date_trunc('day', ${from}::timestamptz AT TIME ZONE 'UTC'),
          date_trunc('day', (${to}::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC'),
          interval '1 day') AS d
      ), x AS (
        SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS key, c.outcome, c.method, c.cached, c.duration_ms
        FROM upstream_calls c
        WHERE ${inRange}
      )
      SELECT days.key, days.key AS label, GROUPING(days.key) AS is_total, ${measures}
      FROM days LEFT JOIN x ON x.key = days.key
      GROUP BY GROUPING SETS ((days.key), ())
      ORDER BY is_total DESC, days.key`;
  }

  const group = groupSql(groupBy, companyId === null);
  return Prisma.sql`
    WITH x AS (
      SELECT ${group.key} AS key, ${group.label} AS label, c.outcome, c.method, c.cached, c.duration_ms
      FROM upstream_calls c ${group.join}
      WHERE ${inRange}
    )
    SELECT x.key, x.label, GROUPING(x.key) AS is_total, ${measures}
    FROM x
    GROUP BY GROUPING SETS ((x.key, x.label), ())
    ORDER BY is_total DESC, calls DESC, x.label, x.key`;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toUsageRow(row: AggregateRow): UsageRow {
  const calls = Number(row.calls);
  const errors = Number(row.errors);
  return {
    key: String(row.key),
    label: String(row.label),
    calls,
    errors,
    errorRate: ratio(errors, calls),
    p50Ms: numberOrNull(row.p50),
    p95Ms: numberOrNull(row.p95),
    cacheHitRate: ratio(Number(row.cache_hits), Number(row.ok_gets)),
    rateLimited: Number(row.rate_limited),
  };
}
