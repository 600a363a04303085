// The verifier against the reference `standardwebhooks` package: what it signs is accepted, and
// every way a request can be wrong (body, secret, id, timestamp, header shape) is refused with
// its own answer.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { generateWebhookSecret } from '../webhook/webhook.signing.ts';
import { verifyInboundWebhook } from './inbound-webhook.verify.ts';

const NOW = Date.UTC(2026, 10, 29, 0, 0, 0);
const secret = generateWebhookSecret();
const body = JSON.stringify({ type: 'invoice.paid', data: { id: 'inv_1', amount: 120 } });

function signed(options: { id?: string; at?: number; payload?: string; key?: string } = {}) {
  const id = options.id ?? 'msg_2LqRQ9ZgRz';
  const at = options.at ?? NOW;
  const signature = new Webhook(options.key ?? secret).sign(id, new Date(at), options.payload ?? body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': signature,
  } as Record<string, string>;
}

const verify = (headers: Record<string, string | undefined>, payload = body, toleranceSeconds = 300) =>
  verifyInboundWebhook(secret, (name) => headers[name], Buffer.from(payload, 'utf8'), { toleranceSeconds, now: NOW });

describe('verifyInboundWebhook', () => {
  it('accepts what the reference library signs', () => {
    expect(verify(signed())).toEqual({ ok: true, webhookId: 'msg_2LqRQ9ZgRz', timestamp: Math.floor(NOW / 1000) });
  });

  it('accepts non-ASCII bodies, signed as their UTF-8 bytes', () => {
    const payload = JSON.stringify({ type: 'note', text: 'Grüße, 東京 ✓' });
    expect(verify(signed({ payload }), payload).ok).toBe(true);
  });

  it('accepts a matching signature among several, in any position, and skips other schemes', () => {
    const good = signed();
    const other = signed({ key: generateWebhookSecret() })['webhook-signature'];
    expect(verify({ ...good, 'webhook-signature': `${other} ${good['webhook-signature']}` }).ok).toBe(true);
    expect(
      verify({
        ...good,
        'webhook-signature': `v1a,${good['webhook-signature']!.slice(3)} ${good['webhook-signature']}`,
      }).ok,
    ).toBe(true);
    expect(verify({ ...good, 'webhook-signature': `${good['webhook-signature']} ${other}` }).ok).toBe(true);
  });

  it('refuses a changed body, another secret, another id or another timestamp (401)', () => {
    const good = signed();
    expect(verify(good, body.replace('120', '121'))).toMatchObject({ ok: false, status: 401, reason: 'bad_signature' });
    expect(verify(signed({ key: generateWebhookSecret() }))).toMatchObject({ status: 401, reason: 'bad_signature' });
    expect(verify({ ...good, 'webhook-id': 'msg_other' })).toMatchObject({ status: 401, reason: 'bad_signature' });
    expect(verify({ ...good, 'webhook-timestamp': String(Number(good['webhook-timestamp']) + 1) })).toMatchObject({
      status: 401,
      reason: 'bad_signature',
    });
  });

  it('refuses a signature of another scheme or shape, and a missing one (401)', () => {
    const good = signed();
    const mac = good['webhook-signature']!.slice(3);
    for (const value of [`v2,${mac}`, mac, `v1,${mac}=`, `v1,${mac.slice(0, -2)}`, 'v1,', ' ']) {
      expect(verify({ ...good, 'webhook-signature': value }), value).toMatchObject({ ok: false, status: 401 });
    }
    expect(verify({ ...good, 'webhook-signature': undefined })).toMatchObject({
      status: 401,
      reason: 'missing_signature',
    });
  });

  it('refuses malformed or missing ids and timestamps (400)', () => {
    const good = signed();
    expect(verify({ ...good, 'webhook-id': undefined })).toMatchObject({ status: 400, reason: 'malformed_id' });
    expect(verify({ ...good, 'webhook-id': 'has space' })).toMatchObject({ status: 400, reason: 'malformed_id' });
    expect(verify({ ...good, 'webhook-id': 'x'.repeat(257) })).toMatchObject({ status: 400, reason: 'malformed_id' });
    for (const value of [undefined, '', '12.5', '-1', '1e9', 'now', '1'.repeat(13)]) {
      expect(verify({ ...good, 'webhook-timestamp': value }), String(value)).toMatchObject({
        status: 400,
        reason: 'malformed_timestamp',
      });
    }
  });

  it('accepts timestamps within the tolerance either way and refuses those beyond it (400)', () => {
    expect(verify(signed({ at: NOW - 300_000 })).ok).toBe(true);
    expect(verify(signed({ at: NOW + 300_000 })).ok).toBe(true);
    expect(verify(signed({ at: NOW - 301_000 }))).toMatchObject({ ok: false, status: 400, reason: 'stale_timestamp' });
    expect(verify(signed({ at: NOW + 301_000 }))).toMatchObject({ ok: false, status: 400, reason: 'stale_timestamp' });
    expect(verify(signed({ at: NOW - 60_000 }), body, 30)).toMatchObject({ status: 400, reason: 'stale_timestamp' });
  });

  it('judges the signature before the timestamp: a forged stale request reads as unsigned', () => {
    expect(verify(signed({ at: NOW - 3_600_000, key: generateWebhookSecret() }))).toMatchObject({
      status: 401,
      reason: 'bad_signature',
    });
  });
});

describe('INBOUND_WEBHOOK_TOLERANCE_SECONDS', () => {
  it('defaults to 300 s (Standard Webhooks) and takes 1 s to 1 h', () => {
    expect(loadConfig({}).inboundWebhookToleranceSeconds).toBe(300);
    expect(loadConfig({ INBOUND_WEBHOOK_TOLERANCE_SECONDS: '60' }).inboundWebhookToleranceSeconds).toBe(60);
    expect(() => loadConfig({ INBOUND_WEBHOOK_TOLERANCE_SECONDS: '0' })).toThrow(/INBOUND_WEBHOOK_TOLERANCE_SECONDS/);
    expect(() => loadConfig({ INBOUND_WEBHOOK_TOLERANCE_SECONDS: '86400' })).toThrow(
      /INBOUND_WEBHOOK_TOLERANCE_SECONDS/,
    );
  });
});
