// Inbound webhooks end to end: a real server and database, requests signed by the reference
// `standardwebhooks` package and posted over HTTP, dashboards listening over graphql-ws.
import { Webhook } from 'standardwebhooks';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import type { TestServer } from '../../../test/harness.ts';
import { watchSubscription } from '../../../test/subscription.ts';
import type { WorldIds } from '../../../test/world.ts';

const ROTATE =
  'mutation ($endpointId: ID!) { rotateInboundWebhookSecret(endpointId: $endpointId) { endpointId secret path rotatedAt } }';
const READ =
  'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts") { cached } }';
const EVENTS =
  'subscription ($c: ID!) { endpointEvents(companyId: $c) { endpointId endpointSlug eventType receivedAt } }';

const acme = (world: WorldIds) => world.company.acme!;
const sales = (world: WorldIds) => world.endpoint['acme/sales-api']!;
const finance = (world: WorldIds) => world.endpoint['acme/finance-api']!;
const github = (world: WorldIds) => world.endpoint['acme/github-api']!;

async function rotate(server: TestServer, tokens: Record<string, string>, endpointId: string, email = PERSONAS.admin) {
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
async function post(server: TestServer, secrets: Record<string, string>, endpointId: string, options: Post = {}) {
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

const it = serverTest
  // The personas' sessions, signed in once for the file, by email.
  .extend('tokens', { scope: 'file' }, async ({ server }) => {
    const tokens: Record<string, string> = {};
    for (const email of [PERSONAS.admin, PERSONAS.ceo, PERSONAS.dev, PERSONAS.cfo, PERSONAS.companyAdmin])
      tokens[email] = await server.login(email);
    return tokens;
  })
  // The inbound secrets of Acme's Sales and GitHub APIs, by endpoint id (a test rotates Finance's in).
  .extend('secrets', { scope: 'file' }, async ({ server, world, tokens }) => {
    const secrets: Record<string, string> = {};
    for (const endpointId of [sales(world), github(world)])
      secrets[endpointId] = (await rotate(server, tokens, endpointId)).data!.rotateInboundWebhookSecret.secret;
    return secrets;
  });
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ tokens, secrets }) => {
  void [tokens, secrets];
});

describe('rotateInboundWebhookSecret', () => {
  it('returns a whsec_ secret and the path once, keeps it sealed, and audits without it', async ({
    server,
    world,
    tokens,
  }) => {
    const res = await rotate(server, tokens, finance(world));
    const answer = res.data!.rotateInboundWebhookSecret;
    expect(answer.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(answer.path).toBe(`/webhooks/${finance(world)}`);
    const row = await server.db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: finance(world) } });
    expect(row.companyId).toBe(acme(world));
    expect(row.secretCiphertext).not.toContain(answer.secret.slice(6));
    const audit = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'inbound_webhook.rotate', targetId: finance(world) },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.companyId).toBe(acme(world));
    expect(audit.details).toEqual({ replaced: false });
    await server.db.inboundWebhookSecret.delete({ where: { endpointId: finance(world) } });
  });

  it('makes the previous secret stop verifying', async ({ server, world, tokens, secrets }) => {
    const hr = world.endpoint['acme/hr-api']!;
    const first = (await rotate(server, tokens, hr)).data!.rotateInboundWebhookSecret.secret;
    expect((await post(server, secrets, hr, { secret: first })).status).toBe(200);
    const second = (await rotate(server, tokens, hr)).data!.rotateInboundWebhookSecret.secret;
    expect(second).not.toBe(first);
    expect((await post(server, secrets, hr, { secret: first })).status).toBe(401);
    expect((await post(server, secrets, hr, { secret: second })).status).toBe(200);
    const audits = await server.db.auditLog.findMany({
      where: { action: 'inbound_webhook.rotate', targetId: hr },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => (a.details as { replaced: boolean }).replaced)).toEqual([false, true]);
  });

  it("is for the endpoint's company administrators only", async ({ server, world, tokens }) => {
    const other = await rotate(server, tokens, sales(world), PERSONAS.companyAdmin); // administers Globex only
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const member = await rotate(server, tokens, sales(world), PERSONAS.dev);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(ROTATE, { endpointId: sales(world) }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /webhooks/:endpointId', () => {
  it('accepts a signed event once and answers a replayed webhook-id as a duplicate', async ({
    server,
    world,
    secrets,
  }) => {
    const first = await post(server, secrets, sales(world), { id: 'msg_once' });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ received: true, duplicate: false });
    const again = await post(server, secrets, sales(world), { id: 'msg_once' });
    expect(again.json).toEqual({ received: true, duplicate: true });
    const rows = await server.db.inboundWebhookEvent.findMany({
      where: { endpointId: sales(world), webhookId: 'msg_once' },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ companyId: acme(world), eventType: 'account.updated' });
    const secret = await server.db.inboundWebhookSecret.findUniqueOrThrow({ where: { endpointId: sales(world) } });
    expect(secret.lastReceivedAt).not.toBeNull();
  });

  it('forgets receipts older than 7 days when the endpoint receives its next event', async ({
    server,
    world,
    secrets,
  }) => {
    const day = 24 * 3600 * 1000;
    const old = { endpointId: sales(world), companyId: acme(world), eventType: 'old' };
    await server.db.inboundWebhookEvent.createMany({
      data: [
        { ...old, webhookId: 'msg_8_days', receivedAt: new Date(Date.now() - 8 * day) },
        { ...old, webhookId: 'msg_6_days', receivedAt: new Date(Date.now() - 6 * day) },
        {
          ...old,
          endpointId: github(world),
          webhookId: 'msg_8_days_github',
          receivedAt: new Date(Date.now() - 8 * day),
        },
      ],
    });
    expect((await post(server, secrets, sales(world))).status).toBe(200);
    const left = await server.db.inboundWebhookEvent.findMany({
      where: { eventType: 'old' },
      select: { webhookId: true },
      orderBy: { webhookId: 'asc' },
    });
    // Only this endpoint's are pruned; GitHub's go on its next event.
    expect(left.map((r) => r.webhookId)).toEqual(['msg_6_days', 'msg_8_days_github']);
    expect((await post(server, secrets, sales(world), { id: 'msg_8_days' })).json.duplicate).toBe(false);
  });

  it('processes one of several concurrent deliveries of the same id', async ({ server, world, secrets }) => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(server, secrets, sales(world), { id: 'msg_concurrent' })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
  });

  it('counts the same id at two endpoints separately', async ({ server, world, secrets }) => {
    expect((await post(server, secrets, sales(world), { id: 'msg_shared' })).json.duplicate).toBe(false);
    expect((await post(server, secrets, github(world), { id: 'msg_shared' })).json.duplicate).toBe(false);
  });

  it('answers 404 alike for an unknown endpoint, a malformed id and an endpoint without a secret', async ({
    server,
    world,
    secrets,
  }) => {
    const unknown = await post(server, secrets, '00000000-0000-4000-8000-000000000000', {
      secret: secrets[sales(world)],
    });
    const malformed = await post(server, secrets, 'abc', { secret: secrets[sales(world)] });
    const noSecret = await post(server, secrets, world.endpoint['globex/hr-api']!, { secret: secrets[sales(world)] });
    for (const res of [unknown, malformed, noSecret]) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(unknown.text);
    }
    expect(unknown.json).toEqual({ received: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('answers 401 for a missing or wrong signature, and records nothing', async ({ server, world, secrets }) => {
    const wrongSecret = await post(server, secrets, sales(world), {
      id: 'msg_forged',
      secret: `whsec_${Buffer.alloc(24, 7).toString('base64')}`,
    });
    const missing = await post(server, secrets, sales(world), {
      id: 'msg_unsigned',
      headers: { 'webhook-signature': undefined },
    });
    const tampered = await post(server, secrets, sales(world), {
      id: 'msg_tampered',
      headers: { 'webhook-id': 'msg_tampered_2' },
    });
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

  it('answers 400 for a timestamp outside the tolerance or malformed headers', async ({ server, world, secrets }) => {
    const stale = await post(server, secrets, sales(world), { at: new Date(Date.now() - 301_000) });
    const future = await post(server, secrets, sales(world), { at: new Date(Date.now() + 400_000) });
    const noId = await post(server, secrets, sales(world), { headers: { 'webhook-id': undefined } });
    const badTimestamp = await post(server, secrets, sales(world), { headers: { 'webhook-timestamp': 'yesterday' } });
    for (const res of [stale, future, noId, badTimestamp]) {
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('BAD_USER_INPUT');
    }
    expect((await post(server, secrets, sales(world), { at: new Date(Date.now() - 240_000) })).status).toBe(200);
  });

  it('answers 413 for a body over 256 kB', async ({ server, world, secrets }) => {
    const res = await post(server, secrets, sales(world), {
      body: JSON.stringify({ type: 'big', pad: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      received: false,
      error: { code: 'BAD_USER_INPUT', message: 'Request body too large.' },
    });
  });

  it('never echoes the body or the secret, and logs with the request id', async ({ server, world, secrets }) => {
    const marker = 'upstream-body-marker-7d1c';
    const answers = [
      await post(server, secrets, sales(world), { payload: { type: 'x', note: marker } }),
      await post(server, secrets, sales(world), {
        payload: { note: marker },
        headers: { 'webhook-signature': 'v1,bm9wZQ==' },
      }),
      await post(server, secrets, sales(world), { payload: { note: marker }, at: new Date(0) }),
    ];
    for (const res of answers) {
      expect(res.text).not.toContain(marker);
      expect(res.text).not.toContain(secrets[sales(world)]!.slice(6));
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    }
    const lines = server.logs.filter((l) => l.route === 'inbound-webhook');
    expect(lines.some((l) => l.msg === 'inbound webhook accepted' && typeof l.requestId === 'string')).toBe(true);
    expect(lines.some((l) => l.msg === 'inbound webhook refused' && l.reason === 'bad_signature')).toBe(true);
    expect(JSON.stringify(server.logs)).not.toContain(marker);
    expect(JSON.stringify(server.logs)).not.toContain(secrets[sales(world)]!.slice(6));
  });

  it("invalidates the endpoint's cached reads, once per webhook-id", async ({ server, world, tokens, secrets }) => {
    const read = async () =>
      (
        await server.gql<{ readOperation: { cached: boolean } }>(
          READ,
          { c: acme(world), e: sales(world) },
          tokens[PERSONAS.ceo],
        )
      ).data!.readOperation.cached;
    await read();
    expect(await read()).toBe(true);
    await post(server, secrets, sales(world), { id: 'msg_invalidate' });
    expect(await read()).toBe(false);
    expect(await read()).toBe(true);
    // A replay is not processed again: the cache stays.
    expect((await post(server, secrets, sales(world), { id: 'msg_invalidate' })).json.duplicate).toBe(true);
    expect(await read()).toBe(true);
    // Another endpoint's event leaves this one's cache alone.
    await post(server, secrets, github(world));
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
function listen(server: TestServer, secrets: Record<string, string>, token: string | null, companyId: string) {
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
        await post(server, secrets, endpointId, { payload: { type: 'warmup' } });
        await watched.settle();
      }
    },
    real: () => events.filter((e) => e.eventType !== 'warmup'),
    close: watched.close,
  };
}

describe('endpointEvents', () => {
  it('tells each dashboard about the endpoints its viewer may read, and nothing else', async ({
    server,
    world,
    tokens,
    secrets,
  }) => {
    const ceo = listen(server, secrets, tokens[PERSONAS.ceo]!, acme(world)); // Sales (WRITE) and Finance (READ) at Acme
    const dev = listen(server, secrets, tokens[PERSONAS.dev]!, acme(world)); // GitHub (READ) at Acme
    try {
      await ceo.ready(sales(world));
      await dev.ready(github(world));
      await post(server, secrets, sales(world), { payload: { type: 'opportunity.won', data: { id: 'opp_9' } } });
      await post(server, secrets, github(world), { payload: { type: 'push' } });
      await post(server, secrets, sales(world), { payload: { data: 'no type' } });
      await ceo.until(() => ceo.real().length >= 2);
      await dev.until(() => dev.real().length >= 1);
      expect(ceo.real().map((e) => [e.endpointSlug, e.eventType])).toEqual([
        ['sales-api', 'opportunity.won'],
        ['sales-api', 'unknown'],
      ]);
      expect(ceo.real()[0]!.endpointId).toBe(sales(world));
      expect(Number.isNaN(Date.parse(ceo.real()[0]!.receivedAt))).toBe(false);
      // dev@ may not read Sales: its first event is GitHub's, posted after the Sales one.
      expect(dev.real().map((e) => [e.endpointSlug, e.eventType])).toEqual([['github-api', 'push']]);
      expect(ceo.errors).toEqual([]);
    } finally {
      await ceo.close();
      await dev.close();
    }
  });

  it('stops the events of an endpoint whose access was revoked while subscribed', async ({
    server,
    world,
    tokens,
    secrets,
  }) => {
    const ceo = listen(server, secrets, tokens[PERSONAS.ceo]!, acme(world));
    try {
      await ceo.ready(sales(world));
      secrets[finance(world)] = (await rotate(server, tokens, finance(world))).data!.rotateInboundWebhookSecret.secret;
      const grant = await server.db.roleApiPermission.findFirstOrThrow({
        where: { companyId: acme(world), endpointId: sales(world), roleId: world.role.ceo },
      });
      await server.db.roleApiPermission.delete({ where: { id: grant.id } });
      await post(server, secrets, sales(world), { payload: { type: 'after.revoke' } });
      await post(server, secrets, finance(world), { payload: { type: 'invoice.paid' } });
      await ceo.until(() => ceo.real().length >= 1);
      expect(ceo.real().map((e) => e.eventType)).toEqual(['invoice.paid']);
      await server.db.roleApiPermission.create({
        data: { roleId: grant.roleId, companyId: grant.companyId, endpointId: grant.endpointId, access: grant.access },
      });
    } finally {
      await ceo.close();
    }
  });

  it('refuses an anonymous subscriber and one from another company', async ({ server, world, tokens, secrets }) => {
    const anonymous = listen(server, secrets, null, acme(world));
    const outsider = listen(server, secrets, tokens[PERSONAS.companyAdmin]!, acme(world));
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
