// Crash safety of the outbox: a server process claims a delivery and is killed with SIGKILL
// while the receiver has not answered; a new process on the same database takes the delivery
// over once the claim's lease runs out, and the receiver acknowledges it exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERSONAS } from '../../../test/personas.ts';
import { inject } from 'vitest';
import { JWT_TEST_SECRET } from '../../../test/harness.ts';
import { copyTemplate, type TestDatabase } from '../../../test/database.ts';
import { DEMO_PASSWORD } from '../../demo/world.ts';
import { startReceiver, type Receiver } from '../../../test/webhook-receiver.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
let database: TestDatabase;
let receiver: Receiver;
const children: ChildProcess[] = [];

/** `node --import tsx server/src/main.ts` on the test database; resolves with its URL once it serves. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      SANDBOX_PORT: '0',
      SEED_DEMO: 'false',
      DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      JWT_SECRET: JWT_TEST_SECRET,
      LOG_LEVEL: 'warn',
      UPSTREAM_ALLOW_HOSTS: `127.0.0.1:${receiver.port}`,
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_RETRY_SCHEDULE_MS: '50,50,50',
    },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Tessera is running at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before serving: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const login = async (url: string) =>
  (
    await gql(url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: PERSONAS.companyAdmin,
      p: DEMO_PASSWORD,
    })
  ).login.token as string;

beforeAll(async () => {
  database = await copyTemplate(inject('template'));
  receiver = await startReceiver();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await receiver?.close();
  await database?.drop();
});

it('a delivery claimed by a killed process is delivered by the next one, and acknowledged once', async () => {
  const first = await startProcess();
  const token = await login(first.url);
  const ids = await gql(first.url, '{ myAdministeredCompanies { id slug } roles { id key } }', {}, token);
  const globex = (ids.myAdministeredCompanies as { id: string; slug: string }[]).find((c) => c.slug === 'globex')!.id;
  const ceo = (ids.roles as { id: string; key: string }[]).find((r) => r.key === 'ceo')!.id;
  const endpoints = await gql(
    first.url,
    'query ($c: ID!) { endpoints(companyId: $c) { id slug } }',
    { c: globex },
    token,
  );
  const hr = (endpoints.endpoints as { id: string; slug: string }[]).find((e) => e.slug === 'hr-api')!.id;

  const created = await gql(
    first.url,
    'mutation ($c: ID!, $u: String!) { createWebhookSubscription(companyId: $c, url: $u, events: ["permission.changed"]) { secret subscription { id } } }',
    { c: globex, u: receiver.url('/crash') },
    token,
  );
  const { secret, subscription } = created.createWebhookSubscription as {
    secret: string;
    subscription: { id: string };
  };

  // The first attempt reaches the receiver, which kills the sender before answering.
  receiver.respond = (_path, n) => {
    if (n > 1) return 200;
    first.child.kill('SIGKILL');
    return 'hang';
  };
  await gql(
    first.url,
    'mutation ($r: ID!, $c: ID!, $e: ID!) { setEndpointAccess(roleId: $r, companyId: $c, endpointId: $e, access: WRITE) { access } }',
    { r: ceo, c: globex, e: hr },
    token,
  );
  await receiver.waitFor('/crash', 1);
  await exited(first.child);
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await startProcess();
  const hits = await receiver.waitFor('/crash', 2);
  const token2 = await login(second.url);
  let delivery: { status: string; attempts: number; messageId: string } | undefined;
  for (;;) {
    const data = await gql(
      second.url,
      'query ($s: ID!) { webhookDeliveries(subscriptionId: $s) { status attempts messageId } }',
      { s: subscription.id },
      token2,
    );
    delivery = data.webhookDeliveries[0];
    if (delivery?.status === 'delivered') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  second.child.kill('SIGTERM');
  await exited(second.child);

  expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
  const all = receiver.received.filter((r) => r.path === '/crash');
  expect(all).toHaveLength(2);
  expect(all.filter((r) => r.answered >= 200 && r.answered < 300)).toHaveLength(1);
  expect(all.map((r) => r.headers['webhook-id'])).toEqual([delivery!.messageId, delivery!.messageId]);
  expect(new Webhook(secret).verify(hits[1]!.body, hits[1]!.headers as Record<string, string>)).toMatchObject({
    type: 'permission.changed',
    data: { to: 'WRITE' },
  });
}, 120_000);
