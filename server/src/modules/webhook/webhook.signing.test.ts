// Signing as the Standard Webhooks specification has it: the published known-answer vector, and
// the reference `standardwebhooks` package accepting what we send.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { nextDelayMs } from './webhook.dispatcher.ts';
import { generateWebhookSecret, signWebhook, webhookHeaders } from './webhook.signing.ts';

describe('Standard Webhooks signatures', () => {
  it('reproduce the specification test vector', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('verify with the reference library, and fail it when the body or secret differ', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: 'permission.changed', data: { to: 'READ' } });
    const headers = webhookHeaders(secret, 'msg_1', body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('READ', 'WRITE'), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe('the retry schedule', () => {
  const schedule = [1000, 5000];
  it('waits the scheduled time ±20%, then gives up', () => {
    expect(nextDelayMs(schedule, 1, () => 0)).toBe(800);
    expect(nextDelayMs(schedule, 1, () => 1)).toBe(1200);
    expect(nextDelayMs(schedule, 2, () => 0.5)).toBe(5000);
    expect(nextDelayMs(schedule, 3, () => 0.5)).toBeNull();
  });
});
