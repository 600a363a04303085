// Sends the outbox (webhook_deliveries). Each poll claims due rows with FOR UPDATE SKIP LOCKED
// and a lease (locked_until), so several server instances never send one row at the same time,
// and a row claimed by a process that died becomes due again when its lease runs out: delivery
// is at least once, with the same webhook-id on every attempt for receivers to deduplicate.
// Requests go through the guarded upstream client (SSRF guard), like every outgoing call.
import type { Db } from '../../db/client.ts';
import { UpstreamNetworkError, type UpstreamRequest, type UpstreamResponse } from '../../gateway/upstream-client.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Vault } from '../../vault/vault.ts';
import { webhookHeaders } from './webhook.signing.ts';

/** Waits before the 2nd, 3rd, ... attempt: 5 s, 30 s, 2 min, 10 min, 1 h (then the delivery fails). */
const DEFAULT_RETRY_SCHEDULE_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];
const JITTER = 0.2;
const BATCH = 20;
const STOP_GRACE_MS = 3000;

export interface DispatcherOptions {
  db: Db;
  vault: Vault;
  logger: Logger;
  send: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  retryScheduleMs?: number[];
  pollMs?: number;
  /** One attempt's time limit; a claim lasts twice as long before another instance may take the row over. */
  timeoutMs?: number;
  random?: () => number;
}

interface Claimed {
  id: string;
  subscription_id: string;
  message_id: string;
  payload: unknown;
  attempts: number;
  locked_until: Date;
}

/** The wait before the next attempt after `attempts` failed ones, with ±20% jitter; null: give up. */
export function nextDelayMs(schedule: readonly number[], attempts: number, random = Math.random): number | null {
  const base = schedule[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly schedule: number[];
  private readonly pollMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly deps: DispatcherOptions) {
    this.schedule = deps.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS;
    this.pollMs = deps.pollMs ?? 1000;
    this.timeoutMs = deps.timeoutMs ?? 10_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedulePoll(0);
  }

  /**
   * Stops polling and waits a little for the attempts in flight; one that takes longer is left
   * to its lease (another instance, or the next start, sends it again).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      this.running?.catch(() => undefined),
      new Promise((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS))),
    ]);
    clearTimeout(grace);
  }

  private schedulePoll(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((claimed) => this.schedulePoll(claimed === BATCH ? 0 : this.pollMs))
        .catch((error: unknown) => {
          this.deps.logger.error({ err: error }, 'webhook dispatch failed');
          this.schedulePoll(this.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** Claims due deliveries and attempts each once; returns how many it claimed. */
  async runOnce(): Promise<number> {
    const leaseMs = this.timeoutMs * 2;
    const claimed = await this.deps.db.$queryRaw<Claimed[]>`
      UPDATE webhook_deliveries
      SET locked_until = now() + ${leaseMs}::int * interval '1 millisecond', attempts = attempts + 1, updated_at = now()
      WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until <= now())
        ORDER BY next_attempt_at
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, subscription_id, message_id, payload, attempts, locked_until`;
    await Promise.all(claimed.map((row) => this.attempt(row)));
    return claimed.length;
  }

  private async attempt(row: Claimed): Promise<void> {
    const { db, vault, send, logger } = this.deps;
    const subscription = await db.webhookSubscription.findUnique({ where: { id: row.subscription_id } });
    if (!subscription) return; // deleted meanwhile: its deliveries went with it
    let outcome: { ok: boolean; status: number | null; error: string | null };
    try {
      const body = JSON.stringify(row.payload);
      const secret = vault.openWebhookSecret(subscription);
      const res = await send({
        method: 'POST',
        url: new URL(subscription.url),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tessera-Webhooks/1',
          ...webhookHeaders(secret, row.message_id, body),
        },
        body,
        timeoutMs: this.timeoutMs,
        maxBytes: 64 * 1024,
      });
      const ok = res.status >= 200 && res.status < 300;
      outcome = { ok, status: res.status, error: ok ? null : `HTTP ${res.status}` };
    } catch (error) {
      // UpstreamNetworkError messages are safe to store (no address, no secret); anything else is not shown.
      const message = error instanceof UpstreamNetworkError ? error.message : 'The delivery could not be sent.';
      outcome = { ok: false, status: null, error: message };
    }
    await this.record(row, outcome);
    logger.info(
      {
        deliveryId: row.id,
        subscriptionId: row.subscription_id,
        attempt: row.attempts,
        ok: outcome.ok,
        status: outcome.status,
      },
      'webhook attempt',
    );
  }

  /** The attempt's result, only if this process still holds the claim (its lease did not run out). */
  private async record(row: Claimed, outcome: { ok: boolean; status: number | null; error: string | null }) {
    const owned = { id: row.id, status: 'pending', lockedUntil: row.locked_until };
    const { db } = this.deps;
    if (outcome.ok) {
      await db.webhookDelivery.updateMany({
        where: owned,
        data: {
          status: 'delivered',
          deliveredAt: new Date(),
          lockedUntil: null,
          lastStatus: outcome.status,
          lastError: null,
        },
      });
      return;
    }
    const delay = nextDelayMs(this.schedule, row.attempts, this.deps.random);
    if (delay === null) {
      await db.$transaction(async (tx) => {
        const done = await tx.webhookDelivery.updateMany({
          where: owned,
          data: { status: 'failed', lockedUntil: null, lastStatus: outcome.status, lastError: outcome.error },
        });
        if (done.count === 1)
          await tx.webhookSubscription.update({ where: { id: row.subscription_id }, data: { status: 'failing' } });
      });
      return;
    }
    await db.$executeRaw`
      UPDATE webhook_deliveries
      SET next_attempt_at = now() + ${delay}::int * interval '1 millisecond', locked_until = NULL,
          last_status = ${outcome.status}, last_error = ${outcome.error}, updated_at = now()
      WHERE id = ${row.id}::uuid AND status = 'pending' AND locked_until = ${row.locked_until}::timestamptz`;
  }
}
