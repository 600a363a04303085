// The live dashboard in a real browser: an upstream API posts a signed inbound webhook to
// Tessera, the page hears of it over the endpointEvents subscription and refetches at once,
// past the invalidated cache (the sandbox sees a fresh request), without waiting for its poll.
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { worldIds, type WorldIds } from '../../server/test/world.ts';
import { hasChromium, useE2eApp } from './harness.ts';

describe.skipIf(!hasChromium)('live dashboard (Chromium)', () => {
  const app = useE2eApp();
  let ids: WorldIds;

  beforeAll(async () => {
    ids = await worldIds(app.server.db);
  });

  it('refetches when an API announces a change through its inbound webhook', async () => {
    const sales = ids.endpoint['acme/sales-api']!;
    const admin = await app.server.login('admin@demo.test');
    const rotated = await app.server.gql<{ rotateInboundWebhookSecret: { secret: string; path: string } }>(
      'mutation ($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret path } }',
      { e: sales },
      admin,
    );
    const { secret, path } = rotated.data!.rotateInboundWebhookSecret;
    let n = 0;
    const announce = async () => {
      const id = `msg_live_${++n}`;
      const body = JSON.stringify({ type: 'opportunity.won', data: { id: 'opp_1' } });
      const at = new Date();
      const res = await fetch(`${app.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(id, at, body),
        },
        body,
      });
      expect(res.status).toBe(200);
    };

    const page = await app.newPage();
    await app.signIn(page, 'ceo@demo.test');
    await page.getByRole('article', { name: 'Open pipeline', exact: true }).locator('.widget-value').waitFor();
    const status = page.locator('.dashboard > p.visually-hidden[role="status"]');
    const upstreamBefore = app.server.sandbox.stats.requests.total;
    // The page subscribes once it has loaded; announce until it has heard (each event is new).
    await expect
      .poll(async () => {
        await announce();
        return status.textContent();
      })
      .toBe('Dashboard updated: sales-api reported opportunity.won.');
    // The refetch read Sales afresh: its cached answer had been dropped by the webhook.
    expect(app.server.sandbox.stats.requests.total).toBeGreaterThan(upstreamBefore);
    expect(app.pageErrors(page)).toEqual([]);
  });
});
