// The call log: one row per upstream request (or cache hit, or refusal before sending). Rows
// are buffered and written in batches off the request path; `flush()` writes what is pending
// (the tests call it, and shutdown does).
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
  outcome: 'ok' | 'upstream_error' | 'network_error' | 'timeout' | 'blocked' | 'rate_limited' | 'too_large' | 'no_credential' | 'credential_error';
  status: number | null;
  durationMs: number;
  attempts: number;
  cached: boolean;
  bytes: number;
  requestId: string | null;
}

export class CallLog {
  private pending: (CallLogEntry & { createdAt: Date })[] = [];
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
        await this.db.upstreamCall.createMany({ data: batch });
      } catch (error) {
        this.logger.error({ err: error, rows: batch.length }, 'could not write the upstream call log');
      }
    });
    return this.writing;
  }
}
