// Two Tessera instances on different ports over one PostgreSQL and one Redis, as behind a load
// balancer: they share the companies' rate budgets, the response cache and its invalidation,
// the OAuth2 refresh lock, and endpoint events for dashboards. Needs PostgreSQL and Redis
// (PGlite is one process's database); CI runs it in the PostgreSQL + Redis pass.
// Not on serverTest (server/test/fixture.ts): several instances share one database and Redis here,
// started and stopped by the test itself; the fixture gives a file one server.
import { createClient } from 'graphql-ws';
import { Webhook } from 'standardwebhooks';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../test/personas.ts';
import { errorCode, startPeer, startTestServer, type TestPeer, type TestServer } from '../../test/harness.ts';
import { worldIds, type WorldIds } from '../../test/world.ts';

const READ =
  'query ($c: ID!, $e: ID!, $op: String!) { readOperation(companyId: $c, endpointId: $e, operation: $op) { status cached } }';
const WRITE =
  'mutation ($c: ID!, $e: ID!, $p: JSON) { writeOperation(companyId: $c, endpointId: $e, operation: "createOpportunity", params: $p) { status } }';

describe.skipIf(!process.env.DATABASE_URL || !process.env.REDIS_URL)(
  'two instances over one PostgreSQL and Redis (needs both; CI runs it)',
  () => {
    let a: TestServer;
    let b: TestPeer;
    let ids: WorldIds;
    let ceo: string;

    beforeAll(async () => {
      a = await startTestServer();
      b = await startPeer(a);
      ids = await worldIds(a.db);
      ceo = await a.login(PERSONAS.ceo);
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    const acme = () => ids.company.acme!;
    const endpoint = (key: string) => ids.endpoint[`acme/${key}`]!;
    const read = (on: Pick<TestServer, 'gql'>, key: string, op: string) =>
      on.gql<{ readOperation: { status: number; cached: boolean } }>(READ, { c: acme(), e: endpoint(key), op }, ceo);
    const upstreamRequests = () => a.sandbox.stats.requests.total;

    it('run on two ports, and a session from one is good on the other', async () => {
      expect(new URL(a.url).port).not.toBe(new URL(b.url).port);
      expect((await read(b, 'finance-api', 'getCashBalance')).errors).toBeUndefined();
    });

    it("share a company's rate budget: 4 per minute across both is 4 in all", async () => {
      await a.db.apiEndpoint.update({
        where: { id: endpoint('finance-api') },
        data: { rateLimitPerMinute: 4, cacheTtlSeconds: 0 },
      });
      const answers = [];
      for (const on of [a, b, a, b, a, b, a, b]) answers.push(await read(on, 'finance-api', 'getCashBalance'));
      const codes = answers.map((r) => (r.errors ? errorCode(r) : 'ok'));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(4);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(4);
    });

    it("share cached reads, and a write through one drops the other's cache", async () => {
      await a.db.apiEndpoint.update({
        where: { id: endpoint('sales-api') },
        data: { rateLimitPerMinute: 1000, cacheTtlSeconds: 300 },
      });
      const first = await read(a, 'sales-api', 'listAccounts');
      expect(first.data?.readOperation.cached).toBe(false);
      const before = upstreamRequests();
      expect((await read(b, 'sales-api', 'listAccounts')).data?.readOperation.cached).toBe(true);
      expect(upstreamRequests()).toBe(before);

      const accounts = await b.gql<{ readOperation: { data: { data: { id: string }[] } } }>(
        'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts") { data } }',
        { c: acme(), e: endpoint('sales-api') },
        ceo,
      );
      const accountId = accounts.data!.readOperation.data.data[0]!.id;
      const write = await b.gql(
        WRITE,
        { c: acme(), e: endpoint('sales-api'), p: { name: 'Shared cache deal', accountId, amount: 1 } },
        ceo,
      );
      expect(write.errors).toBeUndefined();
      expect((await read(a, 'sales-api', 'listAccounts')).data?.readOperation.cached).toBe(false);
    });

    it('refresh an expired OAuth2 token once between them (one lock in Redis)', async () => {
      await a.db.apiEndpoint.update({ where: { id: endpoint('sales-api') }, data: { cacheTtlSeconds: 0 } });
      const credential = await a.db.apiCredential.findFirstOrThrow({
        where: { endpointId: endpoint('sales-api'), kind: 'OAUTH2_REFRESH_TOKEN' },
      });
      await a.db.apiCredential.update({
        where: { id: credential.id },
        data: { tokenExpiresAt: new Date(Date.now() - 1000) },
      });
      const before = a.sandbox.stats.tokenRequests.total;
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => read(i % 2 ? a : b, 'sales-api', 'listAccounts')),
      );
      expect(answers.map((r) => r.errors)).toEqual(answers.map(() => undefined));
      expect(a.sandbox.stats.tokenRequests.total - before).toBe(1);
    });

    it("carry an endpoint event received by one to the other's dashboards", async () => {
      const admin = await a.login(PERSONAS.admin);
      const rotated = await a.gql<{ rotateInboundWebhookSecret: { secret: string } }>(
        'mutation ($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret } }',
        { e: endpoint('sales-api') },
        admin,
      );
      const secret = rotated.data!.rotateInboundWebhookSecret.secret;

      const received: { endpointId: string; eventType: string }[] = [];
      const client = createClient({
        url: `${a.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${ceo}` },
        retryAttempts: 0,
      });
      const subscribed = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      const stop = client.subscribe<{ endpointEvents: { endpointId: string; eventType: string } }>(
        {
          query: 'subscription ($c: ID!) { endpointEvents(companyId: $c) { endpointId eventType } }',
          variables: { c: acme() },
        },
        {
          next: (value) => void (value.data && received.push(value.data.endpointEvents)),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      try {
        await subscribed;
        // The subscription is registered shortly after the socket connects: post until it is heard.
        await expect
          .poll(
            async () => {
              const id = `msg_${Date.now()}_${Math.random()}`;
              const at = new Date();
              const body = JSON.stringify({ type: 'account.updated' });
              const res = await fetch(`${b.url}/webhooks/${endpoint('sales-api')}`, {
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
              return received.length;
            },
            { timeout: 10_000, interval: 300 },
          )
          .toBeGreaterThan(0);
        expect(received[0]).toEqual({ endpointId: endpoint('sales-api'), eventType: 'account.updated' });
      } finally {
        stop();
        await client.dispose();
      }
    });
  },
);
