// Checks the audit trail's hash chains (docs/decisions/0008-audit-hash-chain.md). The database
// trigger `audit_logs_chain` links every new row to the last row of its chain (the company id,
// or "platform" for rows without a company); this file recomputes every link independently of
// that trigger, so a trigger that was replaced cannot vouch for itself.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../db/client.ts';

/** The client or a transaction (the tests verify inside a transaction they roll back). */
type Reader = Pick<Prisma.TransactionClient, '$queryRaw' | 'company'>;

const GENESIS_HASH = '0'.repeat(64);
export const PLATFORM_CHAIN = 'platform';

/** One audit row as the chain sees it: every hashed field as text, exactly as stored. */
interface ChainRow {
  id: string;
  chain: string;
  seq: string;
  prevHash: string;
  hash: string;
  createdAtMs: string;
  actorId: string | null;
  actorEmail: string | null;
  companyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  /** `details::text`: PostgreSQL's own rendering of the jsonb value, which is canonical. */
  details: string | null;
}

type BreakKind = 'edited' | 'removed' | 'reordered' | 'unchained';

interface ChainBreak {
  kind: BreakKind;
  id: string;
  seq: string;
  message: string;
  /** Set when the row's prev_hash names another row than the one before it. */
  linksTo?: string;
}

export interface ChainReport {
  chain: string;
  rows: number;
  /** The last row's seq and hash: record them elsewhere to notice a removed tail later. */
  head: { seq: string; hash: string } | null;
  /** The first broken row; later rows are counted but not judged against a broken link. */
  broken: ChainBreak | null;
}

// Mirrors the SQL function audit_log_field: the UTF-8 length, a colon and the text; NULL is "-".
function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** The hash the trigger must have stored for this row (SQL function audit_log_hash). */
function rowHash(row: Omit<ChainRow, 'hash'>): string {
  const text = [
    'tessera-audit-v1',
    field(row.chain),
    field(row.seq),
    field(row.prevHash),
    field(row.id),
    field(row.createdAtMs),
    field(row.actorId),
    field(row.actorEmail),
    field(row.companyId),
    field(row.action),
    field(row.targetType),
    field(row.targetId),
    field(row.requestId),
    field(row.details),
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Judges one row against the row before it in its chain (null for the first). */
function checkLink(previous: ChainRow | null, row: ChainRow): ChainBreak | null {
  const at = { id: row.id, seq: row.seq };
  const expectedSeq = previous ? BigInt(previous.seq) + 1n : 1n;
  if (row.chain !== (row.companyId ?? PLATFORM_CHAIN)) {
    return {
      kind: 'unchained',
      ...at,
      message: `row ${row.id} is not in the chain of its company (chain "${row.chain}"): it was written while the chain trigger was off, or moved`,
    };
  }
  if (BigInt(row.seq) !== expectedSeq) {
    return {
      kind: 'removed',
      ...at,
      message: `row ${row.id} has seq ${row.seq} where ${expectedSeq} was expected: ${BigInt(row.seq) - expectedSeq} row(s) before it were removed`,
    };
  }
  // Ids are not checked for order: concurrent inserts take ids before they queue for the chain
  // lock, so a later seq may carry a lower id.
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) {
    return {
      kind: 'removed',
      ...at,
      message: `row ${row.id} (seq ${row.seq}) does not link to the row before it: that row was replaced, or rows were removed and renumbered`,
      linksTo: row.prevHash,
    };
  }
  if (rowHash(row) !== row.hash) {
    return {
      kind: 'edited',
      ...at,
      message: `row ${row.id} (seq ${row.seq}) does not match its hash: it was edited after it was written`,
    };
  }
  return null;
}

const BATCH = 1000;

async function chainPage(db: Reader, chain: string, afterSeq: bigint): Promise<ChainRow[]> {
  return db.$queryRaw<ChainRow[]>`
    SELECT id::text AS "id", chain, seq::text AS "seq", prev_hash AS "prevHash", hash,
           round(extract(epoch FROM created_at) * 1000)::bigint::text AS "createdAtMs",
           actor_id::text AS "actorId", actor_email AS "actorEmail", company_id::text AS "companyId",
           action, target_type AS "targetType", target_id AS "targetId", request_id AS "requestId",
           details::text AS "details"
      FROM audit_logs WHERE chain = ${chain} AND seq > ${afterSeq}
     ORDER BY audit_logs.seq LIMIT ${BATCH}`; // the column, not the text alias "seq"
}

/** A link to a row that exists elsewhere in the chain means the rows were reordered. */
async function explain(db: Reader, chain: string, broken: ChainBreak | null): Promise<ChainBreak | null> {
  if (!broken?.linksTo) return broken;
  const { linksTo, ...rest } = broken;
  const [target] = await db.$queryRaw<
    { id: string; seq: string }[]
  >`SELECT id::text AS "id", seq::text AS "seq" FROM audit_logs WHERE chain = ${chain} AND hash = ${linksTo} LIMIT 1`;
  if (!target) return rest;
  return {
    ...rest,
    kind: 'reordered',
    message: `row ${rest.id} (seq ${rest.seq}) links to row ${target.id} (seq ${target.seq}), not to the row before it: rows were reordered`,
  };
}

/** Walks one chain in seq order, in pages, and reports its first break. */
async function verifyChain(db: Reader, chain: string): Promise<ChainReport> {
  let previous: ChainRow | null = null;
  let broken: ChainBreak | null = null;
  let rows = 0;
  for (;;) {
    const page = await chainPage(db, chain, previous ? BigInt(previous.seq) : -1n);
    for (const row of page) {
      if (!broken) broken = await explain(db, chain, checkLink(previous, row));
      previous = row;
      rows += 1;
    }
    if (page.length < BATCH) break;
  }
  return { chain, rows, head: previous ? { seq: previous.seq, hash: previous.hash } : null, broken };
}

/**
 * Verifies every chain, or only one company's. Chains are found from the rows themselves and
 * from the companies table, so a company whose rows were all removed shows up with 0 rows.
 */
export async function verifyAuditChains(db: Reader, options: { companyId?: string } = {}): Promise<ChainReport[]> {
  let chains: string[];
  if (options.companyId) {
    const report = await verifyChain(db, options.companyId);
    // Rows of this company outside its chain (written with the trigger off) are not walked above.
    const [stray] = await db.$queryRaw<{ id: string; chain: string }[]>`
      SELECT id::text AS "id", chain FROM audit_logs
       WHERE company_id = ${options.companyId}::uuid AND chain <> ${options.companyId} ORDER BY id LIMIT 1`;
    if (stray && !report.broken) {
      report.broken = {
        kind: 'unchained',
        id: stray.id,
        seq: '0',
        message: `row ${stray.id} is not in the chain of its company (chain "${stray.chain}"): it was written while the chain trigger was off, or moved`,
      };
    }
    return [report];
  } else {
    const rows = await db.$queryRaw<{ chain: string }[]>`SELECT DISTINCT chain FROM audit_logs`;
    const companies = await db.company.findMany({ select: { id: true } });
    chains = [...new Set([PLATFORM_CHAIN, ...rows.map((r) => r.chain), ...companies.map((c) => c.id)])].sort();
  }
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(db, chain));
  return reports;
}
