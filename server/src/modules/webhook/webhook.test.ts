// Outgoing webhooks end to end over HTTP: a company admin subscribes a receiver, a permission
// change is delivered signed (verified with the reference `standardwebhooks` package), failures
// are retried on the (millisecond) schedule and end with the subscription failing, a rolled-back
// change emits nothing, and private addresses are refused by the SSRF guard.
import { Webhook } from 'standardwebhooks';
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { SSRF_BLOCKED_MESSAGE } from '../../gateway/ssrf.ts';
import { errorCode, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';
import { proposeForTest } from '../../../test/propose.ts';
import { emitWebhookEvent } from './webhook.events.ts';
import { startReceiver } from '../../../test/webhook-receiver.ts';

const CREATE = `mutation ($companyId: ID!, $url: String!, $events: [String!]!, $description: String) {
  createWebhookSubscription(companyId: $companyId, url: $url, events: $events, description: $description) { secret subscription { id url events status } } }`;
const SET_ACCESS = `mutation ($roleId: ID!, $companyId: ID!, $endpointId: ID!, $access: AccessLevel!) {
  setEndpointAccess(roleId: $roleId, companyId: $companyId, endpointId: $endpointId, access: $access) { access } }`;
const DELIVERIES = `query ($subscriptionId: ID!) { webhookDeliveries(subscriptionId: $subscriptionId, first: 10) { messageId eventType status attempts lastStatus lastError payload } }`;

async function subscribe(
  server: TestServer,
  world: WorldIds,
  admin: string,
  url: string,
  events = ['permission.changed'],
) {
  const res = await server.gql<{
    createWebhookSubscription: { secret: string; subscription: { id: string; status: string } };
  }>(CREATE, { companyId: world.company.globex, url, events }, admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createWebhookSubscription as { secret: string; subscription: { id: string; status: string } };
}

async function unsubscribe(server: TestServer, admin: string, id: string) {
  expect((await server.gql('mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }', { id }, admin)).data).toEqual({
    deleteWebhookSubscription: true,
  });
}

let toggle = 0;
/** A real permission change at Globex (alternating levels, so each call changes something). */
async function changePermission(server: TestServer, world: WorldIds, admin: string) {
  const access = toggle++ % 2 === 0 ? 'WRITE' : 'READ';
  const res = await server.gql(
    SET_ACCESS,
    { roleId: world.role.ceo, companyId: world.company.globex, endpointId: world.endpoint['globex/hr-api'], access },
    admin,
  );
  expect(res.errors).toBeUndefined();
  return access;
}

/** Polls the database until `check` holds; the test's timeout bounds it. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const deliveriesOf = (server: TestServer, subscriptionId: string) =>
  server.db.webhookDelivery.findMany({ where: { subscriptionId }, orderBy: { createdAt: 'asc' } });

const it = serverTest
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('receiver', { scope: 'file' }, async ({}, { onCleanup }) => {
    const receiver = await startReceiver();
    onCleanup(() => receiver.close());
    return receiver;
  })
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.companyAdmin));
// The server may send to the receiver, retries at once and polls often.
it.override('serverEnv', { scope: 'file' }, ({ receiver }) => ({
  UPSTREAM_ALLOW_HOSTS: `127.0.0.1:${receiver.port}`,
  WEBHOOK_RETRY_SCHEDULE_MS: '20,20',
  WEBHOOK_POLL_MS: '20',
}));
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ admin }) => {
  void [admin];
});
// A failed test must not leave a subscription that receives the next test's events.
it.afterEach(async ({ server, receiver }) => {
  await server.db.webhookSubscription.deleteMany();
  receiver.respond = () => 200;
});

describe('subscriptions', () => {
  it('returns the whsec_ secret once, stores it only sealed, and lists without it', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    const { secret, subscription } = await subscribe(server, world, admin, receiver.url('/listing'));
    expect(secret).toMatch(/^whsec_/);
    const row = await server.db.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
    expect(server.tessera.vault.openWebhookSecret(row)).toBe(secret);
    const list = await server.gql<{ webhookSubscriptions: unknown[] }>(
      'query ($companyId: ID!) { webhookSubscriptions(companyId: $companyId) { id url events status } }',
      { companyId: world.company.globex },
      admin,
    );
    expect(list.data!.webhookSubscriptions).toEqual([
      { id: subscription.id, url: receiver.url('/listing'), events: ['permission.changed'], status: 'active' },
    ]);
    const audit = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'webhook.create', targetId: subscription.id },
    });
    expect(JSON.stringify(audit.details)).not.toContain(secret.slice(6));
    await unsubscribe(server, admin, subscription.id);
    expect(await server.db.webhookSubscription.count({ where: { id: subscription.id } })).toBe(0);
  });

  it.for([
    ['plain http to a host that is not allowlisted', 'http://example.com/hook', ['permission.changed']],
    ['not a URL', 'hook', ['permission.changed']],
    ['credentials in the URL', 'https://user:pw@example.com/hook', ['permission.changed']],
    ['an unknown event', 'https://example.com/hook', ['permission.exploded']],
    ['no event', 'https://example.com/hook', []],
  ] as const)('refuses %s with BAD_USER_INPUT', async ([_name, url, events], { server, world, admin }) => {
    const res = await server.gql(CREATE, { companyId: world.company.globex, url, events }, admin);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await server.db.webhookSubscription.count()).toBe(0);
  });
});

describe('delivery', () => {
  it('delivers a signed permission.changed that the reference library verifies', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    const { secret, subscription } = await subscribe(server, world, admin, receiver.url('/ok'));
    const access = await changePermission(server, world, admin);
    const [hit] = await receiver.waitFor('/ok', 1);
    const payload = new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload).toMatchObject({
      type: 'permission.changed',
      data: {
        companyId: world.company.globex,
        roleId: world.role.ceo,
        endpointId: world.endpoint['globex/hr-api'],
        to: access,
      },
    });
    expect(hit!.headers['webhook-signature']).toMatch(/^v1,/);
    const [delivery] = await until(
      () => deliveriesOf(server, subscription.id),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 200, messageId: hit!.headers['webhook-id'] });
    const listed = await server.gql<{ webhookDeliveries: unknown[] }>(
      DELIVERIES,
      { subscriptionId: subscription.id },
      admin,
    );
    expect(listed.data!.webhookDeliveries).toMatchObject([
      { eventType: 'permission.changed', status: 'delivered', attempts: 1 },
    ]);
    await unsubscribe(server, admin, subscription.id);
  });

  it('retries a receiver that fails twice, with the same webhook-id, and delivers on the third attempt', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    receiver.respond = (path, n) => (path === '/flaky' && n <= 2 ? 500 : 200);
    const { secret, subscription } = await subscribe(server, world, admin, receiver.url('/flaky'));
    await changePermission(server, world, admin);
    const hits = await receiver.waitFor('/flaky', 3);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    for (const hit of hits) new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
    const [delivery] = await until(
      () => deliveriesOf(server, subscription.id),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 200 });
    await unsubscribe(server, admin, subscription.id);
  });

  it('gives up after the schedule, marks the subscription failing and sends it nothing new', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    receiver.respond = (path) => (path === '/down' ? 500 : 200);
    const { subscription } = await subscribe(server, world, admin, receiver.url('/down'));
    await changePermission(server, world, admin);
    const [delivery] = await until(
      () => deliveriesOf(server, subscription.id),
      (d) => d[0]?.status === 'failed',
    );
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 500, lastError: 'HTTP 500' });
    expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(3);
    const list = await server.gql<{ webhookSubscriptions: unknown[] }>(
      'query ($companyId: ID!) { webhookSubscriptions(companyId: $companyId) { id status } }',
      { companyId: world.company.globex },
      admin,
    );
    expect(list.data!.webhookSubscriptions).toEqual([{ id: subscription.id, status: 'failing' }]);
    await changePermission(server, world, admin);
    expect(await deliveriesOf(server, subscription.id)).toHaveLength(1);
    await unsubscribe(server, admin, subscription.id);
  });

  it('refuses a private address that is not allowlisted (SSRF guard), without reaching it', async ({
    server,
    world,
    admin,
  }) => {
    const { subscription } = await subscribe(server, world, admin, 'https://10.20.30.40/hook');
    await changePermission(server, world, admin);
    const [delivery] = await until(
      () => deliveriesOf(server, subscription.id),
      (d) => d[0]?.status === 'failed',
    );
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: null, lastError: SSRF_BLOCKED_MESSAGE });
    await unsubscribe(server, admin, subscription.id);
  });
});

describe('the outbox', () => {
  it('writes nothing when the transaction of the change rolls back', async ({ server, world, admin, receiver }) => {
    const { subscription } = await subscribe(server, world, admin, receiver.url('/rollback'));
    const before = await server.db.roleApiPermission.count();
    await expect(
      server.db.$transaction(async (tx) => {
        await tx.roleApiPermission.create({
          data: {
            roleId: world.role.cfo!,
            companyId: world.company.globex!,
            endpointId: world.endpoint['globex/hr-api']!,
            access: 'READ',
          },
        });
        expect(
          await emitWebhookEvent(tx, {
            companyId: world.company.globex!,
            type: 'permission.changed',
            data: { roleId: world.role.cfo! },
          }),
        ).toBe(1);
        throw new Error('the change fails after emitting');
      }),
    ).rejects.toThrow('the change fails after emitting');
    expect(await server.db.roleApiPermission.count()).toBe(before);
    expect(await deliveriesOf(server, subscription.id)).toHaveLength(0);
    await unsubscribe(server, admin, subscription.id);
  });

  it('announces a credential that starts failing (credential.failing), only to subscribers of that event', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    receiver.respond = () => 200;
    const { secret, subscription } = await subscribe(server, world, admin, receiver.url('/credentials'), [
      'credential.failing',
    ]);
    const created = await server.gql<{ createCredential: { id: string } }>(
      'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
      {
        input: {
          companyId: world.company.globex,
          endpointId: world.endpoint['globex/hr-api'],
          name: 'wrong-token',
          kind: 'BEARER',
          secret: { token: 'not-the-sandbox-token' },
        },
      },
      admin,
    );
    const credentialId = created.data!.createCredential.id as string;
    expect(
      (await server.gql('mutation ($id: ID!) { testCredential(id: $id) { ok } }', { id: credentialId }, admin)).data,
    ).toEqual({ testCredential: { ok: false } });
    const [hit] = await receiver.waitFor('/credentials', 1);
    expect(new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>)).toMatchObject({
      type: 'credential.failing',
      data: { credentialId, to: 'failing' },
    });
    // Failing again is no news.
    await server.gql('mutation ($id: ID!) { testCredential(id: $id) { ok } }', { id: credentialId }, admin);
    expect(await deliveriesOf(server, subscription.id)).toHaveLength(1);
    expect(JSON.stringify(await deliveriesOf(server, subscription.id))).not.toContain('not-the-sandbox-token');
    await unsubscribe(server, admin, subscription.id);
  });

  it('announces a proposed action (action.pending) and its execution (action.executed), without its arguments', async ({
    server,
    world,
    admin,
    receiver,
  }) => {
    const { secret, subscription } = await subscribe(server, world, admin, receiver.url('/actions'), [
      'action.pending',
      'action.executed',
    ]);
    const grant = await server.gql(
      SET_ACCESS,
      {
        roleId: world.role.ceo,
        companyId: world.company.globex,
        endpointId: world.endpoint['globex/hr-api'],
        access: 'WRITE',
      },
      admin,
    );
    expect(grant.errors).toBeUndefined();
    const action = await proposeForTest(server.db, {
      userId: world.user.ceo!,
      email: PERSONAS.ceo,
      companyId: world.company.globex!,
      endpointId: world.endpoint['globex/hr-api']!,
      operationId: world.operation['globex/hr-api/createPosition']!,
      args: { title: 'Secret project lead', department: 'Engineering' },
    });
    const ceo = await server.login(PERSONAS.ceo);
    const confirmed = await server.gql(
      'mutation ($id: ID!) { confirmAction(id: $id) { action { status } } }',
      { id: action.id },
      ceo,
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data).toEqual({ confirmAction: { action: { status: 'executed' } } });
    const hits = await receiver.waitFor('/actions', 2);
    const events = hits.map(
      (h) =>
        new Webhook(secret).verify(h.body, h.headers as Record<string, string>) as {
          type: string;
          data: { actionId: string };
        },
    );
    expect(events.map((e) => e.type).sort()).toEqual(['action.executed', 'action.pending']);
    for (const e of events) expect(e.data.actionId).toBe(action.id);
    expect(hits.map((h) => h.body).join()).not.toContain('Secret project lead');
    await unsubscribe(server, admin, subscription.id);
  });
});
