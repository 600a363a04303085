// The call log: one row per upstream request (or cache hit, or refusal before sending). Rows
// are buffered and written in batches off the request path; `flush()` writes what is pending
// (the tests call it, and shutdown does).
//
// A batch is one INSERT of column arrays (unnest), not Prisma's createMany: building createMany's
// statement took 20–120 ms of the event loop for 80 rows, every 250 ms under load, which every
// request waiting behind it paid (the bench's gateway p99); the arrays take 2–10 ms.
import type { Db } from '../db/client.ts';
import type { Logger } from '../lib/logger.ts';

export interface CallLogEntry {
  companyId: string;
  userId: string | null;
  roleId: string | null;
  endpointId: string;
  credentialId: string | null;
  operationKey: string;
  method: string;
  source: string;
  outcome:
    | 'ok'
    | 'upstream_error'
    | 'network_error'
    | 'timeout'
    | 'blocked'
    | 'rate_limited'
    | 'too_large'
    | 'no_credential'
    | 'credential_error';
  status: number | null;
  durationMs: number;
  attempts: number;
  cached: boolean;
  bytes: number;
  requestId: string | null;
}

type PendingRow = CallLogEntry & { createdAt: Date };

/** Each column with its SQL array type and how to read it from a row. */
const COLUMNS: [string, (row: PendingRow) => unknown][] = [
  ['created_at::timestamptz', (r) => r.createdAt],
  ['company_id::uuid', (r) => r.companyId],
  ['user_id::uuid', (r) => r.userId],
  ['role_id::uuid', (r) => r.roleId],
  ['endpoint_id::uuid', (r) => r.endpointId],
  ['credential_id::uuid', (r) => r.credentialId],
  ['operation_key::text', (r) => r.operationKey],
  ['method::text', (r) => r.method],
  ['source::text', (r) => r.source],
  ['outcome::text', (r) => r.outcome],
  ['status::int', (r) => r.status],
  ['duration_ms::float8', (r) => r.durationMs],
  ['attempts::int', (r) => r.attempts],
  ['cached::bool', (r) => r.cached],
  ['bytes::int', (r) => r.bytes],
  ['request_id::text', (r) => r.requestId],
];

const INSERT_BATCH = `INSERT INTO upstream_calls (${COLUMNS.map(([c]) => c.split('::')[0]).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([c], i) => `$${i + 1}::${c.split('::')[1]}[]`).join(', ')})`;

export class CallLog {
  private pending: PendingRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: { maxBatch: number; flushIntervalMs: number } = { maxBatch: 200, flushIntervalMs: 250 },
  ) {}

  record(entry: CallLogEntry): void {
    this.pending.push({ ...entry, durationMs: Math.round(entry.durationMs * 100) / 100, createdAt: new Date() });
    if (this.pending.length >= this.options.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs).unref();
  }

  /** Writes everything recorded so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0);
    this.writing = this.writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.db.$executeRawUnsafe(INSERT_BATCH, ...COLUMNS.map(([, of]) => batch.map(of)));
      } catch (error) {
        this.logger.error({ err: error, rows: batch.length }, 'could not write the upstream call log');
      }
    });
    return this.writing;
  }
}
