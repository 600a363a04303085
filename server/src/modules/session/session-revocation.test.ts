// Ending sessions over real HTTP and graphql-ws: logout, sign out everywhere (one's own, by a
// platform admin, on a new password, on losing platform administration), and subscriptions that
// stop at the next event once their socket's credential (session or access token) or role is gone.
import { Webhook } from 'standardwebhooks';
import { describe, expect } from 'vitest';
import { PERSONAS, assistantTest, fakeModelEnv } from '../../../test/fixture.ts';
import { graphql } from '../../../test/gql/gql.ts';
import { errorCode, startPeer, type TestServer } from '../../../test/harness.ts';
import { watchSubscription } from '../../../test/subscription.ts';
import type { WorldIds } from '../../../test/world.ts';
import { CREDENTIAL_LOST_CLOSE } from '../../http/websocket.ts';

const ME = graphql(`query SessionHolder { me { email } }`);
const LOGOUT = graphql(`mutation SessionLogout { logout }`);
const EVERYWHERE = graphql(`mutation SessionSignOutEverywhere($u: ID) { signOutEverywhere(userId: $u) }`);
const CREATE_TOKEN = graphql(
  `mutation LiveToken($c: ID!) { createAccessToken(input: { companyId: $c, name: "live" }) { token accessToken { id } } }`,
);
const REVOKE_TOKEN = graphql(`mutation RevokeLiveToken($id: ID!) { revokeAccessToken(id: $id) { status } }`);
const ROTATE = graphql(
  `mutation SalesInboundSecret($e: ID!) { rotateInboundWebhookSecret(endpointId: $e) { secret } }`,
);
const CREATE_USER = graphql(`mutation SessionPerson($i: CreateUserInput!) { createUser(input: $i) { id } }`);
const GRANT = graphql(
  `mutation SessionPersonRole($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }`,
);
const REVOKE_ROLE = graphql(
  `mutation SessionPersonRoleGone($u: ID!, $c: ID!, $r: ID!) { revokeCompanyAccess(userId: $u, companyId: $c, roleId: $r) }`,
);
const EVENTS = 'subscription ($c: ID!) { endpointEvents(companyId: $c) { eventType } }';
const STREAM =
  'subscription ($c: ID!, $m: String!) { chatStream(companyId: $c, message: $m) { type text toolCall { tool } } }';

let people = 0;

const acme = (world: WorldIds) => world.company.acme!;
const sales = (world: WorldIds) => world.endpoint['acme/sales-api']!;

const it = assistantTest
  .extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))
  // The inbound secret of Acme's Sales API, so events can be posted to it.
  .extend('webhookSecret', { scope: 'file' }, async ({ server, world, admin }) => {
    const rotated = await server.gql(ROTATE, { e: sales(world) }, admin);
    return rotated.data!.rotateInboundWebhookSecret.secret;
  });
it.override('serverEnv', { scope: 'file' }, fakeModelEnv);
// Made before the first test, under the hook timeout, as beforeAll made them.
it.beforeAll(({ admin, webhookSecret }) => {
  void [admin, webhookSecret];
}, 120_000);

/** A new person with the CEO role at Acme (Sales: WRITE), so no test disturbs another's. */
async function person(server: TestServer, world: WorldIds, admin: string, extra: { isPlatformAdmin?: boolean } = {}) {
  const email = `session-${++people}@demo.test`;
  const made = await server.gql(
    CREATE_USER,
    { i: { email, name: 'Session Test', password: 'tessera-demo-long', ...extra } },
    admin,
  );
  const id = made.data!.createUser.id;
  const granted = await server.gql(GRANT, { u: id, c: acme(world), r: world.role.ceo! }, admin);
  expect(granted.errors).toBeUndefined();
  return { id, email, login: () => server.login(email, 'tessera-demo-long') };
}

const meOf = async (server: TestServer, token: string) => {
  const res = await server.gql(ME, {}, token);
  return res.data?.me.email ?? errorCode(res);
};

/** An event from Sales' provider, signed as standardwebhooks does (see inbound-webhook.test.ts). */
let sequence = 0;
async function postEvent(server: TestServer, world: WorldIds, webhookSecret: string, type: string) {
  const id = `msg_session_${++sequence}`;
  const body = JSON.stringify({ type });
  const at = new Date();
  const res = await fetch(`${server.url}/webhooks/${sales(world)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(webhookSecret).sign(id, at, body),
    },
    body,
  });
  expect(res.status).toBe(200);
}

/** A dashboard listening over graphql-ws: the event types it received and how it ended. */
function listen(server: TestServer, world: WorldIds, webhookSecret: string, token: string) {
  const watched = watchSubscription(
    server.url,
    token,
    { query: EVENTS, variables: { c: acme(world) } },
    (data: { endpointEvents: { eventType: string } }) => data.endpointEvents.eventType,
  );
  const { values: events, state } = watched;
  return {
    events,
    state,
    /** Posts warm-up events until one arrives: the subscription is live. */
    async ready() {
      while (!events.includes('warmup')) {
        if (state.ended) throw new Error(`ended early: ${JSON.stringify(state.ended)}`);
        await postEvent(server, world, webhookSecret, 'warmup');
        await watched.settle();
      }
    },
    /** Until the subscription ends or an event other than a warm-up arrives (the test's timeout bounds it). */
    untilEnded: () => watched.until(() => events.some((e) => e !== 'warmup')),
    close: watched.close,
  };
}

describe('logout', () => {
  it('ends this session only: its token is UNAUTHENTICATED from then on, another session goes on', async ({
    server,
    world,
    admin,
  }) => {
    const p = await person(server, world, admin);
    const [one, two] = [await p.login(), await p.login()];
    expect(await meOf(server, one)).toBe(p.email);
    expect((await server.gql(LOGOUT, {}, one)).data).toEqual({ logout: true });
    expect(await meOf(server, one)).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(LOGOUT, {}, one))).toBe('UNAUTHENTICATED');
    expect(await meOf(server, two)).toBe(p.email);
    const rows = await server.db.auditLog.findMany({ where: { actorId: p.id, action: 'auth.logout' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetType: 'user', targetId: p.id, companyId: null });
  });

  it('remembers an ended session only until its token would have expired, and forgets older ones', async ({
    server,
    world,
    admin,
  }) => {
    const p = await person(server, world, admin);
    await server.db.revokedSession.create({
      data: { jti: '00000000-0000-4000-8000-00000000dead', userId: p.id, expiresAt: new Date(Date.now() - 1000) },
    });
    await server.gql(LOGOUT, {}, await p.login());
    const rows = await server.db.revokedSession.findMany({ where: { userId: p.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(rows[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + server.config.jwtTtlSeconds * 1000);
  });

  it('is for sessions: an access token is FORBIDDEN (it is revoked on its own)', async ({ server, world, admin }) => {
    const p = await person(server, world, admin);
    const made = await server.gql(CREATE_TOKEN, { c: acme(world) }, await p.login());
    const token = made.data!.createAccessToken.token as string;
    expect(errorCode(await server.gql(LOGOUT, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(EVERYWHERE, {}, token))).toBe('FORBIDDEN');
    expect(await server.db.revokedSession.count({ where: { userId: p.id } })).toBe(0);
  });
});

describe('sign out everywhere', () => {
  it("ends every one of the caller's sessions, this one included; signing in again works", async ({
    server,
    world,
    admin,
  }) => {
    const p = await person(server, world, admin);
    const [one, two] = [await p.login(), await p.login()];
    expect((await server.gql(EVERYWHERE, {}, one)).data).toEqual({ signOutEverywhere: true });
    expect(await meOf(server, one)).toBe('UNAUTHENTICATED');
    expect(await meOf(server, two)).toBe('UNAUTHENTICATED');
    expect(await meOf(server, await p.login())).toBe(p.email);
    const rows = await server.db.auditLog.findMany({ where: { actorId: p.id, action: 'auth.sign_out_everywhere' } });
    expect(rows.map((r) => [r.targetId, r.details])).toEqual([[p.id, { own: true }]]);
  });

  it('of another person: a platform admin may, anyone else is FORBIDDEN, an unknown person is NOT_FOUND', async ({
    server,
    world,
    admin,
  }) => {
    const target = await person(server, world, admin);
    const other = await person(server, world, admin);
    const session = await target.login();
    expect(errorCode(await server.gql(EVERYWHERE, { u: target.id }, await other.login()))).toBe('FORBIDDEN');
    expect(await meOf(server, session)).toBe(target.email);
    expect(errorCode(await server.gql(EVERYWHERE, { u: '00000000-0000-4000-8000-000000000000' }, admin))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await server.gql(EVERYWHERE, { u: 'not-an-id' }, admin))).toBe('NOT_FOUND');
    expect((await server.gql(EVERYWHERE, { u: target.id }, admin)).data).toEqual({ signOutEverywhere: true });
    expect(await meOf(server, session)).toBe('UNAUTHENTICATED');
    expect(await meOf(server, admin)).toBe(PERSONAS.admin); // the admin's own session goes on
    const row = await server.db.auditLog.findFirstOrThrow({
      where: { action: 'auth.sign_out_everywhere', targetId: target.id },
    });
    expect(row).toMatchObject({ actorEmail: PERSONAS.admin, details: { own: false } });
  });

  it('happens when platform administration is taken away, and when the password changes', async ({
    server,
    world,
    admin,
  }) => {
    const boss = await person(server, world, admin, { isPlatformAdmin: true });
    const session = await boss.login();
    await server.db.user.update({ where: { id: boss.id }, data: { name: 'Renamed' } }); // any other change: nothing ends
    expect(await meOf(server, session)).toBe(boss.email);
    await server.db.user.update({ where: { id: boss.id }, data: { isPlatformAdmin: false } });
    expect(await meOf(server, session)).toBe('UNAUTHENTICATED');

    const p = await person(server, world, admin);
    const before = await p.login();
    await server.db.user.update({ where: { id: p.id }, data: { passwordHash: 'not-a-real-hash' } });
    expect(await meOf(server, before)).toBe('UNAUTHENTICATED');
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'is seen at once by another instance over the same database',
    async ({ server, world, admin }) => {
      const peer = await startPeer(server);
      try {
        const p = await person(server, world, admin);
        const session = await p.login();
        expect((await peer.gql(ME, {}, session)).data).toEqual({ me: { email: p.email } }); // verified (and remembered) there
        await server.gql(LOGOUT, {}, session);
        expect(errorCode(await peer.gql(ME, {}, session))).toBe('UNAUTHENTICATED');
        const again = await p.login();
        await peer.gql(EVERYWHERE, {}, again);
        expect(await meOf(server, again)).toBe('UNAUTHENTICATED');
      } finally {
        await peer.close();
      }
    },
  );
});

describe('a subscription', () => {
  it('opened with an access token gets no event after the token is revoked, and its socket closes 4401', async ({
    server,
    world,
    admin,
    webhookSecret,
  }) => {
    const p = await person(server, world, admin);
    const session = await p.login();
    const made = await server.gql(CREATE_TOKEN, { c: acme(world) }, session);
    const dashboard = listen(server, world, webhookSecret, made.data!.createAccessToken.token);
    try {
      await dashboard.ready();
      await server.gql(REVOKE_TOKEN, { id: made.data!.createAccessToken.accessToken.id }, session);
      await postEvent(server, world, webhookSecret, 'after.revoke');
      await dashboard.untilEnded();
      expect(dashboard.events.filter((e) => e !== 'warmup')).toEqual([]);
      expect(dashboard.state.ended).toEqual(CREDENTIAL_LOST_CLOSE);
    } finally {
      await dashboard.close();
    }
  });

  it.for([
    // Each ends the session on `server`, as its own person (token) or as the admin.
    ['logout', (server: TestServer, token: string) => server.gql(LOGOUT, {}, token)],
    [
      'sign out everywhere by a platform admin',
      (server: TestServer, _token: string, userId: string, admin: string) =>
        server.gql(EVERYWHERE, { u: userId }, admin),
    ],
  ] as const)(
    'opened with a session gets no event after %s, and its socket closes 4401',
    async ([_name, end], { server, world, admin, webhookSecret }) => {
      const p = await person(server, world, admin);
      const session = await p.login();
      const dashboard = listen(server, world, webhookSecret, session);
      try {
        await dashboard.ready();
        await end(server, session, p.id, admin);
        await postEvent(server, world, webhookSecret, 'after.logout');
        await dashboard.untilEnded();
        expect(dashboard.events.filter((e) => e !== 'warmup')).toEqual([]);
        expect(dashboard.state.ended).toEqual(CREDENTIAL_LOST_CLOSE);
      } finally {
        await dashboard.close();
      }
    },
  );

  it('whose person loses their role in the company completes (a session), or closes 4401 (an access token there)', async ({
    server,
    world,
    admin,
    webhookSecret,
  }) => {
    const p = await person(server, world, admin);
    const session = await p.login();
    const made = await server.gql(CREATE_TOKEN, { c: acme(world) }, session);
    const bySession = listen(server, world, webhookSecret, session);
    const byToken = listen(server, world, webhookSecret, made.data!.createAccessToken.token);
    try {
      await bySession.ready();
      await byToken.ready();
      const revoked = await server.gql(REVOKE_ROLE, { u: p.id, c: acme(world), r: world.role.ceo! }, admin);
      expect(revoked.errors).toBeUndefined();
      await postEvent(server, world, webhookSecret, 'after.role');
      await bySession.untilEnded();
      await byToken.untilEnded();
      expect(bySession.events.filter((e) => e !== 'warmup')).toEqual([]);
      expect(byToken.events.filter((e) => e !== 'warmup')).toEqual([]);
      expect(bySession.state.ended).toBe('complete');
      expect(byToken.state.ended).toEqual(CREDENTIAL_LOST_CLOSE);
    } finally {
      await bySession.close();
      await byToken.close();
    }
  });

  it('of a streamed chat stops before the next chunk once its access token is revoked', async ({
    server,
    world,
    admin,
    fake,
  }) => {
    const p = await person(server, world, admin);
    const session = await p.login();
    const made = await server.gql(CREATE_TOKEN, { c: acme(world) }, session);
    // Round one calls a tool (its event reaches the client); before round two answers, the token is revoked.
    fake.queue({ toolCalls: [{ name: 'sales-api__listAccounts', arguments: { limit: 1 } }] });
    fake.script(async () => {
      while (!received.some((e) => e.type === 'tool_call')) await new Promise((resolve) => setTimeout(resolve, 10));
      await server.gql(REVOKE_TOKEN, { id: made.data!.createAccessToken.accessToken.id }, session);
      return { content: 'Here are your accounts, streamed after the revocation.' };
    });
    const chat = watchSubscription(
      server.url,
      made.data!.createAccessToken.token,
      { query: STREAM, variables: { c: acme(world), m: 'List our accounts' } },
      (data: { chatStream: { type: string; text: string | null } }) => data.chatStream,
    );
    const received = chat.values;
    try {
      await chat.until(() => false);
      expect(received.map((e) => e.type)).toEqual(['tool_call']);
      expect(chat.state.ended).toMatchObject(CREDENTIAL_LOST_CLOSE);
    } finally {
      fake.script(() => ({ content: 'ok' }));
      await chat.close();
    }
  });
});
