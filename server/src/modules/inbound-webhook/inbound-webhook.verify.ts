// Verifies an upstream provider's Standard Webhooks request: the same HMAC the outgoing signer
// computes (webhook.signing.ts), compared in constant time against each of the space-separated
// `v1,<base64>` signatures (providers send several while they rotate secrets), then the
// timestamp against a tolerance so a captured request cannot be replayed later.
import { timingSafeEqual } from 'node:crypto';
import { signWebhook } from '../webhook/webhook.signing.ts';

export interface VerifyOptions {
  toleranceSeconds: number;
  /** Milliseconds since the epoch (tests pass a fixed clock). */
  now?: number;
}

export type VerifyResult =
  | { ok: true; webhookId: string; timestamp: number }
  | {
      ok: false;
      status: 400 | 401;
      reason: 'missing_signature' | 'bad_signature' | 'malformed_id' | 'malformed_timestamp' | 'stale_timestamp';
    };

type HeaderSource = (name: string) => string | undefined;

// Printable ASCII without spaces, as the ids providers send ("msg_2Lq..."); bounded so the
// dedupe table's index stays small.
const WEBHOOK_ID = /^[\x21-\x7e]{1,256}$/;
const TIMESTAMP = /^\d{1,12}$/;
/** More candidates than any rotation needs; bounds the work an unauthenticated caller can ask for. */
const MAX_SIGNATURES = 10;

/** Constant-time equality of two signature strings (their length, 44 for SHA-256, is no secret). */
function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifyInboundWebhook(
  secret: string,
  header: HeaderSource,
  body: Buffer,
  options: VerifyOptions,
): VerifyResult {
  const signatureHeader = header('webhook-signature');
  if (!signatureHeader) return { ok: false, status: 401, reason: 'missing_signature' };
  const webhookId = header('webhook-id') ?? '';
  if (!WEBHOOK_ID.test(webhookId)) return { ok: false, status: 400, reason: 'malformed_id' };
  const timestampText = header('webhook-timestamp') ?? '';
  if (!TIMESTAMP.test(timestampText)) return { ok: false, status: 400, reason: 'malformed_timestamp' };
  const timestamp = Number(timestampText);

  // The signature first: only an authentic request learns that its timestamp was the problem.
  const expected = signWebhook(secret, webhookId, timestamp, body.toString('utf8')).slice('v1,'.length);
  const candidates = signatureHeader.split(' ').filter(Boolean).slice(0, MAX_SIGNATURES);
  let matched = false;
  for (const candidate of candidates) {
    const comma = candidate.indexOf(',');
    if (comma < 0 || candidate.slice(0, comma) !== 'v1') continue; // other schemes (v1a: asymmetric) are not ours
    // No early exit: every candidate costs the same whether or not an earlier one matched.
    if (sameSignature(candidate.slice(comma + 1), expected)) matched = true;
  }
  if (!matched) return { ok: false, status: 401, reason: 'bad_signature' };

  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > options.toleranceSeconds)
    return { ok: false, status: 400, reason: 'stale_timestamp' };
  return { ok: true, webhookId, timestamp };
}
