// Inbound webhooks end to end: a real server and database, requests signed by the reference
// `standardwebhooks` package and posted over HTTP, dashboards listening over graphql-ws.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../../test/personas.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { watchSubscription } from '../../../test/subscription.ts';
import { worldIds, type WorldIds } from '../../../test/world.ts';

let server: TestServer;
let ids: WorldIds;
const tokens: Record<string, string> = {};
const secrets: Record<string, string> = {};

const ROTATE =
  'mutation ($endpointId: ID!) { rotateInboundWebhookSecret(endpointId: $endpointId) { endpointId secret path rotatedAt } }';
const READ =
  'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts") { cached } }';
const EVENTS =
  'subscription ($c: ID!) { endpointEvents(companyId: $c) { endpointId endpointSlug eventType receivedAt } }';

const acme = () => ids.company.acme!;
const sales = () => ids.endpoint['acme/sales-api']!;
const finance = () => ids.endpoint['acme/finance-api']!;
const github = () => ids.endpoint['acme/github-api']!;

async function rotate(endpointId: string, email = PERSONAS.admin) {
  return server.gql<{
    rotateInboundWebhookSecret: { endpointId: string; secret: string; path: string; rotatedAt: string };
  }>(ROTATE, { endpointId }, tokens[email]);
}

let sequence = 0;
interface Post {
  id?: string;
  at?: Date;
  secret?: string;
  payload?: unknown;
  body?: string;
  headers?: Record<string, string | undefined>;
}

/** POSTs a signed event to /webhooks/<endpointId>, as an upstream provider would. */
async function post(endpointId: string, options: Post = {}) {
  const id = options.id ?? `msg_${Date.now()}_${++sequence}`;
  const body = options.body ?? JSON.stringify(options.payload ?? { type: 'account.updated', data: { id: 'acc_1' } });
  const secret = options.secret ?? secrets[endpointId]!;
  const at = options.at ?? new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const res = await fetch(`${server.url}/webhooks/${endpointId}`, { method: 'POST', headers, body });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: JSON.parse(text) as { received: boolean; duplicate?: boolean; error?: { code: string; message: string } },
    id,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  ids = await worldIds(server.db);
  for (const email of [PERSONAS.admin, PERSONAS.ceo, PERSONAS.dev, PERSONAS.cfo, PERSONAS.companyAdmin])
    tokens[email] = await server.login(email);
  for (const endpointId of [sales(), github()])
    secrets[endpointId] = (await rotate(endpointId)).data!.rotateInboundWebhookSecret.secret;
});
afterAll(() => server?.close());

describe('rotateInboundWebhookSecret', () => {
  it('returns a whsec_ secret and the path once, keeps it sealed, and audits without it', async () => {
    const res = await rotate(finance());
    const answer = res.data!.rotateInboundWebhookSecret;
    expect(answer.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(answer.path).toBe(`/webhooks/${finance()}`);
    const row = await server.db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: finance() } });
    expect(row.companyId).toBe(acme());
    expect(row.secretCiphertext).not.toContain(answer.secret.slice(6));
    const audit = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'inbound_webhook.rotate', targetId: finance() },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.companyId).toBe(acme());
    expect(audit.details).toEqual({ replaced: false });
    await server.db.inboundWebhookSecret.delete({ where: { endpointId: finance() } });
  });

  it('makes the previous secret stop verifying', async () => {
    const hr = ids.endpoint['acme/hr-api']!;
    const first = (await rotate(hr)).data!.rotateInboundWebhookSecret.secret;
    expect((await post(hr, { secret: first })).status).toBe(200);
    const second = (await rotate(hr)).data!.rotateInboundWebhookSecret.secret;
    expect(second).not.toBe(first);
    expect((await post(hr, { secret: first })).status).toBe(401);
    expect((await post(hr, { secret: second })).status).toBe(200);
    const audits = await server.db.auditLog.findMany({
      where: { action: 'inbound_webhook.rotate', targetId: hr },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => (a.details as { replaced: boolean }).replaced)).toEqual([false, true]);
  });

  it("is for the endpoint's company administrators only", async () => {
    const other = await rotate(sales(), PERSONAS.companyAdmin); // administers Globex only
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const member = await rotate(sales(), PERSONAS.dev);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(ROTATE, { endpointId: sales() }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /webhooks/:endpointId', () => {
  it('accepts a signed event once and answers a replayed webhook-id as a duplicate', async () => {
    const first = await post(sales(), { id: 'msg_once' });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ received: true, duplicate: false });
    const again = await post(sales(), { id: 'msg_once' });
    expect(again.json).toEqual({ received: true, duplicate: true });
    const rows = await server.db.inboundWebhookEvent.findMany({
      where: { endpointId: sales(), webhookId: 'msg_once' },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ companyId: acme(), eventType: 'account.updated' });
    const secret = await server.db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: sales() } });
    expect(secret.lastReceivedAt).not.toBeNull();
  });

  it('forgets receipts older than 7 days when the endpoint receives its next event', async () => {
    const day = 24 * 3600 * 1000;
    const old = { endpointId: sales(), companyId: acme(), eventType: 'old' };
    await server.db.inboundWebhookEvent.createMany({
      data: [
        { ...old, webhookId: 'msg_8_days', receivedAt: new Date(Date.now() - 8 * day) },
        { ...old, webhookId: 'msg_6_days', receivedAt: new Date(Date.now() - 6 * day) },
        { ...old, endpointId: github(), webhookId: 'msg_8_days_github', receivedAt: new Date(Date.now() - 8 * day) },
      ],
    });
    expect((await post(sales())).status).toBe(200);
    const left = await server.db.inboundWebhookEvent.findMany({
      where: { eventType: 'old' },
      select: { webhookId: true },
      orderBy: { webhookId: 'asc' },
    });
    // Only this endpoint's are pruned; GitHub's go on its next event.
    expect(left.map((r) => r.webhookId)).toEqual(['msg_6_days', 'msg_8_days_github']);
    expect((await post(sales(), { id: 'msg_8_days' })).json.duplicate).toBe(false);
  });

  it('processes one of several concurrent deliveries of the same id', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(sales(), { id: 'msg_concurrent' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
  });

  it('counts the same id at two endpoints separately', async () => {
    expect((await post(sales(), { id: 'msg_shared' })).json.duplicate).toBe(false);
    expect((await post(github(), { id: 'msg_shared' })).json.duplicate).toBe(false);
  });

  it('answers 404 alike for an unknown endpoint, a malformed id and an endpoint without a secret', async () => {
    const unknown = await post('00000000-0000-4000-8000-000000000000', { secret: secrets[sales()] });
    const malformed = await post('abc', { secret: secrets[sales()] });
    const noSecret = await post(ids.endpoint['globex/hr-api']!, { secret: secrets[sales()] });
    for (const res of [unknown, malformed, noSecret]) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(unknown.text);
    }
    expect(unknown.json).toEqual({ received: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('answers 401 for a missing or wrong signature, and records nothing', async () => {
    const wrongSecret = await post(sales(), {
      id: 'msg_forged',
      secret: 'whsec_' + Buffer.alloc(24, 7).toString('base64'),
    });
    const missing = await post(sales(), { id: 'msg_unsigned', headers: { 'webhook-signature': undefined } });
    const tampered = await post(sales(), { id: 'msg_tampered', headers: { 'webhook-id': 'msg_tampered_2' } });
    for (const res of [wrongSecret, missing, tampered]) {
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe('UNAUTHENTICATED');
    }
    expect(
      await server.db.inboundWebhookEvent.count({
        where: { webhookId: { in: ['msg_forged', 'msg_unsigned', 'msg_tampered', 'msg_tampered_2'] } },
      }),
    ).toBe(0);
  });

  it('answers 400 for a timestamp outside the tolerance or malformed headers', async () => {
    const stale = await post(sales(), { at: new Date(Date.now() - 301_000) });
    const future = await post(sales(), { at: new Date(Date.now() + 400_000) });
    const noId = await post(sales(), { headers: { 'webhook-id': undefined } });
    const badTimestamp = await post(sales(), { headers: { 'webhook-timestamp': 'yesterday' } });
    for (const res of [stale, future, noId, badTimestamp]) {
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('BAD_USER_INPUT');
    }
    expect((await post(sales(), { at: new Date(Date.now() - 240_000) })).status).toBe(200);
  });

  it('answers 413 for a body over 256 kB', async () => {
    const res = await post(sales(), { body: JSON.stringify({ type: 'big', pad: 'x'.repeat(300 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      received: false,
      error: { code: 'BAD_USER_INPUT', message: 'Request body too large.' },
    });
  });

  it('never echoes the body or the secret, and logs with the request id', async () => {
    const marker = 'upstream-body-marker-7d1c';
    const answers = [
      await post(sales(), { payload: { type: 'x', note: marker } }),
      await post(sales(), { payload: { note: marker }, headers: { 'webhook-signature': 'v1,bm9wZQ==' } }),
      await post(sales(), { payload: { note: marker }, at: new Date(0) }),
    ];
    for (const res of answers) {
      expect(res.text).not.toContain(marker);
      expect(res.text).not.toContain(secrets[sales()]!.slice(6));
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    }
    const lines = server.logs.filter((l) => l.route === 'inbound-webhook');
    expect(lines.some((l) => l.msg === 'inbound webhook accepted' && typeof l.requestId === 'string')).toBe(true);
    expect(lines.some((l) => l.msg === 'inbound webhook refused' && l.reason === 'bad_signature')).toBe(true);
    expect(JSON.stringify(server.logs)).not.toContain(marker);
    expect(JSON.stringify(server.logs)).not.toContain(secrets[sales()]!.slice(6));
  });

  it("invalidates the endpoint's cached reads, once per webhook-id", async () => {
    const read = async () =>
      (await server.gql<{ readOperation: { cached: boolean } }>(READ, { c: acme(), e: sales() }, tokens[PERSONAS.ceo]))
        .data!.readOperation.cached;
    await read();
    expect(await read()).toBe(true);
    await post(sales(), { id: 'msg_invalidate' });
    expect(await read()).toBe(false);
    expect(await read()).toBe(true);
    // A replay is not processed again: the cache stays.
    expect((await post(sales(), { id: 'msg_invalidate' })).json.duplicate).toBe(true);
    expect(await read()).toBe(true);
    // Another endpoint's event leaves this one's cache alone.
    await post(github());
    expect(await read()).toBe(true);
  });
});

interface Received {
  endpointId: string;
  endpointSlug: string;
  eventType: string;
  receivedAt: string;
}

/** A dashboard listening to endpointEvents over graphql-ws. */
function listen(token: string | null, companyId: string) {
  const watched = watchSubscription(
    server.url,
    token,
    { query: EVENTS, variables: { c: companyId } },
    (data: { endpointEvents: Received }) => data.endpointEvents,
  );
  const { values: events, errors, state } = watched;
  return {
    events,
    errors,
    until: watched.until,
    /** Posts "warmup" events to an endpoint this listener may read until one arrives: the subscription is then live. */
    async ready(endpointId: string) {
      while (!events.some((e) => e.eventType === 'warmup')) {
        if (state.ended) throw new Error(`subscription ended: ${JSON.stringify(errors)}`);
        await post(endpointId, { payload: { type: 'warmup' } });
        await watched.settle();
      }
    },
    real: () => events.filter((e) => e.eventType !== 'warmup'),
    close: watched.close,
  };
}

describe('endpointEvents', () => {
  it('tells each dashboard about the endpoints its viewer may read, and nothing else', async () => {
    const ceo = listen(tokens[PERSONAS.ceo]!, acme()); // Sales (WRITE) and Finance (READ) at Acme
    const dev = listen(tokens[PERSONAS.dev]!, acme()); // GitHub (READ) at Acme
    try {
      await ceo.ready(sales());
      await dev.ready(github());
      await post(sales(), { payload: { type: 'opportunity.won', data: { id: 'opp_9' } } });
      await post(github(), { payload: { type: 'push' } });
      await post(sales(), { payload: { data: 'no type' } });
      await ceo.until(() => ceo.real().length >= 2);
      await dev.until(() => dev.real().length >= 1);
      expect(ceo.real().map((e) => [e.endpointSlug, e.eventType])).toEqual([
        ['sales-api', 'opportunity.won'],
        ['sales-api', 'unknown'],
      ]);
      expect(ceo.real()[0]!.endpointId).toBe(sales());
      expect(Number.isNaN(Date.parse(ceo.real()[0]!.receivedAt))).toBe(false);
      // dev@ may not read Sales: its first event is GitHub's, posted after the Sales one.
      expect(dev.real().map((e) => [e.endpointSlug, e.eventType])).toEqual([['github-api', 'push']]);
      expect(ceo.errors).toEqual([]);
    } finally {
      await ceo.close();
      await dev.close();
    }
  });

  it('stops the events of an endpoint whose access was revoked while subscribed', async () => {
    const ceo = listen(tokens[PERSONAS.ceo]!, acme());
    try {
      await ceo.ready(sales());
      secrets[finance()] = (await rotate(finance())).data!.rotateInboundWebhookSecret.secret;
      const grant = await server.db.roleApiPermission.findFirstOrThrow({
        where: { companyId: acme(), endpointId: sales(), roleId: ids.role.ceo },
      });
      await server.db.roleApiPermission.delete({ where: { id: grant.id } });
      await post(sales(), { payload: { type: 'after.revoke' } });
      await post(finance(), { payload: { type: 'invoice.paid' } });
      await ceo.until(() => ceo.real().length >= 1);
      expect(ceo.real().map((e) => e.eventType)).toEqual(['invoice.paid']);
      await server.db.roleApiPermission.create({
        data: { roleId: grant.roleId, companyId: grant.companyId, endpointId: grant.endpointId, access: grant.access },
      });
    } finally {
      await ceo.close();
    }
  });

  it('refuses an anonymous subscriber and one from another company', async () => {
    const anonymous = listen(null, acme());
    const outsider = listen(tokens[PERSONAS.companyAdmin]!, acme());
    try {
      await anonymous.until(() => anonymous.errors.length > 0);
      await outsider.until(() => outsider.errors.length > 0);
      expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(outsider.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await anonymous.close();
      await outsider.close();
    }
  });
});
